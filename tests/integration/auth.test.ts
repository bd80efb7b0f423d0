import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { sessions, users, userTokens } from '#db/schema/index.ts'
import * as account from '#app/routes/auth/account.tsx'
import * as forgotPassword from '#app/routes/auth/forgot-password.tsx'
import * as login from '#app/routes/auth/login.tsx'
import * as logout from '#app/routes/auth/logout.ts'
import * as resetPassword from '#app/routes/auth/reset-password.tsx'
import * as signup from '#app/routes/auth/signup.tsx'
import * as verifyEmail from '#app/routes/auth/verify-email.tsx'
import { database } from '#app/utils/db.server.ts'
import { getSessionUser } from '#app/utils/session.server.ts'
import {
	auditActions,
	cookieFrom,
	freshIp,
	latestEmail,
	linkPath,
	rowCounts,
	userByEmail,
} from './auth-support.ts'
import { cookieFor, createUser, respond, routeArgs, TEST_PASSWORD } from './helpers.ts'

const PASSWORD = '售后服务-自评-2026'

function requestWithCookie(cookie: string) {
	return new Request('http://localhost/workspaces', { headers: { Cookie: cookie } })
}

async function signUp(email: string, extra: Record<string, string> = {}) {
	return respond(() =>
		signup.action(
			routeArgs('/signup', {
				form: { name: '张伟', email, password: PASSWORD, confirmPassword: PASSWORD, ...extra },
				ip: freshIp(),
			}),
		),
	)
}

async function logIn(email: string, password: string, extra: Record<string, string> = {}) {
	return respond(() =>
		login.action(routeArgs('/login', { form: { email, password, ...extra }, ip: freshIp() })),
	)
}

describe('sign-up', () => {
	test('creates the user, emails a verification link, signs them in and goes to /workspaces', async () => {
		const result = await signUp('Zhang.Wei@Example.com')
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe('/workspaces')

		const user = await userByEmail('zhang.wei@example.com')
		expect(user).toMatchObject({ name: '张伟', locale: 'zh-CN', emailVerifiedAt: null })
		expect(user!.passwordHash).toMatch(/^scrypt\$/)
		expect(user!.passwordHash).not.toContain(PASSWORD)

		const signedIn = await getSessionUser(requestWithCookie(cookieFrom(result.headers)))
		expect(signedIn?.id).toBe(user!.id)

		const email = await latestEmail('zhang.wei@example.com')
		expect(email).toMatchObject({ status: 'outbox', template: 'VerifyEmail' })
		expect(email!.subject).toContain('验证')
		expect(linkPath(email!.text)).toMatch(/^\/verify-email\?token=[\w-]{43}$/)
		expect(email!.html).toContain('/verify-email?token=')

		// only the hash of the token is stored
		const token = new URL(linkPath(email!.text), 'http://x').searchParams.get('token')!
		const tokens = await database().select().from(userTokens).where(eq(userTokens.userId, user!.id))
		expect(tokens).toHaveLength(1)
		expect(tokens[0]!.tokenHash).not.toBe(token)

		expect(await auditActions(user!.id)).toEqual([
			{ action: 'user.signed_up', workspaceId: null, actorUserId: user!.id },
		])
	})

	test('an English browser gets an English account and email', async () => {
		const args = routeArgs('/signup', {
			form: {
				name: 'Wei',
				email: 'wei.en@example.com',
				password: PASSWORD,
				confirmPassword: PASSWORD,
			},
			ip: freshIp(),
		})
		args.request.headers.set('Accept-Language', 'en-GB,en;q=0.9')
		expect((await respond(() => signup.action(args))).status).toBe(302)
		expect((await userByEmail('wei.en@example.com'))!.locale).toBe('en')
		expect((await latestEmail('wei.en@example.com'))!.subject).toMatch(/^Verify your email/)
	})

	test('goes to a same-site redirectTo (an invitation link), never to another site', async () => {
		const invited = await signUp('invited@example.com', { redirectTo: '/invitations/tok_123' })
		expect(invited.headers.get('Location')).toBe('/invitations/tok_123')
		const evil = await signUp('evil@example.com', { redirectTo: '//evil.example/steal' })
		expect(evil.headers.get('Location')).toBe('/workspaces')
	})

	test('an address that is already registered is a field error and changes nothing', async () => {
		await createUser({ email: 'taken@example.com' })
		const before = await rowCounts()
		const result = await signUp('TAKEN@example.com')
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({ errors: { email: ['该邮箱已注册，请直接登录或找回密码'] } })
		expect(result.data).not.toHaveProperty('values.password')
		const after = await rowCounts()
		expect({ ...after, rateLimits: 0 }).toEqual({ ...before, rateLimits: 0 })
	})

	test('a signed-in visitor is sent on from the sign-up and log-in pages', async () => {
		const user = await createUser()
		const cookie = await cookieFor(user.id)
		for (const route of [signup, login]) {
			const result = await respond(() =>
				route.loader(routeArgs('/x?redirectTo=/account', { cookie })),
			)
			expect(result.status).toBe(302)
			expect(result.headers.get('Location')).toBe('/account')
		}
	})
})

