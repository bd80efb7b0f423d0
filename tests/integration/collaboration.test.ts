import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessorRatings, assignments, auditLog, comments } from '#db/schema/index.ts'
import * as assignmentsRoute from '#app/routes/collaboration/assignments.tsx'
import * as commentsRoute from '#app/routes/collaboration/comments.tsx'
import * as myAssignmentsRoute from '#app/routes/collaboration/my-assignments.tsx'
import { schemeIndicators } from '#app/domain/schemes/index.ts'
import { effectiveAssignees, progressByPerson } from '#app/services/collaboration.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import {
	assessmentIn,
	collaborationSnapshot,
	person,
	team,
	type Person,
} from './collaboration-support.ts'
import { addMember, createWorkspace, respond } from './helpers.ts'
import { argsFor } from './workspace-support.ts'

let people: Awaited<ReturnType<typeof team>>
let workspaceId: string
let outsider: Person
let otherWorkspaceId: string
let foreignAssessmentId: string

beforeAll(async () => {
	people = await team()
	workspaceId = people.workspace.id
	outsider = await person('别家 钱')
	otherWorkspaceId = (await createWorkspace(outsider.user.id, '乙汽车服务有限公司')).id
	foreignAssessmentId = (await assessmentIn(otherWorkspaceId)).assessment.id
})

function params(assessmentId: string, workspace = workspaceId) {
	return { workspaceId: workspace, assessmentId }
}

async function expectUnchanged(
	run: () => Promise<{ status: number; data: unknown }>,
	status: number,
	message?: RegExp,
) {
	const before = await collaborationSnapshot()
	const result = await run()
	expect(result.status).toBe(status)
	if (message) expect(JSON.stringify(result.data)).toMatch(message)
	expect(await collaborationSnapshot()).toBe(before)
	return result
}

describe('comments', () => {
	let assessmentId: string
	let indicatorId: string
	beforeAll(async () => {
		const created = await assessmentIn(workspaceId)
		assessmentId = created.assessment.id
		indicatorId = created.indicators[3]!
	})

	function post(as: Person, form: Record<string, string>, p = params(assessmentId)) {
		const url = `/w/${p.workspaceId}/assessments/${p.assessmentId}/comments`
		return respond(() => commentsRoute.action(argsFor(url, { form, cookie: as.cookie, params: p })))
	}

	test('an assessor comments; it is listed with author and time, and audited', async () => {
		const back = `/w/${workspaceId}/assessments/${assessmentId}/answer/5.1?indicator=${indicatorId}`
		const result = await post(people.assessor, {
			intent: 'add',
			indicatorId,
			body: '  维修记录缺少客户签字，请补充。 ',
			redirectTo: back,
		})
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(back)
		const [row] = await database()
			.select()
			.from(comments)
			.where(eq(comments.assessmentId, assessmentId))
		expect(row).toMatchObject({
			indicatorId,
			userId: people.assessor.user.id,
			body: '维修记录缺少客户签字，请补充。',
		})
		const [audit] = await database().select().from(auditLog).where(eq(auditLog.targetId, row!.id))
		expect(audit).toMatchObject({
			action: 'comment.added',
			actorUserId: people.assessor.user.id,
			detail: { assessmentId, indicatorId },
		})

		const url = `/w/${workspaceId}/assessments/${assessmentId}/comments?indicator=${indicatorId}`
		const page = await respond(() =>
			commentsRoute.loader(
				argsFor(url, { cookie: people.viewer.cookie, params: params(assessmentId) }),
			),
		)
		expect(page.data).toMatchObject({
			canComment: false,
			groups: [
				{
					indicatorId,
					comments: [
						{
							body: '维修记录缺少客户签字，请补充。',
							author: { name: '评价员 张' },
							createdAt: expect.any(Date),
						},
					],
				},
			],
		})
	})

	test('viewers read only (403); a submitted assessment takes no comments (409)', async () => {
		await expectUnchanged(
			() => post(people.viewer, { indicatorId, body: '我也想说' }),
			403,
			/查看者/,
		)
		const submitted = (await assessmentIn(workspaceId, { status: 'submitted' })).assessment.id
		await expectUnchanged(
			() => post(people.owner, { indicatorId, body: '补充' }, params(submitted)),
			409,
			/已提交/,
		)
	})

	test('bad input: empty, too long, unknown indicator, unknown field (400)', async () => {
		await expectUnchanged(
			() => post(people.assessor, { indicatorId, body: '   ' }),
			400,
			/此项为必填项/,
		)
		await expectUnchanged(
			() => post(people.assessor, { indicatorId, body: '长'.repeat(2001) }),
			400,
			/不能超过 2,000 个字符/,
		)
		await expectUnchanged(
			() => post(people.assessor, { indicatorId: '9.9.9', body: '你好' }),
			400,
			/没有这个指标/,
		)
		await expectUnchanged(
			() => post(people.assessor, { indicatorId, body: '你好', userId: 'x' }),
			400,
			/未知字段/,
		)
	})

	test('across workspaces: 404, and nothing changes', async () => {
		await expectUnchanged(
			() => post(people.owner, { indicatorId, body: '越权' }, params(foreignAssessmentId)),
			404,
		)
		await expectUnchanged(() => post(outsider, { indicatorId, body: '越权' }), 404)
		await expectUnchanged(
			() => post(outsider, { indicatorId, body: '越权' }, params(assessmentId, otherWorkspaceId)),
			404,
		)
		const url = `/w/${workspaceId}/assessments/${assessmentId}/comments`
		const read = await respond(() =>
			commentsRoute.loader(argsFor(url, { cookie: outsider.cookie, params: params(assessmentId) })),
		)
		expect(read.status).toBe(404)
	})
})

