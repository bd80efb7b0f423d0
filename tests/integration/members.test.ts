import { beforeEach, describe, expect, test } from 'vitest'
import * as audit from '#app/routes/workspaces/audit.tsx'
import * as invite from '#app/routes/workspaces/invite.tsx'
import * as member from '#app/routes/workspaces/member.tsx'
import * as members from '#app/routes/workspaces/members.tsx'
import * as overview from '#app/routes/workspaces/overview.tsx'
import { checkRoleChange } from '#app/services/members.server.ts'
import { createWorkspace, respond } from './helpers.ts'
import {
	argsFor,
	auditRows,
	invitationFor,
	memberOf,
	membershipId,
	roleOf,
	signedIn,
	snapshot,
} from './workspace-support.ts'

async function team() {
	const owner = await signedIn({ name: '所有者 赵' })
	const workspace = await createWorkspace(owner.user.id)
	const ownerMembership = await membershipId(workspace.id, owner.user.id)
	const admin = await memberOf(workspace.id, 'admin', { name: '管理员 钱' })
	const assessor = await memberOf(workspace.id, 'assessor', { name: '评估员 孙' })
	const viewer = await memberOf(workspace.id, 'viewer', { name: '查看者 李' })
	const ownerInvitation = await invitationFor(workspace.id, {
		role: 'owner',
		invitedBy: owner.user.id,
	})
	const assessorInvitation = await invitationFor(workspace.id, {
		role: 'assessor',
		invitedBy: owner.user.id,
	})
	return {
		workspace,
		owner: { ...owner, membershipId: ownerMembership },
		admin,
		assessor,
		viewer,
		ownerInvitation,
		assessorInvitation,
	}
}

let t: Awaited<ReturnType<typeof team>>
beforeEach(async () => {
	t = await team()
})

const ws = () => ({ workspaceId: t.workspace.id })
const memberParams = (memberId: string) => ({ workspaceId: t.workspace.id, memberId })
const memberUrl = (memberId: string) => `/w/${t.workspace.id}/members/${memberId}`
const membersUrl = () => `/w/${t.workspace.id}/members`

describe('viewers and assessors are read-only: 403 on every edit form and action', () => {
	for (const who of ['viewer', 'assessor'] as const) {
		test(who, async () => {
			const { cookie } = t[who]
			const before = await snapshot()
			const target = memberParams(t.admin.membershipId)
			const results = [
				await respond(() =>
					invite.loader(argsFor(`${membersUrl()}/invite`, { cookie, params: ws() })),
				),
				await respond(() =>
					invite.action(
						argsFor(`${membersUrl()}/invite`, {
							cookie,
							params: ws(),
							form: { email: 'x@example.com', role: 'viewer' },
						}),
					),
				),
				await respond(() =>
					member.loader(argsFor(memberUrl(t.admin.membershipId), { cookie, params: target })),
				),
				await respond(() =>
					member.action(
						argsFor(memberUrl(t.admin.membershipId), {
							cookie,
							params: target,
							form: { intent: 'change-role', role: 'viewer' },
						}),
					),
				),
				await respond(() =>
					member.action(
						argsFor(memberUrl(t.admin.membershipId), {
							cookie,
							params: target,
							form: { intent: 'remove' },
						}),
					),
				),
				await respond(() =>
					members.action(
						argsFor(membersUrl(), {
							cookie,
							params: ws(),
							form: {
								intent: 'revoke-invitation',
								invitationId: t.assessorInvitation.invitation.id,
							},
						}),
					),
				),
				await respond(() =>
					members.action(
						argsFor(membersUrl(), {
							cookie,
							params: ws(),
							form: {
								intent: 'resend-invitation',
								invitationId: t.assessorInvitation.invitation.id,
							},
						}),
					),
				),
				await respond(() =>
					overview.action(
						argsFor(`/w/${t.workspace.id}`, {
							cookie,
							params: ws(),
							form: { name: '改名', industry: '', productCategories: '', sites: '' },
						}),
					),
				),
				await respond(() =>
					audit.loader(argsFor(`/w/${t.workspace.id}/audit`, { cookie, params: ws() })),
				),
			]
			expect(results.map((r) => r.status)).toEqual(results.map(() => 403))
			expect(await snapshot()).toBe(before)
		})
	}

	test('their members page has no management data: no invitations, no edit rights', async () => {
		const page = await respond(() =>
			members.loader(argsFor(membersUrl(), { cookie: t.viewer.cookie, params: ws() })),
		)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({ canManage: false, invitations: [] })
		const home = await respond(() =>
			overview.loader(argsFor(`/w/${t.workspace.id}`, { cookie: t.assessor.cookie, params: ws() })),
		)
		expect(home.data).toMatchObject({ canManage: false, recent: [], role: 'assessor' })
	})
})

