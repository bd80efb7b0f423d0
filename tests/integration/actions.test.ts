import { createHash } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import {
	actionComments,
	actionEvidence,
	actionIndicators,
	auditLog,
	improvementActions,
	memberships,
	users,
} from '#db/schema/index.ts'
import * as assessmentRoute from '#app/routes/actions/assessment.tsx'
import * as detailRoute from '#app/routes/actions/detail.tsx'
import * as downloadRoute from '#app/routes/actions/evidence-download.ts'
import * as listRoute from '#app/routes/actions/list.tsx'
import * as mineRoute from '#app/routes/actions/mine.tsx'
import { listActions, listActionsAcrossWorkspaces } from '#app/services/actions.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { pdfFile, pngFile } from '#tests/fixtures/files.ts'
import { actionIn, actionsSnapshot, assessmentWithGap } from './actions-support.ts'
import {
	actionArgs,
	assessmentIn,
	multipartBody,
	person,
	postRequest,
	team,
	uploadedFiles,
	type Person,
} from './collaboration-support.ts'
import { addMember, createWorkspace, respond, routeArgs } from './helpers.ts'
import { argsFor } from './workspace-support.ts'

type Team = Awaited<ReturnType<typeof team>>
let t: Team
let workspaceId: string
let assessmentId: string
/** a third assessor: neither creator nor owner of the actions below */
let bystander: Person
let outsider: Person
let otherWorkspaceId: string
let foreignAssessmentId: string
let bacAssessmentId: string

beforeAll(async () => {
	t = await team()
	workspaceId = t.workspace.id
	assessmentId = (await assessmentWithGap(workspaceId)).assessment.id
	bacAssessmentId = (await assessmentIn(workspaceId, { schemeId: 'bac-fr01-2021' })).assessment.id
	bystander = await person('评价员 孙', { workspaceId, role: 'assessor' })
	outsider = await person('别家 钱')
	otherWorkspaceId = (await createWorkspace(outsider.user.id, '乙汽车服务有限公司')).id
	foreignAssessmentId = (await assessmentWithGap(otherWorkspaceId)).assessment.id
})

const listUrl = (w = workspaceId) => `/w/${w}/actions`
const detailUrl = (actionId: string, w = workspaceId) => `/w/${w}/actions/${actionId}`
const gapUrl = (a = assessmentId, w = workspaceId) => `/w/${w}/assessments/${a}/actions`

function createFromGap(
	as: Person,
	form: Record<string, string | string[]>,
	{ assessment = assessmentId, workspace = workspaceId } = {},
) {
	const params = { workspaceId: workspace, assessmentId: assessment }
	return respond(() =>
		assessmentRoute.action(
			argsFor(gapUrl(assessment, workspace), { form, cookie: as.cookie, params }),
		),
	)
}

function postList(as: Person, form: Record<string, string>, workspace = workspaceId) {
	const params = { workspaceId: workspace }
	return respond(() =>
		listRoute.action(argsFor(listUrl(workspace), { form, cookie: as.cookie, params })),
	)
}

function postDetail(
	as: Person,
	actionId: string,
	form: Record<string, string>,
	workspace = workspaceId,
) {
	const params = { workspaceId: workspace, actionId }
	return respond(() =>
		detailRoute.action(
			argsFor(detailUrl(actionId, workspace), { form, cookie: as.cookie, params }),
		),
	)
}

function loadDetail(as: Person, actionId: string, workspace = workspaceId) {
	const params = { workspaceId: workspace, actionId }
	return respond(() =>
		detailRoute.loader(argsFor(detailUrl(actionId, workspace), { cookie: as.cookie, params })),
	)
}

async function actionRow(id: string) {
	const [row] = await database()
		.select()
		.from(improvementActions)
		.where(eq(improvementActions.id, id))
	return row
}

async function links(actionId: string) {
	const rows = await database()
		.select({ indicatorId: actionIndicators.indicatorId })
		.from(actionIndicators)
		.where(eq(actionIndicators.actionId, actionId))
		.orderBy(asc(actionIndicators.indicatorId))
	return rows.map((row) => row.indicatorId)
}

async function auditFor(actionId: string) {
	return database()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.targetType, 'action'), eq(auditLog.targetId, actionId)))
		.orderBy(asc(auditLog.createdAt), asc(auditLog.id))
}

function createdId(result: { headers: Headers }): string {
	const location = result.headers.get('Location') ?? ''
	const id =
		/created=([0-9a-f-]{36})/.exec(location)?.[1] ?? /actions\/([0-9a-f-]{36})$/.exec(location)?.[1]
	if (!id) throw new Error(`no action id in ${location}`)
	return id
}

