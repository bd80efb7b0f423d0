import { and, eq, gt, ne } from 'drizzle-orm'
import { createCookie, redirect } from 'react-router'
import { sessions, users } from '#db/schema/index.ts'
import { database } from './db.server.ts'
import { env } from './env.server.ts'
import { hashToken, newToken } from './tokens.server.ts'

const SESSION_DAYS = 30

function sessionCookie() {
	return createCookie('portal_session', {
		httpOnly: true,
		sameSite: 'lax',
		secure: env().NODE_ENV === 'production',
		path: '/',
		maxAge: SESSION_DAYS * 24 * 3600,
	})
}

async function readToken(request: Request): Promise<string | null> {
	const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length > 0 ? value : null
}

export type SessionUser = typeof users.$inferSelect & { sessionId: string }

/** The signed-in user, or null. A session row must exist and be unexpired: revocation is deletion. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
	const token = await readToken(request)
	if (!token) return null
	const rows = await database()
		.select({ user: users, sessionId: sessions.id })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())))
	const row = rows[0]
	return row ? { ...row.user, sessionId: row.sessionId } : null
}

export async function requireUser(request: Request): Promise<SessionUser> {
	const user = await getSessionUser(request)
	if (!user) {
		const url = new URL(request.url)
		throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
	}
	return user
}

/** Starts a session and returns the Set-Cookie header value. */
export async function createSession(
	userId: string,
	meta: { ip: string; userAgent: string | null },
): Promise<string> {
	const { token, hash } = newToken()
	await database()
		.insert(sessions)
		.values({
			id: hash,
			userId,
			expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
			ip: meta.ip,
			userAgent: meta.userAgent?.slice(0, 300) ?? null,
		})
	return sessionCookie().serialize(token)
}

/** Deletes this request's session and returns a Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
	const token = await readToken(request)
	if (token) await database().delete(sessions).where(eq(sessions.id, hashToken(token)))
	return sessionCookie().serialize('', { maxAge: 0 })
}

/** Revokes every session of a user, optionally keeping one (the one making the change). */
export async function revokeSessions(userId: string, keepSessionId?: string): Promise<void> {
	await database()
		.delete(sessions)
		.where(
			keepSessionId
				? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
				: eq(sessions.userId, userId),
		)
}