describe('admins cannot touch owners or make owners', () => {
	test("an owner's edit page is 403 for an admin, and so are changing and removing the owner", async () => {
		const before = await snapshot()
		const { cookie } = t.admin
		const params = memberParams(t.owner.membershipId)
		const url = memberUrl(t.owner.membershipId)
		expect((await respond(() => member.loader(argsFor(url, { cookie, params })))).status).toBe(403)
		const demote = await respond(() =>
			member.action(
				argsFor(url, { cookie, params, form: { intent: 'change-role', role: 'viewer' } }),
			),
		)
		expect(demote.status).toBe(403)
		const remove = await respond(() =>
			member.action(argsFor(url, { cookie, params, form: { intent: 'remove' } })),
		)
		expect(remove.status).toBe(403)
		expect(await snapshot()).toBe(before)
	})

	test('an admin cannot make anyone an owner, invite an owner, or revoke an owner invitation', async () => {
		const before = await snapshot()
		const { cookie } = t.admin
		const promote = await respond(() =>
			member.action(
				argsFor(memberUrl(t.viewer.membershipId), {
					cookie,
					params: memberParams(t.viewer.membershipId),
					form: { intent: 'change-role', role: 'owner' },
				}),
			),
		)
		expect(promote).toMatchObject({
			status: 403,
			data: { errors: { role: ['只有所有者可以更改所有者或授予所有者角色。'] } },
		})
		const invited = await respond(() =>
			invite.action(
				argsFor(`${membersUrl()}/invite`, {
					cookie,
					params: ws(),
					form: { email: 'boss@example.com', role: 'owner' },
				}),
			),
		)
		expect(invited).toMatchObject({ status: 403, data: { errors: { role: [expect.any(String)] } } })
		const revoked = await respond(() =>
			members.action(
				argsFor(membersUrl(), {
					cookie,
					params: ws(),
					form: { intent: 'revoke-invitation', invitationId: t.ownerInvitation.invitation.id },
				}),
			),
		)
		expect(revoked.status).toBe(403)
		expect(await snapshot()).toBe(before)
	})

	test('an admin can change and remove non-owners; the role offered never includes owner', async () => {
		const { cookie } = t.admin
		const page = await respond(() =>
			member.loader(
				argsFor(memberUrl(t.viewer.membershipId), {
					cookie,
					params: memberParams(t.viewer.membershipId),
				}),
			),
		)
		expect(page.data).toMatchObject({ roles: ['admin', 'assessor', 'viewer'] })
		const changed = await respond(() =>
			member.action(
				argsFor(memberUrl(t.viewer.membershipId), {
					cookie,
					params: memberParams(t.viewer.membershipId),
					form: { intent: 'change-role', role: 'assessor' },
					ip: '203.0.113.9',
				}),
			),
		)
		expect(changed.status).toBe(200)
		expect(await roleOf(t.workspace.id, t.viewer.user.id)).toBe('assessor')
		const removed = await respond(() =>
			member.action(
				argsFor(memberUrl(t.assessor.membershipId), {
					cookie,
					params: memberParams(t.assessor.membershipId),
					form: { intent: 'remove' },
				}),
			),
		)
		expect(removed.status).toBe(302)
		expect(await roleOf(t.workspace.id, t.assessor.user.id)).toBeNull()
		const rows = await auditRows(t.workspace.id)
		expect(rows.map((r) => r.action)).toEqual(['member.role_changed', 'member.removed'])
		expect(rows[0]).toMatchObject({
			actorUserId: t.admin.user.id,
			targetId: t.viewer.user.id,
			ip: '203.0.113.9',
			detail: { from: 'viewer', to: 'assessor' },
		})
	})
})