describe('email verification', () => {
	async function signedUp(email: string) {
		const result = await signUp(email)
		const mail = await latestEmail(email)
		return {
			cookie: cookieFrom(result.headers),
			link: linkPath(mail!.text),
			user: (await userByEmail(email))!,
		}
	}

	test('the link verifies once; a second use is refused', async () => {
		const { link, user } = await signedUp('verify-once@example.com')
		const first = await respond(() => verifyEmail.loader(routeArgs(link)))
		expect(first.status).toBe(302)
		expect(first.headers.get('Location')).toBe('/verify-email?result=verified')
		const verified = (await userByEmail('verify-once@example.com'))!
		expect(verified.emailVerifiedAt).toBeInstanceOf(Date)

		const second = await respond(() => verifyEmail.loader(routeArgs(link)))
		expect(second.headers.get('Location')).toBe('/verify-email?result=invalid')
		expect((await userByEmail('verify-once@example.com'))!.emailVerifiedAt).toEqual(
			verified.emailVerifiedAt,
		)

		expect((await auditActions(user.id)).map((a) => a.action)).toEqual([
			'user.signed_up',
			'user.email_verified',
		])
	})

	test('the link expires after 48 hours', async () => {
		const { link, user } = await signedUp('verify-late@example.com')
		const [token] = await database().select().from(userTokens).where(eq(userTokens.userId, user.id))
		const hours = (token!.expiresAt.getTime() - token!.createdAt.getTime()) / 3600_000
		expect(hours).toBeCloseTo(48, 2)
		await database()
			.update(userTokens)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(userTokens.id, token!.id))
		const result = await respond(() => verifyEmail.loader(routeArgs(link)))
		expect(result.headers.get('Location')).toBe('/verify-email?result=invalid')
		expect((await userByEmail('verify-late@example.com'))!.emailVerifiedAt).toBeNull()
	})

	test('a made-up token is refused', async () => {
		const result = await respond(() =>
			verifyEmail.loader(routeArgs('/verify-email?token=not-a-real-token')),
		)
		expect(result.headers.get('Location')).toBe('/verify-email?result=invalid')
	})

	test('a signed-in unverified user can get a new link; the old one stops working', async () => {
		const { cookie, link: oldLink } = await signedUp('resend@example.com')
		const page = await respond(() => verifyEmail.loader(routeArgs('/verify-email', { cookie })))
		expect(page.data).toMatchObject({
			state: 'pending',
			canResend: true,
			email: 'resend@example.com',
		})

		const resent = await respond(() =>
			verifyEmail.action(
				routeArgs('/verify-email', { form: { intent: 'resend' }, cookie, ip: freshIp() }),
			),
		)
		expect(resent.data).toEqual({ resent: true })
		const newLink = linkPath((await latestEmail('resend@example.com'))!.text)
		expect(newLink).not.toBe(oldLink)

		expect(
			(await respond(() => verifyEmail.loader(routeArgs(oldLink)))).headers.get('Location'),
		).toBe('/verify-email?result=invalid')
		expect(
			(await respond(() => verifyEmail.loader(routeArgs(newLink)))).headers.get('Location'),
		).toBe('/verify-email?result=verified')
		const after = await respond(() => verifyEmail.loader(routeArgs('/verify-email', { cookie })))
		expect(after.data).toMatchObject({ state: 'verified', canResend: false })
	})

	test('the status page without a token asks anonymous visitors to log in', async () => {
		const result = await respond(() => verifyEmail.loader(routeArgs('/verify-email')))
		expect(result.headers.get('Location')).toBe('/login?redirectTo=%2Fverify-email')
	})
})

