import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import routes from '#app/routes.ts'
import { respond, routeArgs } from './helpers.ts'
import { argsFor, consultantWithClients, snapshot } from './workspace-support.ts'
import { collaborationOf, seedCollaboration } from './collaboration-support.ts'
import { assessmentIntents, assessmentOf, seedAssessments } from './assessment-support.ts'
import { actionIntents, actionsOf, seedActions } from './actions-support.ts'

type RouteEntry = { path?: string; file: string; index?: boolean; children?: RouteEntry[] }

function flatten(entries: readonly RouteEntry[], prefix = ''): { path: string; file: string }[] {
	return entries.flatMap((entry) => {
		const full = [prefix, entry.path].filter(Boolean).join('/')
		return [{ path: full, file: entry.file }, ...flatten(entry.children ?? [], full)]
	})
}

/** Every route under a workspace, straight from app/routes.ts: a route added later is in this list. */
const workspaceRoutes = flatten(routes).filter(
	(r) => r.path === 'w/:workspaceId' || r.path.startsWith('w/:workspaceId/'),
)

type Fixture = Awaited<ReturnType<typeof consultantWithClients>>
type Client = Fixture['client1']
type Form = Record<string, string>

/**
 * For each workspace route: the ids its URL needs besides the workspace, and one valid submission
 * per intent of its action — all taken from the client being attacked, so a 404 can only come from
 * the workspace check. A route missing here fails the test below.
 */
const table: Record<
	string,
	{ params?: (c: Client) => Record<string, string>; actions?: (c: Client) => Record<string, Form> }
> = {
	'routes/workspaces/overview.tsx': {
		actions: () => ({ update: { name: '改名', industry: '', productCategories: '', sites: '' } }),
	},
	'routes/workspaces/members.tsx': {
		actions: (c) => ({
			leave: { intent: 'leave' },
			'revoke-invitation': { intent: 'revoke-invitation', invitationId: c.invitation.id },
			'resend-invitation': { intent: 'resend-invitation', invitationId: c.invitation.id },
		}),
	},
	'routes/workspaces/invite.tsx': {
		actions: () => ({ invite: { email: 'new-person@example.com', role: 'viewer' } }),
	},
	'routes/workspaces/member.tsx': {
		params: (c) => ({ memberId: c.viewer.membershipId }),
		actions: () => ({
			'change-role': { intent: 'change-role', role: 'assessor' },
			remove: { intent: 'remove' },
		}),
	},
	'routes/workspaces/audit.tsx': {},
	'routes/collaboration/my-assignments.tsx': {},
	'routes/collaboration/assignments.tsx': {
		params: (c) => ({ assessmentId: collaborationOf(c.workspace.id).assessmentId }),
		actions: (c) => {
			const { sectionId } = collaborationOf(c.workspace.id)
			return {
				assign: { intent: 'assign', targetType: 'section', targetId: sectionId, userId: c.admin.user.id },
				unassign: { intent: 'unassign', targetType: 'section', targetId: sectionId },
			}
		},
	},
	'routes/collaboration/comments.tsx': {
		params: (c) => ({ assessmentId: collaborationOf(c.workspace.id).assessmentId }),
		actions: (c) => ({
			add: { intent: 'add', indicatorId: collaborationOf(c.workspace.id).indicatorId, body: '请补充维修记录' },
		}),
	},
	'routes/evidence/evidence.tsx': {
		params: (c) => ({ assessmentId: collaborationOf(c.workspace.id).assessmentId }),
		actions: (c) => ({
			upload: { intent: 'upload', indicatorId: collaborationOf(c.workspace.id).indicatorId },
			remove: { intent: 'remove', evidenceId: collaborationOf(c.workspace.id).removableEvidenceId },
		}),
	},
	'routes/evidence/download.ts': {
		params: (c) => {
			const { assessmentId, evidenceId } = collaborationOf(c.workspace.id)
			return { assessmentId, evidenceId }
		},
	},
	'routes/assessments/list.tsx': {},
	'routes/assessments/new.tsx': {
		actions: () => ({
			create: { schemeId: 'bac-fr01-2021', period: '2026', title: '2026 年度自评', scopeSites: '' },
		}),
	},
	'routes/assessments/detail.tsx': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
		actions: (c) => assessmentIntents(c.workspace.id),
	},
	'routes/assessments/export.ts': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
	},
	'routes/questionnaire/section.tsx': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId, sectionId: '5.1' }),
		actions: () => ({
			save: { intent: 'save', indicatorId: '5.1.1', version: '0', 'check-1': 'met', note: '' },
			clear: { intent: 'clear', indicatorId: '5.1.1', version: '0', note: '' },
			// the seeded assessment is BAC: refused with 400 where it is reached, never 404 or a 500
			'remove-imported': { intent: 'remove-imported', indicatorId: '5.1.1', imported: '70' },
		}),
	},
	'routes/questionnaire/autosave.ts': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
		actions: () => ({
			save: { intent: 'save', indicatorId: '5.1.2', version: '0', 'check-1': 'met', 'check-2': 'met', note: '' },
		}),
	},
	'routes/annual-cycle/timeline.tsx': {},
	// without ?a=&b= the page offers the pickers; other workspaces' ids are tested in annual-cycle.test.ts
	'routes/annual-cycle/compare.tsx': {},
	'routes/actions/list.tsx': {
		actions: (c) => ({
			create: {
				intent: 'create',
				title: '建立备件库存台账',
				description: '',
				ownerUserId: c.admin.user.id,
				dueDate: '2026-12-31',
				priority: 'high',
			},
			remove: { intent: 'remove', actionId: actionsOf(c.workspace.id).removableActionId },
		}),
	},
	'routes/actions/detail.tsx': {
		params: (c) => ({ actionId: actionsOf(c.workspace.id).actionId }),
		actions: (c) => actionIntents(c.workspace.id, c.admin.user.id),
	},
	'routes/actions/evidence-download.ts': {
		params: (c) => {
			const { actionId, evidenceId } = actionsOf(c.workspace.id)
			return { actionId, evidenceId }
		},
	},
	'routes/actions/assessment.tsx': {
		params: (c) => ({ assessmentId: actionsOf(c.workspace.id).assessmentId }),
		actions: (c) => ({
			'create-from-gap': {
				intent: 'create-from-gap',
				indicatorIds: actionsOf(c.workspace.id).indicatorIds[2],
			},
		}),
	},
	'routes/results/results.tsx': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
	},
	'routes/results/gaps.tsx': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
	},
	'routes/results/what-if.tsx': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
		actions: () => ({
			try: { intent: 'try', state: '', indicatorId: '5.1.1', 'check-1': 'met' },
			reset: { intent: 'reset', state: '{"answers":{"5.1.1":null}}', indicatorId: '5.1.1' },
			special: { intent: 'special', state: '', deductions: '0', bonus: 'on' },
			'apply-path': { intent: 'apply-path', state: '' },
		}),
	},
	'routes/results/cross-scheme.tsx': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
	},
	// report.pdf and report.xlsx
	'routes/results/report.ts': {
		params: (c) => ({ assessmentId: assessmentOf(c.workspace.id).assessmentId }),
	},
}

