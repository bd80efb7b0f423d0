import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessments, assessorRatings, auditLog } from '#db/schema/index.ts'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { scoreJson } from '#app/domain/scoring/index.ts'
import * as autosave from '#app/routes/questionnaire/autosave.ts'
import * as section from '#app/routes/questionnaire/section.tsx'
import { saveAnswer } from '#app/services/answers.server.ts'
import {
	createAssessment,
	exportAssessment,
	importAssessment,
	liveResult,
	requireAssessment,
} from '#app/services/assessments.server.ts'
import { requireWorkspace, type WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { createWorkspace, respond, routeArgs } from './helpers.ts'
import { memberOf, signedIn } from './workspace-support.ts'

const DNI = 'dni-cts-0301-2025'
const ip = '127.0.0.1'

type Person = { user: { id: string }; cookie: string }
let owner: Person
let first: Person
let second: Person
let viewer: Person
let ownerScope: WorkspaceScope
let workspaceId: string

beforeAll(async () => {
	owner = await signedIn({ name: '王经理' })
	workspaceId = (await createWorkspace(owner.user.id, '示例电器有限公司')).id
	first = await memberOf(workspaceId, 'assessor', { name: '李评价' })
	second = await memberOf(workspaceId, 'assessor', { name: '张评价' })
	viewer = await memberOf(workspaceId, 'viewer', { name: '赵查看' })
	ownerScope = await requireWorkspace(
		new Request('http://localhost/', { headers: { Cookie: owner.cookie } }),
		workspaceId,
	)
})

const dniFile = {
	format: 'aftersales-assessment/v1',
	scheme: DNI,
	answers: {
		'5.1.1.1': { percent: [70, 80], note: '线下评审会' },
		'5.1.1.2': { percent: 55 },
		'5.2.1.1': { percent: [40, 90] },
	},
}

async function importedAssessment(title: string, file: object = dniFile): Promise<string> {
	const created = await createAssessment(
		ownerScope,
		{
			schemeId: DNI,
			period: '2026',
			title,
			scopeSites: '',
			scopeProducts: '',
			scopeNotes: '',
			fromAssessmentId: '',
		},
		ip,
	)
	if (!created.ok) throw new Error(created.message)
	const imported = await importAssessment(
		ownerScope,
		created.assessment.id,
		JSON.stringify(file),
		ip,
	)
	expect(imported).toMatchObject({ ok: true })
	return created.assessment.id
}

const pageUrl = (assessmentId: string, indicatorId: string) =>
	`/w/${workspaceId}/assessments/${assessmentId}/answer?indicator=${indicatorId}`

async function indicatorOnPage(who: Person, assessmentId: string, indicatorId: string) {
	const result = await respond(() =>
		section.loader(
			routeArgs(pageUrl(assessmentId, indicatorId), {
				cookie: who.cookie,
				params: { workspaceId, assessmentId },
			}) as never,
		),
	)
	expect(result.status).toBe(200)
	const page = result.data as Extract<
		Awaited<ReturnType<typeof section.loader>>['data'],
		{ view: 'one' }
	>
	expect(page.view).toBe('one')
	const indicator = page.indicator
	expect(indicator.id).toBe(indicatorId)
	return { page, indicator }
}

async function autosavePost(who: Person, assessmentId: string, form: Record<string, string>) {
	const response = await autosave.action(
		routeArgs(`/w/${workspaceId}/assessments/${assessmentId}/autosave`, {
			form: { _autosave: '1', intent: 'save', note: '', ratingVersion: '0', ...form },
			cookie: who.cookie,
			params: { workspaceId, assessmentId },
		}) as never,
	)
	return { status: response.status, body: await response.json() }
}

function removeImported(
	who: Person,
	assessmentId: string,
	indicatorId: string,
	form: Record<string, string>,
) {
	return respond(() =>
		section.action(
			routeArgs(pageUrl(assessmentId, indicatorId), {
				form: { intent: 'remove-imported', indicatorId, ...form },
				cookie: who.cookie,
				params: { workspaceId, assessmentId },
			}) as never,
		),
	)
}

async function storedValue(assessmentId: string, indicatorId: string) {
	const [row] = await database()
		.select({ value: answers.value, version: answers.version })
		.from(answers)
		.where(and(eq(answers.assessmentId, assessmentId), eq(answers.indicatorId, indicatorId)))
	return row
}

/** The exported file scored by scoreJson is exactly the live result; returns the export's answers. */
async function exportMatchesLive(assessmentId: string) {
	const assessment = await requireAssessment(ownerScope, assessmentId)
	const live = await liveResult(ownerScope, assessment)
	if (!live.ok) throw new Error(live.error)
	const { document } = await exportAssessment(ownerScope, assessment)
	expect(scoreJson(JSON.stringify(document))).toEqual({ ok: true, result: live.result })
	return { answers: document.answers, result: live.result }
}

const points = (indicatorId: string) =>
	schemeIndicators(getScheme(DNI)!).find(({ indicator }) => indicator.id === indicatorId)!.indicator
		.points

function earned(result: { indicators: { id: string; earned: number }[] }, indicatorId: string) {
	return result.indicators.find((entry) => entry.id === indicatorId)!.earned
}

async function snapshot(assessmentId: string) {
	const db = database()
	return JSON.stringify({
		answers: await db.select().from(answers).where(eq(answers.assessmentId, assessmentId)),
		ratings: await db
			.select()
			.from(assessorRatings)
			.where(eq(assessorRatings.assessmentId, assessmentId)),
		audit: await db.select().from(auditLog).where(eq(auditLog.targetId, assessmentId)),
	})
}

describe('DNI ratings imported from a v1 file', () => {
	test('shown as imported, kept and counted with members’ ratings, and the export scores as the page', async () => {
		const id = await importedAssessment('导入后继续评分')
		// the file's own score is the live score right after the import
		const direct = scoreJson(JSON.stringify(dniFile))
		expect(direct.ok && (await exportMatchesLive(id)).result).toEqual(direct.ok && direct.result)

		const before = await indicatorOnPage(first, id, '5.1.1.1')
		expect(before.indicator.rating).toEqual({
			mine: null,
			others: [],
			othersCount: 0,
			imported: ['70', '80'],
			mean: 75,
			spread: 10,
		})
		// the member's form edits no imported percentage, and the indicator counts as answered
		expect(before.indicator.answer).toMatchObject({ value: null, note: '线下评审会', version: 1 })
		expect(before.indicator.state).toBe('answered')
		expect(before.page.canRemoveImported).toBe(false)
		expect((await indicatorOnPage(owner, id, '5.1.1.1')).page.canRemoveImported).toBe(true)

		// a member's rating: the imported ones stay, and the mean is over all three
		expect(
			await autosavePost(first, id, {
				indicatorId: '5.1.1.1',
				version: '1',
				percent: '60',
				note: '线下评审会',
			}),
		).toMatchObject({
			status: 200,
			body: { kind: 'saved', version: 1, ratingVersion: 1, value: null },
		})
		expect(await storedValue(id, '5.1.1.1')).toEqual({ value: { percent: [70, 80] }, version: 1 })
		expect((await indicatorOnPage(first, id, '5.1.1.1')).indicator.rating).toEqual({
			mine: { percent: '60', version: 1 },
			others: [],
			othersCount: 0,
			imported: ['70', '80'],
			mean: 70,
			spread: 20,
		})
		// the second assessor sees the imported ratings but not the first one's until rating
		expect((await indicatorOnPage(second, id, '5.1.1.1')).indicator.rating).toEqual({
			mine: null,
			others: [],
			othersCount: 1,
			imported: ['70', '80'],
			mean: null,
			spread: null,
		})
		expect(
			await autosavePost(second, id, {
				indicatorId: '5.1.1.1',
				version: '1',
				percent: '85',
				note: '线下评审会',
			}),
		).toMatchObject({ status: 200 })
		const both = (await indicatorOnPage(second, id, '5.1.1.1')).indicator.rating!
		expect(both).toMatchObject({ imported: ['70', '80'], mean: 73.75, spread: 25 })
		// each percentage once: the file's two, then each assessor's own; the score takes their mean
		let exported = await exportMatchesLive(id)
		expect(exported.answers['5.1.1.1']!.percent).toHaveLength(4)
		expect(exported.answers['5.1.1.1']!.percent).toEqual([
			70,
			80,
			...[
				{ userId: first.user.id, percent: 60 },
				{ userId: second.user.id, percent: 85 },
			]
				.sort((a, b) => a.userId.localeCompare(b.userId))
				.map((rating) => rating.percent),
		])
		expect(earned(exported.result, '5.1.1.1')).toBeCloseTo((points('5.1.1.1') * 73.75) / 100, 9)
		expect(both.mean).toBe((70 + 80 + 60 + 85) / 4)

		// withdrawing one's own rating (clear) withdraws only that: the imported ones stay
		expect(
			await autosavePost(first, id, {
				intent: 'clear',
				indicatorId: '5.1.1.1',
				version: '1',
				ratingVersion: '1',
				note: '线下评审会',
			}),
		).toMatchObject({ status: 200 })
		expect((await storedValue(id, '5.1.1.1'))!.value).toEqual({ percent: [70, 80] })
		exported = await exportMatchesLive(id)
		expect(exported.answers['5.1.1.1']!.percent).toEqual([70, 80, 85])

		// an exclusion wins while it stands and keeps the imported ratings for when it is lifted
		expect(
			await autosavePost(first, id, {
				indicatorId: '5.2.1.1',
				version: '1',
				excluded: 'on',
				reason: '不提供安装服务',
			}),
		).toMatchObject({ status: 200, body: { value: { na: true, reason: '不提供安装服务' } } })
		expect((await storedValue(id, '5.2.1.1'))!.value).toEqual({
			na: true,
			reason: '不提供安装服务',
			percent: [40, 90],
		})
		exported = await exportMatchesLive(id)
		expect(exported.answers['5.2.1.1']).toEqual({ na: true, reason: '不提供安装服务' })
		expect(exported.result.indicators.find((i) => i.id === '5.2.1.1')!.excluded).toBe(true)
		expect(
			await autosavePost(first, id, { indicatorId: '5.2.1.1', version: '2', percent: '' }),
		).toMatchObject({ status: 200, body: { version: 3, value: null } })
		expect((await storedValue(id, '5.2.1.1'))!.value).toEqual({ percent: [40, 90] })
		exported = await exportMatchesLive(id)
		expect(exported.answers['5.2.1.1']).toEqual({ percent: [40, 90] })

		// a single imported number is one rating beside a member's own
		expect(
			await autosavePost(first, id, { indicatorId: '5.1.1.2', version: '1', percent: '45' }),
		).toMatchObject({ status: 200 })
		expect((await exportMatchesLive(id)).answers['5.1.1.2']).toEqual({ percent: [55, 45] })
		// and a member still cannot write percentages into the shared answer itself
		const firstScope = await requireWorkspace(
			new Request('http://localhost/', { headers: { Cookie: first.cookie } }),
			workspaceId,
		)
		expect(
			await saveAnswer(firstScope, id, '5.1.1.2', { value: { percent: [90] } }, 1, { ip }),
		).toMatchObject({ ok: false, status: 400 })
		expect((await storedValue(id, '5.1.1.2'))!.value).toEqual({ percent: 55 })

		// importing again replaces the members' ratings, and the audit row says how many
		await importAssessment(ownerScope, id, JSON.stringify(dniFile), ip)
		const imports = await database()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'assessment.imported')))
		expect(imports.map((row) => row.detail?.ratingsCleared).sort()).toEqual([0, 2])
		expect((await exportMatchesLive(id)).answers['5.1.1.1']!.percent).toEqual([70, 80])
	})

	test('an owner or admin removes an indicator’s imported ratings: audited, the score follows; nobody else can', async () => {
		const id = await importedAssessment('移除导入的评分')
		await autosavePost(second, id, {
			indicatorId: '5.1.1.1',
			version: '1',
			percent: '85',
			note: '线下评审会',
		})
		const untouched = await snapshot(id)
		const scoreBefore = (await exportMatchesLive(id)).result

		// below admin: refused (403), nothing changes
		for (const who of [first, viewer])
			expect((await removeImported(who, id, '5.1.1.1', { imported: '70,80' })).status).toBe(403)
		// a list that is not what is stored (another import, another admin): 409 naming the current one
		const stale = await removeImported(owner, id, '5.1.1.1', { imported: '70' })
		expect(stale).toMatchObject({
			status: 409,
			data: {
				removal: {
					kind: 'refused',
					indicatorId: '5.1.1.1',
					message: '导入的评分已有变化（现为：70%、80%），未作移除。请核对后再操作。',
				},
			},
		})
		// malformed posts: 400 with a message, never a 500
		const malformed: Record<string, string>[] = [
			{},
			{ imported: '' },
			{ imported: '70,abc' },
			{ imported: '70', extra: '1' },
		]
		for (const form of malformed)
			expect((await removeImported(owner, id, '5.1.1.1', form)).status).toBe(400)
		// an indicator the scheme does not have is not found
		expect((await removeImported(owner, id, '9.9.9', { imported: '70' })).status).toBe(404)
		expect(await snapshot(id)).toBe(untouched)

		const removed = await removeImported(owner, id, '5.1.1.1', { imported: '70,80' })
		expect(removed.status).toBe(302)
		expect(removed.headers.get('Location')).toBe(
			`/w/${workspaceId}/assessments/${id}/answer?indicator=5.1.1.1#indicator-5.1.1.1`,
		)
		// the note and the version stay: members' open forms save on without a conflict
		expect(await storedValue(id, '5.1.1.1')).toEqual({ value: null, version: 1 })
		const [audit] = await database()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'rating.imported_removed')))
		expect(audit).toMatchObject({
			actorUserId: owner.user.id,
			workspaceId,
			detail: {
				indicatorId: '5.1.1.1',
				removed: [70, 80],
				before: { percent: [70, 80] },
				after: null,
			},
		})
		// the second assessor's rating alone scores now; page, live score and export agree
		const { indicator } = await indicatorOnPage(second, id, '5.1.1.1')
		expect(indicator.rating).toEqual({
			mine: { percent: '85', version: 1 },
			others: [],
			othersCount: 0,
			imported: [],
			mean: 85,
			spread: 0,
		})
		expect(indicator.answer.note).toBe('线下评审会')
		const after = await exportMatchesLive(id)
		expect(after.answers['5.1.1.1']).toEqual({ percent: [85], note: '线下评审会' })
		expect(earned(after.result, '5.1.1.1')).toBeCloseTo((points('5.1.1.1') * 85) / 100, 9)
		expect(earned(scoreBefore, '5.1.1.1')).toBeCloseTo(
			(points('5.1.1.1') * (70 + 80 + 85)) / 3 / 100,
			9,
		)
		expect(after.result.score).not.toBe(scoreBefore.score)
		expect(
			await autosavePost(first, id, {
				indicatorId: '5.1.1.1',
				version: '1',
				percent: '50',
				note: '线下评审会',
			}),
		).toMatchObject({ status: 200, body: { kind: 'saved', version: 1, ratingVersion: 1 } })
		expect((await exportMatchesLive(id)).answers['5.1.1.1']!.percent).toHaveLength(2)

		// without imported ratings left, a second removal changes nothing
		const done = await snapshot(id)
		expect(await removeImported(owner, id, '5.1.1.1', { imported: '70,80' })).toMatchObject({
			status: 409,
			data: { removal: { message: '导入的评分已有变化（现为：无），未作移除。请核对后再操作。' } },
		})
		// another indicator's imported rating is untouched
		expect((await indicatorOnPage(owner, id, '5.1.1.2')).indicator.rating).toMatchObject({
			imported: ['55'],
			mean: 55,
		})
		// a submitted assessment is locked: 409 and nothing changes
		await database().update(assessments).set({ status: 'submitted' }).where(eq(assessments.id, id))
		expect((await removeImported(owner, id, '5.1.1.2', { imported: '55' })).status).toBe(409)
		await database()
			.update(assessments)
			.set({ status: 'in_progress' })
			.where(eq(assessments.id, id))
		expect(await snapshot(id)).toBe(done)
	})

	test('starting from an earlier DNI assessment copies its imported ratings once, beside the members’ ratings', async () => {
		const source = await importedAssessment('去年的自评')
		await autosavePost(first, source, {
			indicatorId: '5.1.1.1',
			version: '1',
			percent: '60',
			note: '线下评审会',
		})
		const sourceExport = await exportMatchesLive(source)
		const copied = await createAssessment(
			ownerScope,
			{
				schemeId: DNI,
				period: '2027',
				title: '今年的自评',
				scopeSites: '',
				scopeProducts: '',
				scopeNotes: '',
				fromAssessmentId: source,
				resetStatuses: 'on',
			},
			ip,
		)
		if (!copied.ok) throw new Error(copied.message)
		const id = copied.assessment.id
		const copyExport = await exportMatchesLive(id)
		expect(copyExport.answers).toEqual(sourceExport.answers)
		expect(copyExport.result).toEqual(sourceExport.result)
		const { indicator } = await indicatorOnPage(first, id, '5.1.1.1')
		expect(indicator.state).toBe('to_review')
		expect(indicator.rating).toMatchObject({ mine: { percent: '60' }, imported: ['70', '80'] })
		// confirming the copied answer keeps the imported ratings and the member's own
		expect(
			await autosavePost(first, id, {
				indicatorId: '5.1.1.1',
				version: String(indicator.answer.version),
				ratingVersion: '1',
				percent: '60',
				note: '线下评审会',
			}),
		).toMatchObject({ status: 200 })
		expect((await indicatorOnPage(first, id, '5.1.1.1')).indicator.state).toBe('answered')
		expect((await exportMatchesLive(id)).answers['5.1.1.1']).toEqual(
			sourceExport.answers['5.1.1.1'],
		)
	})
})
