import { describe, expect, test } from 'vitest'
import dni from '../../schemes/data/dni-cts-0301-2025.ts'
import { loadScheme, schemeIndicators } from '../../schemes/load-scheme.ts'
import { validateAssessment } from '../index.ts'
import { scoreAssessment } from '../score.ts'
import type { AnswerV1, AssessmentV1 } from '../types.ts'

// Worked examples for CTS DNISC0301-2025 (seed 001), each computed by hand in the comment
// above it. Points: service requirements (section 4) 60, management (section 5) 40.
const scheme = loadScheme(dni)
const ids = schemeIndicators(scheme).map((e) => e.indicator.id)

function assess(
	percent: number,
	overrides: Record<string, AnswerV1> = {},
	extra: Pick<AssessmentV1, 'specialDeductions' | 'specialBonus'> = {},
): AssessmentV1 {
	const answers: Record<string, AnswerV1> = {}
	for (const id of ids) answers[id] = { percent }
	return {
		format: 'aftersales-assessment/v1',
		scheme: 'dni-cts-0301-2025',
		answers: { ...answers, ...overrides },
		...extra,
	}
}

function deductions(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		description: `特别扣分项 ${i + 1}：不符合企业有关服务制度的要求`,
		correctiveAction: '修订制度并培训相关人员',
	}))
}

const score = (assessment: AssessmentV1) => scoreAssessment(scheme, assessment)

