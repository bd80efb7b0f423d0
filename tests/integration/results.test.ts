import ExcelJS from 'exceljs'
import { asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessments, auditLog, specialItems } from '#db/schema/index.ts'
import * as actionsPage from '#app/routes/actions/assessment.tsx'
import * as detail from '#app/routes/assessments/detail.tsx'
import * as crossScheme from '#app/routes/results/cross-scheme.tsx'
import * as gaps from '#app/routes/results/gaps.tsx'
import * as report from '#app/routes/results/report.ts'
import * as results from '#app/routes/results/results.tsx'
import * as whatIf from '#app/routes/results/what-if.tsx'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { IMPORT_MAX_BYTES } from '#app/services/assessments.server.ts'
import { database } from '#app/utils/db.server.ts'
import { addMember, createWorkspace, respond } from './helpers.ts'
import { addDeductions, assignTo, GBT_ANSWERS, seedGbtAssessment } from './results-support.ts'
import { argsFor, memberOf, signedIn } from './workspace-support.ts'

type Person = Awaited<ReturnType<typeof signedIn>>
let owner: Person
let assessor: Person
let viewer: Person
let outsider: Person
let workspaceId: string

beforeAll(async () => {
	owner = await signedIn({ name: '王经理' })
	workspaceId = (await createWorkspace(owner.user.id, '示例电器有限公司')).id
	assessor = await memberOf(workspaceId, 'assessor', { name: '李评价' })
	viewer = await memberOf(workspaceId, 'viewer', { name: '赵查看' })
	outsider = await signedIn({ name: '别家' })
	await createWorkspace(outsider.user.id, '别家企业')
})

const base = (id: string, rest = '') => `/w/${workspaceId}/assessments/${id}${rest}`
const params = (assessmentId: string) => ({ workspaceId, assessmentId })

type Loader = (
	args: ReturnType<typeof argsFor<{ workspaceId: string; assessmentId: string }>>,
) => Promise<unknown>

function get(loader: Loader, assessmentId: string, rest: string, cookie = owner.cookie) {
	return respond(() =>
		loader(argsFor(base(assessmentId, rest), { cookie, params: params(assessmentId) })),
	)
}

function postWhatIf(assessmentId: string, form: Record<string, string>, cookie = owner.cookie) {
	return respond(() =>
		whatIf.action(
			argsFor(base(assessmentId, '/results/what-if'), {
				form,
				cookie,
				params: params(assessmentId),
			}),
		),
	)
}

async function stored(assessmentId: string) {
	const db = database()
	return JSON.stringify({
		assessment: await db.select().from(assessments).where(eq(assessments.id, assessmentId)),
		answers: await db
			.select()
			.from(answers)
			.where(eq(answers.assessmentId, assessmentId))
			.orderBy(asc(answers.id)),
		items: await db
			.select()
			.from(specialItems)
			.where(eq(specialItems.assessmentId, assessmentId))
			.orderBy(asc(specialItems.id)),
		audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
	})
}

type Overview = Extract<
	Awaited<ReturnType<typeof results.loader>>['data']['overview'],
	{ ok: true }
>

async function overviewOf(assessmentId: string, cookie = owner.cookie) {
	const response = await get(results.loader, assessmentId, '/results', cookie)
	expect(response.status).toBe(200)
	const body = response.data as Awaited<ReturnType<typeof results.loader>>['data']
	expect(body.overview.ok).toBe(true)
	return { header: body.header, overview: body.overview as Overview }
}

