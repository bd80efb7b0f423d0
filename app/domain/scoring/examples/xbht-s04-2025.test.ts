import { describe, expect, test } from 'vitest'
import xbhtInput from '../../schemes/data/xbht-s04-2025.ts'
import { loadScheme, schemeIndicators } from '../../schemes/load-scheme.ts'
import { scoreJson } from '../index.ts'
import { scoreAssessment } from '../score.ts'
import type { AnswerV1, AssessmentV1 } from '../types.ts'
import { validateAssessment } from '../validate.ts'

const scheme = loadScheme(xbhtInput)
const ids = schemeIndicators(scheme).map((e) => e.indicator.id)

function assessment(answers: Record<string, AnswerV1>): AssessmentV1 {
	return { format: 'aftersales-assessment/v1', scheme: 'xbht-s04-2025', answers }
}

/** Every indicator answered with the same share, then the given answers on top. */
function answersAll(fraction: number, overrides: Record<string, AnswerV1> = {}) {
	return { ...Object.fromEntries(ids.map((id) => [id, { fraction }])), ...overrides }
}

function validate(input: unknown) {
	return validateAssessment(input, (id) => (id === scheme.id ? scheme : undefined))
}

/** Validates first, as every caller does, then scores. */
function score(answers: Record<string, unknown>) {
	const checked = validate({ format: 'aftersales-assessment/v1', scheme: scheme.id, answers })
	if (!checked.ok) throw new Error(checked.error)
	return scoreAssessment(checked.scheme, checked.assessment)
}

const naReason = (reason: string): AnswerV1 => ({ na: true, reason })

