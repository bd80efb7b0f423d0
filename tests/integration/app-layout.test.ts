import { expect, test } from 'vitest'
import * as layout from '#app/routes/app-layout.tsx'
import { cookieFor, createUser, respond, routeArgs } from './helpers.ts'

async function shellFor(emailVerifiedAt: Date | null) {
	const user = await createUser({ name: '张伟', emailVerifiedAt })
	const cookie = await cookieFor(user.id)
	const result = await respond(() => layout.loader(routeArgs('/workspaces', { cookie })))
	expect(result.status).toBe(200)
	return { user, data: result.data }
}

test('the shell knows whether the signed-in address is verified, for the reminder banner', async () => {
	const pending = await shellFor(null)
	expect(pending.data).toMatchObject({
		user: { name: '张伟', email: pending.user.email, emailVerified: false },
	})
	const verified = await shellFor(new Date())
	expect(verified.data).toMatchObject({ user: { emailVerified: true } })
})
