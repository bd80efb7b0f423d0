import { describe, expect, test } from 'vitest'
import { getScheme, schemeIndicators } from '../schemes/index.ts'
import type { Scheme } from '../schemes/scheme-schema.ts'
import { explainPass, levelForScore, scoreAssessment } from './score.ts'
import { assessmentTemplate } from './template.ts'
import {
	assessment,
	checklistScheme,
	checksScheme,
	deductions,
	fractionScheme,
	percentScheme,
} from './test-fixtures.ts'
import type { AnswerV1, AssessmentV1 } from './types.ts'

function scheme(id: string): Scheme {
	const found = getScheme(id)
	if (!found) throw new Error(`no scheme ${id}`)
	return found
}

function score(on: Scheme, answers: Record<string, AnswerV1>, extra: Partial<AssessmentV1> = {}) {
	return scoreAssessment(on, assessment(on, answers, extra))
}

function indicatorResult(result: ReturnType<typeof scoreAssessment>, id: string) {
	const found = result.indicators.find((entry) => entry.id === id)
	if (!found) throw new Error(`no result for ${id}`)
	return found
}

/** Every indicator of a scheme answered the same way, with some overridden. */
function everyAnswer(
	on: Scheme,
	answer: (id: string) => AnswerV1,
	overrides: Record<string, AnswerV1> = {},
): Record<string, AnswerV1> {
	return {
		...Object.fromEntries(
			schemeIndicators(on).map(({ indicator }) => [indicator.id, answer(indicator.id)]),
		),
		...overrides,
	}
}

const full = { fraction: 1 }

describe('exact arithmetic', () => {
	test('0.7 + 0.8: points × fraction and their sum carry no binary drift', () => {
		const result = score(fractionScheme, {
			'1.1.1': full,
			'1.1.2': full,
			'2.1': { fraction: 0.02 },
			'2.2': { fraction: 0.07 },
			'2.3': full,
		})
		expect(indicatorResult(result, '2.2').earned).toBe(0.7)
		expect(indicatorResult(result, '2.1').earned).toBe(0.8)
		expect(result.sections[1]).toEqual({
			id: '2',
			name: '服务',
			full: 50,
			involved: 50,
			earned: 1.5,
		})
		expect(result.earned).toBe(51.5)
		expect(result.score).toBe(51.5)
	})

	test('1.5 points × 0.3 is 0.45, not 0.44999999999999996', () => {
		const result = score(fractionScheme, { '1.1.1': { fraction: 0.3 } })
		expect(indicatorResult(result, '1.1.1').earned).toBe(0.45)
		expect(result.earned).toBe(0.45)
	})

	test('the mean of three assessors is exact (DNI decision 9)', () => {
		const result = score(percentScheme, {
			'1.1': { percent: [70, 80, 65] },
			'1.2': { percent: [33.3, 33.3, 33.4] },
		})
		expect(indicatorResult(result, '1.1').earned).toBe(43)
		expect(indicatorResult(result, '1.2').earned).toBe(40 / 3)
		expect(result.earned).toBe(169 / 3)
		expect(result.score).toBe(56.33)
	})

	test('renormalisation after exclusions: earned / involved × full marks', () => {
		const result = score(fractionScheme, {
			'1.1.1': full,
			'1.1.2': full,
			'2.1': { na: true, reason: '不涉及' },
			'2.2': { fraction: 0.5 },
			'2.3': full,
		})
		expect(result.involvedMarks).toBe(60)
		expect(result.earned).toBe(55)
		expect(result.normalised).toBe(275 / 3)
		expect(result.score).toBe(91.67)
		expect(result.level).toEqual({ key: 'star-4', name: '四星级' })
	})

	test.each([
		[0.2705, 0, 84.71, 'half goes up: 84.705 → 84.71'],
		[0.27049, 0, 84.7, '84.7049 → 84.70'],
	])('rounds %s to two decimals (%s)', (fraction, deductionCount, expected) => {
		const result = score(
			fractionScheme,
			{ '1.1.1': full, '1.1.2': full, '2.1': { fraction: 0.8 }, '2.2': { fraction } },
			{ specialDeductions: deductions(deductionCount) },
		)
		expect(result.score).toBe(expected)
	})

	test('rounding goes towards +∞: −1.005 → −1.00 and 1.005 → 1.01', () => {
		const negative = score(
			fractionScheme,
			{ '2.2': { fraction: 0.3995 } },
			{ specialDeductions: deductions(5) },
		)
		expect(negative.normalised).toBe(3.995)
		expect(negative.score).toBe(-1)
		const positive = score(
			fractionScheme,
			{ '2.2': { fraction: 0.6005 } },
			{ specialDeductions: deductions(5) },
		)
		expect(positive.score).toBe(1.01)
	})
})