/** The 4xx and nothing written: no action, link, comment, evidence, audit row or email. */
async function expectRefused(
	run: () => Promise<{ status: number; data: unknown }>,
	status: number,
	message?: RegExp,
) {
	const before = await actionsSnapshot()
	const files = await uploadedFiles()
	const result = await run()
	expect(result.status).toBe(status)
	if (message) expect(JSON.stringify(result.data)).toMatch(message)
	expect(await actionsSnapshot()).toBe(before)
	expect(await uploadedFiles()).toEqual(files)
	return result
}

describe('create from a gap', () => {
	test('defaults: the title from the indicator and why it lost points, the creator owns it, audited', async () => {
		const back = `/w/${workspaceId}/assessments/${assessmentId}/results`
		const result = await createFromGap(t.assessor, {
			intent: 'create-from-gap',
			indicatorIds: '5.1.1.1',
			dueDate: '2026-12-31',
			redirectTo: back,
		})
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(back)
		const [row] = await database()
			.select()
			.from(improvementActions)
			.where(eq(improvementActions.createdBy, t.assessor.user.id))
		expect(row).toMatchObject({
			workspaceId,
			assessmentId,
			title: '5.1.1.1 售后服务部门：部分满足：达成 50%',
			description: '',
			ownerUserId: t.assessor.user.id,
			dueDate: '2026-12-31',
			priority: 'medium',
			status: 'open',
			completedAt: null,
		})
		expect(await links(row!.id)).toEqual(['5.1.1.1'])
		const audit = await auditFor(row!.id)
		expect(audit).toHaveLength(1)
		expect(audit[0]).toMatchObject({
			workspaceId,
			actorUserId: t.assessor.user.id,
			action: 'action.created',
			detail: {
				title: row!.title,
				assessmentId,
				indicatorIds: ['5.1.1.1'],
				ownerUserId: t.assessor.user.id,
				dueDate: '2026-12-31',
				priority: 'medium',
			},
			ip: '127.0.0.1',
		})
	})

	test('several indicators: linked in printed order, one line each in the description; given fields win', async () => {
		const result = await createFromGap(t.admin, {
			intent: 'create-from-gap',
			indicatorIds: ['5.1.1.2', '5.1.1.1', '5.1.1.2'],
			ownerUserId: t.otherAssessor.user.id,
			priority: 'high',
		})
		expect(result.status).toBe(302)
		const id = createdId(result)
		expect(result.headers.get('Location')).toBe(`${gapUrl()}?created=${id}`)
		const row = await actionRow(id)
		expect(row).toMatchObject({
			title: '5.1.1.1 售后服务部门：部分满足：达成 50%（等 2 项）',
			ownerUserId: t.otherAssessor.user.id,
			priority: 'high',
			dueDate: null,
			createdBy: t.admin.user.id,
		})
		expect(row!.description.split('\n')).toEqual([
			'- 5.1.1.1 售后服务部门：部分满足：达成 50%',
			'- 5.1.1.2 服务网点覆盖与管理：未作答',
		])
		expect(await links(id)).toEqual(['5.1.1.1', '5.1.1.2'])

		const titled = await createFromGap(t.admin, {
			intent: 'create-from-gap',
			indicatorIds: '5.1.1.2',
			title: '  增设服务网点  ',
			description: '覆盖三个地级市',
		})
		expect(await actionRow(createdId(titled))).toMatchObject({
			title: '增设服务网点',
			description: '覆盖三个地级市',
		})
	})

	test('in English for a member who reads English', async () => {
		await database().update(users).set({ locale: 'en' }).where(eq(users.id, t.owner.user.id))
		try {
			const result = await createFromGap(t.owner, {
				intent: 'create-from-gap',
				indicatorIds: ['5.1.1.1', '5.1.1.2'],
			})
			expect((await actionRow(createdId(result)))!.title).toMatch(
				/^5\.1\.1\.1 .+: partly met: 50 % achieved \(\+1 more\)$/,
			)
		} finally {
			await database().update(users).set({ locale: 'zh-CN' }).where(eq(users.id, t.owner.user.id))
		}
	})

	test('the page lists the gaps, most recoverable first, and marks those with an action', async () => {
		const params = { workspaceId, assessmentId }
		const result = await respond(() =>
			assessmentRoute.loader(
				argsFor(`${gapUrl()}?indicator=5.1.1.1`, { cookie: t.assessor.cookie, params }),
			),
		)
		expect(result.status).toBe(200)
		const data = result.data as Awaited<ReturnType<typeof assessmentRoute.loader>>['data']
		expect(data.scorable).toBe(true)
		expect(data.preselected).toEqual(['5.1.1.1'])
		const recoverable = data.gaps.map((gap) => gap.recoverable ?? 0)
		expect(recoverable).toEqual([...recoverable].sort((a, b) => b - a))
		expect(data.gaps.find((gap) => gap.id === '5.1.1.1')).toMatchObject({
			reason: { zh: '部分满足：达成 50%' },
			planned: true,
		})
		expect(data.actions.every((action) => action.assessment?.id === assessmentId)).toBe(true)
	})
})

