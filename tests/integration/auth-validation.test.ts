import { beforeAll, describe, expect, test } from 'vitest'
import * as account from '#app/routes/auth/account.tsx'
import * as forgotPassword from '#app/routes/auth/forgot-password.tsx'
import * as login from '#app/routes/auth/login.tsx'
import * as resetPassword from '#app/routes/auth/reset-password.tsx'
import * as signup from '#app/routes/auth/signup.tsx'
import * as verifyEmail from '#app/routes/auth/verify-email.tsx'
import { rowCounts } from './auth-support.ts'
import { context, cookieFor, createUser, respond, routeArgs } from './helpers.ts'

// Every account form refuses bad input with 400, a message per field, and writes nothing at all
// (not even a rate-limit counter).

type Action = (args: ReturnType<typeof routeArgs>) => Promise<unknown>
type Case = [label: string, form: Record<string, string>, fields: string[]]

const long = (n: number) => 'x'.repeat(n)
const good = 'a good password 1'

let cookie: string
let unverifiedCookie: string
beforeAll(async () => {
	cookie = await cookieFor((await createUser()).id)
	unverifiedCookie = await cookieFor((await createUser({ emailVerifiedAt: null })).id)
})

function errorsOf(data: unknown): Record<string, string[]> {
	if (
		!data ||
		typeof data !== 'object' ||
		!('errors' in data) ||
		!data.errors ||
		typeof data.errors !== 'object'
	) {
		throw new Error(`no errors in ${JSON.stringify(data)}`)
	}
	return Object.fromEntries(
		Object.entries(data.errors).map(([field, list]) => [
			field,
			Array.isArray(list) ? list.map(String) : [],
		]),
	)
}

async function expectRefused(
	action: Action,
	url: string,
	form: Record<string, string>,
	fields: string[],
	withCookie?: string,
) {
	const before = await rowCounts()
	const result = await respond(() =>
		action(routeArgs(url, { form, cookie: withCookie, ip: '192.0.2.1' })),
	)
	expect(result.status).toBe(400)
	const errors = errorsOf(result.data)
	expect(Object.keys(errors).sort()).toEqual([...fields].sort())
	for (const messages of Object.values(errors))
		expect(messages.every((m) => m.length > 0 && !m.includes('.'))).toBe(true)
	expect(JSON.stringify(result.data)).not.toContain(good)
	expect(await rowCounts()).toEqual(before)
}

describe('sign-up', () => {
	const valid = { name: '张伟', email: 'zw@example.com', password: good, confirmPassword: good }
	test.each<Case>([
		[
			'empty',
			{ name: '', email: '', password: '', confirmPassword: '' },
			['name', 'email', 'password', 'confirmPassword'],
		],
		['missing fields', {}, ['name', 'email', 'password', 'confirmPassword']],
		['blank name', { ...valid, name: '   ' }, ['name']],
		[
			'too long',
			{
				...valid,
				name: long(101),
				email: `${long(250)}@example.com`,
				password: long(201),
				confirmPassword: long(201),
			},
			['name', 'email', 'password', 'confirmPassword'],
		],
		['not an email', { ...valid, email: 'zhang at example' }, ['email']],
		['short password', { ...valid, password: 'short', confirmPassword: 'short' }, ['password']],
		['confirmation differs', { ...valid, confirmPassword: `${good}!` }, ['confirmPassword']],
		['extra field', { ...valid, role: 'owner' }, ['role']],
		[
			'extra field that is a column',
			{ ...valid, emailVerifiedAt: '2026-01-01' },
			['emailVerifiedAt'],
		],
		['redirectTo too long', { ...valid, redirectTo: `/${long(2000)}` }, ['redirectTo']],
	])('%s', async (_, form, fields) => {
		await expectRefused(signup.action, '/signup', form, fields)
	})

	test('specific messages', async () => {
		const result = await respond(() =>
			signup.action(
				routeArgs('/signup', {
					form: { ...valid, email: 'bad', password: 'short', confirmPassword: 'x' },
				}),
			),
		)
		expect(result.data).toMatchObject({
			errors: {
				email: ['请输入有效的邮箱地址'],
				password: ['密码至少需要 10 个字符'],
				confirmPassword: ['两次输入的密码不一致'],
			},
			values: { name: '张伟', email: 'bad' },
		})
	})

	test('a file where text is expected, and a body that is not a form', async () => {
		const before = await rowCounts()
		const body = new FormData()
		for (const [k, v] of Object.entries(valid)) body.append(k, v)
		body.set('name', new Blob(['x']), 'name.txt')
		const multipart = new Request('http://localhost/signup', { method: 'POST', body })
		const fileResult = await respond(() =>
			signup.action({ ...routeArgs('/signup'), request: multipart }),
		)
		expect(fileResult.status).toBe(400)
		expect(fileResult.data).toMatchObject({ errors: { name: ['格式不正确'] } })

		const json = new Request('http://localhost/signup', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(valid),
		})
		const jsonResult = await respond(() =>
			signup.action({ ...routeArgs('/signup'), request: json, context: context() }),
		)
		expect(jsonResult.status).toBe(400)
		expect(jsonResult.data).toMatchObject({ errors: { '': ['格式不正确'] } })
		expect(await rowCounts()).toEqual(before)
	})
})