describe('answers', () => {
	test('an unanswered indicator earns 0, stays involved and makes the result incomplete', () => {
		const result = score(fractionScheme, { '1.1.2': full })
		expect(result.complete).toBe(false)
		expect(result.involvedMarks).toBe(100)
		expect(indicatorResult(result, '2.1')).toEqual({
			id: '2.1',
			full: 40,
			involved: 40,
			earned: 0,
			excluded: false,
		})
		expect(result.score).toBe(48.5)
	})

	test('no answers at all scores 0 and fails; it is not an error', () => {
		const result = score(scheme('gbt27922-2011'), {})
		expect(result).toMatchObject({
			involvedMarks: 100,
			earned: 0,
			score: 0,
			passed: false,
			complete: false,
			level: { key: 'fail', name: '不合格' },
		})
	})

	test('every indicator answered is complete', () => {
		expect(
			score(
				fractionScheme,
				everyAnswer(fractionScheme, () => full),
			).complete,
		).toBe(true)
	})

	test('samples: fraction = 1 − nonconforming / checked (decision 8)', () => {
		const result = score(fractionScheme, {
			'1.1.1': { samples: { checked: 12, nonconforming: 3 } },
			'2.1': { samples: { checked: 3, nonconforming: 1, population: 3 } },
		})
		expect(indicatorResult(result, '1.1.1').earned).toBe(1.125)
		expect(indicatorResult(result, '2.1').earned).toBe(80 / 3)
	})

	test('an exclusion takes the indicator out of the involved total and is marked', () => {
		const result = score(fractionScheme, { '2.2': { na: true, reason: '不销售' } })
		expect(indicatorResult(result, '2.2')).toEqual({
			id: '2.2',
			full: 10,
			involved: 0,
			earned: 0,
			excluded: true,
		})
		expect(result.involvedMarks).toBe(90)
		expect(result.sections[1]).toMatchObject({ full: 50, involved: 40 })
	})

	test('note and evidence do not change the score', () => {
		const plain = score(fractionScheme, { '1.1.2': { fraction: 0.5 } })
		const annotated = score(fractionScheme, {
			'1.1.2': { fraction: 0.5, note: '部分岗位未覆盖', evidence: ['org-chart.pdf'] },
		})
		expect(annotated).toEqual(plain)
	})

	test('a zero-point indicator (decision 4) is answerable and carries nothing', () => {
		const gbt = scheme('gbt27922-2011')
		const result = score(
			gbt,
			everyAnswer(gbt, () => full, { '5.1.1.3': { fraction: 0 } }),
		)
		expect(indicatorResult(result, '5.1.1.3')).toEqual({
			id: '5.1.1.3',
			full: 0,
			involved: 0,
			earned: 0,
			excluded: false,
		})
		expect(result.score).toBe(100)
	})

	test('scoring an assessment for another scheme, or one with no involved marks, throws', () => {
		expect(() => scoreAssessment(fractionScheme, assessment(percentScheme, {}))).toThrow(
			'assessment is for fixture-percent, not fixture-fraction',
		)
		const allOut = { na: true as const, reason: '不适用' }
		expect(() => score(checklistScheme, { '4.1': allOut, '4.2': allOut, '5.1': allOut })).toThrow(
			'everything is excluded',
		)
	})
})

