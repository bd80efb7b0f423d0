/**
 * Applies migrations and, on first run, seeds the demo organisation. Run by `npm start`,
 * `npm run db:migrate` (--migrate-only) and `npm run db:seed` (--seed).
 */
import { migrate } from 'drizzle-orm/libsql/migrator'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { database, databaseClient } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { seedDemo } from './seed.ts'

export async function prepareDatabase({ seed }: { seed: boolean }) {
	const { DATABASE_URL } = env()
	if (DATABASE_URL.startsWith('file:')) {
		const file = DATABASE_URL.slice('file:'.length).split('?')[0]!
		mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
		// WAL is stored in the database file itself, so setting it once covers every pooled connection.
		await databaseClient().execute('PRAGMA journal_mode=WAL')
	}
	await migrate(database(), { migrationsFolder: path.resolve(import.meta.dirname, 'migrations') })
	if (seed) await seedDemo(database())
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const migrateOnly = process.argv.includes('--migrate-only')
	try {
		await prepareDatabase({ seed: !migrateOnly && env().SEED_DEMO })
		databaseClient().close()
	} catch (error) {
		console.error(error instanceof Error ? error.message : error)
		process.exit(1)
	}
}
