import { and, eq, gt, isNull, ne } from 'drizzle-orm'
import { createElement } from 'react'
import { sessions, users, userTokens } from '#db/schema/index.ts'
import { ResetPassword, resetPasswordSubject } from '#emails/reset-password.tsx'
import { VerifyEmail, verifyEmailSubject } from '#emails/verify-email.tsx'
import { isLocale, type Locale } from '#app/i18n/i18n.ts'
import { database } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { hashToken, newToken } from '#app/utils/tokens.server.ts'
import { recordAudit, type Tx } from './audit.server.ts'
import { sendEmail } from './email.server.ts'

type User = typeof users.$inferSelect
type TokenPurpose = (typeof userTokens.$inferSelect)['purpose']

const HOUR_MS = 3600 * 1000
const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
	'verify-email': 48 * HOUR_MS,
	'reset-password': 1 * HOUR_MS,
}

function userLocale(user: Pick<User, 'locale'>): Locale {
	return isLocale(user.locale) ? user.locale : 'zh-CN'
}

function appLink(path: string, token: string): string {
	const url = new URL(path, env().APP_URL)
	url.searchParams.set('token', token)
	return url.toString()
}

/** Issues a fresh single-use token; earlier unused tokens of the same purpose stop working. */
async function issueToken(
	tx: Tx,
	userId: string,
	purpose: TokenPurpose,
	now = new Date(),
): Promise<string> {
	await tx
		.update(userTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(userTokens.userId, userId),
				eq(userTokens.purpose, purpose),
				isNull(userTokens.usedAt),
			),
		)
	const { token, hash } = newToken()
	await tx.insert(userTokens).values({
		userId,
		purpose,
		tokenHash: hash,
		expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
	})
	return token
}

/** Marks a valid token used and returns its user id; null when unknown, used or expired. */
async function consumeToken(
	tx: Tx,
	token: string,
	purpose: TokenPurpose,
	now = new Date(),
): Promise<string | null> {
	const [row] = await tx
		.update(userTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(userTokens.tokenHash, hashToken(token)),
				eq(userTokens.purpose, purpose),
				isNull(userTokens.usedAt),
				gt(userTokens.expiresAt, now),
			),
		)
		.returning({ userId: userTokens.userId })
	return row?.userId ?? null
}

export async function isTokenUsable(token: string, purpose: TokenPurpose): Promise<boolean> {
	const rows = await database()
		.select({ id: userTokens.id })
		.from(userTokens)
		.where(
			and(
				eq(userTokens.tokenHash, hashToken(token)),
				eq(userTokens.purpose, purpose),
				isNull(userTokens.usedAt),
				gt(userTokens.expiresAt, new Date()),
			),
		)
	return rows.length > 0
}

async function sendVerification(user: Pick<User, 'email' | 'name' | 'locale'>, token: string) {
	const locale = userLocale(user)
	return sendEmail({
		to: user.email,
		subject: verifyEmailSubject(locale),
		template: createElement(VerifyEmail, {
			name: user.name,
			url: appLink('/verify-email', token),
			locale,
		}),
	})
}

export async function findUserByEmail(email: string): Promise<User | null> {
	const [user] = await database()
		.select()
		.from(users)
		.where(eq(users.email, email.trim().toLowerCase()))
	return user ?? null
}

function isUniqueEmailViolation(error: unknown): boolean {
	for (let e: unknown = error; e instanceof Error; e = e.cause) {
		if (e.message.includes('UNIQUE constraint failed: users.email')) return true
	}
	return false
}

/** Creates the account and sends the verification email; null when the email is already registered. */
export async function signUp(input: {
	name: string
	email: string
	password: string
	locale: Locale
	ip: string
}): Promise<User | null> {
	const email = input.email.trim().toLowerCase()
	if (await findUserByEmail(email)) return null
	const passwordHash = await hashPassword(input.password)
	let created: { user: User; token: string }
	try {
		created = await database().transaction(async (tx) => {
			const [user] = await tx
				.insert(users)
				.values({ email, name: input.name, passwordHash, locale: input.locale })
				.returning()
			const token = await issueToken(tx, user!.id, 'verify-email')
			await recordAudit(tx, {
				workspaceId: null,
				actorUserId: user!.id,
				action: 'user.signed_up',
				targetType: 'user',
				targetId: user!.id,
				detail: { email },
				ip: input.ip,
			})
			return { user: user!, token }
		})
	} catch (error) {
		// two sign-ups for one address at the same moment: the unique index decides
		if (isUniqueEmailViolation(error)) return null
		throw error
	}
	await sendVerification(created.user, created.token)
	return created.user
}