describe('special items, pass and levels (decisions 1, 5, 6)', () => {
	test('each special deduction takes 1 after normalising, the bonus adds 1; no cap', () => {
		const allFull = everyAnswer(fractionScheme, () => full)
		const bonus = score(fractionScheme, allFull, {
			specialBonus: { justification: '行业领先' },
		})
		expect(bonus).toMatchObject({ specialBonus: 1, normalised: 100, score: 101 })
		const four = score(fractionScheme, allFull, { specialDeductions: deductions(4) })
		expect(four).toMatchObject({ specialDeductions: 4, score: 96, passed: true })
		expect(four.level).toEqual({ key: 'star-5', name: '五星级' })
	})

	test('five special deductions fail whatever the score', () => {
		const result = score(
			fractionScheme,
			everyAnswer(fractionScheme, () => full),
			{
				specialDeductions: deductions(5),
				specialBonus: { justification: '行业领先' },
			},
		)
		expect(result).toMatchObject({
			score: 96,
			passed: false,
			level: { key: 'fail', name: '不合格' },
		})
		expect(explainPass(result, fractionScheme)).toEqual([
			{ kind: 'special-deductions', count: 5, limit: 5 },
		])
	})

	test('below the pass mark fails; the reasons are explained separately', () => {
		const result = score(
			fractionScheme,
			{ '2.2': { fraction: 0.3995 } },
			{ specialDeductions: deductions(5) },
		)
		expect(result.passed).toBe(false)
		expect(explainPass(result, fractionScheme)).toEqual([
			{ kind: 'below-pass-mark', score: -1, passMark: 70 },
			{ kind: 'special-deductions', count: 5, limit: 5 },
		])
		expect(
			explainPass(
				score(
					fractionScheme,
					everyAnswer(fractionScheme, () => full),
				),
				fractionScheme,
			),
		).toEqual([])
	})

	test('the level is read from the rounded score: 69.995 passes as 70.00', () => {
		const result = score(fractionScheme, {
			'1.1.1': full,
			'1.1.2': full,
			'2.1': { fraction: 0.4 },
			'2.2': { fraction: 0.3995 },
		})
		expect(result.normalised).toBe(69.995)
		expect(result).toMatchObject({
			score: 70,
			passed: true,
			level: { key: 'standard', name: '达标级' },
		})
	})

	test.each([
		[0.399, 79.99, 'standard'],
		[0.4, 80, 'star-3'],
	])('band edges: 2.2 at %s scores %s → %s', (fraction, expected, key) => {
		const result = score(fractionScheme, {
			'1.1.1': full,
			'1.1.2': full,
			'2.1': { fraction: 0.65 },
			'2.2': { fraction },
		})
		expect(result.score).toBe(expected)
		expect(result.level?.key).toBe(key)
	})

	test('the five-level GB/T bands (decision 1)', () => {
		const gbt = scheme('gbt27922-2011')
		expect(
			[69.99, 70, 79.99, 80, 89.99, 90, 94.99, 95, 100].map(
				(value) => levelForScore(gbt, value)?.key ?? null,
			),
		).toEqual([
			null,
			'standard',
			'standard',
			'star-3',
			'star-3',
			'star-4',
			'star-4',
			'star-5',
			'star-5',
		])
	})

	test('the ten-star green bands (decision 2)', () => {
		const green = scheme('green-aftersales-2025')
		expect(
			[70, 80, 90, 95, 100, 110, 120, 130, 139.99, 140, 151].map(
				(value) => levelForScore(green, value)?.key,
			),
		).toEqual([
			'standard',
			'star-3',
			'star-4',
			'star-5',
			'star-6',
			'star-7',
			'star-8',
			'star-9',
			'star-9',
			'star-10',
			'star-10',
		])
	})

	test('XBHT: pass mark 60 and the §6.3.3 bands (decision 10)', () => {
		const xbht = scheme('xbht-s04-2025')
		expect(
			[59.99, 60, 69.99, 70, 74.99, 75, 79.99, 80, 89.99, 90].map(
				(value) => levelForScore(xbht, value)?.name ?? null,
			),
		).toEqual([null, '★', '★', '★★', '★★', '★★★', '★★★', '★★★★', '★★★★', '★★★★★'])
		const atSixty = score(
			xbht,
			everyAnswer(xbht, () => ({ fraction: 0.6 })),
		)
		expect(atSixty).toMatchObject({
			earned: 60,
			score: 60,
			passed: true,
			level: { key: 'star-1', name: '★' },
		})
		const below = score(
			xbht,
			everyAnswer(xbht, () => ({ fraction: 0.5999 })),
		)
		expect(below).toMatchObject({ score: 59.99, passed: false, level: { key: 'fail' } })
		expect(explainPass(below, xbht)).toEqual([
			{ kind: 'below-pass-mark', score: 59.99, passMark: 60 },
		])
	})
})