describe('xbht-s04-2025 worked examples', () => {
	// All 73 indicators met: earned = 35 + 15 + 25 + 25 = 100, involved = 100,
	// normalised = 100 / 100 × 100 = 100 → 100.00, ≥ 90 → ★★★★★.
	test('all met', () => {
		const result = score(answersAll(1))
		expect(result).toMatchObject({
			scheme: 'xbht-s04-2025',
			fullMarks: 100,
			involvedMarks: 100,
			earned: 100,
			normalised: 100,
			specialDeductions: 0,
			specialBonus: 0,
			score: 100,
			passed: true,
			level: { key: 'star-5', name: '★★★★★' },
			complete: true,
			warnings: [],
		})
		expect(result.sections).toEqual([
			{ id: '5.1', name: '售后服务体系', full: 35, involved: 35, earned: 35 },
			{ id: '5.2', name: '商品管理', full: 15, involved: 15, earned: 15 },
			{ id: '5.3', name: '商品服务', full: 25, involved: 25, earned: 25 },
			{ id: '5.4', name: '顾客服务', full: 25, involved: 25, earned: 25 },
		])
		expect(result.indicators).toHaveLength(73)
		expect(result.indicators.find((i) => i.id === '5.1.3.1')).toEqual({
			id: '5.1.3.1',
			full: 3.5,
			involved: 3.5,
			earned: 3.5,
			excluded: false,
		})
	})

	// Excluded (删减): 5.3.6.1 (0.5) + 5.3.6.2 (0.5) + 5.1.6.3 (0.7) = 1.7 → involved = 100 − 1.7 = 98.3.
	// Not met: 5.1.3.1 at 0 (loses 3.5); 5.4.2.4 at 0.5 (2 × 0.5 = 1, loses 1).
	// earned = 98.3 − 3.5 − 1 = 93.8; normalised = 93.8 / 98.3 × 100 = 93800 / 983 = 95.42217…
	// → 95.42, ★★★★★. Sections: 5.1 involved 35 − 0.7 = 34.3, earned 34.3 − 3.5 = 30.8;
	// 5.3 involved 24, earned 24; 5.4 involved 25, earned 24.
	test('exclusions leave the involved total and the score is renormalised', () => {
		const result = score(
			answersAll(1, {
				'5.3.6.1': naReason('不销售需回收的商品'),
				'5.3.6.2': naReason('不销售需回收的商品'),
				'5.1.6.3': naReason('暂无适用的国家认可认证'),
				'5.1.3.1': { fraction: 0 },
				'5.4.2.4': { fraction: 0.5 },
			}),
		)
		expect(result.involvedMarks).toBe(98.3)
		expect(result.earned).toBe(93.8)
		expect(result.normalised).toBe(93800 / 983)
		expect(result.score).toBe(95.42)
		expect(result.level).toEqual({ key: 'star-5', name: '★★★★★' })
		expect(result.passed).toBe(true)
		expect(result.complete).toBe(true)
		expect(result.sections).toEqual([
			{ id: '5.1', name: '售后服务体系', full: 35, involved: 34.3, earned: 30.8 },
			{ id: '5.2', name: '商品管理', full: 15, involved: 15, earned: 15 },
			{ id: '5.3', name: '商品服务', full: 25, involved: 24, earned: 24 },
			{ id: '5.4', name: '顾客服务', full: 25, involved: 25, earned: 24 },
		])
		expect(result.indicators.find((i) => i.id === '5.3.6.1')).toEqual({
			id: '5.3.6.1',
			full: 0.5,
			involved: 0,
			earned: 0,
			excluded: true,
		})
	})

	// Excluded: all of 5.2 (15) → involved 85. Not met: all of 5.4.2 服务管理 (10) at 0.
	// earned = 85 − 10 = 75; normalised = 75 / 85 × 100 = 1500 / 17 = 88.235294… → 88.24, ★★★★
	// (75 un-normalised would only have been ★★★).
	test('renormalisation can lift the level', () => {
		const overrides: Record<string, AnswerV1> = {}
		for (const id of ids) {
			if (id.startsWith('5.2.')) overrides[id] = naReason('纯服务类组织，无商品采购、运输、贮存')
			if (id.startsWith('5.4.2.')) overrides[id] = { fraction: 0 }
		}
		const result = score(answersAll(1, overrides))
		expect(result.involvedMarks).toBe(85)
		expect(result.earned).toBe(75)
		expect(result.normalised).toBe(1500 / 17)
		expect(result.score).toBe(88.24)
		expect(result.level).toEqual({ key: 'star-4', name: '★★★★' })
		expect(result.sections[1]).toEqual({
			id: '5.2',
			name: '商品管理',
			full: 15,
			involved: 0,
			earned: 0,
		})
	})

	// Sampled (§6.2.2, decision 8), everything else met:
	// 5.1.2.6 (1): 12 checked, 3 nonconforming, population 20 → 1 × (1 − 3/12) = 0.75;
	//   ⌈2/3 × 20⌉ = ⌈13.33…⌉ = 14 > 12 → warning.
	// 5.4.3.1 (2): 10 checked, 1 nonconforming, population 30, all sites covered → 2 × 0.9 = 1.8;
	//   10 < ⌈20⌉ = 20 but every site is covered → no warning.
	// 5.4.3.2 (2.5): 14 checked, 0 nonconforming, population 20 → 2.5; 14 = ⌈13.33…⌉ → no warning.
	// earned = 100 − 0.25 − 0.2 − 0 = 99.55 → 99.55, ★★★★★, one warning.
	test('sampling: share from the counts, a warning only for a short sample not covering every site', () => {
		const result = score(
			answersAll(1, {
				'5.1.2.6': { samples: { checked: 12, nonconforming: 3, population: 20 } },
				'5.4.3.1': {
					samples: { checked: 10, nonconforming: 1, population: 30, allSitesCovered: true },
				},
				'5.4.3.2': { samples: { checked: 14, nonconforming: 0, population: 20 } },
			}),
		)
		expect(result.earned).toBe(99.55)
		expect(result.score).toBe(99.55)
		expect(result.level).toEqual({ key: 'star-5', name: '★★★★★' })
		expect(result.indicators.find((i) => i.id === '5.1.2.6')?.earned).toBe(0.75)
		expect(result.indicators.find((i) => i.id === '5.4.3.1')?.earned).toBe(1.8)
		expect(result.warnings).toHaveLength(1)
		expect(result.warnings[0]).toContain('5.1.2.6')
	})

	// Sampled, the other 70 indicators (100 − 1 − 2 − 2.5 = 94.5 points) at 0.6 → 56.7:
	// 5.1.2.6 (1): 2 of population 3 checked, 0 nonconforming → 1; ⌈2/3 × 3⌉ = 2 → no warning.
	// 5.4.3.1 (2): 2 of population 4 checked, 1 nonconforming → 2 × 1/2 = 1; ⌈8/3⌉ = 3 > 2 → warning.
	// 5.4.3.2 (2.5): 3 checked, 1 nonconforming, no population → 2.5 × 2/3 = 5/3; no warning.
	// earned = 56.7 + 1 + 1 + 5/3 = 1811/30 = 60.3666… → 60.37, ★.
	test('sampling: ⌈2/3 × population⌉ at small populations, and no warning without a population', () => {
		const result = score(
			answersAll(0.6, {
				'5.1.2.6': { samples: { checked: 2, nonconforming: 0, population: 3 } },
				'5.4.3.1': { samples: { checked: 2, nonconforming: 1, population: 4 } },
				'5.4.3.2': { samples: { checked: 3, nonconforming: 1 } },
			}),
		)
		expect(result.earned).toBe(1811 / 30)
		expect(result.normalised).toBe(1811 / 30)
		expect(result.score).toBe(60.37)
		expect(result.passed).toBe(true)
		expect(result.level).toEqual({ key: 'star-1', name: '★' })
		expect(result.warnings).toHaveLength(1)
		expect(result.warnings[0]).toContain('5.4.3.1')
	})

	// Every indicator at the same share f: earned = 100 × f, involved 100, score = 100 × f.
	// 0.5999 → 59.99 fail | 0.6 → 60 ★ | 0.6999 → 69.99 ★ | 0.7 → 70 ★★ | 0.7499 → 74.99 ★★
	// 0.75 → 75 ★★★ | 0.7999 → 79.99 ★★★ | 0.8 → 80 ★★★★ | 0.8999 → 89.99 ★★★★ | 0.9 → 90 ★★★★★
	test.each([
		[0.5999, 59.99, 'fail', false],
		[0.6, 60, 'star-1', true],
		[0.6999, 69.99, 'star-1', true],
		[0.7, 70, 'star-2', true],
		[0.7499, 74.99, 'star-2', true],
		[0.75, 75, 'star-3', true],
		[0.7999, 79.99, 'star-3', true],
		[0.8, 80, 'star-4', true],
		[0.8999, 89.99, 'star-4', true],
		[0.9, 90, 'star-5', true],
	] as const)('level boundary: all at %d → %d (%s)', (fraction, expected, key, passed) => {
		const result = score(answersAll(fraction))
		expect(result.earned).toBe(expected)
		expect(result.score).toBe(expected)
		expect(result.level?.key).toBe(key)
		expect(result.passed).toBe(passed)
	})

	// Excluded: 5.3.6.1 + 5.3.6.2 (1 point) → involved 99; the rest all at 0.6 → earned 59.4.
	// normalised = 59.4 / 99 × 100 = 60 → ★ (59.4 un-normalised would fail).
	test('level boundary after renormalisation: 59.4 of 99 is exactly 60', () => {
		const result = score(
			answersAll(0.6, {
				'5.3.6.1': naReason('不销售需回收的商品'),
				'5.3.6.2': naReason('不销售需回收的商品'),
			}),
		)
		expect(result.involvedMarks).toBe(99)
		expect(result.earned).toBe(59.4)
		expect(result.normalised).toBe(60)
		expect(result.score).toBe(60)
		expect(result.level).toEqual({ key: 'star-1', name: '★' })
	})

	// Rounding half-up on the exact value (decision 5), all at f, score = 100 × f:
	// 0.84705 → 84.705 → 84.71 (a binary float would give 84.70) ★★★★;
	// 0.59995 → 59.995 → 60.00 ★ (passes: the level is read from the rounded score);
	// 0.89995 → 89.995 → 90.00 ★★★★★; 0.74994 → 74.994 → 74.99 ★★; 0.59994 → 59.994 → 59.99 fail.
	test.each([
		[0.84705, 84.705, 84.71, 'star-4'],
		[0.59995, 59.995, 60, 'star-1'],
		[0.89995, 89.995, 90, 'star-5'],
		[0.74994, 74.994, 74.99, 'star-2'],
		[0.59994, 59.994, 59.99, 'fail'],
	] as const)('rounding half-up: all at %d → %d → %d', (fraction, exact, rounded, key) => {
		const result = score(answersAll(fraction))
		expect(result.normalised).toBe(exact)
		expect(result.score).toBe(rounded)
		expect(result.level?.key).toBe(key)
	})

	// Exclude 5.3.6 (1 point) → involved 99, the rest at 0.60005 → earned 59.40495;
	// normalised = 59.40495 / 99 × 100 = 60.005 → 60.01, ★.
	test('rounding half-up after renormalisation', () => {
		const result = score(
			answersAll(0.60005, {
				'5.3.6.1': naReason('不销售需回收的商品'),
				'5.3.6.2': naReason('不销售需回收的商品'),
			}),
		)
		expect(result.earned).toBe(59.40495)
		expect(result.normalised).toBe(60.005)
		expect(result.score).toBe(60.01)
		expect(result.level?.key).toBe('star-1')
	})

	// Only 5.1 answered (all met): earned 35, the other 47 (unanswered) indicators stay involved
	// (involved 100) → 35 / 100 × 100 = 35 → fail, complete false.
	// No answers at all: earned 0 → 0, fail, complete false (not an error).
	test('incomplete answers earn nothing but stay involved', () => {
		const partial = score(
			Object.fromEntries(
				ids.filter((id) => id.startsWith('5.1.')).map((id) => [id, { fraction: 1 }]),
			),
		)
		expect(partial).toMatchObject({
			involvedMarks: 100,
			earned: 35,
			score: 35,
			passed: false,
			complete: false,
		})
		expect(partial.level?.key).toBe('fail')
		const empty = score({})
		expect(empty).toMatchObject({
			involvedMarks: 100,
			earned: 0,
			score: 0,
			passed: false,
			complete: false,
		})
		expect(empty.level?.key).toBe('fail')
	})

	const allExcluded = Object.fromEntries(ids.map((id) => [id, naReason('不适用')]))
	test.each<[string, unknown, string]>([
		['everything excluded', assessment(allExcluded), 'xbht-s04-2025'],
		[
			'an exclusion without a reason',
			assessment({ '5.3.6.1': { na: true, reason: ' ' } }),
			'5.3.6.1',
		],
		['a fraction above 1', assessment({ '5.1.1.1': { fraction: 1.2 } }), '5.1.1.1'],
		[
			'more nonconforming than checked',
			assessment({ '5.1.2.6': { samples: { checked: 3, nonconforming: 4 } } }),
			'5.1.2.6',
		],
		['a maturity percentage', assessment({ '5.1.1.1': { percent: 80 } }), '5.1.1.1'],
		['a group id', assessment({ '5.1.1': { fraction: 1 } }), '5.1.1'],
		[
			'a special deduction, which this scheme does not have',
			{
				...assessment({}),
				specialDeductions: [{ description: '重大投诉', correctiveAction: '整改' }],
			},
			'xbht-s04-2025',
		],
	])('refuses %s', (_, input, named) => {
		const checked = validate(input)
		expect(checked.ok).toBe(false)
		if (!checked.ok) expect(checked.error).toContain(named)
	})

	test('scoring everything excluded throws rather than dividing by zero', () => {
		expect(() => scoreAssessment(scheme, assessment(allExcluded))).toThrow()
	})

	// Through the registered scheme and JSON text, as the scoring command reads it: 5.4.2 服务管理
	// (10) half met → earned 95, involved 100 → 95.00, ★★★★★.
	test('the registered scheme scores JSON text the same way', () => {
		const answers = answersAll(1)
		for (const id of ids) if (id.startsWith('5.4.2.')) answers[id] = { fraction: 0.5 }
		const scored = scoreJson(JSON.stringify(assessment(answers)))
		expect(scored.ok && scored.result).toMatchObject({
			earned: 95,
			score: 95,
			level: { key: 'star-5', name: '★★★★★' },
		})
	})
})