describe('results page', () => {
	test('in progress: the live score, level, status in words, the arithmetic, sections, exclusions and warnings', async () => {
		const id = await seedGbtAssessment(workspaceId, assessor.user.id)
		const { header, overview } = await overviewOf(id)
		expect(header.assessment.status).toBe('in_progress')
		expect(overview.submitted).toBe(false)
		expect(overview.result).toMatchObject({
			score: 82.65,
			passed: true,
			level: { key: 'star-3', name: '三星级' },
			involvedMarks: 98,
			earned: 81,
		})
		expect(overview.path?.summary).toEqual({
			zh: '三星级通过；距四星级还差 7.35 分',
			en: 'passes at 三星级; 7.35 points short of 四星级',
		})
		expect(overview.calculation).toMatchObject({
			fullMarks: 100,
			excluded: 2,
			involved: 98,
			earned: 81,
			normalised: '82.6531',
			exact: '82.6531',
			score: 82.65,
			passMark: 70,
			deductionLimit: 5,
			level: 'star-3',
		})
		expect(overview.exclusions).toEqual([
			expect.objectContaining({
				id: '5.2.1.2',
				whole: true,
				removed: 2,
				reason: '本企业不提供上门安装服务',
			}),
		])
		expect(overview.sections.map((section) => section.id)).toEqual(['5.1', '5.2', '5.3'])
		const s51 = overview.sections.find((section) => section.id === '5.1')!
		expect(s51.lost).toBe(8)
		expect(s51.rate).toBeCloseTo(((s51.earned / s51.involved) * 1000) / 10, 1)
		expect(overview.result.warnings).toEqual([])
		expect(overview.topGaps.map((gap) => gap.id)).toEqual([
			'5.3.2.2',
			'5.1.2.2',
			'5.1.5.2',
			'5.3.1.4',
		])

		// live: an answer saved moves the result
		await database()
			.update(answers)
			.set({ value: { fraction: 1 } })
			.where(eq(answers.indicatorId, '5.3.2.2'))
		const after = await overviewOf(id)
		expect(after.overview.result.score).toBe(89.8)
		expect(after.overview.path?.summary.zh).toBe('三星级通过；距四星级还差 0.2 分')
		await database()
			.update(answers)
			.set({ value: GBT_ANSWERS['5.3.2.2']! })
			.where(eq(answers.indicatorId, '5.3.2.2'))
	})

	test('submitted: the snapshot taken at submission, even if the stored answers were changed behind the lock', async () => {
		const id = await seedGbtAssessment(workspaceId, assessor.user.id, { title: '提交的自评' })
		const submitted = await respond(() =>
			detail.action(
				argsFor(base(id), { form: { intent: 'submit' }, cookie: owner.cookie, params: params(id) }),
			),
		)
		expect(submitted.status).toBe(200)
		const { header, overview } = await overviewOf(id)
		expect(header.assessment.status).toBe('submitted')
		expect(overview.submitted).toBe(true)
		expect(overview.result.score).toBe(82.65)
		expect(header.differsFromSnapshot).toBe(false)

		await database()
			.update(answers)
			.set({ value: { fraction: 1 } })
			.where(eq(answers.assessmentId, id))
		const later = await overviewOf(id)
		expect(later.overview.result.score).toBe(82.65)
		expect(later.overview.result.level?.key).toBe('star-3')
		expect(later.header.differsFromSnapshot).toBe(true)
	})

	test('a failing assessment says why in words; viewers read results too', async () => {
		const id = await seedGbtAssessment(workspaceId, assessor.user.id, { title: '扣分的自评' })
		await addDeductions(workspaceId, id, 5)
		const { overview } = await overviewOf(id, viewer.cookie)
		expect(overview.result.passed).toBe(false)
		expect(overview.reasons).toEqual([{ kind: 'special-deductions', count: 5, limit: 5 }])
		expect(overview.path?.summary.zh).toBe(
			'不通过：5 个特别扣分项（5 个及以上不通过）；须消除 1 个特别扣分项',
		)
		expect(overview.calculation).toMatchObject({ deductions: 5, exact: '77.6531', score: 77.65 })
	})

	test('answers that cannot be scored: the validator says why, and the reports are refused with 409', async () => {
		const id = await seedGbtAssessment(workspaceId, assessor.user.id, { title: '坏数据' })
		await database()
			.update(answers)
			.set({ value: { fraction: 2 } })
			.where(eq(answers.indicatorId, '5.1.1.1'))
		const response = await get(results.loader, id, '/results')
		expect(response.status).toBe(200)
		const body = response.data as Awaited<ReturnType<typeof results.loader>>['data']
		expect(body.overview).toMatchObject({ ok: false, error: expect.stringContaining('5.1.1.1') })
		expect(body.header.scorable).toBe(false)
		const pdf = await get(report.loader, id, '/report.pdf')
		expect(pdf.status).toBe(409)
	})
})