describe('the real schemes', () => {
	test('green normalises to its 150 full marks (decision 2)', () => {
		const green = scheme('green-aftersales-2025')
		const excluded = { na: true as const, reason: '不回收废弃商品' }
		const result = score(
			green,
			everyAnswer(green, () => full, {
				'5.2.6.1': excluded,
				'5.2.6.2': excluded,
				'5.2.6.3': excluded,
				'5.2.6.4': excluded,
				'5.2.6.5': excluded,
				'5.1.2.2': { fraction: 0 },
			}),
		)
		expect(result).toMatchObject({
			fullMarks: 150,
			involvedMarks: 142,
			earned: 137,
			normalised: (137 / 142) * 150,
			score: 144.72,
			level: { key: 'star-10', name: '十星级' },
		})
		expect(result.sections.map(({ id, full, involved }) => [id, full, involved])).toEqual([
			['5.1', 56, 56],
			['5.2', 69, 61],
			['5.3', 25, 25],
		])
	})

	test('green without exclusions: normalised = earned', () => {
		const green = scheme('green-aftersales-2025')
		const result = score(
			green,
			everyAnswer(green, () => ({ fraction: 0.5 })),
		)
		expect(result).toMatchObject({
			earned: 75,
			normalised: 75,
			score: 75,
			level: { key: 'standard' },
		})
	})

	test('DNI: earned = points × mean(percent) / 100', () => {
		const dni = scheme('dni-cts-0301-2025')
		const result = score(dni, { '5.2.4.5': { percent: [70, 80, 65] }, '5.2.4.3': { percent: 85 } })
		expect(indicatorResult(result, '5.2.4.5')).toMatchObject({ full: 3, earned: 2.15 })
		expect(indicatorResult(result, '5.2.4.3')).toMatchObject({ full: 3, earned: 2.55 })
		expect(result.earned).toBe(4.7)
	})

	test('the format document example: 84 of 98 involved, one deduction → 84.71', () => {
		const bac = scheme('bac-fr01-2021')
		const result = score(
			bac,
			{
				...assessmentTemplate(bac).answers,
				'5.1.3': { checks: [true, true, true, false, true, true, true] },
				'5.2.4': {
					checks: [true, true, false, 'na', true, true, true],
					reason: '不提供代用品的商品类别',
				},
				'5.2.6': { na: true, reason: '不销售需回收的商品' },
				'5.3.1': { checks: [true, false, true, true, false, true] },
			},
			{ specialDeductions: deductions(1) },
		)
		expect(result).toEqual({
			scheme: 'bac-fr01-2021',
			fullMarks: 100,
			involvedMarks: 98,
			earned: 84,
			normalised: 85.71428571428571,
			specialDeductions: 1,
			specialBonus: 0,
			score: 84.71,
			passed: true,
			level: { key: 'star-3', name: '三星级' },
			complete: true,
			sections: [
				{ id: '5.1', name: '售后服务体系', full: 40, involved: 40, earned: 34 },
				{ id: '5.2', name: '商品服务', full: 35, involved: 33, earned: 31 },
				{ id: '5.3', name: '顾客服务', full: 25, involved: 25, earned: 19 },
			],
			indicators: expect.any(Array),
			warnings: [],
		})
		expect(indicatorResult(result, '5.2.4')).toEqual({
			id: '5.2.4',
			full: 10,
			involved: 10,
			earned: 8,
			excluded: false,
		})
		expect(Object.keys(result)).toEqual([
			'scheme',
			'fullMarks',
			'involvedMarks',
			'earned',
			'normalised',
			'specialDeductions',
			'specialBonus',
			'score',
			'passed',
			'level',
			'complete',
			'sections',
			'indicators',
			'warnings',
		])
	})

	test('the general-spec checklist: conformity %, no level, no pass (decision 12)', () => {
		const general = scheme('gbt-aftersales-general-draft')
		const result = score(
			general,
			everyAnswer(general, () => full, { '5.2.4': { fraction: 0.5 } }),
		)
		expect(result).toMatchObject({
			fullMarks: 100,
			involvedMarks: 43,
			earned: 42.5,
			normalised: (42.5 / 43) * 100,
			score: 98.84,
			passed: null,
			level: null,
		})
		expect(explainPass(result, general)).toEqual([])
	})
})