describe('log-in', () => {
	const valid = { email: 'zw@example.com', password: 'whatever' }
	test.each<Case>([
		['empty', { email: '', password: '' }, ['email', 'password']],
		['missing', {}, ['email', 'password']],
		['too long', { email: `${long(250)}@example.com`, password: long(201) }, ['email', 'password']],
		['not an email', { ...valid, email: 'zw' }, ['email']],
		['extra field', { ...valid, remember: 'on' }, ['remember']],
	])('%s', async (_, form, fields) => {
		await expectRefused(login.action, '/login', form, fields)
	})

	test('a field sent twice', async () => {
		const before = await rowCounts()
		const args = routeArgs('/login', {
			form: { email: [valid.email, 'other@example.com'], password: valid.password },
			ip: '192.0.2.1',
		})
		const result = await respond(() => login.action(args))
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({ errors: { email: ['格式不正确'] } })
		expect(await rowCounts()).toEqual(before)
	})
})

describe('forgot-password', () => {
	test.each<Case>([
		['empty', { email: '' }, ['email']],
		['missing', {}, ['email']],
		['too long', { email: `${long(250)}@example.com` }, ['email']],
		['not an email', { email: '@example.com' }, ['email']],
		['extra field', { email: 'a@example.com', userId: 'x' }, ['userId']],
	])('%s', async (_, form, fields) => {
		await expectRefused(forgotPassword.action, '/forgot-password', form, fields)
	})
})

describe('reset-password', () => {
	const valid = { token: 'some-token', password: good, confirmPassword: good }
	test.each<Case>([
		[
			'empty',
			{ token: '', password: '', confirmPassword: '' },
			['token', 'password', 'confirmPassword'],
		],
		['missing', {}, ['token', 'password', 'confirmPassword']],
		[
			'too long',
			{ token: long(201), password: long(201), confirmPassword: long(201) },
			['token', 'password', 'confirmPassword'],
		],
		['short password', { ...valid, password: 'short', confirmPassword: 'short' }, ['password']],
		['confirmation differs', { ...valid, confirmPassword: 'something else' }, ['confirmPassword']],
		['extra field', { ...valid, userId: 'x' }, ['userId']],
	])('%s', async (_, form, fields) => {
		await expectRefused(resetPassword.action, '/reset-password', form, fields)
	})

	test('an unknown token is refused without writing', async () => {
		await expectRefused(resetPassword.action, '/reset-password', valid, [''])
	})
})

describe('verify-email (resend)', () => {
	test.each<Case>([
		['missing intent', {}, ['intent']],
		['wrong intent', { intent: 'verify' }, ['intent']],
		['extra field', { intent: 'resend', email: 'other@example.com' }, ['email']],
	])('%s', async (_, form, fields) => {
		await expectRefused(verifyEmail.action, '/verify-email', form, fields, unverifiedCookie)
	})
})

describe('account', () => {
	const profile = { intent: 'profile', name: '张伟', locale: 'zh-CN' }
	const password = {
		intent: 'password',
		currentPassword: 'x',
		newPassword: good,
		confirmPassword: good,
	}
	test.each<Case>([
		['no intent', { name: '张伟' }, ['']],
		['unknown intent', { intent: 'delete' }, ['']],
		['profile: empty', { intent: 'profile', name: '', locale: '' }, ['name', 'locale']],
		['profile: too long name', { ...profile, name: long(101) }, ['name']],
		['profile: unknown language', { ...profile, locale: 'fr' }, ['locale']],
		['profile: extra field', { ...profile, email: 'new@example.com' }, ['email']],
		[
			'password: empty',
			{ intent: 'password', currentPassword: '', newPassword: '', confirmPassword: '' },
			['currentPassword', 'newPassword', 'confirmPassword'],
		],
		[
			'password: too long',
			{
				...password,
				currentPassword: long(201),
				newPassword: long(201),
				confirmPassword: long(201),
			},
			['currentPassword', 'newPassword', 'confirmPassword'],
		],
		[
			'password: short',
			{ ...password, newPassword: 'short', confirmPassword: 'short' },
			['newPassword'],
		],
		['password: differs', { ...password, confirmPassword: 'nope nope nope' }, ['confirmPassword']],
		['password: extra field', { ...password, userId: 'x' }, ['userId']],
	])('%s', async (_, form, fields) => {
		await expectRefused(account.action, '/account', form, fields, cookie)
	})
})