type GapsData = Awaited<ReturnType<typeof gaps.loader>>['data']

test('sampling warnings (XBHT): a sample below two thirds of the population, not covering every site', async () => {
	const scheme = getScheme('xbht-s04-2025')!
	const [row] = await database()
		.insert(assessments)
		.values({
			workspaceId,
			schemeId: scheme.id,
			schemeVersion: scheme.version,
			title: 'XBHT 抽样',
			period: '2026',
		})
		.returning({ id: assessments.id })
	const sampled = schemeIndicators(scheme).find(({ indicator }) => indicator.sampling)!.indicator.id
	await database()
		.insert(answers)
		.values(
			schemeIndicators(scheme).map(({ indicator }) => ({
				workspaceId,
				assessmentId: row!.id,
				indicatorId: indicator.id,
				value:
					indicator.id === sampled
						? { samples: { checked: 5, nonconforming: 1, population: 30 } }
						: { fraction: 1 },
			})),
		)
	const { overview } = await overviewOf(row!.id)
	expect(overview.result.warnings).toEqual([
		expect.stringContaining(`${sampled}: 抽样 5 < ⌈2/3 × 30⌉ = 20`),
	])
})

describe('gap analysis', () => {
	let id: string
	beforeAll(async () => {
		id = await seedGbtAssessment(workspaceId, assessor.user.id, {
			title: '差距',
			skip: ['5.2.6.2'],
		})
		await database()
			.update(answers)
			.set({ status: 'to_review' })
			.where(eq(answers.indicatorId, '5.1.5.2'))
		await assignTo(workspaceId, id, 'section', '5.1', assessor.user.id)
		await assignTo(workspaceId, id, 'indicator', '5.1.2.2', owner.user.id)
	})

	async function list(query = '') {
		const response = await get(gaps.loader, id, `/results/gaps${query}`)
		return { status: response.status, body: response.data as GapsData }
	}

	test('every gap ranked by points recoverable, with its assignee and status, and the path', async () => {
		const { status, body } = await list()
		expect(status).toBe(200)
		expect(
			body.gaps.rows.map((row) => [row.id, row.rank, row.status, row.assignee?.name ?? null]),
		).toEqual([
			['5.3.2.2', 1, 'answered', null],
			['5.1.2.2', 2, 'answered', '王经理'],
			['5.1.5.2', 3, 'to_review', '李评价'],
			['5.3.1.4', 4, 'answered', null],
			['5.2.6.2', 5, 'unanswered', null],
		])
		const recoverable = body.gaps.rows.map((row) => row.recoverable)
		expect(recoverable).toEqual([...recoverable].sort((a, b) => (b ?? 0) - (a ?? 0)))
		expect(body.gaps.rows[0]!.recoverable).toBeCloseTo((7 * 100) / 98, 10)
		expect(body.gaps.people.map((person) => person.name).sort()).toEqual(['李评价', '王经理'])
		expect(body.gaps.path).toMatchObject({
			kind: 'path',
			target: { key: 'star-4' },
			// 7 points are not enough with 5.2.6.2 unanswered; the cheaper of the second steps
			steps: [
				expect.objectContaining({ id: '5.3.2.2' }),
				expect.objectContaining({ id: '5.3.1.4' }),
			],
			tieBreakExact: true,
		})
	})

	test('filters by section, status and assignee, and together', async () => {
		expect((await list('?section=5.1')).body.gaps.rows.map((row) => row.id)).toEqual([
			'5.1.2.2',
			'5.1.5.2',
		])
		expect((await list('?status=to_review')).body.gaps.rows.map((row) => row.id)).toEqual([
			'5.1.5.2',
		])
		expect((await list('?status=unanswered')).body.gaps.rows.map((row) => row.id)).toEqual([
			'5.2.6.2',
		])
		expect(
			(await list(`?assignee=${assessor.user.id}`)).body.gaps.rows.map((row) => row.id),
		).toEqual(['5.1.5.2'])
		expect((await list('?assignee=none')).body.gaps.rows.map((row) => row.id)).toEqual([
			'5.3.2.2',
			'5.3.1.4',
			'5.2.6.2',
		])
		const both = await list(`?section=5.1&status=answered&assignee=${owner.user.id}`)
		expect(both.body.gaps.rows.map((row) => [row.id, row.rank])).toEqual([['5.1.2.2', 2]])
		expect(both.body.gaps.total).toBe(5)
	})

	test('an action created from a gap comes back to the list and shows beside its gap', async () => {
		const here = `${base(id, '/results/gaps')}?section=5.3`
		const created = await respond(() =>
			actionsPage.action(
				argsFor(base(id, '/actions'), {
					form: {
						intent: 'create-from-gap',
						indicatorIds: ['5.3.2.2', '5.3.1.4'],
						redirectTo: here,
					},
					cookie: assessor.cookie,
					params: params(id),
				}),
			),
		)
		expect(created.status).toBe(302)
		expect(created.headers.get('Location')).toBe(here)
		const { body } = await list('?section=5.3')
		const linked = body.gaps.rows.map((row) => [row.id, row.actions.map((action) => action.status)])
		expect(linked).toEqual([
			['5.3.2.2', ['open']],
			['5.3.1.4', ['open']],
		])
		// one action for both, titled after the first in printed order
		expect(body.gaps.rows[0]!.actions).toEqual(body.gaps.rows[1]!.actions)
		expect(body.gaps.rows[0]!.actions[0]!.title).toMatch(/^5\.3\.1\.4 .+（等 2 项）$/)
	})

	test('a filter naming nothing known is a 400 with a message beside it, and does not filter', async () => {
		const { status, body } = await list(`?section=9.9&status=done&assignee=${outsider.user.id}`)
		expect(status).toBe(400)
		expect(Object.keys(body.errors).sort()).toEqual(['assignee', 'section', 'status'])
		expect(body.errors.section?.[0]).toMatch(/没有这个部分/)
		expect(body.gaps.rows).toHaveLength(5)
	})
})