describe('BAC checks rules (decision 11)', () => {
	const bac = scheme('bac-fr01-2021')
	const marks = (id: string, checks: (boolean | 'na')[], reason?: string) => {
		const answer: AnswerV1 = reason === undefined ? { checks } : { checks, reason }
		const { involved, earned, excluded } = indicatorResult(score(bac, { [id]: answer }), id)
		return { involved, earned, excluded }
	}

	test('5.1.x: all sub-requirements met → full points, else 0', () => {
		expect(marks('5.1.1', [true, true])).toEqual({ involved: 4, earned: 4, excluded: false })
		expect(marks('5.1.1', [true, false])).toEqual({ involved: 4, earned: 0, excluded: false })
		expect(marks('5.1.3', [true, true, true, true, true, true, false]).earned).toBe(0)
	})

	test('5.2.1, 5.2.3, 5.2.6: points per met sub-requirement; n.a. leaves the involved total', () => {
		expect(marks('5.2.1', [true, false, true])).toEqual({ involved: 6, earned: 4, excluded: false })
		expect(marks('5.2.1', [true, false, 'na'], '无安全性要求')).toEqual({
			involved: 4,
			earned: 2,
			excluded: false,
		})
		expect(marks('5.2.3', [false, true])).toEqual({ involved: 4, earned: 2, excluded: false })
		expect(marks('5.2.6', [true, 'na'], '无环保要求')).toEqual({
			involved: 1,
			earned: 1,
			excluded: false,
		})
	})

	test('5.2.2, 5.2.4, 5.2.5: 2 off per unmet, down to 0; n.a. counts as neither', () => {
		expect(marks('5.2.2', [true, false, true, true])).toEqual({
			involved: 6,
			earned: 4,
			excluded: false,
		})
		expect(marks('5.2.2', [false, false, false, false]).earned).toBe(0)
		expect(marks('5.2.4', [true, true, false, 'na', true, true, true], '无代用品')).toEqual({
			involved: 10,
			earned: 8,
			excluded: false,
		})
		expect(marks('5.2.5', [false, true, true, true, true]).earned).toBe(5)
		expect(marks('5.2.5', [false, false, false, false, true]).earned).toBe(0)
	})

	test('5.3.1: 3 off per unmet', () => {
		expect(marks('5.3.1', [true, false, true, true, false, true])).toEqual({
			involved: 15,
			earned: 9,
			excluded: false,
		})
		expect(marks('5.3.1', [false, false, false, false, false, true]).earned).toBe(0)
	})

	test('5.3.2: 0 / 3 / 6 / 10', () => {
		expect(
			[
				[false, false, false],
				[true, false, false],
				[true, true, false],
				[true, true, true],
			].map((checks) => marks('5.3.2', checks).earned),
		).toEqual([0, 3, 6, 10])
	})

	test('every sub-requirement n.a. excludes the indicator like {"na": true}', () => {
		expect(marks('5.2.6', ['na', 'na'], '不销售需回收的商品')).toEqual({
			involved: 0,
			earned: 0,
			excluded: true,
		})
		const asWhole = score(bac, { '5.2.6': { na: true, reason: '不销售需回收的商品' } })
		const bySubRequirements = score(bac, {
			'5.2.6': { checks: ['na', 'na'], reason: '不销售需回收的商品' },
		})
		expect(bySubRequirements).toEqual(asWhole)
	})

	test('n.a. in the rules BAC does not allow it for, on a fixture scheme', () => {
		const fixture = (id: string, checks: (boolean | 'na')[]) => {
			const { involved, earned, excluded } = indicatorResult(
				score(checksScheme, { [id]: { checks, reason: '不适用' } }),
				id,
			)
			return { involved, earned, excluded }
		}
		expect(fixture('1.1', [true, 'na', true])).toEqual({ involved: 6, earned: 6, excluded: false })
		expect(fixture('1.1', [false, 'na', true])).toEqual({ involved: 6, earned: 0, excluded: false })
		expect(fixture('1.3', [false, 'na', true, true, true, true])).toEqual({
			involved: 14,
			earned: 11,
			excluded: false,
		})
		expect(fixture('1.4', [true, true, 'na'])).toEqual({
			involved: 10,
			earned: 10,
			excluded: false,
		})
		expect(fixture('1.4', [true, false, 'na'])).toEqual({
			involved: 10,
			earned: 3,
			excluded: false,
		})
		expect(fixture('1.1', ['na', 'na', 'na'])).toEqual({ involved: 0, earned: 0, excluded: true })
	})
})

