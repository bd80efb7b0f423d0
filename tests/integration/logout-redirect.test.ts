import { expect, test } from 'vitest'
import * as logout from '#app/routes/auth/logout.ts'
import { getSessionUser } from '#app/utils/session.server.ts'
import { cookieFor, createUser, respond, routeArgs } from './helpers.ts'

async function logOut(form?: Record<string, string>) {
	const user = await createUser()
	const cookie = await cookieFor(user.id)
	const result = await respond(() =>
		logout.action(routeArgs('/logout', { method: 'POST', cookie, form })),
	)
	const request = new Request('http://localhost/', { headers: { Cookie: cookie } })
	expect(await getSessionUser(request)).toBeNull()
	expect(result.status).toBe(302)
	expect(result.headers.get('Set-Cookie')).toMatch(/^portal_session=;.*Max-Age=0/)
	return result.headers.get('Location')
}

test('a same-site redirectTo is honoured: "switch account" on an invitation comes back to it after logging in', async () => {
	const back = `/login?redirectTo=${encodeURIComponent('/invitations/tok_abc')}`
	expect(await logOut({ redirectTo: back })).toBe(back)
})

test.each([
	['https://evil.example/'],
	['//evil.example/login'],
	['/\\evil.example'],
	['javascript:alert(1)'],
	[''],
])('redirectTo %j is ignored: signed out and sent home', async (redirectTo) => {
	expect(await logOut({ redirectTo })).toBe('/')
})

test('without redirectTo (the header button), or with a body that is not a form, home', async () => {
	expect(await logOut()).toBe('/')
	const user = await createUser()
	const cookie = await cookieFor(user.id)
	const request = new Request('http://localhost/logout', {
		method: 'POST',
		headers: { Cookie: cookie, 'Content-Type': 'multipart/form-data; boundary=x' },
		body: 'not multipart',
	})
	const result = await respond(() => logout.action({ ...routeArgs('/logout'), request }))
	expect(result.status).toBe(302)
	expect(result.headers.get('Location')).toBe('/')
	expect(
		await getSessionUser(new Request('http://localhost/', { headers: { Cookie: cookie } })),
	).toBeNull()
})