type WhatIfData = Awaited<ReturnType<typeof whatIf.action>>['data']

describe('what-if', () => {
	let id: string
	beforeAll(async () => {
		id = await seedGbtAssessment(workspaceId, assessor.user.id, { title: '假设' })
		await addDeductions(workspaceId, id, 1)
	})

	test('a hypothetical answer rescored: score and level change, nothing stored changes', async () => {
		const before = await stored(id)
		const response = await postWhatIf(id, {
			intent: 'try',
			state: '',
			indicatorId: '5.3.2.2',
			choice: 'met',
		})
		expect(response.status).toBe(200)
		const body = response.data as WhatIfData
		expect(body.state).toEqual({ answers: { '5.3.2.2': { fraction: 1 } } })
		expect(body.outcome).toMatchObject({
			before: { score: 81.65, level: 'star-3', passed: true },
			after: { score: 88.8, level: 'star-3', passed: true },
			scoreChange: 7.15,
			levelChange: 'same',
			changed: [{ id: '5.3.2.2', before: { earned: 0 }, after: { earned: 7 } }],
		})
		// a second change carried by the state: the special deduction assumed away
		const second = await postWhatIf(id, {
			intent: 'special',
			state: JSON.stringify(body.state),
			deductions: '0',
		})
		expect(second.status).toBe(200)
		const next = second.data as WhatIfData
		expect(next.state).toEqual({ answers: { '5.3.2.2': { fraction: 1 } }, deductions: 0 })
		expect(next.outcome).toMatchObject({
			after: { score: 89.8, level: 'star-3' },
			levelChange: 'same',
		})
		expect(next.outcome?.path.summary.zh).toBe('三星级通过；距四星级还差 0.2 分')
		expect(await stored(id)).toBe(before)
	})

	test('putting the only change back leaves no hypothetical result', async () => {
		const response = await postWhatIf(id, {
			intent: 'reset',
			state: JSON.stringify({ answers: { '5.3.2.2': { fraction: 1 } } }),
			indicatorId: '5.3.2.2',
		})
		expect(response.status).toBe(200)
		expect(response.data).toMatchObject({ state: { answers: {} }, outcome: null })
		// trying the real answer again is no change either
		const same = await postWhatIf(id, {
			intent: 'try',
			state: '',
			indicatorId: '5.3.2.2',
			choice: 'not',
		})
		expect(same.data).toMatchObject({ state: { answers: {} }, outcome: null })
	})

	test('the path walked: every step at full marks reaches the next level', async () => {
		const before = await stored(id)
		const response = await postWhatIf(id, { intent: 'apply-path', state: '' })
		expect(response.status).toBe(200)
		const body = response.data as WhatIfData
		expect(body.outcome?.after.level).toBe('star-4')
		expect(body.outcome?.levelChange).toBe('up')
		expect(Object.keys(body.state.answers).length).toBeGreaterThan(0)
		expect(await stored(id)).toBe(before)
	})

	test('partly met by samples and DNI-style forms parse like the questionnaire; errors name the field', async () => {
		const partly = await postWhatIf(id, {
			intent: 'try',
			state: '',
			indicatorId: '5.3.1.4',
			choice: 'partly',
			partlyBy: 'samples',
			checked: '10',
			nonconforming: '11',
		})
		expect(partly.status).toBe(400)
		const body = partly.data as WhatIfData
		expect(body.invalid).toMatchObject({
			indicatorId: '5.3.1.4',
			errors: { nonconforming: [expect.any(String)] },
			values: { checked: '10', nonconforming: '11' },
		})
		expect(body.state).toEqual({ answers: {} })
		const fine = await postWhatIf(id, {
			intent: 'try',
			state: '',
			indicatorId: '5.3.1.4',
			choice: 'partly',
			partlyBy: 'samples',
			checked: '10',
			nonconforming: '1',
		})
		expect(fine.status).toBe(200)
		expect((fine.data as WhatIfData).state.answers['5.3.1.4']).toEqual({
			samples: { checked: 10, nonconforming: 1 },
		})
	})

	test('an answer the scheme refuses, a tampered state, an unknown intent or indicator: 400 and no change', async () => {
		const before = await stored(id)
		const notExcludable = await postWhatIf(id, {
			intent: 'try',
			state: '',
			indicatorId: '5.1.1.1',
			choice: 'na',
			reason: '不适用',
		})
		expect(notExcludable.status).toBe(400)
		expect((notExcludable.data as WhatIfData).invalid?.errors.choice).toBeDefined()
		for (const state of ['{not json', JSON.stringify({ answers: [], extra: 1 })]) {
			const tampered = await postWhatIf(id, {
				intent: 'try',
				state,
				indicatorId: '5.1.1.1',
				choice: 'met',
			})
			expect(tampered.status).toBe(400)
			expect((tampered.data as WhatIfData).message).toMatch(/无法读取/)
		}
		const badValue = await postWhatIf(id, {
			intent: 'special',
			state: JSON.stringify({ answers: { '5.1.1.1': { fraction: 7 } } }),
			deductions: '1',
		})
		expect(badValue.status).toBe(400)
		expect((badValue.data as WhatIfData).message).toMatch(/5\.1\.1\.1/)
		const unknown = await postWhatIf(id, {
			intent: 'try',
			state: '',
			indicatorId: '9.9.9',
			choice: 'met',
		})
		expect(unknown.status).toBe(400)
		const intent = await postWhatIf(id, { intent: 'save', state: '' })
		expect(intent.status).toBe(400)
		const range = await postWhatIf(id, { intent: 'special', state: '', deductions: '-1' })
		expect(range.status).toBe(400)
		expect((range.data as WhatIfData).invalid?.errors.deductions).toBeDefined()
		expect(await stored(id)).toBe(before)
	})

	test('a post that is not a form, or beyond the size limit, is refused with a message', async () => {
		const url = `http://localhost${base(id, '/results/what-if')}`
		for (const body of ['{"intent":"try"}', 'x'.repeat(IMPORT_MAX_BYTES + 128 * 1024)]) {
			const request = new Request(url, {
				method: 'POST',
				body,
				headers: { Cookie: owner.cookie, 'Content-Type': 'application/json' },
			})
			const response = await respond(() =>
				whatIf.action({
					...argsFor(base(id, '/results/what-if'), { cookie: owner.cookie, params: params(id) }),
					request,
				}),
			)
			expect(response.status).toBe(400)
			expect((response.data as WhatIfData).message).toBe('提交的表单不完整，请重新加载页面后再试')
		}
	})

	test('viewers may ask what-if questions (nothing is stored)', async () => {
		const response = await postWhatIf(
			id,
			{ intent: 'try', state: '', indicatorId: '5.1.2.2', choice: 'met' },
			viewer.cookie,
		)
		expect(response.status).toBe(200)
	})

	test('the page lists every indicator with its real answer and marks', async () => {
		const response = await get(whatIf.loader, id, '/results/what-if')
		expect(response.status).toBe(200)
		const body = response.data as Awaited<ReturnType<typeof whatIf.loader>>['data']
		expect(body.baseline?.indicators).toHaveLength(51)
		expect(body.baseline?.indicators.find((entry) => entry.id === '5.2.1.2')).toMatchObject({
			real: { na: true, reason: '本企业不提供上门安装服务' },
			marks: { excluded: true },
		})
		expect(body.baseline?.real).toMatchObject({ score: 81.65, deductions: 1, bonus: false })
	})
})