describe('log-in', () => {
	test('a wrong password and an unknown email get the same answer', async () => {
		await signUp('known@example.com')
		const wrongPassword = await logIn('known@example.com', 'wrong password 123')
		const unknownEmail = await logIn('nobody@example.com', 'wrong password 123')
		expect(wrongPassword.status).toBe(400)
		expect(unknownEmail.status).toBe(400)
		expect(wrongPassword.data).toEqual({
			errors: { '': ['邮箱或密码不正确'] },
			values: { email: 'known@example.com' },
		})
		expect(unknownEmail.data).toEqual({
			errors: { '': ['邮箱或密码不正确'] },
			values: { email: 'nobody@example.com' },
		})
		expect(wrongPassword.headers.get('Set-Cookie')).toBeNull()
	})

	test('the right password signs in (email in any case) and honours a same-site redirectTo only', async () => {
		await signUp('login-ok@example.com')
		const ok = await logIn('LOGIN-OK@example.com', PASSWORD, { redirectTo: '/w/abc/assessments' })
		expect(ok.status).toBe(302)
		expect(ok.headers.get('Location')).toBe('/w/abc/assessments')
		const user = await getSessionUser(requestWithCookie(cookieFrom(ok.headers)))
		expect(user?.email).toBe('login-ok@example.com')

		for (const evil of ['https://evil.example', '//evil.example', '/\\evil.example']) {
			const result = await logIn('login-ok@example.com', PASSWORD, { redirectTo: evil })
			expect(result.headers.get('Location')).toBe('/workspaces')
		}
	})

	test('the login page keeps only a same-site redirectTo for the form', async () => {
		const good = await respond(() => login.loader(routeArgs('/login?redirectTo=%2Faccount')))
		expect(good.data).toEqual({ redirectTo: '/account' })
		const bad = await respond(() =>
			login.loader(routeArgs('/login?redirectTo=https%3A%2F%2Fevil.example')),
		)
		expect(bad.data).toEqual({ redirectTo: '' })
	})
})