describe('free actions', () => {
	test('from the workspace list: no assessment, no indicators, audited; the page opens it', async () => {
		const result = await postList(t.assessor, {
			intent: 'create',
			title: '组织全员服务规范培训',
			description: '每季度一次',
			ownerUserId: t.otherAssessor.user.id,
			dueDate: '2027-03-31',
			priority: 'low',
		})
		expect(result.status).toBe(302)
		const id = createdId(result)
		expect(result.headers.get('Location')).toBe(detailUrl(id))
		expect(await actionRow(id)).toMatchObject({
			assessmentId: null,
			title: '组织全员服务规范培训',
			ownerUserId: t.otherAssessor.user.id,
			createdBy: t.assessor.user.id,
			priority: 'low',
		})
		expect(await links(id)).toEqual([])
		expect((await auditFor(id)).map((row) => row.action)).toEqual(['action.created'])
		const page = await loadDetail(t.viewer, id)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({
			action: { id, title: '组织全员服务规范培训', owner: { name: '评价员 王' }, indicators: [] },
			assessment: null,
			can: { edit: false, comment: false, remove: false },
		})
	})
})

describe('roles', () => {
	let actionId: string
	beforeAll(async () => {
		// created by the assessor, owned by the other assessor
		actionId = (
			await actionIn(
				workspaceId,
				{
					title: '修订投诉处理流程',
					createdBy: t.assessor.user.id,
					ownerUserId: t.otherAssessor.user.id,
					assessmentId,
				},
				['5.1.1.1'],
			)
		).id
	})

	const edit = (title: string, ownerUserId: string) => ({
		intent: 'edit',
		title,
		description: '',
		ownerUserId,
		dueDate: '2027-01-31',
		priority: 'medium',
	})

	test('viewers read every list and page but change nothing', async () => {
		for (const loader of [
			() =>
				listRoute.loader(argsFor(listUrl(), { cookie: t.viewer.cookie, params: { workspaceId } })),
			() =>
				assessmentRoute.loader(
					argsFor(gapUrl(), { cookie: t.viewer.cookie, params: { workspaceId, assessmentId } }),
				),
			() =>
				detailRoute.loader(
					argsFor(detailUrl(actionId), {
						cookie: t.viewer.cookie,
						params: { workspaceId, actionId },
					}),
				),
		])
			expect((await respond(loader)).status).toBe(200)
		await expectRefused(
			() =>
				postList(t.viewer, {
					intent: 'create',
					title: '查看者的措施',
					ownerUserId: t.assessor.user.id,
				}),
			403,
		)
		await expectRefused(
			() => createFromGap(t.viewer, { intent: 'create-from-gap', indicatorIds: '5.1.1.1' }),
			403,
		)
		await expectRefused(() => postDetail(t.viewer, actionId, edit('改名', t.assessor.user.id)), 403)
		await expectRefused(
			() => postDetail(t.viewer, actionId, { intent: 'status', status: 'done' }),
			403,
		)
		await expectRefused(
			() => postDetail(t.viewer, actionId, { intent: 'comment', body: '同意' }),
			403,
		)
		await expectRefused(() => postList(t.viewer, { intent: 'remove', actionId }), 403)
	})

	test('an assessor changes the actions they created or own, not others', async () => {
		await expectRefused(
			() => postDetail(bystander, actionId, edit('别人的措施', bystander.user.id)),
			403,
			/只能修改自己创建或负责的措施/,
		)
		await expectRefused(
			() => postDetail(bystander, actionId, { intent: 'status', status: 'done' }),
			403,
		)
		await expectRefused(
			() => postDetail(bystander, actionId, { intent: 'link', indicatorId: '5.1.1.2' }),
			403,
		)
		// the creator edits; the owner moves the status
		expect(
			(await postDetail(t.assessor, actionId, edit('修订投诉处理流程 v2', t.otherAssessor.user.id)))
				.status,
		).toBe(302)
		expect(
			(await postDetail(t.otherAssessor, actionId, { intent: 'status', status: 'in_progress' }))
				.status,
		).toBe(302)
		// anyone who answers may discuss it
		expect(
			(await postDetail(bystander, actionId, { intent: 'comment', body: '需要我协助吗？' })).status,
		).toBe(302)
		expect(await actionRow(actionId)).toMatchObject({
			title: '修订投诉处理流程 v2',
			status: 'in_progress',
		})
		const page = await loadDetail(bystander, actionId)
		expect(page.data).toMatchObject({ can: { edit: false, comment: true, remove: false } })
	})

	test('only owners and admins remove; removal takes links, comments and evidence files along, audited', async () => {
		const doomed = await actionIn(
			workspaceId,
			{
				title: '待删除的措施',
				createdBy: t.assessor.user.id,
				ownerUserId: t.assessor.user.id,
				assessmentId,
			},
			['5.1.1.1', '5.1.1.2'],
		)
		expect(
			(await postDetail(t.assessor, doomed.id, { intent: 'comment', body: '先记下' })).status,
		).toBe(302)
		const upload = await uploadTo(t.assessor, doomed.id, 'plan.pdf', pdfFile('plan'))
		expect(upload.status).toBe(302)
		const [file] = await database()
			.select()
			.from(actionEvidence)
			.where(eq(actionEvidence.actionId, doomed.id))
		expect(await uploadedFiles()).toContain(file!.storedName)

		await expectRefused(
			() => postList(t.assessor, { intent: 'remove', actionId: doomed.id }),
			403,
			/只有所有者或管理员可以删除措施/,
		)
		const removed = await postList(t.admin, { intent: 'remove', actionId: doomed.id })
		expect(removed.status).toBe(302)
		expect(removed.headers.get('Location')).toBe(listUrl())
		expect(await actionRow(doomed.id)).toBeUndefined()
		expect(await links(doomed.id)).toEqual([])
		expect(
			await database().select().from(actionComments).where(eq(actionComments.actionId, doomed.id)),
		).toEqual([])
		expect(await uploadedFiles()).not.toContain(file!.storedName)
		const audit = await auditFor(doomed.id)
		expect(audit.at(-1)).toMatchObject({
			action: 'action.removed',
			actorUserId: t.admin.user.id,
			detail: {
				title: '待删除的措施',
				indicatorIds: ['5.1.1.1', '5.1.1.2'],
				comments: 1,
				evidence: 1,
			},
		})
	})
})

