import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
	answers,
	assessments,
	assessorRatings,
	auditLog,
	specialItems,
	type Role,
} from '#db/schema/index.ts'
import { fromV1 } from '#app/domain/assessments/to-v1.ts'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { scoreJson, validateAssessment } from '#app/domain/scoring/index.ts'
import { assessmentTemplate } from '#app/domain/scoring/template.ts'
import { saveAnswer, saveRating } from '#app/services/answers.server.ts'
import {
	addSpecialItem,
	createAssessment,
	exportAssessment,
	importAssessment,
	liveResult,
	listAssessments,
	removeSpecialItem,
	reopenAssessment,
	requireAssessment,
	submitAssessment,
	type CreateAssessmentInput,
} from '#app/services/assessments.server.ts'
import { requireWorkspace, type WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { addMember, cookieFor, createUser, createWorkspace, respond } from './helpers.ts'

const ip = '127.0.0.1'

async function scopeOf(userId: string, workspaceId: string): Promise<WorkspaceScope> {
	const request = new Request('http://localhost/', { headers: { Cookie: await cookieFor(userId) } })
	return requireWorkspace(request, workspaceId)
}

const scopes = {} as Record<Role | 'outsider', WorkspaceScope>

beforeAll(async () => {
	const owner = await createUser({ name: '王经理' })
	const workspace = await createWorkspace(owner.id, '示例电器有限公司')
	scopes.owner = await scopeOf(owner.id, workspace.id)
	for (const role of ['admin', 'assessor', 'viewer'] as const) {
		const user = await createUser({ name: role })
		await addMember(workspace.id, user.id, role)
		scopes[role] = await scopeOf(user.id, workspace.id)
	}
	const outsider = await createUser({ name: '外部人员' })
	const other = await createWorkspace(outsider.id, '其他企业')
	scopes.outsider = await scopeOf(outsider.id, other.id)
})

function input(
	schemeId: string,
	extra: Partial<CreateAssessmentInput> = {},
): CreateAssessmentInput {
	return {
		schemeId,
		period: '2026',
		title: `${schemeId} 年度自评`,
		scopeSites: '上海总部',
		scopeProducts: '空调',
		scopeNotes: '',
		fromAssessmentId: '',
		...extra,
	}
}

async function create(
	schemeId: string,
	scope = scopes.admin,
	extra: Partial<CreateAssessmentInput> = {},
) {
	const outcome = await createAssessment(scope, input(schemeId, extra), ip)
	if (!outcome.ok) throw new Error(`create refused: ${outcome.message}`)
	return outcome.assessment
}

/** Stores a v1 document's answers directly, as if people had answered them. */
async function answerAll(scope: WorkspaceScope, assessmentId: string, doc: unknown) {
	const validated = validateAssessment(doc)
	if (!validated.ok) throw new Error(validated.error)
	const rows = fromV1(validated.assessment)
	await database()
		.insert(answers)
		.values(
			rows.answers.map((row) => ({
				workspaceId: scope.workspace.id,
				assessmentId,
				indicatorId: row.indicatorId,
				value: row.value,
				note: row.note,
			})),
		)
}

/** Everything an assessment consists of, to prove a refused change changed nothing. */
async function snapshot(assessmentId: string) {
	const db = database()
	return JSON.stringify({
		assessment: await db.select().from(assessments).where(eq(assessments.id, assessmentId)),
		answers: await db
			.select()
			.from(answers)
			.where(eq(answers.assessmentId, assessmentId))
			.orderBy(asc(answers.indicatorId)),
		ratings: await db
			.select()
			.from(assessorRatings)
			.where(eq(assessorRatings.assessmentId, assessmentId))
			.orderBy(asc(assessorRatings.id)),
		specialItems: await db
			.select()
			.from(specialItems)
			.where(eq(specialItems.assessmentId, assessmentId))
			.orderBy(asc(specialItems.id)),
		audit: await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.targetId, assessmentId))
			.orderBy(asc(auditLog.id)),
	})
}

async function auditRows(assessmentId: string, action: string) {
	return database()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.targetId, assessmentId), eq(auditLog.action, action)))
}

async function status(fn: () => Promise<unknown>): Promise<number> {
	return (await respond(fn)).status
}

function template(schemeId: string) {
	const scheme = getScheme(schemeId)
	if (!scheme) throw new Error(schemeId)
	return assessmentTemplate(scheme)
}