describe('the last owner stays', () => {
	test('cannot be demoted, even by themselves', async () => {
		const before = await snapshot()
		const result = await respond(() =>
			member.action(
				argsFor(memberUrl(t.owner.membershipId), {
					cookie: t.owner.cookie,
					params: memberParams(t.owner.membershipId),
					form: { intent: 'change-role', role: 'admin' },
				}),
			),
		)
		expect(result).toMatchObject({
			status: 409,
			data: { errors: { role: ['工作区必须至少保留一名所有者：请先将其他成员设为所有者。'] } },
		})
		expect(await snapshot()).toBe(before)
	})

	test('cannot leave', async () => {
		const before = await snapshot()
		const result = await respond(() =>
			members.action(
				argsFor(membersUrl(), { cookie: t.owner.cookie, params: ws(), form: { intent: 'leave' } }),
			),
		)
		expect(result).toMatchObject({
			status: 409,
			data: { errors: { '': [expect.stringContaining('所有者')] } },
		})
		expect(await snapshot()).toBe(before)
	})

	test('cannot be removed (the only one who could is the owner, and nobody removes themselves)', async () => {
		const before = await snapshot()
		const result = await respond(() =>
			member.action(
				argsFor(memberUrl(t.owner.membershipId), {
					cookie: t.owner.cookie,
					params: memberParams(t.owner.membershipId),
					form: { intent: 'remove' },
				}),
			),
		)
		expect(result.status).toBe(409)
		expect(await snapshot()).toBe(before)
		expect(checkRoleChange('owner', { role: 'owner' }, null, 1)).toMatchObject({
			status: 409,
			message: 'member.error.lastOwner',
		})
		expect(checkRoleChange('owner', { role: 'owner' }, null, 2)).toBeNull()
	})

	test('with a second owner, the first may step down and then leave', async () => {
		const promote = await respond(() =>
			member.action(
				argsFor(memberUrl(t.admin.membershipId), {
					cookie: t.owner.cookie,
					params: memberParams(t.admin.membershipId),
					form: { intent: 'change-role', role: 'owner' },
				}),
			),
		)
		expect(promote.status).toBe(200)
		const stepDown = await respond(() =>
			member.action(
				argsFor(memberUrl(t.owner.membershipId), {
					cookie: t.owner.cookie,
					params: memberParams(t.owner.membershipId),
					form: { intent: 'change-role', role: 'viewer' },
				}),
			),
		)
		// no longer an admin: back to the members list, which they can still read
		expect(stepDown.status).toBe(302)
		expect(stepDown.headers.get('Location')).toBe(membersUrl())
		const left = await respond(() =>
			members.action(
				argsFor(membersUrl(), { cookie: t.owner.cookie, params: ws(), form: { intent: 'leave' } }),
			),
		)
		expect(left.status).toBe(302)
		expect(left.headers.get('Location')).toBe('/workspaces')
		expect(await roleOf(t.workspace.id, t.owner.user.id)).toBeNull()
		expect((await auditRows(t.workspace.id)).map((r) => r.action)).toEqual([
			'member.role_changed',
			'member.role_changed',
			'member.left',
		])
		const after = await respond(() =>
			members.loader(argsFor(membersUrl(), { cookie: t.owner.cookie, params: ws() })),
		)
		expect(after.status).toBe(404)
	})
})

test('every member can leave; the audit row names them', async () => {
	const result = await respond(() =>
		members.action(
			argsFor(membersUrl(), {
				cookie: t.assessor.cookie,
				params: ws(),
				form: { intent: 'leave' },
				ip: '198.51.100.7',
			}),
		),
	)
	expect(result.status).toBe(302)
	const [row] = await auditRows(t.workspace.id)
	expect(row).toMatchObject({
		action: 'member.left',
		actorUserId: t.assessor.user.id,
		targetId: t.assessor.user.id,
		ip: '198.51.100.7',
		detail: { role: 'assessor' },
	})
})

test('the members page lists members with role and join date, and open invitations with expiry for managers', async () => {
	const page = await respond(() =>
		members.loader(argsFor(membersUrl(), { cookie: t.admin.cookie, params: ws() })),
	)
	expect(page.data).toMatchObject({
		canManage: true,
		members: expect.arrayContaining([
			expect.objectContaining({ name: '所有者 赵', role: 'owner', createdAt: expect.any(Date) }),
			expect.objectContaining({ name: '查看者 李', role: 'viewer', email: t.viewer.user.email }),
		]),
		invitations: expect.arrayContaining([
			expect.objectContaining({
				email: t.assessorInvitation.invitation.email,
				role: 'assessor',
				expired: false,
			}),
		]),
	})
})