describe('status, comments and linked indicators', () => {
	test('done stamps the completion, reopening clears it; each change audited with from and to', async () => {
		const action = await actionIn(workspaceId, {
			title: '完善备件管理',
			createdBy: t.admin.user.id,
		})
		expect(
			(await postDetail(t.admin, action.id, { intent: 'status', status: 'done' })).status,
		).toBe(302)
		const done = await actionRow(action.id)
		expect(done!.status).toBe('done')
		expect(done!.completedAt).toBeInstanceOf(Date)
		// the same status again changes nothing and writes nothing
		const before = await actionsSnapshot()
		expect(
			(await postDetail(t.admin, action.id, { intent: 'status', status: 'done' })).status,
		).toBe(302)
		expect(await actionsSnapshot()).toBe(before)
		expect(
			(await postDetail(t.admin, action.id, { intent: 'status', status: 'open' })).status,
		).toBe(302)
		expect(await actionRow(action.id)).toMatchObject({ status: 'open', completedAt: null })
		expect(
			(await auditFor(action.id)).map((row) => [row.action, row.detail?.from, row.detail?.to]),
		).toEqual([
			['action.status_changed', 'open', 'done'],
			['action.status_changed', 'done', 'open'],
		])
	})

	test('comments are listed oldest first with their author, and audited', async () => {
		const action = await actionIn(workspaceId, {
			title: '讨论中的措施',
			createdBy: t.admin.user.id,
		})
		await postDetail(t.assessor, action.id, { intent: 'comment', body: '  第一条  ' })
		await postDetail(t.admin, action.id, { intent: 'comment', body: '第二条' })
		const page = await loadDetail(t.viewer, action.id)
		expect(page.data).toMatchObject({
			comments: [
				{ body: '第一条', author: { name: '评价员 张' } },
				{ body: '第二条', author: { name: '管理员 周' } },
			],
		})
		expect((await auditFor(action.id)).map((row) => row.action)).toEqual([
			'action.commented',
			'action.commented',
		])
	})

	test('linking and unlinking indicators of the assessment; at least one stays', async () => {
		const action = await actionIn(
			workspaceId,
			{ title: '关联指标的措施', createdBy: t.admin.user.id, assessmentId },
			['5.1.1.1'],
		)
		expect(
			(await postDetail(t.admin, action.id, { intent: 'link', indicatorId: '5.1.1.2' })).status,
		).toBe(302)
		expect(await links(action.id)).toEqual(['5.1.1.1', '5.1.1.2'])
		expect(
			(await postDetail(t.admin, action.id, { intent: 'unlink', indicatorId: '5.1.1.1' })).status,
		).toBe(302)
		expect(await links(action.id)).toEqual(['5.1.1.2'])
		await expectRefused(
			() => postDetail(t.admin, action.id, { intent: 'unlink', indicatorId: '5.1.1.2' }),
			409,
			/至少要关联一个指标/,
		)
		const page = await loadDetail(t.admin, action.id)
		expect(page.data).toMatchObject({
			action: { indicators: [{ id: '5.1.1.2', title: '服务网点覆盖与管理' }] },
			assessment: { id: assessmentId },
		})
		expect((await auditFor(action.id)).map((row) => row.detail?.changes)).toEqual([
			{ indicatorIds: { from: ['5.1.1.1'], to: ['5.1.1.1', '5.1.1.2'] } },
			{ indicatorIds: { from: ['5.1.1.1', '5.1.1.2'], to: ['5.1.1.2'] } },
		])
	})

	test('an edit audits each changed field from and to', async () => {
		const action = await actionIn(workspaceId, {
			title: '旧名称',
			createdBy: t.admin.user.id,
			ownerUserId: t.admin.user.id,
		})
		const result = await postDetail(t.admin, action.id, {
			intent: 'edit',
			title: '新名称',
			description: '',
			ownerUserId: t.assessor.user.id,
			dueDate: '2027-06-30',
			priority: 'medium',
		})
		expect(result.status).toBe(302)
		const [audit] = await auditFor(action.id)
		expect(audit).toMatchObject({
			action: 'action.updated',
			detail: {
				title: '新名称',
				changes: {
					title: { from: '旧名称', to: '新名称' },
					ownerUserId: { from: t.admin.user.id, to: t.assessor.user.id },
					dueDate: { from: null, to: '2027-06-30' },
				},
			},
		})
		expect(Object.keys(audit!.detail!.changes as object).sort()).toEqual([
			'dueDate',
			'ownerUserId',
			'title',
		])
	})
})