describe('assignments', () => {
	let assessmentId: string
	let sectionId: string
	let indicatorId: string
	beforeAll(async () => {
		const created = await assessmentIn(workspaceId)
		assessmentId = created.assessment.id
		sectionId = created.scheme.sections[1]!.id
		indicatorId = created.indicators[0]!
	})

	function post(as: Person, form: Record<string, string>, p = params(assessmentId)) {
		const url = `/w/${p.workspaceId}/assessments/${p.assessmentId}/assignments`
		return respond(() =>
			assignmentsRoute.action(argsFor(url, { form, cookie: as.cookie, params: p })),
		)
	}
	const section = (userId?: string) => ({
		targetType: 'section',
		targetId: sectionId,
		...(userId ? { userId } : {}),
	})
	const indicator = (userId?: string) => ({
		targetType: 'indicator',
		targetId: indicatorId,
		...(userId ? { userId } : {}),
	})

	async function assigneeOf(targetType: 'section' | 'indicator', targetId: string) {
		const [row] = await database()
			.select()
			.from(assignments)
			.where(
				and(
					eq(assignments.assessmentId, assessmentId),
					eq(assignments.targetType, targetType),
					eq(assignments.targetId, targetId),
				),
			)
		return row?.userId ?? null
	}

	test('an admin assigns a section, reassigns it and unassigns it; each change audited', async () => {
		const { admin, assessor, otherAssessor } = people
		expect((await post(admin, { intent: 'assign', ...section(assessor.user.id) })).status).toBe(302)
		expect(await assigneeOf('section', sectionId)).toBe(assessor.user.id)
		// the same assignment again changes nothing and writes no audit row
		await expectUnchanged(
			() => post(admin, { intent: 'assign', ...section(assessor.user.id) }),
			302,
		)
		expect(
			(await post(admin, { intent: 'assign', ...section(otherAssessor.user.id) })).status,
		).toBe(302)
		expect(await assigneeOf('section', sectionId)).toBe(otherAssessor.user.id)
		expect((await post(admin, { intent: 'unassign', ...section() })).status).toBe(302)
		expect(await assigneeOf('section', sectionId)).toBeNull()
		const audit = await database()
			.select({ action: auditLog.action, detail: auditLog.detail })
			.from(auditLog)
			.where(eq(auditLog.targetId, assessmentId))
		expect(audit).toEqual([
			{
				action: 'assignment.assigned',
				detail: expect.objectContaining({
					targetId: sectionId,
					userId: assessor.user.id,
					previousUserId: null,
				}),
			},
			{
				action: 'assignment.assigned',
				detail: expect.objectContaining({
					userId: otherAssessor.user.id,
					previousUserId: assessor.user.id,
				}),
			},
			{
				action: 'assignment.removed',
				detail: expect.objectContaining({ targetId: sectionId, userId: otherAssessor.user.id }),
			},
		])
	})

	test('an assessor may take what is unassigned and hand back their own, nothing else', async () => {
		const { owner, assessor, otherAssessor } = people
		await expectUnchanged(
			() => post(assessor, { intent: 'assign', ...indicator(otherAssessor.user.id) }),
			403,
			/只能认领/,
		)
		expect(
			(await post(assessor, { intent: 'assign', ...indicator(assessor.user.id) })).status,
		).toBe(302)
		expect(await assigneeOf('indicator', indicatorId)).toBe(assessor.user.id)
		await expectUnchanged(
			() => post(otherAssessor, { intent: 'assign', ...indicator(otherAssessor.user.id) }),
			409,
			/已经指派/,
		)
		await expectUnchanged(() => post(otherAssessor, { intent: 'unassign', ...indicator() }), 403)
		expect((await post(assessor, { intent: 'unassign', ...indicator() })).status).toBe(302)
		expect(await assigneeOf('indicator', indicatorId)).toBeNull()
		// an owner assigns anyone who can answer, the owner included
		expect((await post(owner, { intent: 'assign', ...indicator(owner.user.id) })).status).toBe(302)
		expect((await post(owner, { intent: 'unassign', ...indicator() })).status).toBe(302)
	})

	test('viewers change nothing, and cannot be assigned', async () => {
		const { admin, viewer } = people
		await expectUnchanged(
			() => post(viewer, { intent: 'assign', ...indicator(viewer.user.id) }),
			403,
		)
		await expectUnchanged(
			() => post(admin, { intent: 'assign', ...indicator(viewer.user.id) }),
			400,
			/查看者不能作答/,
		)
	})

	test('bad ids: non-member assignee, unknown section or indicator, unknown intent or type (4xx, nothing changed)', async () => {
		const { admin, assessor } = people
		await expectUnchanged(
			() => post(admin, { intent: 'assign', ...indicator(outsider.user.id) }),
			400,
			/不是本工作区的成员/,
		)
		await expectUnchanged(
			() => post(admin, { intent: 'assign', ...indicator('no-such-user') }),
			400,
		)
		await expectUnchanged(
			() =>
				post(admin, {
					intent: 'assign',
					targetType: 'section',
					targetId: '9',
					userId: assessor.user.id,
				}),
			400,
			/没有这个章节或指标/,
		)
		await expectUnchanged(
			() =>
				post(admin, {
					intent: 'assign',
					targetType: 'indicator',
					targetId: sectionId,
					userId: assessor.user.id,
				}),
			400,
		)
		await expectUnchanged(
			() =>
				post(admin, {
					intent: 'assign',
					targetType: 'group',
					targetId: sectionId,
					userId: assessor.user.id,
				}),
			400,
		)
		await expectUnchanged(
			() => post(admin, { intent: 'promote', ...indicator(assessor.user.id) }),
			400,
		)
		await expectUnchanged(() => post(admin, { intent: 'assign', ...indicator() }), 400)
	})

	test('across workspaces and on a submitted assessment', async () => {
		const { admin, assessor } = people
		await expectUnchanged(
			() =>
				post(
					admin,
					{ intent: 'assign', ...indicator(assessor.user.id) },
					params(foreignAssessmentId),
				),
			404,
		)
		await expectUnchanged(
			() => post(outsider, { intent: 'assign', ...indicator(outsider.user.id) }),
			404,
		)
		const submitted = (await assessmentIn(workspaceId, { status: 'submitted' })).assessment.id
		await expectUnchanged(
			() => post(admin, { intent: 'assign', ...indicator(assessor.user.id) }, params(submitted)),
			409,
		)
		await expectUnchanged(
			() => post(admin, { intent: 'unassign', ...indicator() }, params(submitted)),
			409,
		)
	})
})

