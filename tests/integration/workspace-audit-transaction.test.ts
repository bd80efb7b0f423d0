import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type * as Audit from '#app/services/audit.server.ts'
import * as page from '#app/routes/invitations/invitation.tsx'
import * as invite from '#app/routes/workspaces/invite.tsx'
import * as list from '#app/routes/workspaces/list.tsx'
import * as member from '#app/routes/workspaces/member.tsx'
import * as members from '#app/routes/workspaces/members.tsx'
import * as overview from '#app/routes/workspaces/overview.tsx'
import { createWorkspace, respond } from './helpers.ts'
import {
	argsFor,
	auditRows,
	invitationFor,
	memberOf,
	membershipId,
	signedIn,
	snapshot,
} from './workspace-support.ts'

// recordAudit writes its row and then, when told to, fails: if the audit row and the change share
// one transaction, both roll back; an audit written outside it (or a change committed before it)
// would leave a trace in the snapshot.
const failAfterAudit = vi.hoisted(() => ({ on: false, calls: 0 }))
vi.mock('#app/services/audit.server.ts', async (importOriginal) => {
	const real = await importOriginal<typeof Audit>()
	return {
		...real,
		recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
			await real.recordAudit(...args)
			failAfterAudit.calls += 1
			if (failAfterAudit.on) throw new Error('audit failed after writing')
		},
	}
})

beforeEach(() => {
	failAfterAudit.on = false
	failAfterAudit.calls = 0
})
afterEach(() => {
	failAfterAudit.on = false
})

async function world() {
	const owner = await signedIn()
	const workspace = await createWorkspace(owner.user.id)
	const viewer = await memberOf(workspace.id, 'viewer')
	const assessor = await memberOf(workspace.id, 'assessor')
	const open = await invitationFor(workspace.id, { invitedBy: owner.user.id })
	const invitee = await signedIn({ email: open.invitation.email })
	return { owner, workspace, viewer, assessor, open, invitee }
}

type World = Awaited<ReturnType<typeof world>>

const changes: Record<string, (w: World) => Promise<unknown>> = {
	'workspace.created': (w) =>
		list.action(
			argsFor('/workspaces', {
				cookie: w.owner.cookie,
				params: {},
				form: { name: '新公司', industry: '', productCategories: '', sites: '' },
			}),
		),
	'workspace.updated': (w) =>
		overview.action(
			argsFor(`/w/${w.workspace.id}`, {
				cookie: w.owner.cookie,
				params: { workspaceId: w.workspace.id },
				form: { name: '改名', industry: '', productCategories: '', sites: '' },
			}),
		),
	'member.role_changed': (w) =>
		member.action(
			argsFor(`/w/${w.workspace.id}/members/${w.viewer.membershipId}`, {
				cookie: w.owner.cookie,
				params: { workspaceId: w.workspace.id, memberId: w.viewer.membershipId },
				form: { intent: 'change-role', role: 'admin' },
			}),
		),
	'member.removed': (w) =>
		member.action(
			argsFor(`/w/${w.workspace.id}/members/${w.viewer.membershipId}`, {
				cookie: w.owner.cookie,
				params: { workspaceId: w.workspace.id, memberId: w.viewer.membershipId },
				form: { intent: 'remove' },
			}),
		),
	'member.left': (w) =>
		members.action(
			argsFor(`/w/${w.workspace.id}/members`, {
				cookie: w.assessor.cookie,
				params: { workspaceId: w.workspace.id },
				form: { intent: 'leave' },
			}),
		),
	'invitation.created': (w) =>
		invite.action(
			argsFor(`/w/${w.workspace.id}/members/invite`, {
				cookie: w.owner.cookie,
				params: { workspaceId: w.workspace.id },
				form: { email: 'someone@example.com', role: 'viewer' },
			}),
		),
	'invitation.revoked': (w) =>
		members.action(
			argsFor(`/w/${w.workspace.id}/members`, {
				cookie: w.owner.cookie,
				params: { workspaceId: w.workspace.id },
				form: { intent: 'revoke-invitation', invitationId: w.open.invitation.id },
			}),
		),
	'invitation.resent': (w) =>
		members.action(
			argsFor(`/w/${w.workspace.id}/members`, {
				cookie: w.owner.cookie,
				params: { workspaceId: w.workspace.id },
				form: { intent: 'resend-invitation', invitationId: w.open.invitation.id },
			}),
		),
	'invitation.accepted': (w) =>
		page.action(
			argsFor(`/invitations/${w.open.token}`, {
				cookie: w.invitee.cookie,
				params: { token: w.open.token },
				form: {},
			}),
		),
}

test.each(Object.keys(changes))(
	'%s: one audit row with the change; when the transaction fails, neither the change nor the row remains',
	async (action) => {
		const change = changes[action]!
		const failing = await world()
		const before = await snapshot()
		failAfterAudit.on = true
		await expect(change(failing)).rejects.toThrow('audit failed after writing')
		expect(failAfterAudit.calls).toBe(1)
		expect(await snapshot()).toBe(before)

		failAfterAudit.on = false
		const working = await world()
		const result = await respond(() => change(working))
		expect(result.status).toBeLessThan(400)
		const workspaceId =
			action === 'workspace.created'
				? result.headers.get('Location')!.replace('/w/', '')
				: working.workspace.id
		const rows = await auditRows(workspaceId)
		expect(rows.map((r) => r.action)).toEqual([action])
		expect(rows[0]).toMatchObject({ ip: '127.0.0.1', createdAt: expect.any(Date) })
	},
)

test('the audit rows name the right actor and target', async () => {
	const w = await world()
	await changes['member.role_changed']!(w)
	const [row] = await auditRows(w.workspace.id)
	expect(row).toMatchObject({
		actorUserId: w.owner.user.id,
		targetType: 'user',
		targetId: w.viewer.user.id,
		detail: { from: 'viewer', to: 'admin' },
	})
	expect(await membershipId(w.workspace.id, w.viewer.user.id)).toBe(w.viewer.membershipId)
})