describe('create', () => {
	test('a blank assessment with its scope, the scheme version and an audit row', async () => {
		const assessment = await create('gbt27922-2011')
		expect(assessment).toMatchObject({
			schemeId: 'gbt27922-2011',
			schemeVersion: getScheme('gbt27922-2011')!.version,
			period: '2026',
			scopeSites: '上海总部',
			scopeProducts: '空调',
			status: 'in_progress',
			copiedFromId: null,
		})
		const [row] = await auditRows(assessment.id, 'assessment.created')
		expect(row).toMatchObject({
			actorUserId: scopes.admin.user.id,
			workspaceId: scopes.admin.workspace.id,
		})
		expect(row!.detail).toMatchObject({ schemeId: 'gbt27922-2011', copied: 0 })
	})

	test('only an owner or admin creates', async () => {
		for (const role of ['assessor', 'viewer'] as const)
			expect(await status(() => createAssessment(scopes[role], input('gbt27922-2011'), ip))).toBe(
				403,
			)
		expect((await createAssessment(scopes.owner, input('gbt27922-2011'), ip)).ok).toBe(true)
	})

	test('from an earlier assessment: answers, notes and DNI ratings are copied; evidence and special items are not', async () => {
		const last = await create('dni-cts-0301-2025', scopes.admin, { period: '2025' })
		await database()
			.insert(answers)
			.values([
				{
					workspaceId: scopes.admin.workspace.id,
					assessmentId: last.id,
					indicatorId: '5.2.1.1',
					value: { na: true, reason: '无安装' },
					note: '去年删减',
				},
				{
					workspaceId: scopes.admin.workspace.id,
					assessmentId: last.id,
					indicatorId: '5.3.1.2',
					value: null,
					note: '只有备注',
				},
			])
		await database()
			.insert(assessorRatings)
			.values([
				{
					workspaceId: scopes.admin.workspace.id,
					assessmentId: last.id,
					indicatorId: '5.3.1.1',
					userId: scopes.assessor.user.id,
					percent: '72.5',
				},
				{
					workspaceId: scopes.admin.workspace.id,
					assessmentId: last.id,
					indicatorId: '5.3.1.1',
					userId: scopes.admin.user.id,
					percent: '80',
				},
			])
		await addSpecialItem(
			scopes.admin,
			last.id,
			{ kind: 'deduction', description: '超期', correctiveAction: '整改' },
			ip,
		)

		const kept = await create('dni-cts-0301-2025', scopes.admin, { fromAssessmentId: last.id })
		const keptAnswers = await database()
			.select()
			.from(answers)
			.where(eq(answers.assessmentId, kept.id))
			.orderBy(asc(answers.indicatorId))
		expect(keptAnswers.map((a) => [a.indicatorId, a.value, a.note, a.status, a.version])).toEqual([
			['5.2.1.1', { na: true, reason: '无安装' }, '去年删减', 'answered', 1],
			['5.3.1.2', null, '只有备注', 'answered', 1],
		])
		const keptRatings = await database()
			.select()
			.from(assessorRatings)
			.where(eq(assessorRatings.assessmentId, kept.id))
		expect(keptRatings.map((r) => r.percent).sort()).toEqual(['72.5', '80'])
		expect(
			await database().select().from(specialItems).where(eq(specialItems.assessmentId, kept.id)),
		).toEqual([])
		expect(kept.copiedFromId).toBe(last.id)

		const reset = await create('dni-cts-0301-2025', scopes.admin, {
			fromAssessmentId: last.id,
			resetStatuses: 'on',
		})
		const resetAnswers = await database()
			.select()
			.from(answers)
			.where(eq(answers.assessmentId, reset.id))
			.orderBy(asc(answers.indicatorId))
		// the rated-only indicator gets a row so that it too is "to review"
		expect(resetAnswers.map((a) => [a.indicatorId, a.status])).toEqual([
			['5.2.1.1', 'to_review'],
			['5.3.1.1', 'to_review'],
			['5.3.1.2', 'to_review'],
		])
		const live = await liveResult(scopes.admin, reset)
		expect(live.progress).toMatchObject({ answered: 0, toReview: 2 })
		expect(live.ok && live.result.indicators.find((i) => i.id === '5.3.1.1')?.earned).toBe(2.287_5)
		const [row] = await auditRows(reset.id, 'assessment.created')
		expect(row!.detail).toMatchObject({ copiedFromId: last.id, copied: 3, resetStatuses: true })
	})

	test('from another scheme: 400 on the field; from another workspace: 404; nothing is created', async () => {
		const bac = await create('bac-fr01-2021')
		const foreign = await create('bac-fr01-2021', scopes.outsider)
		const before = (await database().select().from(assessments)).length
		const wrong = await createAssessment(
			scopes.admin,
			input('gbt27922-2011', { fromAssessmentId: bac.id }),
			ip,
		)
		expect(wrong).toMatchObject({
			ok: false,
			status: 400,
			message: 'assessment.error.fromOtherScheme',
			field: 'fromAssessmentId',
		})
		expect(
			await status(() =>
				createAssessment(
					scopes.admin,
					input('bac-fr01-2021', { fromAssessmentId: foreign.id }),
					ip,
				),
			),
		).toBe(404)
		expect(
			await status(() =>
				createAssessment(
					scopes.admin,
					input('bac-fr01-2021', { fromAssessmentId: 'no-such-id' }),
					ip,
				),
			),
		).toBe(404)
		expect((await database().select().from(assessments)).length).toBe(before)
	})
})

