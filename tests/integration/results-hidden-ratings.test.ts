import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { assessments } from '#db/schema/index.ts'
import * as gaps from '#app/routes/results/gaps.tsx'
import * as results from '#app/routes/results/results.tsx'
import * as whatIf from '#app/routes/results/what-if.tsx'
import { saveRating } from '#app/services/answers.server.ts'
import { createAssessment } from '#app/services/assessments.server.ts'
import { requireWorkspace, type WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { createWorkspace, respond } from './helpers.ts'
import { argsFor, memberOf, signedIn } from './workspace-support.ts'

const DNI = 'dni-cts-0301-2025'
const RATED = '5.1.1.1'
const ip = '127.0.0.1'

type Person = Awaited<ReturnType<typeof signedIn>>
let owner: Person
let first: Person
let second: Person
let viewer: Person
let workspaceId: string

beforeAll(async () => {
	owner = await signedIn({ name: '王经理' })
	workspaceId = (await createWorkspace(owner.user.id, '示例电器有限公司')).id
	first = await memberOf(workspaceId, 'assessor', { name: '李评价' })
	second = await memberOf(workspaceId, 'assessor', { name: '张评价' })
	viewer = await memberOf(workspaceId, 'viewer', { name: '赵查看' })
})

function scopeOf(person: Person): Promise<WorkspaceScope> {
	return requireWorkspace(
		new Request('http://localhost/', { headers: { Cookie: person.cookie } }),
		workspaceId,
	)
}

async function dniAssessment(title: string): Promise<string> {
	const created = await createAssessment(
		await scopeOf(owner),
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
	return created.assessment.id
}

async function rate(person: Person, assessmentId: string, percent: number) {
	const saved = await saveRating(await scopeOf(person), assessmentId, RATED, percent, 0, { ip })
	expect(saved).toMatchObject({ ok: true })
}

const base = (id: string, rest: string) => `/w/${workspaceId}/assessments/${id}${rest}`

type Loader = (
	args: ReturnType<typeof argsFor<{ workspaceId: string; assessmentId: string }>>,
) => Promise<unknown>

async function load(loader: Loader, assessmentId: string, rest: string, person: Person) {
	const { status, data } = await respond(() =>
		loader(
			argsFor(base(assessmentId, rest), {
				cookie: person.cookie,
				params: { workspaceId, assessmentId },
			}),
		),
	)
	expect(status).toBe(200)
	return data
}

type OverviewData = Awaited<ReturnType<typeof results.loader>>['data']
type GapsData = Awaited<ReturnType<typeof gaps.loader>>['data']
type WhatIfPage = Awaited<ReturnType<typeof whatIf.loader>>['data']
type WhatIfData = Awaited<ReturnType<typeof whatIf.action>>['data']

/** What each results page tells this person about the rated indicator. */
async function seenBy(person: Person, assessmentId: string) {
	const overview = (await load(results.loader, assessmentId, '/results', person)) as OverviewData
	const gapList = (await load(gaps.loader, assessmentId, '/results/gaps', person)) as GapsData
	const page = (await load(whatIf.loader, assessmentId, '/results/what-if', person)) as WhatIfPage
	const tried = await respond(() =>
		whatIf.action(
			argsFor(base(assessmentId, '/results/what-if'), {
				form: { intent: 'try', state: '', indicatorId: RATED, percent: '100' },
				cookie: person.cookie,
				params: { workspaceId, assessmentId },
			}),
		),
	)
	expect(tried.status).toBe(200)
	const outcome = (tried.data as WhatIfData).outcome
	const only = <T extends { id: string }>(list: readonly T[]) =>
		list.filter((entry) => entry.id === RATED)
	expect(overview.overview.ok).toBe(true)
	return {
		topGap: overview.overview.ok ? only(overview.overview.topGaps) : [],
		gapRow: only(gapList.gaps.rows),
		whatIfIndicator: only(page.baseline?.indicators ?? []),
		whatIfChanged: only(outcome?.changed ?? []),
	}
}

describe('DNI ratings on the results pages', () => {
	test('an assessor who has not rated sees no other rating of the indicator, and sees it after rating', async () => {
		const assessmentId = await dniAssessment('2026 年度 DNI 自评')
		await rate(first, assessmentId, 70)

		const before = await seenBy(second, assessmentId)
		expect(before.gapRow).toHaveLength(1)
		expect(before.gapRow[0]).toMatchObject({
			earned: null,
			lost: null,
			recoverable: null,
			text: null,
			reason: null,
		})
		for (const entry of before.topGap)
			expect(entry).toMatchObject({ earned: null, recoverable: null, text: null })
		expect(before.whatIfIndicator[0]).toMatchObject({ real: null, marks: null })
		expect(before.whatIfChanged[0]).toMatchObject({ before: null })
		const shown = JSON.stringify([
			before.topGap,
			before.gapRow,
			before.whatIfIndicator,
			before.whatIfChanged,
		])
		expect(shown).not.toMatch(/70|1\.4/)

		await rate(second, assessmentId, 80)
		const after = await seenBy(second, assessmentId)
		expect(after.gapRow[0]).toMatchObject({ reason: { kind: 'percent', mean: 75 } })
		const reason = after.gapRow[0]?.reason
		expect(reason?.kind === 'percent' ? [...reason.percents].sort() : null).toEqual([70, 80])
		expect(after.gapRow[0]?.text?.zh).toContain('75%')
		expect(after.whatIfIndicator[0]?.real).toMatchObject({
			percent: expect.arrayContaining([70, 80]),
		})
		expect(after.whatIfIndicator[0]?.marks?.earned).toBeGreaterThan(0)
		expect(after.whatIfChanged[0]?.before).toMatchObject({ excluded: false })
	})

	test('a viewer, the rater and a submitted assessment see the values', async () => {
		const assessmentId = await dniAssessment('2026 年度 DNI 复评')
		await rate(first, assessmentId, 70)

		for (const person of [viewer, first]) {
			const seen = await seenBy(person, assessmentId)
			expect(seen.gapRow[0]).toMatchObject({ reason: { kind: 'percent', mean: 70 } })
			expect(seen.whatIfIndicator[0]).toMatchObject({ real: { percent: [70] } })
		}

		await database()
			.update(assessments)
			.set({ status: 'submitted', submittedAt: new Date() })
			.where(eq(assessments.id, assessmentId))
		const submitted = await seenBy(second, assessmentId)
		expect(submitted.gapRow[0]).toMatchObject({ reason: { kind: 'percent', mean: 70 } })
		expect(submitted.whatIfIndicator[0]).toMatchObject({ real: { percent: [70] } })
		expect(submitted.whatIfChanged[0]?.before).toMatchObject({ excluded: false })
	})
})