type Module = { loader?: unknown; action?: unknown; intents?: readonly string[] }

async function load(file: string): Promise<Module> {
	return import(/* @vite-ignore */ path.resolve('app', file))
}

function call(handler: unknown, args: ReturnType<typeof routeArgs>) {
	if (typeof handler !== 'function') throw new Error('not a function')
	return respond(() => handler(args))
}

function urlFor(routePath: string, params: Record<string, string>): string {
	return '/' + routePath.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`)
}

let f: Fixture
beforeAll(async () => {
	f = await consultantWithClients()
	await seedCollaboration([f.client1, f.client2, f.client3].map((c) => c.workspace))
	await seedAssessments([f.client1, f.client2, f.client3].map((c) => c.workspace))
	await seedActions([f.client1, f.client2, f.client3].map((c) => c.workspace))
})

test('the table lists every workspace route of app/routes.ts, and every intent of their actions', async () => {
	expect(workspaceRoutes.length).toBeGreaterThanOrEqual(5)
	for (const route of workspaceRoutes) {
		const entry = table[route.file]
		expect(entry, `${route.path} (${route.file}) is not in the isolation table`).toBeDefined()
		const mod = await load(route.file)
		const params = route.path.match(/:(\w+)/g)?.map((p) => p.slice(1)) ?? []
		for (const name of params.filter((p) => p !== 'workspaceId'))
			expect(
				Object.keys(entry!.params?.(f.client2) ?? {}),
				`${route.path} needs a value for :${name}`,
			).toContain(name)
		if (mod.action) {
			const cases = Object.keys(entry!.actions?.(f.client2) ?? {})
			expect(
				cases.length,
				`${route.file} has an action but no submissions in the table`,
			).toBeGreaterThan(0)
			if (mod.intents) expect(cases.sort()).toEqual([...mod.intents].sort())
		} else {
			expect(entry!.actions, `${route.file} has no action`).toBeUndefined()
		}
	}
})

describe.each(workspaceRoutes)('$path', (route) => {
	test("a member of client 1 gets 404 from every loader and action for client 2's data, and nothing changes", async () => {
		const mod = await load(route.file)
		const entry = table[route.file]!
		const attacker = f.client1.admin
		const before = await snapshot()
		const params = { workspaceId: f.client2.workspace.id, ...entry.params?.(f.client2) }
		const url = urlFor(route.path, params)
		if (mod.loader) {
			const result = await call(mod.loader, routeArgs(url, { cookie: attacker.cookie, params }))
			expect(result.status, `GET ${url}`).toBe(404)
		}
		for (const [name, form] of Object.entries(entry.actions?.(f.client2) ?? {})) {
			const result = await call(
				mod.action,
				routeArgs(url, { form, cookie: attacker.cookie, params }),
			)
			expect(result.status, `POST ${url} (${name})`).toBe(404)
		}
		expect(await snapshot()).toBe(before)
	})

	test('the consultant, a member of all three clients, reaches the same loaders (the 404 is not vacuous)', async () => {
		const mod = await load(route.file)
		const entry = table[route.file]!
		for (const client of [f.client1, f.client2, f.client3]) {
			const params = { workspaceId: client.workspace.id, ...entry.params?.(client) }
			const url = urlFor(route.path, params)
			if (mod.loader) {
				const result = await call(
					mod.loader,
					routeArgs(url, { cookie: f.consultant.cookie, params }),
				)
				expect(result.status, `GET ${url}`).toBe(200)
			}
		}
	})

	test('the same submissions from the consultant on client 3 are not 404s (the table holds valid ones)', async () => {
		const mod = await load(route.file)
		const entry = table[route.file]!
		const params = { workspaceId: f.client3.workspace.id, ...entry.params?.(f.client3) }
		const url = urlFor(route.path, params)
		for (const [name, form] of Object.entries(entry.actions?.(f.client3) ?? {})) {
			const result = await call(
				mod.action,
				routeArgs(url, { form, cookie: f.consultant.cookie, params }),
			)
			expect(result.status, `POST ${url} (${name})`).not.toBe(404)
			expect(result.status, `POST ${url} (${name})`).toBeLessThan(500)
		}
	})
})

test("client 2's member and invitation ids under client 1's own workspace are 404, and nothing changes", async () => {
	const attacker = f.client1.admin
	const before = await snapshot()
	const member = await import('#app/routes/workspaces/member.tsx')
	const params = { workspaceId: f.client1.workspace.id, memberId: f.client2.viewer.membershipId }
	const url = `/w/${params.workspaceId}/members/${params.memberId}`
	expect(
		(await respond(() => member.loader(argsFor(url, { cookie: attacker.cookie, params })))).status,
	).toBe(404)
	const forms: Record<string, string>[] = [
		{ intent: 'change-role', role: 'admin' },
		{ intent: 'remove' },
	]
	for (const form of forms) {
		const result = await respond(() =>
			member.action(argsFor(url, { form, cookie: attacker.cookie, params })),
		)
		expect(result.status).toBe(404)
	}
	const members = await import('#app/routes/workspaces/members.tsx')
	for (const intent of ['revoke-invitation', 'resend-invitation']) {
		const result = await respond(() =>
			members.action(
				argsFor(`/w/${f.client1.workspace.id}/members`, {
					form: { intent, invitationId: f.client2.invitation.id },
					cookie: attacker.cookie,
					params: { workspaceId: f.client1.workspace.id },
				}),
			),
		)
		expect(result.status).toBe(404)
		expect(result.data).toMatchObject({
			errors: { '': [expect.stringMatching(/找不到该邀请|Invitation not found/)] },
		})
	}
	expect(await snapshot()).toBe(before)
})

test("the switcher will not open another client's workspace", async () => {
	const { loader } = await import('#app/routes/workspaces/switch.ts')
	const denied = await respond(() =>
		loader(
			routeArgs(`/workspaces/switch?to=${f.client2.workspace.id}`, {
				cookie: f.client1.admin.cookie,
			}),
		),
	)
	expect(denied.status).toBe(404)
	const allowed = await respond(() =>
		loader(
			routeArgs(`/workspaces/switch?to=${f.client2.workspace.id}&section=members`, {
				cookie: f.consultant.cookie,
			}),
		),
	)
	expect(allowed.status).toBe(302)
	expect(allowed.headers.get('Location')).toBe(`/w/${f.client2.workspace.id}/members`)
})

test("client 1's staff see only client 1 in their workspace list; the consultant sees all three", async () => {
	const { loader } = await import('#app/routes/workspaces/list.tsx')
	const staff = await respond(() =>
		loader(routeArgs('/workspaces', { cookie: f.client1.admin.cookie })),
	)
	expect(staff.data).toMatchObject({
		workspaces: [{ id: f.client1.workspace.id, role: 'admin', memberCount: 3 }],
	})
	const consultant = await respond(() =>
		loader(routeArgs('/workspaces', { cookie: f.consultant.cookie })),
	)
	expect(consultant.data).toMatchObject({
		workspaces: expect.arrayContaining([
			expect.objectContaining({ id: f.client1.workspace.id, role: 'owner' }),
			expect.objectContaining({ id: f.client2.workspace.id, role: 'owner' }),
			expect.objectContaining({ id: f.client3.workspace.id, role: 'owner' }),
		]),
	})
})
