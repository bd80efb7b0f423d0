import { expect, test } from 'vitest'
import * as forgotPassword from '#app/routes/auth/forgot-password.tsx'
import * as login from '#app/routes/auth/login.tsx'
import * as signup from '#app/routes/auth/signup.tsx'
import { hitRateLimit, rateLimitPolicy } from '#app/services/rate-limit.server.ts'
import { context, createUser, respond, routeArgs } from './helpers.ts'

function loginAttempt(ip: string, forwardedFor?: string) {
	const args = routeArgs('/login', {
		form: { email: 'someone@example.com', password: 'guess 123456' },
		ip,
	})
	if (forwardedFor) args.request.headers.set('X-Forwarded-For', forwardedFor)
	return respond(() => login.action(args))
}

test('the defaults: 10 log-ins per 15 minutes, 5 sign-ups and 5 reset requests per hour', () => {
	expect(rateLimitPolicy('login')).toEqual({ max: 10, windowMs: 15 * 60_000 })
	expect(rateLimitPolicy('signup')).toEqual({ max: 5, windowMs: 3600_000 })
	expect(rateLimitPolicy('reset')).toEqual({ max: 5, windowMs: 3600_000 })
	expect(rateLimitPolicy('verify')).toEqual({ max: 5, windowMs: 3600_000 })
})

test('log-in: 429 after 10 attempts from one socket address, whatever X-Forwarded-For says; another address has its own budget', async () => {
	await createUser({ email: 'someone@example.com' })
	for (let i = 0; i < 10; i++) {
		const result = await loginAttempt('203.0.113.7', `192.0.2.${i}`)
		expect(result.status).toBe(400)
	}
	const limited = await loginAttempt('203.0.113.7')
	expect(limited.status).toBe(429)
	const retryAfter = Number(limited.headers.get('Retry-After'))
	expect(retryAfter).toBeGreaterThan(15 * 60 - 30)
	expect(retryAfter).toBeLessThanOrEqual(15 * 60)
	expect(limited.data).toEqual({
		errors: { '': ['尝试次数过多，请在 15 分钟后再试。'] },
		values: { email: 'someone@example.com' },
	})

	// a spoofed header from the same socket does not open a new budget
	const spoofed = await loginAttempt('203.0.113.7', '198.51.100.99')
	expect(spoofed.status).toBe(429)

	// the message is in the visitor's language
	const args = routeArgs('/login', {
		form: { email: 'someone@example.com', password: 'x' },
		ip: '203.0.113.7',
	})
	args.request.headers.set('Accept-Language', 'en')
	const english = await respond(() => login.action(args))
	expect(english.data).toMatchObject({
		errors: { '': ['Too many attempts. Please try again in 15 minutes.'] },
	})

	// a different socket address is counted separately
	const other = await loginAttempt('203.0.113.8', '203.0.113.7')
	expect(other.status).toBe(400)
})

test('sign-up: the sixth within an hour from one address is refused and creates nothing', async () => {
	const form = (n: number) => ({
		name: '测试',
		email: `limit-${n}@example.com`,
		password: 'password 1234',
		confirmPassword: 'password 1234',
	})
	for (let n = 0; n < 5; n++) {
		const result = await respond(() =>
			signup.action(routeArgs('/signup', { form: form(n), ip: '203.0.113.20' })),
		)
		expect(result.status).toBe(302)
	}
	const limited = await respond(() =>
		signup.action(routeArgs('/signup', { form: form(5), ip: '203.0.113.20' })),
	)
	expect(limited.status).toBe(429)
	expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/)
	const { findUserByEmail } = await import('#app/services/accounts.server.ts')
	expect(await findUserByEmail('limit-5@example.com')).toBeNull()
	const elsewhere = await respond(() =>
		signup.action(routeArgs('/signup', { form: form(6), ip: '203.0.113.21' })),
	)
	expect(elsewhere.status).toBe(302)
})

test('forgot-password: 429 after 5 requests per hour', async () => {
	const ask = () =>
		respond(() =>
			forgotPassword.action(
				routeArgs('/forgot-password', { form: { email: 'a@example.com' }, ip: '203.0.113.30' }),
			),
		)
	for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(200)
	expect((await ask()).status).toBe(429)
})

test('a new window starts when the old one has passed', async () => {
	const ctx = context('203.0.113.40')
	const start = new Date('2026-05-01T08:00:00Z')
	for (let i = 0; i < 10; i++) expect(await hitRateLimit('login', ctx, start)).toBeNull()
	expect(await hitRateLimit('login', ctx, new Date(start.getTime() + 60_000))).toBe(14 * 60)
	expect(await hitRateLimit('login', ctx, new Date(start.getTime() + 15 * 60_000))).toBeNull()
})

test('concurrent attempts cannot slip past the limit', async () => {
	const ctx = context('203.0.113.50')
	const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit('login', ctx)))
	expect(results.filter((wait) => wait === null)).toHaveLength(10)
	expect(results.filter((wait) => wait !== null)).toHaveLength(30)
})

test('a plain-form post keeps Retry-After on the document response', () => {
	const args = (actionHeaders: Headers) => ({
		actionHeaders,
		loaderHeaders: new Headers(),
		parentHeaders: new Headers(),
		errorHeaders: undefined,
	})
	for (const route of [login, signup, forgotPassword]) {
		expect(route.headers(args(new Headers({ 'Retry-After': '120' })))).toEqual({ 'Retry-After': '120' })
		expect(route.headers(args(new Headers()))).toEqual({})
	}
})