test('an owner who has left stays on the action and in the picker until someone else is chosen', async () => {
	const leaver = await person('已离职 陈', { workspaceId, role: 'assessor' })
	const action = await actionIn(workspaceId, {
		title: '离职者负责的措施',
		createdBy: t.admin.user.id,
		ownerUserId: leaver.user.id,
	})
	await database()
		.delete(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, leaver.user.id)))
	const page = await loadDetail(t.admin, action.id)
	expect(page.data).toMatchObject({
		owners: expect.arrayContaining([{ userId: leaver.user.id, name: '已离职 陈' }]),
	})
	const fields = {
		intent: 'edit',
		title: '离职者负责的措施（待交接）',
		description: '',
		dueDate: '',
		priority: 'medium',
	}
	expect(
		(await postDetail(t.admin, action.id, { ...fields, ownerUserId: leaver.user.id })).status,
	).toBe(302)
	expect(await actionRow(action.id)).toMatchObject({
		title: '离职者负责的措施（待交接）',
		ownerUserId: leaver.user.id,
	})
	expect(
		(await postDetail(t.admin, action.id, { ...fields, ownerUserId: t.assessor.user.id })).status,
	).toBe(302)
	// once handed over, the former member cannot be chosen again
	await expectRefused(
		() => postDetail(t.admin, action.id, { ...fields, ownerUserId: leaver.user.id }),
		400,
		/负责人必须是本工作区的成员/,
	)
})