describe('submit', () => {
	test('incomplete: 422 listing per section what is unanswered or to review, and nothing changes', async () => {
		const assessment = await create('bac-fr01-2021')
		const doc = template('bac-fr01-2021')
		const { '5.1.2': _a, '5.2.6': _b, ...rest } = doc.answers
		await answerAll(scopes.admin, assessment.id, { ...doc, answers: rest })
		await database()
			.update(answers)
			.set({ status: 'to_review' })
			.where(and(eq(answers.assessmentId, assessment.id), eq(answers.indicatorId, '5.3.1')))
		const before = await snapshot(assessment.id)
		const outcome = await submitAssessment(scopes.admin, assessment.id, ip)
		expect(outcome).toMatchObject({
			ok: false,
			status: 422,
			message: 'assessment.error.incomplete',
			params: { count: 3 },
		})
		if (outcome.ok) return
		expect(outcome.missing!.map((s) => [s.id, s.unanswered, s.toReview])).toEqual([
			['5.1', ['5.1.2'], []],
			['5.2', ['5.2.6'], []],
			['5.3', [], ['5.3.1']],
		])
		expect(await snapshot(assessment.id)).toBe(before)
	})

	test('answers that cannot be scored are refused with the engine message', async () => {
		const assessment = await create('gbt-aftersales-general-draft')
		const scheme = getScheme('gbt-aftersales-general-draft')!
		await database()
			.insert(answers)
			.values(
				schemeIndicators(scheme).map(({ indicator }) => ({
					workspaceId: scopes.admin.workspace.id,
					assessmentId: assessment.id,
					indicatorId: indicator.id,
					value: { na: true, reason: '不适用' },
				})),
			)
		const before = await snapshot(assessment.id)
		const outcome = await submitAssessment(scopes.admin, assessment.id, ip)
		expect(outcome).toMatchObject({
			ok: false,
			status: 422,
			message: 'assessment.error.notScorable',
		})
		expect(outcome.ok ? '' : outcome.detail).toMatch(/excluded/)
		expect(await snapshot(assessment.id)).toBe(before)
	})

	describe('a complete assessment', () => {
		let id: string
		let itemId: string
		beforeAll(async () => {
			const assessment = await create('green-aftersales-2025')
			id = assessment.id
			const doc = template('green-aftersales-2025')
			await answerAll(scopes.admin, id, {
				...doc,
				answers: {
					...doc.answers,
					'5.1.1.2': { fraction: 0.5 },
					'5.2.1.1': { na: true, reason: '不销售大件' },
				},
			})
			const added = await addSpecialItem(
				scopes.assessor,
				id,
				{ kind: 'deduction', description: '投诉超期', correctiveAction: '建立台账' },
				ip,
			)
			if (!added.ok) throw new Error(added.message)
			itemId = added.id
		})

		test('assessors cannot submit', async () => {
			expect(await status(() => submitAssessment(scopes.assessor, id, ip))).toBe(403)
		})

		test('submits: locked with the live result as the snapshot, the scheme version and an audit row', async () => {
			const assessment = await requireAssessment(scopes.admin, id)
			const live = await liveResult(scopes.admin, assessment)
			if (!live.ok) throw new Error(live.error)
			const outcome = await submitAssessment(scopes.admin, id, ip)
			expect(outcome.ok).toBe(true)
			const locked = await requireAssessment(scopes.admin, id)
			expect(locked).toMatchObject({
				status: 'submitted',
				submittedBy: scopes.admin.user.id,
				schemeVersion: getScheme('green-aftersales-2025')!.version,
			})
			expect(locked.submittedResult).toEqual(live.result)
			expect(locked.submittedAt).toBeInstanceOf(Date)
			const [row] = await auditRows(id, 'assessment.submitted')
			expect(row!.detail).toMatchObject({
				score: live.result.score,
				level: live.result.level?.key ?? null,
			})
			const after = await liveResult(scopes.viewer, locked)
			expect(after).toMatchObject({ ok: true, submitted: true, result: live.result })
		})

		test('every change to the submitted assessment is a 409 and nothing changes', async () => {
			const before = await snapshot(id)
			const refusals = [
				await submitAssessment(scopes.admin, id, ip),
				await addSpecialItem(
					scopes.admin,
					id,
					{ kind: 'deduction', description: 'x', correctiveAction: 'y' },
					ip,
				),
				await addSpecialItem(scopes.admin, id, { kind: 'bonus', justification: 'z' }, ip),
				await removeSpecialItem(scopes.admin, id, itemId, ip),
				await importAssessment(
					scopes.admin,
					id,
					JSON.stringify(template('green-aftersales-2025')),
					ip,
				),
			]
			for (const refusal of refusals)
				expect(refusal).toMatchObject({
					ok: false,
					status: 409,
					message: 'assessment.error.locked',
				})
			// the questionnaire's saves honour the same lock
			expect(
				await saveAnswer(scopes.admin, id, '5.1.1.2', { value: { fraction: 1 } }, 1, { ip }),
			).toMatchObject({ status: 409 })
			expect(await snapshot(id)).toBe(before)
		})

		test('reopen: assessors get 403, a blank reason 400, and with a reason it opens and the audit log keeps why', async () => {
			const before = await snapshot(id)
			expect(await status(() => reopenAssessment(scopes.assessor, id, '要改', ip))).toBe(403)
			expect(await reopenAssessment(scopes.admin, id, '   ', ip)).toMatchObject({
				ok: false,
				status: 400,
				field: 'reason',
			})
			expect(await snapshot(id)).toBe(before)
			const submitted = await requireAssessment(scopes.admin, id)
			expect(await reopenAssessment(scopes.owner, id, '审核发现 5.1.1.2 的记录不完整', ip)).toEqual(
				{ ok: true },
			)
			const reopened = await requireAssessment(scopes.admin, id)
			expect(reopened).toMatchObject({
				status: 'in_progress',
				submittedAt: null,
				submittedResult: null,
			})
			const [row] = await auditRows(id, 'assessment.reopened')
			expect(row).toMatchObject({ actorUserId: scopes.owner.user.id })
			expect(row!.detail).toMatchObject({
				reason: '审核发现 5.1.1.2 的记录不完整',
				score: submitted.submittedResult!.score,
				submittedBy: scopes.admin.user.id,
			})
			expect(await reopenAssessment(scopes.owner, id, '再次', ip)).toMatchObject({
				ok: false,
				status: 409,
				message: 'assessment.error.notSubmitted',
			})
			// open again: changes go through
			expect((await removeSpecialItem(scopes.assessor, id, itemId, ip)).ok).toBe(true)
		})
	})
})

