import { eq } from 'drizzle-orm'
import { beforeEach, expect, test } from 'vitest'
import { auditLog, workspaces } from '#db/schema/index.ts'
import * as layout from '#app/routes/app-layout.tsx'
import * as audit from '#app/routes/workspaces/audit.tsx'
import * as list from '#app/routes/workspaces/list.tsx'
import * as overview from '#app/routes/workspaces/overview.tsx'
import { database } from '#app/utils/db.server.ts'
import { addMember, createWorkspace, respond } from './helpers.ts'
import { argsFor, auditRows, memberOf, roleOf, signedIn } from './workspace-support.ts'

let me: Awaited<ReturnType<typeof signedIn>>
beforeEach(async () => {
	me = await signedIn({ name: '顾问 王' })
})

const details = {
	name: '示例电器有限公司',
	industry: '家用电器',
	productCategories: '空调、冰箱',
	sites: '上海总部',
}

test('creating a workspace makes the creator its owner, records who, when and from where, and opens it', async () => {
	const created = await respond(() =>
		list.action(
			argsFor('/workspaces', { cookie: me.cookie, params: {}, form: details, ip: '203.0.113.5' }),
		),
	)
	expect(created.status).toBe(302)
	const id = created.headers.get('Location')?.replace('/w/', '')
	const [row] = await database().select().from(workspaces).where(eq(workspaces.id, id!))
	expect(row).toMatchObject({ ...details, createdBy: me.user.id })
	expect(await roleOf(id!, me.user.id)).toBe('owner')
	expect(await auditRows(id!)).toMatchObject([
		{
			action: 'workspace.created',
			actorUserId: me.user.id,
			targetId: id,
			ip: '203.0.113.5',
			createdAt: expect.any(Date),
		},
	])
})

test("My clients lists each workspace with industry, the user's role, member count and created date", async () => {
	const a = await createWorkspace(me.user.id, '乙公司')
	const owner = await signedIn()
	const b = await createWorkspace(owner.user.id, '甲公司')
	await memberOf(b.id, 'viewer')
	await addMember(b.id, me.user.id, 'assessor')
	const result = await respond(() =>
		list.loader(argsFor('/workspaces', { cookie: me.cookie, params: {} })),
	)
	expect(result.data).toEqual({
		workspaces: [
			// sorted by name in the reader's language (pinyin in Chinese): 甲 jiǎ before 乙 yǐ
			expect.objectContaining({
				id: b.id,
				name: '甲公司',
				role: 'assessor',
				memberCount: 3,
				createdAt: expect.any(Date),
			}),
			expect.objectContaining({
				id: a.id,
				name: '乙公司',
				role: 'owner',
				memberCount: 1,
				industry: '',
			}),
		],
	})
	const shell = await respond(() =>
		layout.loader(argsFor('/workspaces', { cookie: me.cookie, params: {} })),
	)
	expect(shell.data).toMatchObject({
		user: { name: '顾问 王' },
		workspaces: [
			{ id: b.id, name: '甲公司', role: 'assessor' },
			{ id: a.id, name: '乙公司', role: 'owner' },
		],
	})
})

test('signed-out visitors are sent to log in and back', async () => {
	const result = await respond(() => list.loader(argsFor('/workspaces', { params: {} })))
	expect(result.status).toBe(302)
	expect(result.headers.get('Location')).toBe('/login?redirectTo=%2Fworkspaces')
	const shell = await respond(() => layout.loader(argsFor('/w/x/members', { params: {} })))
	expect(shell.headers.get('Location')).toBe('/login?redirectTo=%2Fw%2Fx%2Fmembers')
})

test('editing details audits the changed fields with before and after; saving unchanged details writes nothing', async () => {
	const workspace = await createWorkspace(me.user.id, '旧名称')
	const params = { workspaceId: workspace.id }
	const save = (form: Record<string, string>) =>
		respond(() =>
			overview.action(argsFor(`/w/${workspace.id}`, { cookie: me.cookie, params, form })),
		)
	expect(await save({ ...details, name: '新名称' })).toMatchObject({
		status: 200,
		data: { saved: true },
	})
	expect(await save({ ...details, name: '新名称' })).toMatchObject({
		status: 200,
		data: { saved: false },
	})
	const rows = await auditRows(workspace.id)
	expect(rows).toHaveLength(1)
	expect(rows[0]).toMatchObject({
		action: 'workspace.updated',
		detail: {
			fields: ['name', 'industry', 'productCategories', 'sites'],
			before: { name: '旧名称', industry: '' },
			after: { name: '新名称', industry: '家用电器' },
		},
	})
	const page = await respond(() =>
		overview.loader(argsFor(`/w/${workspace.id}`, { cookie: me.cookie, params })),
	)
	expect(page.data).toMatchObject({
		workspace: { name: '新名称', industry: '家用电器' },
		role: 'owner',
		canManage: true,
		memberCount: 1,
		recent: [{ action: 'workspace.updated', actorName: '顾问 王' }],
	})
})

test('the audit log is newest first, 25 a page, with actor names; bad page numbers are 400 or 404', async () => {
	const workspace = await createWorkspace(me.user.id)
	const params = { workspaceId: workspace.id }
	const base = Date.now() - 60_000
	await database()
		.insert(auditLog)
		.values(
			Array.from({ length: 30 }, (_, i) => ({
				workspaceId: workspace.id,
				actorUserId: me.user.id,
				action: 'workspace.updated',
				targetType: 'workspace',
				targetId: workspace.id,
				detail: { fields: ['name'], n: i },
				ip: '127.0.0.1',
				createdAt: new Date(base + i * 1000),
			})),
		)
	const get = (query: string) =>
		respond(() =>
			audit.loader(argsFor(`/w/${workspace.id}/audit${query}`, { cookie: me.cookie, params })),
		)
	const first = await get('')
	expect(first).toMatchObject({ status: 200, data: { page: 1, pages: 2 } })
	const firstRows = (first.data as { rows: { detail: { n: number }; actorName: string }[] }).rows
	expect(firstRows).toHaveLength(25)
	expect(firstRows[0]).toMatchObject({ detail: { n: 29 }, actorName: '顾问 王' })
	const second = await get('?page=2')
	expect(
		(second.data as { rows: { detail: { n: number } }[] }).rows.map((r) => r.detail.n),
	).toEqual([4, 3, 2, 1, 0])
	for (const query of ['?page=abc', '?page=0', '?page=-1', '?page=1.5']) {
		expect(await get(query)).toMatchObject({ status: 400, data: { message: '页码无效' } })
	}
	expect((await get('?page=3')).status).toBe(404)
})