describe('bad input is refused with a message and changes nothing', () => {
	let actionId: string
	let freeActionId: string
	beforeAll(async () => {
		actionId = (
			await actionIn(
				workspaceId,
				{
					title: '被测试的措施',
					createdBy: t.admin.user.id,
					ownerUserId: t.admin.user.id,
					assessmentId,
				},
				['5.1.1.1'],
			)
		).id
		freeActionId = (await actionIn(workspaceId, { title: '独立措施', createdBy: t.admin.user.id }))
			.id
	})

	const valid = () => ({
		intent: 'create',
		title: '建立服务档案',
		description: '',
		ownerUserId: t.assessor.user.id,
		dueDate: '2027-01-31',
		priority: 'medium',
	})

	test('create from gap: unknown indicator, another scheme’s indicator, none, another workspace’s assessment', async () => {
		await expectRefused(
			() =>
				createFromGap(t.admin, { intent: 'create-from-gap', indicatorIds: ['5.1.1.1', '9.9.9'] }),
			400,
			/没有指标“9\.9\.9”/,
		)
		// 5.1.2 is an indicator of the BAC assessment, not of this GB/T 27922 one
		await expectRefused(
			() => createFromGap(t.admin, { intent: 'create-from-gap', indicatorIds: '5.1.2' }),
			400,
			/没有指标“5\.1\.2”/,
		)
		// and the other way round
		await expectRefused(
			() =>
				createFromGap(
					t.admin,
					{ intent: 'create-from-gap', indicatorIds: '5.1.1.1' },
					{ assessment: bacAssessmentId },
				),
			400,
			/没有指标“5\.1\.1\.1”/,
		)
		await expectRefused(
			() => createFromGap(t.admin, { intent: 'create-from-gap' }),
			400,
			/请至少勾选一个指标/,
		)
		await expectRefused(
			() =>
				createFromGap(
					t.admin,
					{ intent: 'create-from-gap', indicatorIds: '5.1.1.1' },
					{ assessment: foreignAssessmentId },
				),
			404,
		)
		await expectRefused(
			() =>
				createFromGap(t.admin, {
					intent: 'create-from-gap',
					indicatorIds: '5.1.1.1',
					assessmentId,
				}),
			400,
			/assessmentId/,
		)
	})

	test('owner: not a member, or a viewer', async () => {
		await expectRefused(
			() => postList(t.admin, { ...valid(), ownerUserId: outsider.user.id }),
			400,
			/负责人必须是本工作区的成员/,
		)
		await expectRefused(
			() => postList(t.admin, { ...valid(), ownerUserId: t.viewer.user.id }),
			400,
			/查看者只能阅读，不能担任措施负责人/,
		)
		await expectRefused(
			() =>
				createFromGap(t.admin, {
					intent: 'create-from-gap',
					indicatorIds: '5.1.1.1',
					ownerUserId: outsider.user.id,
				}),
			400,
			/负责人必须是本工作区的成员/,
		)
		await expectRefused(
			() =>
				postDetail(t.admin, actionId, {
					...valid(),
					intent: 'edit',
					ownerUserId: outsider.user.id,
				}),
			400,
			/负责人必须是本工作区的成员/,
		)
	})

	test.each([
		'2026-02-30',
		'2026/12/31',
		'31.12.2026',
		'tomorrow',
		'1999-12-31',
		'2026-13-01',
		'20261231',
	])('due date %s', async (dueDate) => {
		const result = await expectRefused(() => postList(t.admin, { ...valid(), dueDate }), 400)
		expect(result.data).toMatchObject({
			errors: { dueDate: [expect.stringMatching(/有效的日期/)] },
		})
		await expectRefused(
			() => createFromGap(t.admin, { intent: 'create-from-gap', indicatorIds: '5.1.1.1', dueDate }),
			400,
			/有效的日期/,
		)
		await expectRefused(
			() => postDetail(t.admin, actionId, { ...valid(), intent: 'edit', dueDate }),
			400,
			/有效的日期/,
		)
	})

	test('priority and status outside their lists', async () => {
		await expectRefused(
			() => postList(t.admin, { ...valid(), priority: 'urgent' }),
			400,
			/请选择优先级/,
		)
		await expectRefused(
			() =>
				createFromGap(t.admin, {
					intent: 'create-from-gap',
					indicatorIds: '5.1.1.1',
					priority: 'HIGH',
				}),
			400,
			/请选择优先级/,
		)
		for (const status of ['closed', 'DONE', ''])
			await expectRefused(
				() => postDetail(t.admin, actionId, { intent: 'status', status }),
				400,
				/status/,
			)
	})

	test('extra fields, missing or overlong text, unknown intents', async () => {
		await expectRefused(
			() => postList(t.admin, { ...valid(), workspaceId: otherWorkspaceId }),
			400,
			/workspaceId/,
		)
		await expectRefused(
			() =>
				postDetail(t.admin, actionId, {
					intent: 'status',
					status: 'done',
					completedAt: '2020-01-01',
				}),
			400,
			/completedAt/,
		)
		await expectRefused(() => postList(t.admin, { ...valid(), title: '   ' }), 400, /title/)
		await expectRefused(
			() => postList(t.admin, { ...valid(), title: '长'.repeat(201) }),
			400,
			/title/,
		)
		await expectRefused(
			() => postDetail(t.admin, actionId, { intent: 'comment', body: '' }),
			400,
			/body/,
		)
		await expectRefused(
			() => postDetail(t.admin, actionId, { intent: 'comment', body: '评'.repeat(2001) }),
			400,
			/body/,
		)
		await expectRefused(() => postDetail(t.admin, actionId, { intent: 'archive' }), 400, /intent/)
		await expectRefused(
			() => postDetail(t.admin, actionId, { intent: 'link', indicatorId: '9.9.9' }),
			400,
			/没有指标/,
		)
		await expectRefused(
			() => postDetail(t.admin, freeActionId, { intent: 'link', indicatorId: '5.1.1.1' }),
			400,
			/独立措施不关联自评指标/,
		)
		await expectRefused(
			() => postDetail(t.admin, actionId, { intent: 'remove-evidence', evidenceId: 'nope' }),
			400,
			/找不到该证据文件/,
		)
	})

	test("another workspace's action under this workspace is a 404, for reading and for every change", async () => {
		const foreign = await actionIn(otherWorkspaceId, {
			title: '乙公司的措施',
			createdBy: outsider.user.id,
		})
		expect((await loadDetail(t.admin, foreign.id)).status).toBe(404)
		await expectRefused(
			() => postDetail(t.admin, foreign.id, { intent: 'status', status: 'done' }),
			404,
		)
		await expectRefused(
			() => postDetail(t.admin, foreign.id, { intent: 'comment', body: '看看' }),
			404,
		)
		await expectRefused(() => postList(t.admin, { intent: 'remove', actionId: foreign.id }), 404)
		await expectRefused(() => uploadTo(t.admin, foreign.id, 'x.pdf', pdfFile()), 404)
	})
})