describe('special items', () => {
	test('deductions and one bonus change the live score; a second bonus is a 409; viewers get 403', async () => {
		const assessment = await create('gbt27922-2011')
		await answerAll(scopes.admin, assessment.id, template('gbt27922-2011'))
		const score = async () => {
			const live = await liveResult(scopes.admin, assessment)
			if (!live.ok) throw new Error(live.error)
			return live.result
		}
		expect((await score()).score).toBe(100)
		const first = await addSpecialItem(
			scopes.assessor,
			assessment.id,
			{ kind: 'deduction', description: '投诉超期', correctiveAction: '建立台账' },
			ip,
		)
		expect(first.ok).toBe(true)
		expect(await score()).toMatchObject({ score: 99, specialDeductions: 1 })
		expect(
			(
				await addSpecialItem(
					scopes.assessor,
					assessment.id,
					{ kind: 'bonus', justification: '服务创新奖' },
					ip,
				)
			).ok,
		).toBe(true)
		expect(await score()).toMatchObject({ score: 100, specialBonus: 1 })
		const before = await snapshot(assessment.id)
		expect(
			await addSpecialItem(
				scopes.admin,
				assessment.id,
				{ kind: 'bonus', justification: '另一项' },
				ip,
			),
		).toMatchObject({
			ok: false,
			status: 409,
			message: 'assessment.error.bonusExists',
		})
		expect(
			await status(() =>
				addSpecialItem(
					scopes.viewer,
					assessment.id,
					{ kind: 'deduction', description: 'a', correctiveAction: 'b' },
					ip,
				),
			),
		).toBe(403)
		expect(
			await addSpecialItem(
				scopes.admin,
				assessment.id,
				{ kind: 'deduction', description: '  ', correctiveAction: 'b' },
				ip,
			),
		).toMatchObject({
			ok: false,
			status: 400,
		})
		expect(await snapshot(assessment.id)).toBe(before)
		expect(await auditRows(assessment.id, 'assessment.special_item_added')).toHaveLength(2)
		if (first.ok)
			expect((await removeSpecialItem(scopes.assessor, assessment.id, first.id, ip)).ok).toBe(true)
		expect(await score()).toMatchObject({ score: 101, specialDeductions: 0, specialBonus: 1 })
		expect(await auditRows(assessment.id, 'assessment.special_item_removed')).toHaveLength(1)
	})

	test('a scheme without special items refuses them', async () => {
		const assessment = await create('xbht-s04-2025')
		const before = await snapshot(assessment.id)
		for (const item of [
			{ kind: 'deduction' as const, description: 'a', correctiveAction: 'b' },
			{ kind: 'bonus' as const, justification: 'c' },
		])
			expect(await addSpecialItem(scopes.admin, assessment.id, item, ip)).toMatchObject({
				ok: false,
				status: 400,
				message: 'assessment.error.noSpecialItems',
			})
		expect(await snapshot(assessment.id)).toBe(before)
	})

	test("an item of another assessment, or another workspace's assessment, is a 404", async () => {
		const a = await create('bac-fr01-2021')
		const b = await create('bac-fr01-2021')
		const foreign = await create('bac-fr01-2021', scopes.outsider)
		const item = await addSpecialItem(
			scopes.admin,
			a.id,
			{ kind: 'bonus', justification: '理由' },
			ip,
		)
		if (!item.ok) throw new Error(item.message)
		const before = await snapshot(a.id)
		expect(await status(() => removeSpecialItem(scopes.admin, b.id, item.id, ip))).toBe(404)
		expect(await status(() => removeSpecialItem(scopes.outsider, foreign.id, item.id, ip))).toBe(
			404,
		)
		expect(await status(() => removeSpecialItem(scopes.outsider, a.id, item.id, ip))).toBe(404)
		expect(
			await status(() =>
				addSpecialItem(scopes.admin, foreign.id, { kind: 'bonus', justification: 'x' }, ip),
			),
		).toBe(404)
		expect(await snapshot(a.id)).toBe(before)
	})
})

