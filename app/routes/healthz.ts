import { sql } from 'drizzle-orm'
import { database } from '#app/utils/db.server.ts'

/** Liveness and database check for Fly.io: 200 only if the database answers. */
export async function loader() {
	try {
		await database().run(sql`select 1`)
		return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return Response.json({ status: 'database unavailable' }, { status: 503 })
	}
}