function uploadTo(
	as: Person,
	actionId: string,
	filename: string,
	data: Buffer,
	workspace = workspaceId,
) {
	const { body, contentType } = multipartBody([
		{ name: 'intent', value: 'upload' },
		{ name: 'file', filename, data },
	])
	const request = postRequest(detailUrl(actionId, workspace), {
		body,
		contentType,
		cookie: as.cookie,
	})
	return respond(() =>
		detailRoute.action(actionArgs(request, { workspaceId: workspace, actionId })),
	)
}

describe('evidence of completion', () => {
	let actionId: string
	beforeAll(async () => {
		actionId = (
			await actionIn(workspaceId, {
				title: '上传证据的措施',
				createdBy: t.admin.user.id,
				ownerUserId: t.assessor.user.id,
			})
		).id
	})

	test('the owner uploads; members download byte for byte; the uploader removes it and the file goes', async () => {
		const bytes = pdfFile('培训签到表')
		const result = await uploadTo(t.assessor, actionId, '培训签到表.pdf', bytes)
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(detailUrl(actionId))
		const [row] = await database()
			.select()
			.from(actionEvidence)
			.where(eq(actionEvidence.actionId, actionId))
		expect(row).toMatchObject({
			originalName: '培训签到表.pdf',
			contentType: 'application/pdf',
			size: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			uploadedBy: t.assessor.user.id,
		})
		const params = { workspaceId, actionId, evidenceId: row!.id }
		const url = `${detailUrl(actionId)}/evidence/${row!.id}/download`
		const response = await downloadRoute.loader(argsFor(url, { cookie: t.viewer.cookie, params }))
		expect(response.headers.get('Content-Type')).toBe('application/pdf')
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
		expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true)
		const outsiderDownload = await respond(() =>
			downloadRoute.loader(argsFor(url, { cookie: outsider.cookie, params })),
		)
		expect(outsiderDownload.status).toBe(404)

		expect(
			(await postDetail(t.assessor, actionId, { intent: 'remove-evidence', evidenceId: row!.id }))
				.status,
		).toBe(302)
		expect(await uploadedFiles()).not.toContain(row!.storedName)
		const gone = await respond(() =>
			downloadRoute.loader(argsFor(url, { cookie: t.viewer.cookie, params })),
		)
		expect(gone.status).toBe(404)
		expect((await auditFor(actionId)).map((entry) => entry.action)).toEqual([
			'action.evidence_uploaded',
			'action.evidence_removed',
		])
	})

	test('refused: someone who may not change the action, a wrong type, a form that is not multipart', async () => {
		await expectRefused(() => uploadTo(bystander, actionId, 'a.pdf', pdfFile()), 403)
		await expectRefused(() => uploadTo(t.viewer, actionId, 'a.pdf', pdfFile()), 403)
		await expectRefused(() => uploadTo(t.assessor, actionId, 'photo.pdf', pngFile()), 415)
		await expectRefused(() => uploadTo(t.assessor, actionId, '', pdfFile()), 400)
		await expectRefused(() => postDetail(t.assessor, actionId, { intent: 'upload' }), 415)
	})
})