describe('cross-scheme view', () => {
	test('a GB/T 27922 assessment under green, DNI and BAC: carried answers scored, what cannot be carried and why', async () => {
		const id = await seedGbtAssessment(workspaceId, assessor.user.id, { title: '跨方案' })
		const response = await get(crossScheme.loader, id, '/results/cross-scheme')
		expect(response.status).toBe(200)
		const { header, view } = response.data as Awaited<ReturnType<typeof crossScheme.loader>>['data']
		expect(header.crossScheme).toBe(true)
		expect(view?.source.score).toBe(82.65)
		expect(view?.comparisons.map((entry) => entry.scheme)).toEqual([
			'green-aftersales-2025',
			'dni-cts-0301-2025',
			'bac-fr01-2021',
		])
		for (const comparison of view!.comparisons) {
			expect(comparison.result ?? comparison.error).not.toBeNull()
			expect(comparison.bestCase?.score ?? 0).toBeGreaterThanOrEqual(comparison.result?.score ?? 0)
		}
		const green = view!.comparisons[0]!
		expect(green.carried.length).toBeGreaterThan(40)
		expect(green.toAnswer.length).toBeGreaterThan(0)
		const dni = view!.comparisons[1]!
		expect(dni.notCarried.length).toBeGreaterThan(0)
		expect(dni.notCarried[0]).toMatchObject({
			text: { zh: expect.any(String), en: expect.any(String) },
			title: expect.any(String),
		})
	})

	test('a scheme outside the family (XBHT) says so instead of comparing', async () => {
		const [row] = await database()
			.insert(assessments)
			.values({
				workspaceId,
				schemeId: 'xbht-s04-2025',
				schemeVersion: '1.0.0',
				title: 'XBHT',
				period: '2026',
			})
			.returning({ id: assessments.id })
		const response = await get(crossScheme.loader, row!.id, '/results/cross-scheme')
		expect(response.status).toBe(200)
		const body = response.data as Awaited<ReturnType<typeof crossScheme.loader>>['data']
		expect(body.header.crossScheme).toBe(false)
		expect(body.view).toBeNull()
	})
})