describe('another workspace', () => {
	test('its assessment ids are 404 for every operation, and nothing changes', async () => {
		const foreign = await create('gbt27922-2011', scopes.outsider)
		const before = await snapshot(foreign.id)
		const calls = [
			() => requireAssessment(scopes.owner, foreign.id),
			() => submitAssessment(scopes.owner, foreign.id, ip),
			() => reopenAssessment(scopes.owner, foreign.id, '原因', ip),
			() =>
				addSpecialItem(
					scopes.owner,
					foreign.id,
					{ kind: 'deduction', description: 'a', correctiveAction: 'b' },
					ip,
				),
			() =>
				importAssessment(scopes.owner, foreign.id, JSON.stringify(template('gbt27922-2011')), ip),
		]
		for (const call of calls) expect(await status(call)).toBe(404)
		expect((await listAssessments(scopes.owner)).some((a) => a.id === foreign.id)).toBe(false)
		expect(await snapshot(foreign.id)).toBe(before)
	})
})

describe('export and import', () => {
	let dir: string
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'assessment-export-'))
	})
	afterAll(() => rmSync(dir, { recursive: true, force: true }))

	async function dniWithEverything() {
		const assessment = await create('dni-cts-0301-2025')
		const doc = template('dni-cts-0301-2025')
		const { '5.3.1.1': _rated, ...rest } = doc.answers
		await answerAll(scopes.admin, assessment.id, {
			...doc,
			answers: {
				...rest,
				'5.2.1.1': { na: true, reason: '无安装服务' },
				'5.1.1.2': { percent: 55, note: '见会议纪要' },
			},
		})
		await saveRating(scopes.assessor, assessment.id, '5.3.1.1', '72.5', 0, { ip })
		await saveRating(scopes.admin, assessment.id, '5.3.1.1', '61', 0, { ip })
		await addSpecialItem(
			scopes.admin,
			assessment.id,
			{ kind: 'deduction', description: '投诉超期', correctiveAction: '建立台账' },
			ip,
		)
		return requireAssessment(scopes.admin, assessment.id)
	}

	test('the exported document scored by scoreJson gives exactly the live result', async () => {
		const assessment = await dniWithEverything()
		const live = await liveResult(scopes.viewer, assessment)
		if (!live.ok) throw new Error(live.error)
		const { fileName, document } = await exportAssessment(scopes.viewer, assessment)
		expect(fileName).toMatch(/^dni-cts-0301-2025-2026-[0-9a-f]{8}\.json$/)
		expect(document).toMatchObject({ organisation: { name: '示例电器有限公司' }, period: '2026' })
		expect(document.answers['5.3.1.1']).toEqual({ percent: expect.arrayContaining([72.5, 61]) })
		const scored = scoreJson(JSON.stringify(document))
		expect(scored).toEqual({ ok: true, result: live.result })
	})

	test('the real CLI on the exported file prints the live result', async () => {
		const assessment = await dniWithEverything()
		const live = await liveResult(scopes.admin, assessment)
		if (!live.ok) throw new Error(live.error)
		const { document } = await exportAssessment(scopes.admin, assessment)
		const file = path.join(dir, 'export.json')
		writeFileSync(file, JSON.stringify(document, null, 2))
		const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'score', '--', file], {
			cwd: process.cwd(),
		})
		expect(JSON.parse(stdout)).toEqual(live.result)
	})

	test('import replaces answers, notes, ratings and special items in one go; versions move on; audited', async () => {
		const assessment = await dniWithEverything()
		const versionBefore = (
			await database()
				.select()
				.from(answers)
				.where(and(eq(answers.assessmentId, assessment.id), eq(answers.indicatorId, '5.1.1.2')))
		)[0]!.version
		const doc = template('dni-cts-0301-2025')
		const { '5.1.1.1': _dropped, ...rest } = doc.answers
		const file = {
			...doc,
			answers: {
				...rest,
				'5.3.1.1': { percent: [70, 80], note: '两位评价人员' },
				'5.1.1.2': { percent: 90, evidence: ['纪要.pdf'] },
			},
			specialBonus: { justification: '服务创新' },
		}
		const outcome = await importAssessment(scopes.admin, assessment.id, JSON.stringify(file), ip)
		expect(outcome).toEqual({ ok: true, answered: Object.keys(file.answers).length })
		const rows = await database()
			.select()
			.from(answers)
			.where(eq(answers.assessmentId, assessment.id))
		const row = (id: string) => rows.find((r) => r.indicatorId === id)
		expect(row('5.1.1.2')).toMatchObject({
			value: { percent: 90 },
			note: '',
			version: versionBefore + 1,
		})
		expect(row('5.3.1.1')).toMatchObject({ value: { percent: [70, 80] }, note: '两位评价人员' })
		expect(row('5.1.1.1')).toMatchObject({ value: null, note: '', version: 2 })
		expect(
			await database()
				.select()
				.from(assessorRatings)
				.where(eq(assessorRatings.assessmentId, assessment.id)),
		).toEqual([])
		const items = await database()
			.select()
			.from(specialItems)
			.where(eq(specialItems.assessmentId, assessment.id))
		expect(items.map((i) => [i.kind, i.description])).toEqual([['bonus', '服务创新']])
		const [audit] = await auditRows(assessment.id, 'assessment.imported')
		expect(audit!.detail).toMatchObject({ specialDeductions: 0, specialBonus: true })
		// what was imported is what scores: export → score equals the file scored directly
		const live = await liveResult(scopes.admin, assessment)
		const direct = scoreJson(JSON.stringify(file))
		expect(live.ok && direct.ok && live.result).toEqual(direct.ok && direct.result)
		const { document } = await exportAssessment(scopes.admin, assessment)
		expect(document.answers['5.3.1.1']).toEqual({ percent: [70, 80], note: '两位评价人员' })
	})

	test('an answer row the file leaves out is cleared with a new version', async () => {
		const assessment = await create('bac-fr01-2021')
		await answerAll(scopes.admin, assessment.id, template('bac-fr01-2021'))
		const doc = template('bac-fr01-2021')
		const { '5.1.1': _dropped, ...rest } = doc.answers
		expect(
			(
				await importAssessment(
					scopes.admin,
					assessment.id,
					JSON.stringify({ ...doc, answers: rest }),
					ip,
				)
			).ok,
		).toBe(true)
		const [cleared] = await database()
			.select()
			.from(answers)
			.where(and(eq(answers.assessmentId, assessment.id), eq(answers.indicatorId, '5.1.1')))
		expect(cleared).toMatchObject({ value: null, note: '', version: 2 })
		const live = await liveResult(scopes.admin, assessment)
		expect(live.progress.unanswered).toBe(1)
	})

	test('bad files are 400 with the validator message naming indicator and rule, and nothing changes', async () => {
		const assessment = await dniWithEverything()
		const before = await snapshot(assessment.id)
		const doc = template('dni-cts-0301-2025')
		const cases: [string, RegExp][] = [
			['{"format": ', /malformed JSON/],
			['[]', /JSON object/],
			[
				JSON.stringify({ ...doc, answers: { ...doc.answers, '9.9.9': { percent: 50 } } }),
				/unknown indicator "9\.9\.9"/,
			],
			[
				JSON.stringify({ ...doc, answers: { ...doc.answers, '5.3.1.1': { percent: 150 } } }),
				/indicator 5\.3\.1\.1: percent 150 is outside 0–100/,
			],
			[
				JSON.stringify({
					...doc,
					answers: { ...doc.answers, '5.3.1.1': { na: true, reason: '无' } },
				}),
				/indicator 5\.3\.1\.1: .*does not allow excluding/,
			],
			[
				JSON.stringify({
					...doc,
					specialDeductions: [{ description: 'a', correctiveAction: ' ' }],
				}),
				/correctiveAction is blank/,
			],
		]
		for (const [text, message] of cases) {
			const outcome = await importAssessment(scopes.admin, assessment.id, text, ip)
			expect(outcome).toMatchObject({
				ok: false,
				status: 400,
				message: 'assessment.error.importInvalid',
			})
			expect(outcome.ok ? '' : outcome.detail).toMatch(message)
		}
		const wrongScheme = await importAssessment(
			scopes.admin,
			assessment.id,
			JSON.stringify(template('gbt27922-2011')),
			ip,
		)
		expect(wrongScheme).toMatchObject({
			ok: false,
			status: 400,
			message: 'assessment.error.importWrongScheme',
			params: { given: 'gbt27922-2011', expected: 'dni-cts-0301-2025' },
		})
		expect(
			await status(() => importAssessment(scopes.assessor, assessment.id, JSON.stringify(doc), ip)),
		).toBe(403)
		expect(await snapshot(assessment.id)).toBe(before)
	})
})

describe('list', () => {
	test('each assessment with its status, live or submitted score, level and progress; newest first', async () => {
		const owner = await createUser()
		const workspace = await createWorkspace(owner.id)
		const scope = await scopeOf(owner.id, workspace.id)
		const first = await create('gbt27922-2011', scope, { title: '第一次' })
		await answerAll(scope, first.id, template('gbt27922-2011'))
		expect((await submitAssessment(scope, first.id, ip)).ok).toBe(true)
		const second = await create('gbt27922-2011', scope, {
			title: '第二次',
			fromAssessmentId: first.id,
			resetStatuses: 'on',
		})
		const list = await listAssessments(scope)
		expect(list.map((a) => [a.title, a.status, a.schemeTitle])).toEqual([
			['第二次', 'in_progress', 'GB/T 27922-2011'],
			['第一次', 'submitted', 'GB/T 27922-2011'],
		])
		const [open, done] = list
		expect(open!.id).toBe(second.id)
		expect(open!.live).toMatchObject({
			ok: true,
			submitted: false,
			progress: { answered: 0, toReview: 51, total: 51 },
		})
		expect(done!.live).toMatchObject({
			ok: true,
			submitted: true,
			result: { score: 100, level: { key: 'star-5' } },
		})
	})
})