describe('progress', () => {
	test('per person: an indicator assigned on its own leaves its section; answered means a value', async () => {
		const { admin, assessor, otherAssessor } = people
		const { assessment, scheme } = await assessmentIn(workspaceId)
		const section = scheme.sections[2]!
		const inSection = schemeIndicators({ ...scheme, sections: [section] }).map(
			(e) => e.indicator.id,
		)
		const [own, answered, toReview] = inSection
		const url = `/w/${workspaceId}/assessments/${assessment.id}/assignments`
		const post = (form: Record<string, string>) =>
			respond(() =>
				assignmentsRoute.action(
					argsFor(url, { form, cookie: admin.cookie, params: params(assessment.id) }),
				),
			)
		await post({
			intent: 'assign',
			targetType: 'section',
			targetId: section.id,
			userId: assessor.user.id,
		})
		await post({
			intent: 'assign',
			targetType: 'indicator',
			targetId: own!,
			userId: otherAssessor.user.id,
		})
		const row = (
			indicatorId: string,
			value: Record<string, unknown> | null,
			status: 'answered' | 'to_review' = 'answered',
		) => ({
			workspaceId,
			assessmentId: assessment.id,
			indicatorId,
			value,
			status,
		})
		await database()
			.insert(answers)
			.values([
				row(own!, { fraction: 1 }),
				row(answered!, { fraction: 0.5 }),
				row(toReview!, { fraction: 1 }, 'to_review'),
				row(inSection[3]!, null),
			])

		const scope = await requireWorkspace(
			argsFor(url, { cookie: admin.cookie, params: params(assessment.id) }).request,
			workspaceId,
		)
		expect(await progressByPerson(scope, assessment.id)).toEqual([
			{ userId: otherAssessor.user.id, name: '评价员 王', total: 1, answered: 1, toReview: 0 },
			{
				userId: assessor.user.id,
				name: '评价员 张',
				total: inSection.length - 1,
				answered: 2,
				toReview: 1,
			},
		])
		await expect(progressByPerson(scope, foreignAssessmentId)).rejects.toMatchObject({
			init: { status: 404 },
		})

		const page = await respond(() =>
			assignmentsRoute.loader(
				argsFor(url, { cookie: admin.cookie, params: params(assessment.id) }),
			),
		)
		expect(page.data).toMatchObject({ progress: [{ name: '评价员 王' }, { name: '评价员 张' }] })
	})

	test('DNI: an assessor has answered an indicator when they have rated it themselves', async () => {
		const { owner, assessor, otherAssessor } = people
		const { assessment, scheme, indicators } = await assessmentIn(workspaceId, {
			schemeId: 'dni-cts-0301-2025',
		})
		expect(scheme.answerMode).toBe('percent')
		const [mine, theirs, excluded] = indicators
		const rows = [
			{ targetType: 'indicator' as const, targetId: mine!, userId: assessor.user.id },
			{ targetType: 'indicator' as const, targetId: theirs!, userId: otherAssessor.user.id },
			{ targetType: 'indicator' as const, targetId: excluded!, userId: otherAssessor.user.id },
		]
		await database()
			.insert(assignments)
			.values(rows.map((r) => ({ ...r, workspaceId, assessmentId: assessment.id })))
		const rating = (indicatorId: string, userId: string, percent: string) => ({
			workspaceId,
			assessmentId: assessment.id,
			indicatorId,
			userId,
			percent,
		})
		// the other assessor's own indicator was rated by someone else only
		await database()
			.insert(assessorRatings)
			.values([rating(mine!, assessor.user.id, '72.5'), rating(theirs!, assessor.user.id, '40')])
		await database()
			.insert(answers)
			.values({
				workspaceId,
				assessmentId: assessment.id,
				indicatorId: excluded!,
				value: { na: true, reason: '无此业务' },
			})
		const url = `/w/${workspaceId}/assessments/${assessment.id}/assignments`
		const scope = await requireWorkspace(
			argsFor(url, { cookie: owner.cookie, params: params(assessment.id) }).request,
			workspaceId,
		)
		expect(await progressByPerson(scope, assessment.id)).toEqual([
			{ userId: otherAssessor.user.id, name: '评价员 王', total: 2, answered: 1, toReview: 0 },
			{ userId: assessor.user.id, name: '评价员 张', total: 1, answered: 1, toReview: 0 },
		])
	})

	test('my assignments: across this workspace’s assessments only, with the questionnaire to go to', async () => {
		const { admin } = people
		const me = await person('顾问 孙', { workspaceId, role: 'assessor' })
		await addMember(otherWorkspaceId, me.user.id, 'assessor')
		const { assessment, scheme } = await assessmentIn(workspaceId)
		const section = scheme.sections[0]!
		const inSection = schemeIndicators({ ...scheme, sections: [section] }).map(
			(e) => e.indicator.id,
		)
		const url = `/w/${workspaceId}/assessments/${assessment.id}/assignments`
		const post = (form: Record<string, string>, as: Person = admin, p = params(assessment.id)) =>
			respond(() => assignmentsRoute.action(argsFor(url, { form, cookie: as.cookie, params: p })))
		expect(
			(
				await post({
					intent: 'assign',
					targetType: 'section',
					targetId: section.id,
					userId: me.user.id,
				})
			).status,
		).toBe(302)
		expect(
			(
				await post({
					intent: 'assign',
					targetType: 'indicator',
					targetId: inSection[0]!,
					userId: people.assessor.user.id,
				})
			).status,
		).toBe(302)
		const elsewhere = schemeIndicators({ ...scheme, sections: [scheme.sections[1]!] })[0]!.indicator
			.id
		expect(
			(
				await post({
					intent: 'assign',
					targetType: 'indicator',
					targetId: elsewhere,
					userId: me.user.id,
				})
			).status,
		).toBe(302)
		// in the other workspace, assigned by its owner: not listed in this one
		const foreignScheme = (await assessmentIn(otherWorkspaceId)).assessment
		expect(
			(
				await post(
					{ intent: 'assign', targetType: 'section', targetId: section.id, userId: me.user.id },
					outsider,
					params(foreignScheme.id, otherWorkspaceId),
				)
			).status,
		).toBe(302)
		await database()
			.insert(answers)
			.values({
				workspaceId,
				assessmentId: assessment.id,
				indicatorId: inSection[1]!,
				value: { fraction: 1 },
			})

		const list = await respond(() =>
			myAssignmentsRoute.loader(
				argsFor(`/w/${workspaceId}/my-assignments`, { cookie: me.cookie, params: { workspaceId } }),
			),
		)
		expect(list.status).toBe(200)
		expect(list.data).toMatchObject({
			assessments: [
				{
					assessment: { id: assessment.id, schemeId: 'gbt27922-2011', status: 'in_progress' },
					assignments: expect.arrayContaining([
						expect.objectContaining({
							targetType: 'section',
							targetId: section.id,
							indicatorIds: inSection.slice(1),
							progress: { total: inSection.length - 1, answered: 1, toReview: 0 },
						}),
						expect.objectContaining({
							targetType: 'indicator',
							targetId: elsewhere,
							indicatorIds: [elsewhere],
						}),
					]),
					progress: { total: inSection.length, answered: 1, toReview: 0 },
				},
			],
		})
		const other = await respond(() =>
			myAssignmentsRoute.loader(
				argsFor(`/w/${otherWorkspaceId}/my-assignments`, {
					cookie: me.cookie,
					params: { workspaceId: otherWorkspaceId },
				}),
			),
		)
		expect(other.data).toMatchObject({ assessments: [{ assessment: { id: foreignScheme.id } }] })
		const none = await respond(() =>
			myAssignmentsRoute.loader(
				argsFor(`/w/${workspaceId}/my-assignments`, {
					cookie: people.viewer.cookie,
					params: { workspaceId },
				}),
			),
		)
		expect(none.data).toMatchObject({ assessments: [] })
		const stranger = await respond(() =>
			myAssignmentsRoute.loader(
				argsFor(`/w/${workspaceId}/my-assignments`, {
					cookie: outsider.cookie,
					params: { workspaceId },
				}),
			),
		)
		expect(stranger.status).toBe(404)
	})
})

test('effectiveAssignees: the indicator’s own assignee wins over its section’s', async () => {
	const { scheme } = await assessmentIn(workspaceId)
	const section = scheme.sections[0]!
	const first = schemeIndicators({ ...scheme, sections: [section] })[0]!.indicator.id
	const map = effectiveAssignees(scheme, [
		{ targetType: 'section', targetId: section.id, userId: 'a' },
		{ targetType: 'indicator', targetId: first, userId: 'b' },
	])
	expect(map.get(first)).toEqual({ userId: 'b', via: 'indicator', sectionId: section.id })
	expect([...map.values()].filter((v) => v.userId === 'a')).toHaveLength(
		schemeIndicators({ ...scheme, sections: [section] }).length - 1,
	)
	expect([...map.values()].every((v) => v.sectionId === section.id)).toBe(true)
})