describe('report downloads', () => {
	let id: string
	beforeAll(async () => {
		id = await seedGbtAssessment(workspaceId, assessor.user.id, { title: '报告' })
		const created = await respond(() =>
			actionsPage.action(
				argsFor(base(id, '/actions'), {
					form: {
						intent: 'create-from-gap',
						indicatorIds: '5.3.2.2',
						title: '修订投诉处理时限',
						ownerUserId: assessor.user.id,
						dueDate: '2026-12-31',
					},
					cookie: owner.cookie,
					params: params(id),
				}),
			),
		)
		expect(created.status).toBe(302)
	})

	async function download(format: 'pdf' | 'xlsx', cookie = owner.cookie) {
		const url = base(id, `/report.${format}`)
		const response = await report.loader(argsFor(url, { cookie, params: params(id) }))
		expect(response).toBeInstanceOf(Response)
		return response
	}

	test('the PDF: an attachment with a Chinese-safe name, private and not sniffed', async () => {
		const response = await download('pdf')
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('application/pdf')
		const disposition = response.headers.get('Content-Disposition') ?? ''
		expect(disposition).toBe(
			`attachment; filename="self-assessment-report-gbt27922-2011-2026.pdf"; filename*=UTF-8''${encodeURIComponent('示例电器有限公司-GB-T 27922-2011-2026-自评报告.pdf')}`,
		)
		expect(response.headers.get('Cache-Control')).toBe('private, no-store')
		expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
		const body = Buffer.from(await response.arrayBuffer())
		expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
		expect(Number(response.headers.get('Content-Length'))).toBe(body.byteLength)
	}, 30_000)

	test('the workbook: an xlsx with the organisation, the score and the assessors', async () => {
		const response = await download('xlsx', viewer.cookie)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		)
		expect(response.headers.get('Content-Disposition')).toMatch(
			/^attachment; filename=".+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/,
		)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await response.arrayBuffer())
		const summary = workbook.worksheets[0]!
		const cells: string[] = []
		summary.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))))
		expect(cells).toContain('示例电器有限公司')
		expect(cells).toContain('82.65')
		expect(cells.some((cell) => cell.includes('李评价'))).toBe(true)
		expect(cells.some((cell) => cell.includes('三星级'))).toBe(true)
		const actionCells: string[] = []
		workbook.worksheets
			.at(-1)!
			.eachRow((row) => row.eachCell((cell) => actionCells.push(String(cell.value))))
		expect(actionCells).toContain('修订投诉处理时限')
		expect(actionCells).toContain('李评价')
	}, 30_000)

	test('in English the file is named in English', async () => {
		const english = await signedIn({ name: 'Jane', locale: 'en' })
		await addMember(workspaceId, english.user.id, 'viewer')
		const response = await download('xlsx', english.cookie)
		expect(response.headers.get('Content-Disposition')).toContain(
			encodeURIComponent('-self-assessment report.xlsx'),
		)
	}, 30_000)

	test('someone outside the workspace gets 404', async () => {
		for (const format of ['pdf', 'xlsx'] as const) {
			const response = await respond(() =>
				report.loader(
					argsFor(base(id, `/report.${format}`), { cookie: outsider.cookie, params: params(id) }),
				),
			)
			expect(response.status).toBe(404)
		}
	})
})
