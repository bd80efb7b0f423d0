import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { invitations } from '#db/schema/index.ts'
import * as page from '#app/routes/invitations/invitation.tsx'
import * as invite from '#app/routes/workspaces/invite.tsx'
import * as members from '#app/routes/workspaces/members.tsx'
import { database } from '#app/utils/db.server.ts'
import { latestEmail, linkPath } from './auth-support.ts'
import { createWorkspace, respond } from './helpers.ts'
import {
	argsFor,
	auditRows,
	invitationFor,
	memberOf,
	roleOf,
	signedIn,
	snapshot,
} from './workspace-support.ts'

let owner: Awaited<ReturnType<typeof signedIn>>
let workspace: Awaited<ReturnType<typeof createWorkspace>>
beforeEach(async () => {
	owner = await signedIn({ name: '张伟' })
	workspace = await createWorkspace(owner.user.id, '示例电器有限公司')
})

const ws = () => ({ workspaceId: workspace.id })

async function sendInvite(email: string, role = 'assessor', cookie = owner.cookie) {
	return respond(() =>
		invite.action(
			argsFor(`/w/${workspace.id}/members/invite`, {
				cookie,
				params: ws(),
				form: { email, role },
				ip: '192.0.2.1',
			}),
		),
	)
}

function tokenOf(path: string): string {
	const token = path.split('/').pop()
	if (!path.startsWith('/invitations/') || !token)
		throw new Error(`not an invitation link: ${path}`)
	return token
}

const view = (token: string, cookie?: string) =>
	respond(() => page.loader(argsFor(`/invitations/${token}`, { cookie, params: { token } })))
const accept = (token: string, cookie: string) =>
	respond(() =>
		page.action(argsFor(`/invitations/${token}`, { cookie, params: { token }, form: {} })),
	)

test('an invitation is emailed with a seven-day link; the invitee signs in with that address, accepts and joins with the role', async () => {
	const sent = await sendInvite('New.Colleague@Example.com')
	expect(sent).toMatchObject({
		status: 200,
		data: { notice: '已向 new.colleague@example.com 发送邀请' },
	})

	const email = await latestEmail('new.colleague@example.com')
	expect(email?.subject).toContain('示例电器有限公司')
	expect(email?.text).toContain('张伟')
	expect(email?.text).toContain('评估员')
	const token = tokenOf(linkPath(email!.text))
	const [row] = await database()
		.select()
		.from(invitations)
		.where(eq(invitations.workspaceId, workspace.id))
	const days = (row!.expiresAt.getTime() - Date.now()) / (24 * 3600 * 1000)
	expect(days).toBeGreaterThan(6.99)
	expect(days).toBeLessThanOrEqual(7)
	expect(row!.tokenHash).not.toContain(token)

	const signedOut = await view(token)
	expect(signedOut).toMatchObject({
		status: 200,
		data: {
			view: {
				kind: 'signedOut',
				workspaceName: '示例电器有限公司',
				role: 'assessor',
				inviterName: '张伟',
			},
		},
	})

	const invitee = await signedIn({ email: 'new.colleague@example.com', name: '新同事' })
	expect((await view(token, invitee.cookie)).data).toMatchObject({ view: { kind: 'ready' } })
	const accepted = await accept(token, invitee.cookie)
	expect(accepted.status).toBe(302)
	expect(accepted.headers.get('Location')).toBe(`/w/${workspace.id}`)
	expect(await roleOf(workspace.id, invitee.user.id)).toBe('assessor')
	expect((await auditRows(workspace.id)).map((r) => [r.action, r.actorUserId])).toEqual([
		['invitation.created', owner.user.id],
		['invitation.accepted', invitee.user.id],
	])
})

test('accepting while signed out sends the person to log in and come back', async () => {
	const { token } = await invitationFor(workspace.id)
	const result = await respond(() =>
		page.action(argsFor(`/invitations/${token}`, { params: { token }, form: {} })),
	)
	expect(result.status).toBe(302)
	expect(result.headers.get('Location')).toBe(
		`/login?redirectTo=${encodeURIComponent(`/invitations/${token}`)}`,
	)
})

