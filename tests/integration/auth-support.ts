import { and, count, desc, eq } from 'drizzle-orm'
import { auditLog, emailOutbox, rateLimits, sessions, users, userTokens } from '#db/schema/index.ts'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { database } from '#app/utils/db.server.ts'

let lastIp = 0
/** A new client address, so tests that are not about rate limits never share a budget. */
export function freshIp(): string {
	lastIp += 1
	return `10.${(lastIp >> 16) & 255}.${(lastIp >> 8) & 255}.${lastIp & 255}`
}

/** The newest email the portal wrote to the outbox for this address. */
export async function latestEmail(to: string) {
	const [email] = await database()
		.select()
		.from(emailOutbox)
		.where(eq(emailOutbox.to, to.toLowerCase()))
		.orderBy(desc(emailOutbox.createdAt))
		.limit(1)
	return email ?? null
}

/** The first portal link in an email's text, as a path with its query. */
export function linkPath(text: string): string {
	const match = text.match(/https?:\/\/[^\s)]+/)
	if (!match) throw new Error(`no link in:\n${text}`)
	const url = new URL(match[0])
	return url.pathname + url.search
}

/** "name=value" of the Set-Cookie header, for the next request's Cookie header. */
export function cookieFrom(headers: Headers): string {
	const setCookie = headers.get('Set-Cookie')
	if (!setCookie) throw new Error('no Set-Cookie header')
	return setCookie.split(';')[0]!
}

export async function userByEmail(email: string) {
	const [user] = await database().select().from(users).where(eq(users.email, email))
	return user ?? null
}

export async function auditActions(userId: string) {
	return database()
		.select({
			action: auditLog.action,
			workspaceId: auditLog.workspaceId,
			actorUserId: auditLog.actorUserId,
		})
		.from(auditLog)
		.where(and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, userId)))
		.orderBy(auditLog.createdAt)
}

async function rows(table: SQLiteTable): Promise<number> {
	const [row] = await database().select({ n: count() }).from(table)
	return row!.n
}

/** Row counts of every table an account action could write to. */
export async function rowCounts() {
	return {
		users: await rows(users),
		sessions: await rows(sessions),
		userTokens: await rows(userTokens),
		emailOutbox: await rows(emailOutbox),
		auditLog: await rows(auditLog),
		rateLimits: await rows(rateLimits),
	}
}
