import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { users } from '#db/schema/index.ts'
import * as invite from '#app/routes/workspaces/invite.tsx'
import * as members from '#app/routes/workspaces/members.tsx'
import { rateLimitPolicy } from '#app/services/rate-limit.server.ts'
import { database } from '#app/utils/db.server.ts'
import { createWorkspace, respond } from './helpers.ts'
import { argsFor, invitationFor, signedIn, snapshot } from './workspace-support.ts'

async function admin(name: string) {
	const who = await signedIn({ name })
	const workspace = await createWorkspace(who.user.id, `${name}的企业`)
	return { ...who, workspaceId: workspace.id }
}

type Admin = Awaited<ReturnType<typeof admin>>

let sent = 0
function sendInvite(from: Admin, ip: string, extra: { headers?: Record<string, string> } = {}) {
	const args = argsFor(`/w/${from.workspaceId}/members/invite`, {
		cookie: from.cookie,
		params: { workspaceId: from.workspaceId },
		form: { email: `invitee-${++sent}@example.com`, role: 'assessor' },
		ip,
	})
	for (const [name, value] of Object.entries(extra.headers ?? {}))
		args.request.headers.set(name, value)
	return respond(() => invite.action(args))
}

test('the defaults: 30 invitations per inviter and 60 per address an hour', () => {
	expect(rateLimitPolicy('invite-user')).toEqual({ max: 30, windowMs: 3600_000 })
	expect(rateLimitPolicy('invite-ip')).toEqual({ max: 60, windowMs: 3600_000 })
})

test('per inviter: the 31st invitation within an hour is refused with 429, from any address, and nothing is created or sent', async () => {
	const sender = await admin('李经理')
	for (let i = 0; i < 30; i++) {
		const result = await sendInvite(sender, `198.51.100.${i}`)
		expect(result.status).toBe(200)
	}
	const pending = await invitationFor(sender.workspaceId, { invitedBy: sender.user.id })
	const before = await snapshot()
	const limited = await sendInvite(sender, '198.51.100.200')
	expect(limited.status).toBe(429)
	const retryAfter = Number(limited.headers.get('Retry-After'))
	expect(retryAfter).toBeGreaterThan(3600 - 30)
	expect(retryAfter).toBeLessThanOrEqual(3600)
	expect(limited.data).toMatchObject({
		errors: { '': ['发出的邀请过多，请在 60 分钟后再试。'] },
		values: { email: `invitee-${sent}@example.com`, role: 'assessor' },
		notice: null,
	})
	expect(await snapshot()).toBe(before)
	const headerArgs = {
		loaderHeaders: new Headers(),
		parentHeaders: new Headers(),
		actionHeaders: limited.headers,
		errorHeaders: undefined,
	}
	// a plain-form post is a document request: the page keeps Retry-After
	expect(invite.headers(headerArgs)).toEqual({ 'Retry-After': String(retryAfter) })

	// the message is in the inviter's language
	await database().update(users).set({ locale: 'en' }).where(eq(users.id, sender.user.id))
	const english = await sendInvite(sender, '198.51.100.201')
	expect(english.data).toMatchObject({
		errors: { '': ['Too many invitations sent. Please try again in 60 minutes.'] },
	})

	// resending sends an invitation email too: the same budget
	const resend = await respond(() =>
		members.action(
			argsFor(`/w/${sender.workspaceId}/members`, {
				cookie: sender.cookie,
				params: { workspaceId: sender.workspaceId },
				form: { intent: 'resend-invitation', invitationId: pending.invitation.id },
				ip: '198.51.100.202',
			}),
		),
	)
	expect(resend.status).toBe(429)
	expect(resend.headers.get('Retry-After')).toMatch(/^\d+$/)
	expect(resend.data).toMatchObject({
		errors: { '': ['Too many invitations sent. Please try again in 60 minutes.'] },
	})
	expect(await snapshot()).toBe(before)

	// another inviter is not held back by this one
	expect((await sendInvite(await admin('周经理'), '198.51.100.200')).status).toBe(200)
})

test('per socket address: 60 within an hour across inviters, whatever X-Forwarded-For says; another address has its own budget', async () => {
	const ip = '203.0.113.50'
	for (const name of ['甲', '乙']) {
		const sender = await admin(name)
		for (let i = 0; i < 30; i++) {
			const result = await sendInvite(sender, ip, {
				headers: { 'X-Forwarded-For': `192.0.2.${i}` },
			})
			expect(result.status).toBe(200)
		}
	}
	const third = await admin('丙')
	expect(
		(await sendInvite(third, ip, { headers: { 'X-Forwarded-For': '192.0.2.99' } })).status,
	).toBe(429)
	expect((await sendInvite(third, '203.0.113.51')).status).toBe(200)
})

test('bad input is a 400 with field errors, not a 429, and does not use up the budget', async () => {
	const sender = await admin('吴经理')
	for (let i = 0; i < 31; i++) {
		const bad = await respond(() =>
			invite.action(
				argsFor(`/w/${sender.workspaceId}/members/invite`, {
					cookie: sender.cookie,
					params: { workspaceId: sender.workspaceId },
					form: { email: 'not an email', role: 'assessor' },
					ip: '203.0.113.60',
				}),
			),
		)
		expect(bad.status).toBe(400)
		expect(bad.data).toMatchObject({ errors: { email: ['请输入有效的邮箱地址'] } })
	}
	expect((await sendInvite(sender, '203.0.113.60')).status).toBe(200)
})