describe('lists', () => {
	let consultant: Person
	let clientA: string
	let clientB: string
	let clientC: string
	let staffA: Person
	beforeAll(async () => {
		consultant = await person('顾问 王')
		clientA = (await createWorkspace(consultant.user.id, '甲客户')).id
		clientB = (await createWorkspace(consultant.user.id, '乙客户')).id
		staffA = await person('甲客户 员工', { workspaceId: clientA, role: 'assessor' })
		const stranger = await person('丙客户 负责人')
		clientC = (await createWorkspace(stranger.user.id, '丙客户')).id
		await actionIn(clientA, {
			title: '甲：逾期措施',
			ownerUserId: staffA.user.id,
			dueDate: '2020-01-31',
		})
		await actionIn(clientA, {
			title: '甲：顾问的措施',
			ownerUserId: consultant.user.id,
			dueDate: '2099-01-31',
		})
		await actionIn(clientA, { title: '甲：已完成', status: 'done', dueDate: '2020-01-31' })
		await actionIn(clientB, {
			title: '乙：进行中',
			status: 'in_progress',
			ownerUserId: consultant.user.id,
		})
		await actionIn(clientC, { title: '丙：别人的客户', dueDate: '2020-01-31' })
	})

	async function scopeOf(member: Person, workspace: string) {
		return requireWorkspace(
			routeArgs(`/w/${workspace}/actions`, { cookie: member.cookie }).request,
			workspace,
		)
	}

	test('a workspace list holds its own actions only, most urgent first, with its filters', async () => {
		const scope = await scopeOf(consultant, clientA)
		expect((await listActions(scope)).map((a) => a.title)).toEqual([
			'甲：逾期措施',
			'甲：顾问的措施',
			'甲：已完成',
		])
		const overdue = await listActions(scope, { overdue: true })
		expect(overdue.map((a) => [a.title, a.overdue])).toEqual([['甲：逾期措施', true]])
		expect((await listActions(scope, { status: 'done' })).map((a) => a.title)).toEqual([
			'甲：已完成',
		])
		expect(
			(await listActions(scope, { ownerUserId: consultant.user.id })).map((a) => a.title),
		).toEqual(['甲：顾问的措施'])
		// a done action past its date is not overdue
		expect((await listActions(scope, { status: 'done' }))[0]!.overdue).toBe(false)

		const page = await respond(() =>
			listRoute.loader(
				argsFor(`${listUrl(clientA)}?owner=me&status=bogus&overdue=0`, {
					cookie: consultant.cookie,
					params: { workspaceId: clientA },
				}),
			),
		)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({
			filters: { status: '', owner: 'me', overdue: false },
			actions: [{ title: '甲：顾问的措施' }],
		})
		const other = await respond(() =>
			listRoute.loader(
				argsFor(listUrl(clientB), { cookie: staffA.cookie, params: { workspaceId: clientB } }),
			),
		)
		expect(other.status).toBe(404)
	})

	test('across clients: every workspace of the consultant with its name, none of anyone else’s', async () => {
		const all = await listActionsAcrossWorkspaces(consultant.user.id)
		expect(all.map((a) => [a.workspace.name, a.title]).sort()).toEqual(
			[
				['乙客户', '乙：进行中'],
				['甲客户', '甲：已完成'],
				['甲客户', '甲：逾期措施'],
				['甲客户', '甲：顾问的措施'],
			].sort(),
		)
		expect(all.some((a) => a.workspaceId === clientC)).toBe(false)
		expect(all.some((a) => a.workspaceId === workspaceId)).toBe(false)

		const staff = await listActionsAcrossWorkspaces(staffA.user.id)
		expect(new Set(staff.map((a) => a.workspace.name))).toEqual(new Set(['甲客户']))

		const mine = await listActionsAcrossWorkspaces(consultant.user.id, { mine: true })
		expect(mine.map((a) => a.title).sort()).toEqual(['乙：进行中', '甲：顾问的措施'].sort())
		const overdue = await listActionsAcrossWorkspaces(consultant.user.id, { overdue: true })
		expect(overdue.map((a) => a.title)).toEqual(['甲：逾期措施'])
	})

	test('/actions: filters from the URL; a workspace that is not theirs is no way in', async () => {
		const load = (query: string, as = consultant) =>
			respond(() => mineRoute.loader(routeArgs(`/actions${query}`, { cookie: as.cookie })))
		const page = await load(`?workspace=${clientB}`)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({
			filters: { workspace: clientB },
			actions: [{ title: '乙：进行中', workspace: { name: '乙客户' } }],
		})
		expect(
			(page.data as { workspaces: { name: string }[] }).workspaces.map((w) => w.name).sort(),
		).toEqual(['乙客户', '甲客户'].sort())
		// staff of client A naming client B's (or C's) id get their own list, never B's
		for (const foreign of [clientB, clientC]) {
			const probe = await load(`?workspace=${foreign}`, staffA)
			expect(probe.data).toMatchObject({ filters: { workspace: '' } })
			const names = (probe.data as { actions: { workspace: { name: string } }[] }).actions.map(
				(a) => a.workspace.name,
			)
			expect(new Set(names)).toEqual(new Set(['甲客户']))
		}
		const overdue = await load('?overdue=1')
		expect(overdue.data).toMatchObject({
			overdue: 1,
			actions: [{ title: '甲：逾期措施', overdue: true }],
		})
		const signedOut = await respond(() => mineRoute.loader(routeArgs('/actions')))
		expect(signedOut.status).toBe(302)
	})

	test('a member added later sees the workspace’s actions at once', async () => {
		const late = await person('后来的顾问')
		expect(await listActionsAcrossWorkspaces(late.user.id)).toEqual([])
		await addMember(clientB, late.user.id, 'viewer')
		expect((await listActionsAcrossWorkspaces(late.user.id)).map((a) => a.title)).toEqual([
			'乙：进行中',
		])
	})
})
