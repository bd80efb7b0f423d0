import { lt, sql } from 'drizzle-orm'
import { data, type AppLoadContext } from 'react-router'
import { rateLimits } from '#db/schema/index.ts'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { type Locale } from '#app/i18n/i18n.ts'
import { translator } from '#app/i18n/translator.ts'
import { database } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import type { FieldErrors } from '#app/utils/forms.server.ts'
import { clientIp } from '#app/utils/request-context.ts'

/**
 * login also covers other password checks (changing the password), so guesses share one budget;
 * reset covers forgot-password requests; verify covers re-sending the verification email;
 * invite-user and invite-ip cover invitation emails (sent or resent), per inviter and per address.
 */
export type RateLimitedAction =
	'login' | 'signup' | 'reset' | 'verify' | 'invite-user' | 'invite-ip'

export function rateLimitPolicy(action: RateLimitedAction): { max: number; windowMs: number } {
	const e = env()
	const minutes = 60_000
	switch (action) {
		case 'login':
			return { max: e.RATE_LIMIT_LOGIN_MAX, windowMs: e.RATE_LIMIT_LOGIN_WINDOW_MINUTES * minutes }
		case 'signup':
			return {
				max: e.RATE_LIMIT_SIGNUP_MAX,
				windowMs: e.RATE_LIMIT_SIGNUP_WINDOW_MINUTES * minutes,
			}
		case 'reset':
			return { max: e.RATE_LIMIT_RESET_MAX, windowMs: e.RATE_LIMIT_RESET_WINDOW_MINUTES * minutes }
		case 'verify':
			return {
				max: e.RATE_LIMIT_VERIFY_MAX,
				windowMs: e.RATE_LIMIT_VERIFY_WINDOW_MINUTES * minutes,
			}
		case 'invite-user':
			return {
				max: e.RATE_LIMIT_INVITE_USER_MAX,
				windowMs: e.RATE_LIMIT_INVITE_WINDOW_MINUTES * minutes,
			}
		case 'invite-ip':
			return {
				max: e.RATE_LIMIT_INVITE_IP_MAX,
				windowMs: e.RATE_LIMIT_INVITE_WINDOW_MINUTES * minutes,
			}
	}
}

const DAY_MS = 24 * 3600 * 1000

/**
 * Counts one attempt for this action from this client address (the socket address from server.js,
 * never a request header) and returns the seconds to wait when over the limit, else null.
 * One UPSERT both resets an expired window and increments, so concurrent requests cannot slip
 * past the limit between a read and a write.
 */
export async function hitRateLimit(
	action: RateLimitedAction,
	context: AppLoadContext,
	now = new Date(),
): Promise<number | null> {
	return hitKey(`${action}:${clientIp(context)}`, rateLimitPolicy(action), now)
}

/**
 * Counts one invitation email from this user and from this client address; the seconds to wait
 * when either is over its limit, else null. Both are counted, so an account cannot spread its
 * sending over many addresses, nor many accounts share one address's budget.
 */
export async function hitInvitationLimit(
	userId: string,
	context: AppLoadContext,
	now = new Date(),
): Promise<number | null> {
	const byUser = await hitKey(`invite-user:${userId}`, rateLimitPolicy('invite-user'), now)
	const byAddress = await hitRateLimit('invite-ip', context, now)
	if (byUser === null && byAddress === null) return null
	return Math.max(byUser ?? 0, byAddress ?? 0)
}

async function hitKey(
	key: string,
	{ max, windowMs }: { max: number; windowMs: number },
	now: Date,
): Promise<number | null> {
	const nowMs = now.getTime()
	const expired = sql`${rateLimits.windowStart} <= ${nowMs - windowMs}`
	const [row] = await database()
		.insert(rateLimits)
		.values({ key, windowStart: now, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
				windowStart: sql`case when ${expired} then ${nowMs} else ${rateLimits.windowStart} end`,
			},
		})
		.returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
	if (row!.count === 1 && row!.windowStart.getTime() === nowMs) {
		// a new window started: a cheap moment to drop counters nobody has touched for a day
		await database()
			.delete(rateLimits)
			.where(lt(rateLimits.windowStart, new Date(nowMs - Math.max(windowMs, DAY_MS))))
	}
	if (row!.count <= max) return null
	return Math.max(1, Math.ceil((row!.windowStart.getTime() + windowMs - nowMs) / 1000))
}

/** The form-level error of a refused attempt: how many minutes to wait, in the person's language. */
export function rateLimitErrors(
	retryAfterSeconds: number,
	locale: Locale,
	message: MessageKey = 'auth.rateLimited',
): FieldErrors {
	const t = translator(locale)
	return { '': [t(message, { minutes: Math.ceil(retryAfterSeconds / 60) })] }
}

/** The 429 a form action returns: the form shows the message, Retry-After tells clients when. */
export function tooManyRequests(
	retryAfterSeconds: number,
	locale: Locale,
	values: Record<string, string> = {},
) {
	const errors = rateLimitErrors(retryAfterSeconds, locale)
	return data(
		{ errors, values },
		{ status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
	)
}

/**
 * For the `headers` export of a route whose action can answer 429: without it a plain-form post
 * (a document request) would get the status but lose Retry-After.
 */
export function retryAfterHeaders({
	actionHeaders,
}: {
	actionHeaders: Headers
}): Record<string, string> {
	const retryAfter = actionHeaders.get('Retry-After')
	return retryAfter ? { 'Retry-After': retryAfter } : {}
}