describe('dni-cts-0301-2025 worked examples', () => {
	// 1. Every indicator at 100 %: earned = 60 + 40 = 100 = involved; normalised = 100/100 × 100
	//    = 100; no special items → score 100.00 ≥ 95 → 五星级.
	test('everything at 100 %', () => {
		const result = score(assess(100))
		expect(result).toMatchObject({
			scheme: 'dni-cts-0301-2025',
			fullMarks: 100,
			involvedMarks: 100,
			earned: 100,
			normalised: 100,
			specialDeductions: 0,
			specialBonus: 0,
			score: 100,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
			complete: true,
			warnings: [],
		})
		expect(result.sections).toEqual([
			{ id: '4', name: '服务要求', full: 60, involved: 60, earned: 60 },
			{ id: '5', name: '服务管理', full: 40, involved: 40, earned: 40 },
		])
		expect(result.indicators).toHaveLength(50)
	})

	// 2. Exclusion (6.1.5): no delivery (5.2.3.1 = 1, 5.2.3.2 = 3) and no substitutes
	//    (5.2.4.6 = 1) → involved = 100 − 5 = 95. 5.3.2.2 (7 points) at 50 % earns 3.5; the other
	//    95 − 7 = 88 involved points are at 100 %: earned = 88 + 3.5 = 91.5.
	//    normalised = 91.5 / 95 × 100 = 1830/19 = 96.315789… → score 96.32 → 五星级
	//    (without renormalising, 91.5 would be 四星级).
	//    Section 4: involved 60 − 5 = 55, earned 55 − 7 + 3.5 = 51.5; section 5: 40 / 40.
	test('an exclusion renormalises to 100', () => {
		const reason = '纯服务型组织，不涉及商品配送和代用品'
		const result = score(
			assess(100, {
				'5.2.3.1': { na: true, reason },
				'5.2.3.2': { na: true, reason },
				'5.2.4.6': { na: true, reason },
				'5.3.2.2': { percent: 50 },
			}),
		)
		expect(result.involvedMarks).toBe(95)
		expect(result.earned).toBe(91.5)
		expect(result.normalised).toBe(1830 / 19)
		expect(result.score).toBe(96.32)
		expect(result.passed).toBe(true)
		expect(result.level).toEqual({ key: 'star-5', name: '五星级' })
		expect(result.complete).toBe(true)
		expect(result.sections).toEqual([
			{ id: '4', name: '服务要求', full: 60, involved: 55, earned: 51.5 },
			{ id: '5', name: '服务管理', full: 40, involved: 40, earned: 40 },
		])
		expect(result.indicators.find((i) => i.id === '5.2.3.2')).toEqual({
			id: '5.2.3.2',
			full: 3,
			involved: 0,
			earned: 0,
			excluded: true,
		})
		expect(result.indicators.find((i) => i.id === '5.3.2.2')).toEqual({
			id: '5.3.2.2',
			full: 7,
			involved: 7,
			earned: 3.5,
			excluded: false,
		})
	})

	// 3. Three assessors (6.1.4) on 5.2.2.1 (1.5 points): mean(70, 80, 65) = 215/3 = 71.666…;
	//    earned = 1.5 × 215/3 / 100 = 1.075 exactly. Everything else at 100 %: 98.5.
	//    earned = 98.5 + 1.075 = 99.575 = normalised → score 99.58 (half up, from the exact
	//    value; the double 99.575 × 100 is 9957.4999…, which naive rounding takes to 99.57).
	//    Section 4 earned = 58.5 + 1.075 = 59.575.
	test('three assessors are averaged', () => {
		const result = score(assess(100, { '5.2.2.1': { percent: [70, 80, 65] } }))
		expect(result.indicators.find((i) => i.id === '5.2.2.1')).toEqual({
			id: '5.2.2.1',
			full: 1.5,
			involved: 1.5,
			earned: 1.075,
			excluded: false,
		})
		expect(result.involvedMarks).toBe(100)
		expect(result.earned).toBe(99.575)
		expect(result.normalised).toBe(99.575)
		expect(result.score).toBe(99.58)
		expect(result.level).toEqual({ key: 'star-5', name: '五星级' })
		expect(result.passed).toBe(true)
		expect(result.sections).toEqual([
			{ id: '4', name: '服务要求', full: 60, involved: 60, earned: 59.575 },
			{ id: '5', name: '服务管理', full: 40, involved: 40, earned: 40 },
		])
	})

	// 4. Special deductions drop a level: all at 80 % except 5.3.1.4 (5 points) at 90 %:
	//    earned = 95 × 0.8 + 5 × 0.9 = 76 + 4.5 = 80.5 → 三星级 on its own.
	//    Two deductions (D1): 80.5 − 2 = 78.5 → 达标级, still passed.
	//    One deduction and the bonus (D2): 80.5 − 1 + 1 = 80.5 → 三星级.
	//    Sections: 4 = 55 × 0.8 + 4.5 = 48.5; 5 = 40 × 0.8 = 32.
	test('special deductions drop a level; the bonus adds one point', () => {
		const base = assess(80, { '5.3.1.4': { percent: 90 } })
		const clean = score(base)
		expect(clean.score).toBe(80.5)
		expect(clean.level).toEqual({ key: 'star-3', name: '三星级' })

		const dropped = score({ ...base, specialDeductions: deductions(2) })
		expect(dropped).toMatchObject({
			involvedMarks: 100,
			earned: 80.5,
			normalised: 80.5,
			specialDeductions: 2,
			specialBonus: 0,
			score: 78.5,
			passed: true,
			level: { key: 'standard', name: '达标级' },
		})
		expect(dropped.sections).toEqual([
			{ id: '4', name: '服务要求', full: 60, involved: 60, earned: 48.5 },
			{ id: '5', name: '服务管理', full: 40, involved: 40, earned: 32 },
		])

		const withBonus = score({
			...base,
			specialDeductions: deductions(1),
			specialBonus: { justification: '全国 24 小时到达故障现场，处于行业领先' },
		})
		expect(withBonus).toMatchObject({
			specialDeductions: 1,
			specialBonus: 1,
			score: 80.5,
			passed: true,
			level: { key: 'star-3', name: '三星级' },
		})
	})

	// 5. Five special deductions fail whatever the score (6.5 "5 个以上（含 5 个）"; D1):
	//    all at 100 % → 100 − 5 = 95.00, which would be 五星级, but passed = false, level 不合格.
	//    Four deductions: 100 − 4 = 96.00 → passed, 五星级.
	test('five special deductions fail a high score', () => {
		const five = score(assess(100, {}, { specialDeductions: deductions(5) }))
		expect(five).toMatchObject({
			involvedMarks: 100,
			earned: 100,
			normalised: 100,
			specialDeductions: 5,
			score: 95,
			passed: false,
			level: { key: 'fail', name: '不合格' },
		})
		expect(five.sections).toEqual([
			{ id: '4', name: '服务要求', full: 60, involved: 60, earned: 60 },
			{ id: '5', name: '服务管理', full: 40, involved: 40, earned: 40 },
		])
		const four = score(assess(100, {}, { specialDeductions: deductions(4) }))
		expect(four).toMatchObject({
			score: 96,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
		})
	})

	// 6. Level boundaries: all at p % gives p; one 1-point indicator (5.2.1.1) at p − 1 %
	//    takes 0.01 off: 99 × p/100 + (p − 1)/100 = p − 0.01.
	//    69.99 fail | 70.00 达标级; 79.99 达标级 | 80.00 三星级; 89.99 三星级 | 90.00 四星级;
	//    94.99 四星级 | 95.00 五星级.
	test.each([
		[70, 69.99, null, 70, 'standard'],
		[80, 79.99, 'standard', 80, 'star-3'],
		[90, 89.99, 'star-3', 90, 'star-4'],
		[95, 94.99, 'star-4', 95, 'star-5'],
	] as const)('boundary at %i', (p, below, belowLevel, at, atLevel) => {
		const under = score(assess(p, { '5.2.1.1': { percent: p - 1 } }))
		expect(under.earned).toBe(below)
		expect(under.score).toBe(below)
		expect(under.passed).toBe(belowLevel !== null)
		expect(under.level?.key).toBe(belowLevel ?? 'fail')
		const exact = score(assess(p))
		expect(exact.earned).toBe(at)
		expect(exact.score).toBe(at)
		expect(exact.passed).toBe(true)
		expect(exact.level?.key).toBe(atLevel)
	})

	// 7. Rounding half up at x.xx5, on the exact value:
	//    a) all at 70 % except 5.2.1.1 with assessors [69, 70] (mean 69.5 → 0.695):
	//       99 × 0.7 + 0.695 = 69.995 → 70.00 → passed, 达标级 (the level reads the rounded score).
	//    b) all at 85 % except 5.3.1.4 (5 points) at 79.1 % (3.955): 95 × 0.85 + 3.955
	//       = 80.75 + 3.955 = 84.705 → 84.71 → 三星级.
	//    c) all at 0 % except 5.3.1.4 at 79.9 % (3.995), five deductions: 3.995 − 5 = −1.005
	//       → −1.00 (halves go towards +∞), not floored at 0; failed.
	test('rounding half up at x.xx5', () => {
		const a = score(assess(70, { '5.2.1.1': { percent: [69, 70] } }))
		expect(a.earned).toBe(69.995)
		expect(a.normalised).toBe(69.995)
		expect(a.score).toBe(70)
		expect(a.passed).toBe(true)
		expect(a.level).toEqual({ key: 'standard', name: '达标级' })

		const b = score(assess(85, { '5.3.1.4': { percent: 79.1 } }))
		expect(b.earned).toBe(84.705)
		expect(b.score).toBe(84.71)
		expect(b.level).toEqual({ key: 'star-3', name: '三星级' })

		const c = score(
			assess(0, { '5.3.1.4': { percent: 79.9 } }, { specialDeductions: deductions(5) }),
		)
		expect(c.earned).toBe(3.995)
		expect(c.normalised).toBe(3.995)
		expect(c.score).toBe(-1)
		expect(c.passed).toBe(false)
		expect(c.level).toEqual({ key: 'fail', name: '不合格' })
		expect(c.sections).toEqual([
			{ id: '4', name: '服务要求', full: 60, involved: 60, earned: 3.995 },
			{ id: '5', name: '服务管理', full: 40, involved: 40, earned: 0 },
		])
	})

	// 8. An unanswered indicator stays involved and earns 0: all at 100 % but 5.1.2.2 (5 points)
	//    left blank → earned 95 of 100 → 95.00 五星级, complete = false.
	test('an unanswered indicator counts as 0 and marks the result incomplete', () => {
		const full = assess(100)
		const answers = Object.fromEntries(
			Object.entries(full.answers).filter(([id]) => id !== '5.1.2.2'),
		)
		const result = score({ ...full, answers })
		expect(result).toMatchObject({
			involvedMarks: 100,
			earned: 95,
			normalised: 95,
			score: 95,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
			complete: false,
		})
		expect(result.sections[1]).toEqual({
			id: '5',
			name: '服务管理',
			full: 40,
			involved: 40,
			earned: 35,
		})
	})

	// 9. Through validation, as the portal and `npm run score` take it: the exclusion example
	//    (2) as plain JSON is accepted and scores 96.32 again.
	test('the exclusion example is accepted as interchange JSON', () => {
		const reason = '纯服务型组织，不涉及商品配送和代用品'
		const input: unknown = JSON.parse(
			JSON.stringify(
				assess(100, {
					'5.2.3.1': { na: true, reason },
					'5.2.3.2': { na: true, reason },
					'5.2.4.6': { na: true, reason },
					'5.3.2.2': { percent: 50 },
				}),
			),
		)
		const validated = validateAssessment(input)
		if (!validated.ok) throw new Error(validated.error)
		expect(validated.scheme.id).toBe('dni-cts-0301-2025')
		expect(scoreAssessment(validated.scheme, validated.assessment).score).toBe(96.32)
	})

	// 10. What DNI refuses: exclusions outside 4.1–4.6 (customer relations, complaints,
	//     management), a percentage outside 0–100, a fraction answer, a deduction without a
	//     corrective action, and an exclusion without a reason.
	test.each([
		['5.3.2.2', { na: true, reason: '无投诉' }, '此项不可删减'],
		['5.1.2.2', { na: true, reason: '无管理师' }, '此项不可删减'],
		['5.2.1.1', { percent: 101 }, 'percent 101 is outside 0–100'],
		['5.2.1.1', { percent: [80, -5] }, 'percent -5 is outside 0–100'],
		['5.2.1.1', { fraction: 1 }, 'does not take {"fraction": …}'],
		['5.2.3.1', { na: true, reason: ' ' }, '删减须说明理由'],
	])('rejects %s answered %j', (id, answer, rule) => {
		const input: unknown = { ...assess(100), answers: { ...assess(100).answers, [id]: answer } }
		const validated = validateAssessment(input)
		expect(validated.ok).toBe(false)
		if (!validated.ok) {
			expect(validated.error).toContain(`indicator ${id}`)
			expect(validated.error).toContain(rule)
		}
	})

	test('rejects a special deduction without a corrective action', () => {
		const input: unknown = {
			...assess(100),
			specialDeductions: [{ description: '未执行三包规定', correctiveAction: '' }],
		}
		const validated = validateAssessment(input)
		expect(validated.ok).toBe(false)
		if (!validated.ok) expect(validated.error).toContain('correctiveAction')
	})
})