describe('log-out', () => {
	test('POST deletes the server session: the old cookie no longer signs in and protected pages redirect', async () => {
		const user = await createUser()
		const cookie = await cookieFor(user.id)
		expect(await getSessionUser(requestWithCookie(cookie))).not.toBeNull()

		const result = await respond(() =>
			logout.action(routeArgs('/logout', { method: 'POST', cookie })),
		)
		expect(result.status).toBe(302)
		expect(result.headers.get('Set-Cookie')).toMatch(/^portal_session=;.*Max-Age=0/)

		expect(await getSessionUser(requestWithCookie(cookie))).toBeNull()
		expect(await database().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([])
		const page = await respond(() => account.loader(routeArgs('/account', { cookie })))
		expect(page.status).toBe(302)
		expect(page.headers.get('Location')).toBe('/login?redirectTo=%2Faccount')
	})

	test('GET does not sign out', async () => {
		const user = await createUser()
		const cookie = await cookieFor(user.id)
		const result = await respond(async () => logout.loader())
		expect(result.status).toBe(302)
		expect(await getSessionUser(requestWithCookie(cookie))).not.toBeNull()
	})
})

describe('password reset', () => {
	async function forgot(email: string) {
		return respond(() =>
			forgotPassword.action(routeArgs('/forgot-password', { form: { email }, ip: freshIp() })),
		)
	}

	test('known and unknown emails get the same response; only a known one gets an email', async () => {
		const user = await createUser({ email: 'reset-known@example.com' })
		const before = await rowCounts()
		const known = await forgot('reset-known@example.com')
		const unknown = await forgot('reset-unknown@example.com')
		expect(known.status).toBe(200)
		expect(unknown.status).toBe(200)
		expect(known.data).toEqual({ sent: true, email: 'reset-known@example.com' })
		expect(unknown.data).toEqual({ sent: true, email: 'reset-unknown@example.com' })
		expect(await latestEmail('reset-unknown@example.com')).toBeNull()
		const mail = await latestEmail('reset-known@example.com')
		expect(mail).toMatchObject({ template: 'ResetPassword' })
		expect(linkPath(mail!.text)).toMatch(/^\/reset-password\?token=[\w-]{43}$/)
		const after = await rowCounts()
		expect(after.userTokens - before.userTokens).toBe(1)
		expect(after.users).toBe(before.users)
		const [token] = await database().select().from(userTokens).where(eq(userTokens.userId, user.id))
		expect((token!.expiresAt.getTime() - token!.createdAt.getTime()) / 60_000).toBeCloseTo(60, 1)
	})

	test('the link sets a new password once, revokes every session and signs in afresh', async () => {
		const user = await createUser({ email: 'reset-flow@example.com', emailVerifiedAt: null })
		const laptop = await cookieFor(user.id)
		const phone = await cookieFor(user.id)
		await forgot('reset-flow@example.com')
		const link = linkPath((await latestEmail('reset-flow@example.com'))!.text)
		const token = new URL(link, 'http://x').searchParams.get('token')!

		const page = await respond(() => resetPassword.loader(routeArgs(link)))
		expect(page).toMatchObject({ status: 200, data: { valid: true, token } })

		const newPassword = 'a brand new password'
		const form = { token, password: newPassword, confirmPassword: newPassword }
		const done = await respond(() => resetPassword.action(routeArgs(link, { form, ip: freshIp() })))
		expect(done.status).toBe(302)
		expect(done.headers.get('Location')).toBe('/workspaces')

		expect(await getSessionUser(requestWithCookie(laptop))).toBeNull()
		expect(await getSessionUser(requestWithCookie(phone))).toBeNull()
		const fresh = await getSessionUser(requestWithCookie(cookieFrom(done.headers)))
		expect(fresh?.id).toBe(user.id)
		expect(
			await database().select().from(sessions).where(eq(sessions.userId, user.id)),
		).toHaveLength(1)
		// following the emailed link proved the inbox
		expect(fresh?.emailVerifiedAt).toBeInstanceOf(Date)

		expect((await logIn('reset-flow@example.com', TEST_PASSWORD)).status).toBe(400)
		expect((await logIn('reset-flow@example.com', newPassword)).status).toBe(302)

		const again = await respond(() =>
			resetPassword.action(routeArgs(link, { form, ip: freshIp() })),
		)
		expect(again.status).toBe(400)
		expect(again.data).toMatchObject({
			errors: { '': ['重置链接无效、已使用或已过期，请重新申请。'] },
		})
		expect((await respond(() => resetPassword.loader(routeArgs(link)))).data).toEqual({
			valid: false,
			token: '',
		})

		expect((await auditActions(user.id)).map((a) => a.action)).toEqual(['user.password_reset'])
	})

	test('an expired link is refused and the password stays', async () => {
		const user = await createUser({ email: 'reset-late@example.com' })
		await forgot('reset-late@example.com')
		const link = linkPath((await latestEmail('reset-late@example.com'))!.text)
		const token = new URL(link, 'http://x').searchParams.get('token')!
		await database()
			.update(userTokens)
			.set({ expiresAt: new Date(Date.now() - 1) })
			.where(eq(userTokens.userId, user.id))
		expect((await respond(() => resetPassword.loader(routeArgs(link)))).status).toBe(400)
		const form = {
			token,
			password: 'another new password',
			confirmPassword: 'another new password',
		}
		expect(
			(await respond(() => resetPassword.action(routeArgs(link, { form, ip: freshIp() })))).status,
		).toBe(400)
		const [after] = await database().select().from(users).where(eq(users.id, user.id))
		expect(after!.passwordHash).toBe(user.passwordHash)
	})

	test('a newer reset link replaces the older one', async () => {
		await createUser({ email: 'reset-twice@example.com' })
		await forgot('reset-twice@example.com')
		const first = linkPath((await latestEmail('reset-twice@example.com'))!.text)
		await new Promise((r) => setTimeout(r, 5))
		await forgot('reset-twice@example.com')
		const second = linkPath((await latestEmail('reset-twice@example.com'))!.text)
		expect(second).not.toBe(first)
		expect((await respond(() => resetPassword.loader(routeArgs(first)))).data).toMatchObject({
			valid: false,
		})
		expect((await respond(() => resetPassword.loader(routeArgs(second)))).data).toMatchObject({
			valid: true,
		})
	})
})

describe('account', () => {
	test('shows the signed-in user', async () => {
		const user = await createUser({ name: '李娜', email: 'li.na@example.com' })
		const cookie = await cookieFor(user.id)
		const page = await respond(() => account.loader(routeArgs('/account', { cookie })))
		expect(page.data).toEqual({
			name: '李娜',
			email: 'li.na@example.com',
			locale: 'zh-CN',
			emailVerified: true,
		})
	})

	test('changing the password keeps this session, revokes the others and is audited', async () => {
		const user = await createUser()
		const here = await cookieFor(user.id)
		const elsewhere = await cookieFor(user.id)
		const form = {
			intent: 'password',
			currentPassword: TEST_PASSWORD,
			newPassword: 'changed password 2026',
			confirmPassword: 'changed password 2026',
		}
		const result = await respond(() =>
			account.action(routeArgs('/account', { form, cookie: here, ip: freshIp() })),
		)
		expect(result).toMatchObject({ status: 200, data: { done: 'password' } })
		expect(await getSessionUser(requestWithCookie(here))).not.toBeNull()
		expect(await getSessionUser(requestWithCookie(elsewhere))).toBeNull()
		expect((await logIn(user.email, 'changed password 2026')).status).toBe(302)
		expect(await auditActions(user.id)).toEqual([
			{ action: 'user.password_changed', workspaceId: null, actorUserId: user.id },
		])
	})

	test('a wrong current password is a field error and changes nothing', async () => {
		const user = await createUser()
		const here = await cookieFor(user.id)
		const elsewhere = await cookieFor(user.id)
		const before = await rowCounts()
		const form = {
			intent: 'password',
			currentPassword: 'not my password',
			newPassword: 'changed password 2026',
			confirmPassword: 'changed password 2026',
		}
		const result = await respond(() =>
			account.action(routeArgs('/account', { form, cookie: here, ip: freshIp() })),
		)
		expect(result.status).toBe(400)
		expect(result.data).toEqual({
			errors: { currentPassword: ['当前密码不正确'] },
			values: { intent: 'password' },
		})
		expect(await getSessionUser(requestWithCookie(elsewhere))).not.toBeNull()
		const [after] = await database().select().from(users).where(eq(users.id, user.id))
		expect(after!.passwordHash).toBe(user.passwordHash)
		const counts = await rowCounts()
		expect({ ...counts, rateLimits: 0 }).toEqual({ ...before, rateLimits: 0 })
	})

	test('name and language are saved, the language cookie follows', async () => {
		const user = await createUser({ name: '旧名字' })
		const cookie = await cookieFor(user.id)
		const form = { intent: 'profile', name: '  New Name  ', locale: 'en' }
		const result = await respond(() =>
			account.action(routeArgs('/account', { form, cookie, ip: freshIp() })),
		)
		expect(result).toMatchObject({ status: 200, data: { done: 'profile' } })
		expect(result.headers.get('Set-Cookie')).toMatch(/^portal_lang=/)
		const [after] = await database().select().from(users).where(eq(users.id, user.id))
		expect(after).toMatchObject({ name: 'New Name', locale: 'en' })
		expect((await auditActions(user.id)).map((a) => a.action)).toEqual(['user.profile_updated'])

		// messages now come back in English
		const bad = await respond(() =>
			account.action(
				routeArgs('/account', { form: { intent: 'profile', name: '', locale: 'en' }, cookie }),
			),
		)
		expect(bad.data).toMatchObject({ errors: { name: ['This field is required'] } })
	})

	test('an anonymous POST is sent to log in', async () => {
		const result = await respond(() =>
			account.action(
				routeArgs('/account', { form: { intent: 'profile', name: 'x', locale: 'en' } }),
			),
		)
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe('/login?redirectTo=%2Faccount')
	})
})