export async function resendVerification(user: User): Promise<void> {
	if (user.emailVerifiedAt) return
	const token = await database().transaction((tx) => issueToken(tx, user.id, 'verify-email'))
	await sendVerification(user, token)
}

/** Consumes a verification link. Returns false for unknown, used or expired links. */
export async function verifyEmail(token: string, ip: string): Promise<boolean> {
	return database().transaction(async (tx) => {
		const userId = await consumeToken(tx, token, 'verify-email')
		if (!userId) return false
		const [updated] = await tx
			.update(users)
			.set({ emailVerifiedAt: new Date() })
			.where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
			.returning({ id: users.id, email: users.email })
		if (updated) {
			await recordAudit(tx, {
				workspaceId: null,
				actorUserId: userId,
				action: 'user.email_verified',
				targetType: 'user',
				targetId: userId,
				detail: { email: updated.email },
				ip,
			})
		}
		return true
	})
}

let dummyHash: Promise<string> | undefined

/**
 * The user for a correct email and password, else null. An unknown email still costs one scrypt
 * run, so response time does not tell which emails are registered.
 */
export async function authenticate(email: string, password: string): Promise<User | null> {
	const user = await findUserByEmail(email)
	if (!user) {
		dummyHash ??= hashPassword('not a real password: equalises timing')
		await verifyPassword(password, await dummyHash)
		return null
	}
	return (await verifyPassword(password, user.passwordHash)) ? user : null
}

/** Emails a reset link when the address is registered; says nothing either way. */
export async function requestPasswordReset(email: string): Promise<void> {
	const user = await findUserByEmail(email)
	if (!user) return
	const token = await database().transaction((tx) => issueToken(tx, user.id, 'reset-password'))
	const locale = userLocale(user)
	await sendEmail({
		to: user.email,
		subject: resetPasswordSubject(locale),
		template: createElement(ResetPassword, {
			name: user.name,
			url: appLink('/reset-password', token),
			locale,
		}),
	})
}

/**
 * Sets a new password from a reset link: the link is used up, every session of the user is
 * deleted (the caller signs them in afresh), and following the link proved the inbox, so the
 * email counts as verified. Returns the user id, or null when the link is not usable.
 */
export async function resetPassword(
	token: string,
	password: string,
	ip: string,
): Promise<string | null> {
	const passwordHash = await hashPassword(password)
	return database().transaction(async (tx) => {
		const now = new Date()
		const userId = await consumeToken(tx, token, 'reset-password', now)
		if (!userId) return null
		const [user] = await tx.select().from(users).where(eq(users.id, userId))
		await tx
			.update(users)
			.set({ passwordHash, emailVerifiedAt: user!.emailVerifiedAt ?? now })
			.where(eq(users.id, userId))
		await tx.delete(sessions).where(eq(sessions.userId, userId))
		await recordAudit(tx, {
			workspaceId: null,
			actorUserId: userId,
			action: 'user.password_reset',
			targetType: 'user',
			targetId: userId,
			ip,
		})
		return userId
	})
}

/** Changes the password after checking the current one; other sessions are signed out. */
export async function changePassword(
	user: User & { sessionId: string },
	currentPassword: string,
	newPassword: string,
	ip: string,
): Promise<boolean> {
	if (!(await verifyPassword(currentPassword, user.passwordHash))) return false
	const passwordHash = await hashPassword(newPassword)
	await database().transaction(async (tx) => {
		await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id))
		await tx
			.delete(sessions)
			.where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId)))
		await recordAudit(tx, {
			workspaceId: null,
			actorUserId: user.id,
			action: 'user.password_changed',
			targetType: 'user',
			targetId: user.id,
			ip,
		})
	})
	return true
}

export async function updateProfile(
	user: User,
	changes: { name: string; locale: Locale },
	ip: string,
) {
	await database().transaction(async (tx) => {
		await tx.update(users).set(changes).where(eq(users.id, user.id))
		await recordAudit(tx, {
			workspaceId: null,
			actorUserId: user.id,
			action: 'user.profile_updated',
			targetType: 'user',
			targetId: user.id,
			detail: { before: { name: user.name, locale: user.locale }, after: changes },
			ip,
		})
	})
}