describe('a link that cannot be used gets a clear 4xx page and changes nothing', () => {
	test('expired', async () => {
		const { token, invitation } = await invitationFor(workspace.id, {
			expiresAt: new Date(Date.now() - 1000),
		})
		const invitee = await signedIn({ email: invitation.email })
		const before = await snapshot()
		expect(await view(token, invitee.cookie)).toMatchObject({
			status: 410,
			data: { view: { kind: 'closed', reason: 'expired' } },
		})
		expect(await accept(token, invitee.cookie)).toMatchObject({
			status: 410,
			data: { reason: 'expired' },
		})
		expect(await snapshot()).toBe(before)
	})

	test('revoked by an admin (and the revocation is audited)', async () => {
		const { token, invitation } = await invitationFor(workspace.id)
		const admin = await memberOf(workspace.id, 'admin')
		const revoked = await respond(() =>
			members.action(
				argsFor(`/w/${workspace.id}/members`, {
					cookie: admin.cookie,
					params: ws(),
					form: { intent: 'revoke-invitation', invitationId: invitation.id },
				}),
			),
		)
		expect(revoked.status).toBe(200)
		expect((await auditRows(workspace.id)).map((r) => r.action)).toEqual(['invitation.revoked'])
		const invitee = await signedIn({ email: invitation.email })
		const before = await snapshot()
		expect(await view(token)).toMatchObject({ status: 410, data: { view: { reason: 'revoked' } } })
		expect(await accept(token, invitee.cookie)).toMatchObject({
			status: 410,
			data: { reason: 'revoked' },
		})
		expect(await snapshot()).toBe(before)
		const again = await respond(() =>
			members.action(
				argsFor(`/w/${workspace.id}/members`, {
					cookie: admin.cookie,
					params: ws(),
					form: { intent: 'revoke-invitation', invitationId: invitation.id },
				}),
			),
		)
		expect(again.status).toBe(409)
	})

	test('already used: single use, even when two tabs accept at once', async () => {
		const { token, invitation } = await invitationFor(workspace.id, { role: 'viewer' })
		const invitee = await signedIn({ email: invitation.email })
		const results = await Promise.all([
			accept(token, invitee.cookie),
			accept(token, invitee.cookie),
		])
		expect(results.map((r) => r.status).sort()).toEqual([302, 410])
		expect(
			(await auditRows(workspace.id)).filter((r) => r.action === 'invitation.accepted'),
		).toHaveLength(1)
		expect(await view(token, invitee.cookie)).toMatchObject({
			status: 410,
			data: { view: { reason: 'accepted' } },
		})
	})

	test('unknown or malformed token', async () => {
		const someone = await signedIn()
		const before = await snapshot()
		for (const token of ['x'.repeat(43), 'short', '../../etc/passwd']) {
			expect(await view(token)).toMatchObject({
				status: 404,
				data: { view: { kind: 'closed', reason: 'invalid' } },
			})
			expect((await accept(token, someone.cookie)).status).toBe(404)
		}
		expect(await snapshot()).toBe(before)
	})
})

test('only the invited address may accept: someone else signed in sees whom it was for and cannot join', async () => {
	const { token, invitation } = await invitationFor(workspace.id, { email: 'invited@example.com' })
	const other = await signedIn({ email: 'someone.else@example.com' })
	const shown = await view(token, other.cookie)
	expect(shown).toMatchObject({
		status: 200,
		data: {
			view: {
				kind: 'wrongEmail',
				email: 'invited@example.com',
				current: 'someone.else@example.com',
			},
		},
	})
	const before = await snapshot()
	expect(await accept(token, other.cookie)).toMatchObject({
		status: 403,
		data: { reason: 'wrongEmail' },
	})
	expect(await snapshot()).toBe(before)
	expect(await roleOf(workspace.id, other.user.id)).toBeNull()
	expect(invitation.acceptedAt).toBeNull()
})

test('resending issues a new link and expiry; the old link stops working', async () => {
	await sendInvite('late@example.com')
	const oldToken = tokenOf(linkPath((await latestEmail('late@example.com'))!.text))
	const [row] = await database()
		.select()
		.from(invitations)
		.where(eq(invitations.email, 'late@example.com'))
	await database()
		.update(invitations)
		.set({ expiresAt: new Date(Date.now() - 1000) })
		.where(eq(invitations.id, row!.id))
	const listed = await respond(() =>
		members.loader(argsFor(`/w/${workspace.id}/members`, { cookie: owner.cookie, params: ws() })),
	)
	expect(listed.data).toMatchObject({ invitations: [{ email: 'late@example.com', expired: true }] })

	const resent = await respond(() =>
		members.action(
			argsFor(`/w/${workspace.id}/members`, {
				cookie: owner.cookie,
				params: ws(),
				form: { intent: 'resend-invitation', invitationId: row!.id },
			}),
		),
	)
	expect(resent).toMatchObject({
		status: 200,
		data: { notice: '已重新发送邀请给 late@example.com' },
	})
	const newToken = tokenOf(linkPath((await latestEmail('late@example.com'))!.text))
	expect(newToken).not.toBe(oldToken)
	expect((await view(oldToken)).status).toBe(404)
	expect(await view(newToken)).toMatchObject({ status: 200, data: { view: { kind: 'signedOut' } } })
	expect((await auditRows(workspace.id)).map((r) => r.action)).toEqual([
		'invitation.created',
		'invitation.resent',
	])
})

test('inviting a current member or an address with an open invitation is refused with a message', async () => {
	const colleague = await memberOf(workspace.id, 'viewer', { email: 'colleague@example.com' })
	expect(colleague.user.email).toBe('colleague@example.com')
	const before = await snapshot()
	expect(await sendInvite('Colleague@example.com')).toMatchObject({
		status: 409,
		data: { errors: { email: ['该邮箱的用户已是成员'] } },
	})
	expect(await snapshot()).toBe(before)
	await sendInvite('twice@example.com')
	const middle = await snapshot()
	expect(await sendInvite('twice@example.com')).toMatchObject({
		status: 409,
		data: { errors: { email: [expect.any(String)] } },
	})
	expect(await snapshot()).toBe(middle)
})

test('a member who is already in the workspace sees a link to it instead of an accept button', async () => {
	const { token, invitation } = await invitationFor(workspace.id, { email: 'dup@example.com' })
	const existing = await memberOf(workspace.id, 'viewer', { email: 'dup@example.com' })
	expect(invitation.email).toBe(existing.user.email)
	expect((await view(token, existing.cookie)).data).toMatchObject({
		view: { kind: 'member', workspaceId: workspace.id },
	})
	expect(await accept(token, existing.cookie)).toMatchObject({
		status: 409,
		data: { reason: 'alreadyMember' },
	})
})
