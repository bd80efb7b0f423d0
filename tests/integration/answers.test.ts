import { and, count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessments, assessorRatings, auditLog } from '#db/schema/index.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import { listAnswers, listRatings, saveAnswer, saveRating } from '#app/services/answers.server.ts'
import { requireWorkspace, type WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import type { Role } from '#db/schema/index.ts'
import { addMember, cookieFor, createUser, createWorkspace, respond } from './helpers.ts'

const ip = { ip: '127.0.0.1' }

async function scopeOf(userId: string, workspaceId: string): Promise<WorkspaceScope> {
	const request = new Request('http://localhost/', { headers: { Cookie: await cookieFor(userId) } })
	return requireWorkspace(request, workspaceId)
}

async function newAssessment(workspaceId: string, schemeId: string, createdBy: string) {
	const scheme = getScheme(schemeId)!
	const [row] = await database()
		.insert(assessments)
		.values({
			workspaceId,
			schemeId,
			schemeVersion: scheme.version,
			title: `${schemeId} 自评`,
			period: '2026',
			createdBy,
		})
		.returning()
	return row!
}

async function answerRows(assessmentId: string) {
	return database().select().from(answers).where(eq(answers.assessmentId, assessmentId))
}

async function auditCount(action: string) {
	const [row] = await database()
		.select({ n: count() })
		.from(auditLog)
		.where(eq(auditLog.action, action))
	return row!.n
}

let owner: WorkspaceScope
let assessor: WorkspaceScope
let viewer: WorkspaceScope
let outsider: WorkspaceScope
const ids: Record<string, string> = {}

beforeAll(async () => {
	const users: Record<Role | 'outsider', Awaited<ReturnType<typeof createUser>>> = {
		owner: await createUser({ name: '王经理' }),
		admin: await createUser({ name: '管理员' }),
		assessor: await createUser({ name: '李评价' }),
		viewer: await createUser({ name: '赵查看' }),
		outsider: await createUser({ name: '外部人员' }),
	}
	const workspace = await createWorkspace(users.owner.id)
	await addMember(workspace.id, users.assessor.id, 'assessor')
	await addMember(workspace.id, users.viewer.id, 'viewer')
	const other = await createWorkspace(users.outsider.id, '其他企业')
	owner = await scopeOf(users.owner.id, workspace.id)
	assessor = await scopeOf(users.assessor.id, workspace.id)
	viewer = await scopeOf(users.viewer.id, workspace.id)
	outsider = await scopeOf(users.outsider.id, other.id)
	for (const scheme of [
		'green-aftersales-2025',
		'bac-fr01-2021',
		'dni-cts-0301-2025',
		'gbt-aftersales-general-draft',
		'xbht-s04-2025',
	])
		ids[scheme] = (await newAssessment(workspace.id, scheme, users.owner.id)).id
	ids.other = (await newAssessment(other.id, 'green-aftersales-2025', users.outsider.id)).id
})

/** Saves from version 0 on a fresh indicator and expects a 400 that wrote nothing. */
async function expectRefused(
	assessmentId: string,
	indicatorId: string,
	value: unknown,
	message: RegExp,
) {
	const before = await answerRows(assessmentId)
	const audits = await auditCount('answer.saved')
	const outcome = await saveAnswer(owner, assessmentId, indicatorId, { value }, 0, ip)
	expect(outcome).toMatchObject({ ok: false, status: 400 })
	if (!outcome.ok && outcome.status === 400) expect(outcome.message).toMatch(message)
	expect(await answerRows(assessmentId)).toEqual(before)
	expect(await auditCount('answer.saved')).toBe(audits)
}

async function expectSaved(
	assessmentId: string,
	indicatorId: string,
	value: Record<string, unknown>,
	stored = value,
) {
	const current = (await listAnswers(owner, assessmentId)).get(indicatorId)
	const outcome = await saveAnswer(
		owner,
		assessmentId,
		indicatorId,
		{ value, note: '' },
		current?.version ?? 0,
		ip,
	)
	expect(outcome).toMatchObject({ ok: true, changed: true, saved: { value: stored } })
	const [row] = await database()
		.select()
		.from(answers)
		.where(and(eq(answers.assessmentId, assessmentId), eq(answers.indicatorId, indicatorId)))
	expect(row!.value).toEqual(stored)
}

describe('fraction schemes (green, sampled indicators)', () => {
	const green = () => ids['green-aftersales-2025']!
	test('met, partly, not met, samples and an exclusion with a reason are saved', async () => {
		await expectSaved(green(), '5.1.1.1', { fraction: 1 })
		await expectSaved(green(), '5.1.1.2', { fraction: 0.75 })
		await expectSaved(green(), '5.1.1.4', { fraction: 0 })
		await expectSaved(green(), '5.1.2.1', {
			samples: { checked: 12, nonconforming: 3, population: 18, allSitesCovered: false },
		})
		await expectSaved(
			green(),
			'5.1.2.2',
			{ samples: { nonconforming: 0, checked: 5 } },
			{ samples: { checked: 5, nonconforming: 0 } },
		)
		await expectSaved(green(), '5.2.1.1', { na: true, reason: '不销售大件商品' })
	})
	test('values the scheme does not take are refused with the rule, and nothing is written', async () => {
		await expectRefused(green(), '5.3.1.1', { fraction: 1.5 }, /outside 0–1/)
		await expectRefused(green(), '5.3.1.1', { fraction: -0.1 }, /outside 0–1/)
		await expectRefused(green(), '5.3.1.1', { fraction: '1' }, /expected number/)
		await expectRefused(
			green(),
			'5.3.1.1',
			{ samples: { checked: 0, nonconforming: 0 } },
			/at least 1/,
		)
		await expectRefused(
			green(),
			'5.3.1.1',
			{ samples: { checked: 4, nonconforming: 5 } },
			/more than samples.checked/,
		)
		await expectRefused(
			green(),
			'5.3.1.1',
			{ samples: { checked: 4.5, nonconforming: 1 } },
			/whole numbers/,
		)
		await expectRefused(
			green(),
			'5.3.1.1',
			{ samples: { checked: 4, nonconforming: -1 } },
			/negative/,
		)
		await expectRefused(
			green(),
			'5.3.1.1',
			{ samples: { checked: 6, nonconforming: 1, population: 5 } },
			/smaller than/,
		)
		await expectRefused(
			green(),
			'5.3.1.1',
			{ samples: { checked: 6, nonconforming: 1, extra: 1 } },
			/extra/,
		)
		await expectRefused(green(), '5.3.1.1', { percent: 70 }, /does not take/)
		await expectRefused(green(), '5.3.1.1', { checks: [true] }, /does not take/)
		await expectRefused(green(), '5.3.1.1', { fraction: 1, na: true, reason: 'x' }, /one shape/)
		await expectRefused(green(), '5.3.1.1', {}, /needs one of/)
		await expectRefused(green(), '5.3.1.1', { fraction: 1, note: '说明' }, /beside the value/)
		await expectRefused(green(), '5.1.1.1', { na: true, reason: '无' }, /does not allow excluding/)
		await expectRefused(green(), '5.2.1.2', { na: true, reason: '   ' }, /reason/)
		await expectRefused(green(), '5.2.1.2', { na: true }, /reason/)
	})
	test('a malformed answer or version is a 400, not a crash', async () => {
		for (const input of [
			null,
			'fraction',
			{ value: 1 },
			{ value: { fraction: 1 }, note: 5 },
			{ value: { fraction: 1 }, extra: true },
		]) {
			const outcome = await saveAnswer(owner, green(), '5.3.1.2', input, 0, ip)
			expect(outcome).toMatchObject({ ok: false, status: 400 })
		}
		expect(
			await saveAnswer(
				owner,
				green(),
				'5.3.1.2',
				{ value: { fraction: 1 }, status: 'done' },
				0,
				ip,
			),
		).toMatchObject({
			status: 400,
		})
		expect(
			await saveAnswer(
				owner,
				green(),
				'5.3.1.2',
				{ value: { fraction: 1 }, note: 'x'.repeat(5001) },
				0,
				ip,
			),
		).toMatchObject({
			status: 400,
		})
		for (const version of [-1, 1.5, '0', null]) {
			expect(
				await saveAnswer(owner, green(), '5.3.1.2', { value: { fraction: 1 } }, version, ip),
			).toMatchObject({
				status: 400,
			})
		}
		expect((await listAnswers(owner, green())).has('5.3.1.2')).toBe(false)
	})
})

test('xbht: every indicator is excludable and sampled', async () => {
	await expectSaved(ids['xbht-s04-2025']!, '5.1.1.1', { na: true, reason: '无收费项目' })
	await expectSaved(ids['xbht-s04-2025']!, '5.1.1.2', {
		samples: { checked: 10, nonconforming: 1, population: 30, allSitesCovered: true },
	})
})

describe('checklist (general-spec draft)', () => {
	const draft = () => ids['gbt-aftersales-general-draft']!
	test('conform, partial and not are 1, 0.5 and 0; anything else is refused', async () => {
		await expectSaved(draft(), '4.1.1', { fraction: 1 })
		await expectSaved(draft(), '4.1.2', { fraction: 0.5 })
		await expectSaved(draft(), '4.1.3', { fraction: 0 })
		await expectRefused(draft(), '4.2.3', { fraction: 0.7 }, /checklist answer is 1/)
		await expectRefused(
			draft(),
			'4.2.3',
			{ samples: { checked: 2, nonconforming: 0 } },
			/does not take/,
		)
	})
	test('excluding the last indicator that carries points is refused', async () => {
		const scheme = getScheme('gbt-aftersales-general-draft')!
		const { schemeIndicators } = await import('#app/domain/schemes/index.ts')
		const all = schemeIndicators(scheme).map(({ indicator }) => indicator.id)
		const [last, ...rest] = all.slice().reverse()
		const fresh = await newAssessment(owner.workspace.id, scheme.id, owner.user.id)
		await database()
			.insert(answers)
			.values(
				rest.map((indicatorId) => ({
					workspaceId: owner.workspace.id,
					assessmentId: fresh.id,
					indicatorId,
					value: { na: true, reason: '不涉及' },
				})),
			)
		await expectRefused(
			fresh.id,
			last!,
			{ na: true, reason: '不涉及' },
			/every indicator that carries points/,
		)
		await expectSaved(fresh.id, last!, { fraction: 1 })
	})
})

describe('BAC checks', () => {
	const bac = () => ids['bac-fr01-2021']!
	test('one check per sub-requirement; n.a. only where allowed and then with a reason', async () => {
		await expectSaved(bac(), '5.1.1', { checks: [true, false] })
		await expectSaved(bac(), '5.2.4', {
			checks: [true, true, false, 'na', true, true, true],
			reason: '不提供代用品',
		})
		await expectSaved(bac(), '5.2.6', { na: true, reason: '不销售需回收的商品' })
		await expectRefused(bac(), '5.1.2', { checks: [true] }, /1 checks given, but it has 2/)
		await expectRefused(bac(), '5.1.2', { checks: [true, true, true] }, /3 checks given/)
		await expectRefused(
			bac(),
			'5.1.2',
			{ checks: [true, 'na'], reason: '不涉及' },
			/cannot be marked "na"/,
		)
		await expectRefused(bac(), '5.1.2', { checks: [true, 1] }, /checks/)
		await expectRefused(bac(), '5.2.1', { checks: [true, 'na', true] }, /without a reason/)
		await expectRefused(
			bac(),
			'5.2.1',
			{ checks: [true, true, true], reason: ' ' },
			/reason is blank/,
		)
		await expectRefused(bac(), '5.1.3', { na: true, reason: '不涉及' }, /does not allow excluding/)
		await expectRefused(bac(), '5.1.3', { fraction: 1 }, /does not take/)
	})
})

describe('DNI ratings', () => {
	const dni = () => ids['dni-cts-0301-2025']!
	test('a percentage is an assessor rating, not an answer; exclusions and notes are answers', async () => {
		await expectRefused(dni(), '5.2.1.1', { percent: 70 }, /own rating/)
		await expectSaved(dni(), '5.2.1.2', { na: true, reason: '不涉及包装' })
		expect(
			await saveRating(owner, ids['green-aftersales-2025']!, '5.1.1.1', 70, 0, ip),
		).toMatchObject({ status: 400 })
	})
	test('each assessor rates on their own row; others are hidden until one has rated', async () => {
		expect(await saveRating(owner, dni(), '5.2.1.1', 70, 0, ip)).toMatchObject({
			ok: true,
			saved: { percent: '70', version: 1 },
		})
		const hidden = (await listRatings(assessor, dni())).get('5.2.1.1')
		expect(hidden).toEqual({
			mine: null,
			others: [],
			othersCount: 1,
			imported: [],
			mean: null,
			spread: null,
		})
		expect(await saveRating(assessor, dni(), '5.2.1.1', '82.5', 0, ip)).toMatchObject({
			ok: true,
			saved: { percent: '82.5' },
		})
		const shown = (await listRatings(assessor, dni())).get('5.2.1.1')
		expect(shown).toEqual({
			mine: { percent: '82.5', version: 1 },
			others: [{ name: '王经理', percent: '70' }],
			othersCount: 1,
			imported: [],
			mean: 76.25,
			spread: 12.5,
		})
		const rows = await database()
			.select()
			.from(assessorRatings)
			.where(eq(assessorRatings.assessmentId, dni()))
		expect(rows).toHaveLength(2)
		// one's own newer rating (another tab) is a conflict too
		expect(await saveRating(owner, dni(), '5.2.1.1', 75, 0, ip)).toMatchObject({
			status: 409,
			reason: 'conflict',
			current: { percent: '70', version: 1 },
		})
		expect(await saveRating(owner, dni(), '5.2.1.1', 75, 1, ip)).toMatchObject({
			ok: true,
			saved: { percent: '75', version: 2 },
		})
		expect(await saveRating(owner, dni(), '5.2.1.1', null, 2, ip)).toMatchObject({
			ok: true,
			saved: { percent: null, version: 0 },
		})
		expect((await listRatings(owner, dni())).get('5.2.1.1')).toMatchObject({
			mine: null,
			others: [],
		})
		expect(await auditCount('rating.saved')).toBe(3)
		expect(await auditCount('rating.withdrawn')).toBe(1)
	})
	test('percentages outside 0–100 or with more than two decimals are refused', async () => {
		for (const percent of [101, -1, 'abc', '70.123', '', Number.NaN, true, [70]]) {
			expect(await saveRating(owner, dni(), '5.2.1.3', percent, 0, ip)).toMatchObject({
				ok: false,
				status: 400,
			})
		}
		expect((await listRatings(owner, dni())).has('5.2.1.3')).toBe(false)
	})
})

describe('optimistic concurrency', () => {
	const green = () => ids['green-aftersales-2025']!
	test('saving over a newer version is a 409 with the server answer, and nothing is written', async () => {
		const first = await saveAnswer(
			owner,
			green(),
			'5.3.2.1',
			{ value: { fraction: 1 }, note: '王经理的说明' },
			0,
			ip,
		)
		expect(first).toMatchObject({ ok: true, saved: { version: 1 } })
		const audits = await auditCount('answer.saved')
		const second = await saveAnswer(
			assessor,
			green(),
			'5.3.2.1',
			{ value: { fraction: 0.5 }, note: '李的说明' },
			0,
			ip,
		)
		expect(second).toMatchObject({
			ok: false,
			status: 409,
			reason: 'conflict',
			current: {
				value: { fraction: 1 },
				note: '王经理的说明',
				version: 1,
				updatedBy: { name: '王经理' },
			},
		})
		if (!second.ok && second.reason === 'conflict')
			expect(second.current.updatedAt).toBeInstanceOf(Date)
		const [row] = await database()
			.select()
			.from(answers)
			.where(and(eq(answers.assessmentId, green()), eq(answers.indicatorId, '5.3.2.1')))
		expect(row).toMatchObject({
			value: { fraction: 1 },
			note: '王经理的说明',
			version: 1,
			updatedBy: owner.user.id,
		})
		expect(await auditCount('answer.saved')).toBe(audits)
		// "keep mine": the same value saved over the version just seen
		const kept = await saveAnswer(
			assessor,
			green(),
			'5.3.2.1',
			{ value: { fraction: 0.5 }, note: '李的说明' },
			1,
			ip,
		)
		expect(kept).toMatchObject({
			ok: true,
			changed: true,
			saved: { version: 2, updatedBy: { name: '李评价' } },
		})
	})
	test('saving what the server already holds is no conflict and writes nothing', async () => {
		const audits = await auditCount('answer.saved')
		const same = await saveAnswer(
			owner,
			green(),
			'5.3.2.1',
			{ value: { fraction: 0.5 }, note: '李的说明' },
			0,
			ip,
		)
		expect(same).toMatchObject({ ok: true, changed: false, saved: { version: 2 } })
		expect(await auditCount('answer.saved')).toBe(audits)
	})
	test('every save writes one audit row with the indicator, the versions and the values', async () => {
		const saved = await saveAnswer(owner, green(), '5.3.2.2', { value: { fraction: 1 } }, 0, ip)
		expect(saved.ok).toBe(true)
		await saveAnswer(owner, green(), '5.3.2.2', { value: { fraction: 0.5 }, note: '补充' }, 1, ip)
		const rows = await database()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'answer.saved'), eq(auditLog.targetId, green())))
		const mine = rows.filter((row) => row.detail?.indicatorId === '5.3.2.2')
		expect(mine.map((row) => row.detail)).toEqual([
			{
				indicatorId: '5.3.2.2',
				version: 1,
				before: null,
				after: { fraction: 1 },
				status: 'answered',
				noteChanged: false,
			},
			{
				indicatorId: '5.3.2.2',
				version: 2,
				before: { fraction: 1 },
				after: { fraction: 0.5 },
				status: 'answered',
				noteChanged: true,
			},
		])
		expect(
			mine.every(
				(row) =>
					row.actorUserId === owner.user.id &&
					row.workspaceId === owner.workspace.id &&
					row.ip === '127.0.0.1',
			),
		).toBe(true)
	})
	test('an answer can be cleared, keeping its note, and marked to review', async () => {
		const cleared = await saveAnswer(
			owner,
			green(),
			'5.3.2.2',
			{ value: null, note: '补充', status: 'to_review' },
			2,
			ip,
		)
		expect(cleared).toMatchObject({
			ok: true,
			saved: { value: null, note: '补充', status: 'to_review', version: 3 },
		})
	})
})