describe('checklist fixture', () => {
	test('conformity = sum / applicable × 100; n.a. leaves the denominator', () => {
		const result = score(checklistScheme, {
			'4.1': full,
			'4.2': { fraction: 0.5 },
			'5.1': { na: true, reason: '无此业务' },
		})
		expect(result).toMatchObject({
			involvedMarks: 2,
			earned: 1.5,
			normalised: 75,
			score: 75,
			passed: null,
			level: null,
			complete: true,
			warnings: [],
		})
		expect(result.sections).toEqual([
			{ id: '4', name: '总则', full: 2, involved: 2, earned: 1.5 },
			{ id: '5', name: '要求', full: 1, involved: 0, earned: 0 },
		])
	})
})

describe('sampling warning (decision 8, XBHT)', () => {
	const xbht = scheme('xbht-s04-2025')
	const warn = (
		samples: Extract<AnswerV1, { samples: unknown }>['samples'],
		on: Scheme = xbht,
		id = '5.3.4.2',
	) => score(on, { [id]: { samples } }).warnings

	test('warns when checked < ⌈2/3 × population⌉, naming the indicator', () => {
		const [warning, ...rest] = warn({ checked: 10, nonconforming: 1, population: 18 })
		expect(rest).toEqual([])
		expect(warning).toMatch(/^5\.3\.4\.2: 抽样 10 < ⌈2\/3 × 18⌉ = 12/)
		expect(warning).toContain('sample of 10 is below two thirds of the population 18')
		expect(warn({ checked: 10, nonconforming: 0, population: 16 })[0]).toContain('⌈2/3 × 16⌉ = 11')
	})

	test('does not warn at the threshold, without a population, or when all sites are covered', () => {
		expect(warn({ checked: 12, nonconforming: 1, population: 18 })).toEqual([])
		expect(warn({ checked: 11, nonconforming: 0, population: 16 })).toEqual([])
		expect(warn({ checked: 2, nonconforming: 0 })).toEqual([])
		expect(warn({ checked: 10, nonconforming: 1, population: 18, allSitesCovered: true })).toEqual(
			[],
		)
	})

	test('a warning never refuses or changes the score', () => {
		const warned = score(xbht, {
			'5.3.4.2': { samples: { checked: 10, nonconforming: 5, population: 18 } },
		})
		const plain = score(xbht, { '5.3.4.2': { samples: { checked: 10, nonconforming: 5 } } })
		expect(warned.score).toBe(plain.score)
		expect(warned.warnings).toHaveLength(1)
	})

	test('only schemes with the XBHT rule warn', () => {
		expect(
			warn(
				{ checked: 1, nonconforming: 0, population: 18 },
				scheme('green-aftersales-2025'),
				'5.2.4.3',
			),
		).toEqual([])
		expect(
			warn({ checked: 1, nonconforming: 0, population: 18 }, fractionScheme, '2.1'),
		).toHaveLength(1)
	})
})
