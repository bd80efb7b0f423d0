import { beforeAll, describe, expect, test } from 'vitest'
import { indicatorById } from '#app/domain/gaps/test-support.ts'
import { translator } from '#app/i18n/translator.ts'
import { compareTwo, workspaceTimeline } from '#app/services/annual-cycle.server.ts'
import type { AssessmentRow } from '#app/services/assessments.server.ts'
import type { WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { startReviewPath } from '#app/utils/cycle-paths.ts'
import { action, answers2024, answers2025, bac, scopeOf, seed } from './annual-cycle-support.ts'
import { addMember, cookieFor, createUser, createWorkspace, respond } from './helpers.ts'
import { argsFor } from './workspace-support.ts'

let admin: WorkspaceScope
let viewer: { scope: WorkspaceScope; cookie: string }
let adminCookie: string
let outsider: { scope: WorkspaceScope; cookie: string }
let bac2024: AssessmentRow
let bac2025: AssessmentRow
let bac2026: AssessmentRow
let gbt: AssessmentRow
let foreign: AssessmentRow

beforeAll(async () => {
	const owner = await createUser({ name: '王经理' })
	const workspace = await createWorkspace(owner.id, '示例电器有限公司')
	adminCookie = await cookieFor(owner.id)
	admin = await scopeOf(owner.id, workspace.id)
	const reader = await createUser({ name: '李总' })
	await addMember(workspace.id, reader.id, 'viewer')
	viewer = { scope: await scopeOf(reader.id, workspace.id), cookie: await cookieFor(reader.id) }
	const stranger = await createUser({ name: '外部人员' })
	const other = await createWorkspace(stranger.id, '其他企业')
	outsider = { scope: await scopeOf(stranger.id, other.id), cookie: await cookieFor(stranger.id) }

	bac2024 = await seed(admin, {
		schemeId: bac.id,
		period: '2024',
		answered: answers2024,
		deductions: 1,
		createdAt: '2024-02-01T02:00:00Z',
		submittedAt: '2024-04-10T02:00:00Z',
	})
	// 01:30 on 1 April in China
	bac2025 = await seed(admin, {
		schemeId: bac.id,
		period: '2025',
		answered: answers2025,
		createdAt: '2025-02-01T02:00:00Z',
		submittedAt: '2025-03-31T17:30:00Z',
	})
	gbt = await seed(admin, {
		schemeId: 'gbt27922-2011',
		period: '2025',
		createdAt: '2025-06-01T02:00:00Z',
	})
	// this year's review, started from last year's with every answer to review
	bac2026 = await seed(admin, {
		schemeId: bac.id,
		period: '2026',
		createdAt: '2026-02-15T02:00:00Z',
		fromAssessmentId: bac2025.id,
	})
	foreign = await seed(outsider.scope, {
		schemeId: bac.id,
		period: '2025',
		answered: answers2025,
		createdAt: '2025-02-01T02:00:00Z',
		submittedAt: '2025-03-01T02:00:00Z',
	})
})

describe('the timeline', () => {
	test('lists every assessment per scheme and period with status, score, level and submission date', async () => {
		const [bacLine, gbtLine] = await workspaceTimeline(admin, '2026-03-10')
		expect(bacLine?.scheme.id).toBe(bac.id)
		expect(
			bacLine?.entries.map((entry) => [
				entry.period,
				entry.status,
				entry.submittedDate,
				entry.score,
				entry.level?.key ?? null,
				entry.previousId,
			]),
		).toEqual([
			['2026', 'in_progress', null, expect.any(Number), expect.any(String), bac2025.id],
			['2025', 'submitted', '2025-04-01', 95.74, 'star-5', bac2024.id],
			['2024', 'submitted', '2024-04-10', 90.84, 'star-4', null],
		])
		expect(bacLine?.entries[0]?.progress).toMatchObject({ answered: 0, toReview: 15, total: 15 })
		expect(bacLine?.inProgress).toEqual({ id: bac2026.id, title: '2026 年度自评' })
		expect(bacLine?.lastSubmitted).toEqual({
			id: bac2025.id,
			title: '2025 年度自评',
			period: '2025',
		})
		expect(gbtLine?.scheme.id).toBe('gbt27922-2011')
		expect(gbtLine?.entries.map((entry) => entry.id)).toEqual([gbt.id])
		expect(gbtLine?.due).toBeNull()
	})

	test('the next self-review is due 12 months after the last submission, soon and then overdue', async () => {
		const dueOn = async (today: string) => (await workspaceTimeline(admin, today))[0]?.due
		expect(await dueOn('2025-12-01')).toEqual({
			lastSubmitted: '2025-04-01',
			due: '2026-04-01',
			daysLeft: 121,
			overdue: false,
			dueSoon: false,
		})
		expect(await dueOn('2026-03-10')).toMatchObject({ daysLeft: 22, dueSoon: true, overdue: false })
		expect(await dueOn('2026-04-01')).toMatchObject({ daysLeft: 0, dueSoon: true, overdue: false })
		expect(await dueOn('2026-04-15')).toMatchObject({
			daysLeft: -14,
			dueSoon: false,
			overdue: true,
		})
	})

	test('the page offers admins to start from the last one, and only admins', async () => {
		const { loader } = await import('#app/routes/annual-cycle/timeline.tsx')
		const params = { workspaceId: admin.workspace.id }
		const url = `/w/${admin.workspace.id}/timeline`
		const asAdmin = await respond(() => loader(argsFor(url, { cookie: adminCookie, params })))
		expect(asAdmin.status).toBe(200)
		expect(asAdmin.data).toMatchObject({ canStart: true })
		const asViewer = await respond(() => loader(argsFor(url, { cookie: viewer.cookie, params })))
		expect(asViewer.status).toBe(200)
		expect(asViewer.data).toMatchObject({ canStart: false })
	})

	test('the start link preselects the scheme and the assessment to start from', async () => {
		const { loader } = await import('#app/routes/assessments/new.tsx')
		const params = { workspaceId: admin.workspace.id }
		const open = async (url: string) =>
			(await respond(() => loader(argsFor(url, { cookie: adminCookie, params })))).data
		expect(await open(startReviewPath(admin.workspace.id, bac.id, bac2025.id))).toMatchObject({
			defaults: { schemeId: bac.id, fromAssessmentId: bac2025.id },
		})
		const base = `/w/${admin.workspace.id}/assessments/new`
		expect(await open(`${base}?from=${bac2024.id}`)).toMatchObject({
			defaults: { schemeId: bac.id, fromAssessmentId: bac2024.id },
		})
		// another scheme's assessment, or another workspace's, is not preselected
		expect(await open(`${base}?scheme=${bac.id}&from=${gbt.id}`)).toMatchObject({
			defaults: { schemeId: bac.id, fromAssessmentId: '' },
		})
		expect(await open(`${base}?scheme=${bac.id}&from=${foreign.id}`)).toMatchObject({
			defaults: { schemeId: bac.id, fromAssessmentId: '' },
		})
	})
})

describe('comparing two assessments', () => {
	beforeAll(async () => {
		// in between (after 2024-04-10 02:00Z, up to 2025-03-31 17:30Z) and linked: counted
		await action(admin, {
			title: '建立投诉台账',
			status: 'done',
			assessmentId: bac2024.id,
			completedAt: '2024-10-01T02:00:00Z',
			indicators: ['5.1.3'],
		})
		await action(admin, {
			title: '补充回收服务',
			status: 'done',
			assessmentId: bac2025.id,
			completedAt: '2025-03-31T17:30:00Z',
		})
		// not counted: before the earlier submission, after the later one, not done, not linked,
		// or another workspace's action naming this assessment
		await action(admin, {
			title: '提交前完成',
			status: 'done',
			assessmentId: bac2024.id,
			completedAt: '2024-04-01T02:00:00Z',
		})
		await action(admin, {
			title: '提交后完成',
			status: 'done',
			assessmentId: bac2025.id,
			completedAt: '2025-05-01T02:00:00Z',
		})
		await action(admin, { title: '仍在进行', status: 'in_progress', assessmentId: bac2024.id })
		await action(admin, {
			title: '未关联自评',
			status: 'done',
			completedAt: '2024-10-01T02:00:00Z',
		})
		await action(outsider.scope, {
			title: '其他企业的措施',
			status: 'done',
			assessmentId: bac2024.id,
			completedAt: '2024-10-01T02:00:00Z',
		})
	})

	test('score, level, pass, sections and each indicator, with the hand-checked numbers', async () => {
		const outcome = await compareTwo(admin, bac2024.id, bac2025.id)
		if (!outcome.ok) throw new Error(outcome.message)
		expect(outcome.swapped).toBe(false)
		expect([outcome.before.id, outcome.after.id]).toEqual([bac2024.id, bac2025.id])
		expect([outcome.before.score, outcome.after.score, outcome.score.change]).toEqual([
			90.84, 95.74, 4.9,
		])
		expect([outcome.before.level?.name, outcome.after.level?.name]).toEqual(['四星级', '五星级'])
		expect(outcome.levelDirection).toBe('up')
		expect([outcome.before.passed, outcome.after.passed]).toEqual([true, true])
		expect([outcome.before.specialDeductions, outcome.after.specialDeductions]).toEqual([1, 0])
		expect([outcome.before.involvedMarks, outcome.after.involvedMarks]).toEqual([98, 94])
		expect(
			outcome.sections.map((section) => [
				section.id,
				section.change,
				section.shareBefore,
				section.shareAfter,
			]),
		).toEqual([
			['5.1', 6, 85, 100],
			['5.2', -6, 93.94, 86.21],
			['5.3', 0, 100, 100],
		])
		expect(
			outcome.indicators
				.filter((entry) => entry.status !== 'unchanged')
				.map((entry) => [entry.id, entry.status, entry.change, entry.title]),
		).toEqual([
			['5.1.3', 'improved', 6, indicatorById(bac, '5.1.3').title],
			['5.2.1', 'now-excluded', 0, indicatorById(bac, '5.2.1').title],
			['5.2.4', 'declined', -2, indicatorById(bac, '5.2.4').title],
			['5.2.6', 'no-longer-excluded', 0, indicatorById(bac, '5.2.6').title],
		])
		expect(outcome.indicators.find((entry) => entry.id === '5.1.3')).toMatchObject({
			before: { earned: 0, involved: 6, excluded: false },
			after: { earned: 6, involved: 6, excluded: false },
		})
		expect(outcome.counts).toMatchObject({ improved: 1, declined: 1, unchanged: 11 })
	})

	test('actions completed in between: done, linked to either, between the two submissions, this workspace only', async () => {
		const outcome = await compareTwo(admin, bac2024.id, bac2025.id)
		if (!outcome.ok) throw new Error(outcome.message)
		expect(outcome.between).toEqual({
			from: new Date('2024-04-10T02:00:00Z'),
			to: new Date('2025-03-31T17:30:00Z'),
		})
		expect(
			outcome.actions.map((entry) => [entry.title, entry.ownerName, entry.indicatorIds]),
		).toEqual([
			['建立投诉台账', '王经理', ['5.1.3']],
			['补充回收服务', '王经理', []],
		])
	})

	test('given later first, shown in the order they happened; an assessment in progress is open-ended', async () => {
		const swapped = await compareTwo(admin, bac2025.id, bac2024.id)
		if (!swapped.ok) throw new Error(swapped.message)
		expect(swapped.swapped).toBe(true)
		expect([swapped.before.id, swapped.after.id, swapped.score.change]).toEqual([
			bac2024.id,
			bac2025.id,
			4.9,
		])
		const live = await compareTwo(admin, bac2025.id, bac2026.id)
		if (!live.ok) throw new Error(live.message)
		expect(live.after.status).toBe('in_progress')
		expect(live.between).toEqual({ from: new Date('2025-03-31T17:30:00Z'), to: null })
		expect(live.actions.map((entry) => entry.title)).toEqual(['提交后完成'])
	})

	test('two schemes or the same assessment twice: a 400 with a message saying why', async () => {
		const { loader } = await import('#app/routes/annual-cycle/compare.tsx')
		const params = { workspaceId: admin.workspace.id }
		const open = (query: string) =>
			respond(() =>
				loader(
					argsFor(`/w/${admin.workspace.id}/compare?${query}`, { cookie: adminCookie, params }),
				),
			)
		const schemes = await open(`a=${bac2025.id}&b=${gbt.id}`)
		expect(schemes.status).toBe(400)
		expect(schemes.data).toMatchObject({
			comparison: null,
			selected: { a: bac2025.id, b: gbt.id },
			error: {
				message: 'cycle.compare.error.otherScheme',
				params: { a: 'BAC-FR01-2021', b: 'GB/T 27922-2011' },
			},
		})
		expect(
			translator('zh-CN')('cycle.compare.error.otherScheme', {
				a: 'BAC-FR01-2021',
				b: 'GB/T 27922-2011',
			}),
		).toBe('只能比较同一评价方案的自评：A 使用 BAC-FR01-2021，B 使用 GB/T 27922-2011。')
		const same = await open(`a=${bac2025.id}&b=${bac2025.id}`)
		expect(same.status).toBe(400)
		expect(same.data).toMatchObject({ error: { message: 'cycle.compare.error.same' } })
		const half = await open(`a=${bac2025.id}`)
		expect(half.status).toBe(400)
		expect(half.data).toMatchObject({ error: { message: 'cycle.compare.error.pickBoth' } })
	})

	test('without a choice the page opens with the latest and the one before it', async () => {
		const { loader } = await import('#app/routes/annual-cycle/compare.tsx')
		const params = { workspaceId: admin.workspace.id }
		const result = await respond(() =>
			loader(argsFor(`/w/${admin.workspace.id}/compare`, { cookie: viewer.cookie, params })),
		)
		expect(result.status).toBe(200)
		expect(result.data).toMatchObject({
			selected: { a: bac2025.id, b: bac2026.id },
			comparison: { before: { id: bac2025.id }, after: { id: bac2026.id } },
			error: null,
		})
	})

	test("another workspace's assessment id is a 404, whichever side it is on", async () => {
		const { loader } = await import('#app/routes/annual-cycle/compare.tsx')
		const params = { workspaceId: admin.workspace.id }
		for (const query of [
			`a=${bac2025.id}&b=${foreign.id}`,
			`a=${foreign.id}&b=${bac2025.id}`,
			`a=${foreign.id}&b=${foreign.id}`,
			`a=${bac2025.id}&b=no-such-id`,
		]) {
			const result = await respond(() =>
				loader(
					argsFor(`/w/${admin.workspace.id}/compare?${query}`, { cookie: adminCookie, params }),
				),
			)
			expect(result.status, query).toBe(404)
		}
		// and the outsider cannot compare this workspace's assessments from their own workspace
		const mine = { workspaceId: outsider.scope.workspace.id }
		const result = await respond(() =>
			loader(
				argsFor(`/w/${mine.workspaceId}/compare?a=${foreign.id}&b=${bac2025.id}`, {
					cookie: outsider.cookie,
					params: mine,
				}),
			),
		)
		expect(result.status).toBe(404)
	})
})