describe('who may change what', () => {
	test('a submitted assessment refuses every change with 409', async () => {
		const submitted = await newAssessment(owner.workspace.id, 'dni-cts-0301-2025', owner.user.id)
		await database()
			.update(assessments)
			.set({ status: 'submitted' })
			.where(eq(assessments.id, submitted.id))
		expect(
			await saveAnswer(
				owner,
				submitted.id,
				'5.2.1.1',
				{ value: { na: true, reason: '无' } },
				0,
				ip,
			),
		).toMatchObject({
			status: 409,
			reason: 'submitted',
		})
		expect(await saveRating(owner, submitted.id, '5.2.1.1', 60, 0, ip)).toMatchObject({
			status: 409,
			reason: 'submitted',
		})
		expect(await answerRows(submitted.id)).toEqual([])
		expect(
			await database()
				.select()
				.from(assessorRatings)
				.where(eq(assessorRatings.assessmentId, submitted.id)),
		).toEqual([])
	})
	test('viewers get 403 and change nothing', async () => {
		const green = ids['green-aftersales-2025']!
		const before = await answerRows(green)
		expect(
			(await respond(() => saveAnswer(viewer, green, '5.3.1.5', { value: { fraction: 1 } }, 0, ip)))
				.status,
		).toBe(403)
		expect(
			(await respond(() => saveRating(viewer, ids['dni-cts-0301-2025']!, '5.2.1.5', 50, 0, ip)))
				.status,
		).toBe(403)
		expect(await answerRows(green)).toEqual(before)
	})
	test('an assessment of another workspace, an unknown id or indicator is a 404', async () => {
		const green = ids['green-aftersales-2025']!
		const cases: [WorkspaceScope, string, string][] = [
			[owner, ids.other!, '5.1.1.1'],
			[outsider, green, '5.1.1.1'],
			[owner, 'no-such-assessment', '5.1.1.1'],
			[owner, green, '9.9.9'],
			[owner, green, '5.1'],
			[owner, green, '5.1.1'],
			[viewer, ids.other!, '5.1.1.1'],
		]
		for (const [scope, assessmentId, indicatorId] of cases) {
			expect(
				(
					await respond(() =>
						saveAnswer(scope, assessmentId, indicatorId, { value: { fraction: 1 } }, 0, ip),
					)
				).status,
			).toBe(404)
			expect(
				(await respond(() => saveRating(scope, assessmentId, indicatorId, 50, 0, ip))).status,
			).toBe(404)
		}
		expect(await answerRows(ids.other!)).toEqual([])
	})
})
