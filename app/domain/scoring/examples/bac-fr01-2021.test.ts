import { describe, expect, it } from 'vitest'
import bac from '../../schemes/data/bac-fr01-2021.ts'
import { loadScheme } from '../../schemes/load-scheme.ts'
import { scoreJson } from '../index.ts'
import { scoreAssessment } from '../score.ts'
import type { AnswerV1, ScoreResult } from '../types.ts'
import { validateAssessment } from '../validate.ts'

// Worked examples for BAC-FR01-2021 Annex 1, computed by hand (scheme-decisions.md 1, 5, 6, 7, 11).
// Indicator: points (sub-requirements) rule
//   5.1.1 4 (2)  5.1.2 6 (2)  5.1.3 6 (7)  5.1.4 6 (3)  5.1.5 7 (4)  5.1.6 5 (3)  5.1.7 6 (2)
//     all-or-nothing; 5.1 = 40
//   5.2.1 6 (3) 2 per met   5.2.2 6 (4) −2 per unmet   5.2.3 4 (2) 2 per met
//   5.2.4 10 (7) −2 per unmet   5.2.5 7 (5) −2 per unmet   5.2.6 2 (2) 1 per met; 5.2 = 35
//   5.3.1 15 (6) −3 per unmet   5.3.2 10 (3) 3 per met, 10 when all met; 5.3 = 25

const scheme = loadScheme(bac)

const subCounts: Record<string, number> = {
	'5.1.1': 2,
	'5.1.2': 2,
	'5.1.3': 7,
	'5.1.4': 3,
	'5.1.5': 4,
	'5.1.6': 3,
	'5.1.7': 2,
	'5.2.1': 3,
	'5.2.2': 4,
	'5.2.3': 2,
	'5.2.4': 7,
	'5.2.5': 5,
	'5.2.6': 2,
	'5.3.1': 6,
	'5.3.2': 3,
}

function allMet(): Record<string, AnswerV1> {
	return Object.fromEntries(
		Object.entries(subCounts).map(([id, count]) => [id, { checks: Array<true>(count).fill(true) }]),
	)
}

const deduction = { description: '维修记录缺失', correctiveAction: '补全维修记录并培训维修人员' }

function score(
	answers: Record<string, AnswerV1>,
	special: { deductions?: number; bonus?: boolean } = {},
): ScoreResult {
	const input = {
		format: 'aftersales-assessment/v1',
		scheme: 'bac-fr01-2021',
		answers,
		...(special.deductions
			? { specialDeductions: Array.from({ length: special.deductions }, () => deduction) }
			: {}),
		...(special.bonus ? { specialBonus: { justification: '全国联保 24 小时上门' } } : {}),
	}
	const validated = validateAssessment(input, (id) => (id === scheme.id ? scheme : undefined))
	if (!validated.ok) throw new Error(validated.error)
	return scoreAssessment(validated.scheme, validated.assessment)
}

function indicator(result: ScoreResult, id: string) {
	return result.indicators.find((i) => i.id === id)
}

describe('bac-fr01-2021 worked examples', () => {
	// Everything met: earned 40 + 35 + 25 = 100, involved 100, 100 / 100 × 100 = 100 → 五星级.
	it('scores 100 and 五星级 when every sub-requirement is met', () => {
		const result = score(allMet())
		expect(result).toMatchObject({
			involvedMarks: 100,
			earned: 100,
			normalised: 100,
			score: 100,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
			complete: true,
			warnings: [],
		})
		expect(result.sections.map((s) => [s.id, s.full, s.involved, s.earned])).toEqual([
			['5.1', 40, 40, 40],
			['5.2', 35, 35, 35],
			['5.3', 25, 25, 25],
		])
	})

	// 5.2.6 excluded as a whole: involved −2. 5.2.1 sub-requirement 2) n.a.: per-met, so its
	// 2 points leave the involved total too: 5.2.1 involved 4, earned 2 + 2 = 4.
	// 5.1.3 one of 7 unmet: all-or-nothing → 0 of 6.
	// involved = 100 − 2 − 2 = 96; earned = 96 − 6 = 90; 90 / 96 × 100 = 93.75 → 四星级.
	it('renormalises over the involved marks after a whole and a single-requirement exclusion', () => {
		const answers = allMet()
		answers['5.2.6'] = { na: true, reason: '所售商品均为软件服务，无实物废弃' }
		answers['5.2.1'] = { checks: [true, 'na', true], reason: '无有安全性要求的商品' }
		answers['5.1.3'] = { checks: [true, true, true, true, true, false, true] }
		const result = score(answers)
		expect(result.involvedMarks).toBe(96)
		expect(result.earned).toBe(90)
		expect(result.normalised).toBe(93.75)
		expect(result.score).toBe(93.75)
		expect(result.level).toEqual({ key: 'star-4', name: '四星级' })
		expect(indicator(result, '5.2.6')).toEqual({
			id: '5.2.6',
			full: 2,
			involved: 0,
			earned: 0,
			excluded: true,
		})
		expect(indicator(result, '5.2.1')).toEqual({
			id: '5.2.1',
			full: 6,
			involved: 4,
			earned: 4,
			excluded: false,
		})
		expect(indicator(result, '5.1.3')).toEqual({
			id: '5.1.3',
			full: 6,
			involved: 6,
			earned: 0,
			excluded: false,
		})
		expect(result.sections.map((s) => [s.id, s.involved, s.earned])).toEqual([
			['5.1', 40, 34],
			['5.2', 31, 31],
			['5.3', 25, 25],
		])
	})

	// One assessment with every rule kind:
	//   5.1.5 [✓✓✗✓] all-or-nothing → 0 of 7
	//   5.2.1 [✓✗✓] 2 per met → 4 of 6;  5.2.6 [✓✗] 1 per met → 1 of 2
	//   5.2.2 [✓✗✓✓] 6 − 2 × 1 = 4;  5.2.5 [✗✗✗✗✓] max(0, 7 − 2 × 4) = 0
	//   5.3.1 [✓✗✓✓✓✓] 15 − 3 × 1 = 12;  5.3.2 [✓✓✗] 3 × 2 = 6
	//   the rest met: 5.1.1–5.1.4, 5.1.6, 5.1.7 = 4 + 6 + 6 + 6 + 5 + 6 = 33; 5.2.3 + 5.2.4 = 14
	// sections: 5.1 = 33; 5.2 = 4 + 4 + 4 + 10 + 0 + 1 = 23; 5.3 = 12 + 6 = 18
	// earned = 33 + 23 + 18 = 74 of 100 → 74.00 达标级.
	it('applies each rule kind of Annex 1 §4', () => {
		const answers = allMet()
		answers['5.1.5'] = { checks: [true, true, false, true] }
		answers['5.2.1'] = { checks: [true, false, true] }
		answers['5.2.6'] = { checks: [true, false] }
		answers['5.2.2'] = { checks: [true, false, true, true] }
		answers['5.2.5'] = { checks: [false, false, false, false, true] }
		answers['5.3.1'] = { checks: [true, false, true, true, true, true] }
		answers['5.3.2'] = { checks: [true, true, false] }
		const result = score(answers)
		const earned = Object.fromEntries(result.indicators.map((i) => [i.id, i.earned]))
		expect(earned).toEqual({
			'5.1.1': 4,
			'5.1.2': 6,
			'5.1.3': 6,
			'5.1.4': 6,
			'5.1.5': 0,
			'5.1.6': 5,
			'5.1.7': 6,
			'5.2.1': 4,
			'5.2.2': 4,
			'5.2.3': 4,
			'5.2.4': 10,
			'5.2.5': 0,
			'5.2.6': 1,
			'5.3.1': 12,
			'5.3.2': 6,
		})
		expect(result.sections.map((s) => s.earned)).toEqual([33, 23, 18])
		expect(result.involvedMarks).toBe(100)
		expect(result.score).toBe(74)
		expect(result).toMatchObject({ passed: true, level: { key: 'standard', name: '达标级' } })
	})

	// 5.3.2 with the rest met (90): 0 met → 90 四星级; 1 → 3 + 90 = 93 四星级;
	// 2 → 6 + 90 = 96 五星级; 3 → the full 10, not 9: 100 五星级.
	it.each([
		[[false, false, false], 0, 90, 'star-4'],
		[[true, false, false], 3, 93, 'star-4'],
		[[false, true, true], 6, 96, 'star-5'],
		[[true, true, true], 10, 100, 'star-5'],
	] as const)('5.3.2 %j earns %i (score %i)', (checks, earned, total, level) => {
		const answers = allMet()
		answers['5.3.2'] = { checks: [...checks] }
		const result = score(answers)
		expect(indicator(result, '5.3.2')?.earned).toBe(earned)
		expect(result.score).toBe(total)
		expect(result.level?.key).toBe(level)
	})

	// Deductions stop at zero: 5.3.1 all six unmet → max(0, 15 − 3 × 6 = −3) = 0, score 85 三星级;
	// 5.2.4 all seven unmet → max(0, 10 − 14) = 0, score 90 四星级.
	// 5.2.4 [✓ n.a. ✗ ✓✓✓✓]: n.a. is neither met nor unmet → 10 − 2 × 1 = 8, involved stays 10,
	// score 98 五星级.
	it('floors deductions at zero and leaves n.a. out of the deduction count', () => {
		const noRelations = allMet()
		noRelations['5.3.1'] = { checks: Array<false>(6).fill(false) }
		expect(score(noRelations)).toMatchObject({ earned: 85, score: 85, level: { key: 'star-3' } })

		const noRepair = allMet()
		noRepair['5.2.4'] = { checks: Array<false>(7).fill(false) }
		const repairResult = score(noRepair)
		expect(indicator(repairResult, '5.2.4')?.earned).toBe(0)
		expect(repairResult).toMatchObject({ score: 90, level: { key: 'star-4' } })

		const substitute = allMet()
		substitute['5.2.4'] = {
			checks: [true, 'na', false, true, true, true, true],
			reason: '维修由厂家负责，本组织不直接提供维修接待',
		}
		const substituteResult = score(substitute)
		expect(indicator(substituteResult, '5.2.4')).toEqual({
			id: '5.2.4',
			full: 10,
			involved: 10,
			earned: 8,
			excluded: false,
		})
		expect(substituteResult).toMatchObject({
			involvedMarks: 100,
			score: 98,
			level: { key: 'star-5' },
		})
	})

	// 5.2.3 [n.a., n.a.] is excluded as a whole: involved 100 − 4 = 96.
	// 5.2.2 one unmet: 6 − 2 = 4. earned = 96 − 2 = 94; 94 / 96 × 100 = 97.91666… → 97.92 五星级.
	it('excludes an indicator whose sub-requirements are all n.a.', () => {
		const answers = allMet()
		answers['5.2.3'] = { checks: ['na', 'na'], reason: '线上服务，无实物配送' }
		answers['5.2.2'] = { checks: [true, true, false, true] }
		const result = score(answers)
		expect(indicator(result, '5.2.3')).toEqual({
			id: '5.2.3',
			full: 4,
			involved: 0,
			earned: 0,
			excluded: true,
		})
		expect(result.involvedMarks).toBe(96)
		expect(result.earned).toBe(94)
		expect(result.normalised).toBeCloseTo(97.916666667, 8)
		expect(result.score).toBe(97.92)
		expect(result.level?.key).toBe('star-5')
	})

	// 5.3.1 all unmet (−15) and 5.1.6 one unmet (−5): earned 80 of 100 → 80.00 三星级.
	// One special deduction: 80 − 1 = 79.00 → 达标级. Deduction and bonus: 80 − 1 + 1 = 80 三星级.
	it('drops a level for a special deduction and regains it with the bonus', () => {
		const answers = allMet()
		answers['5.3.1'] = { checks: Array<false>(6).fill(false) }
		answers['5.1.6'] = { checks: [true, false, true] }
		expect(score(answers)).toMatchObject({ earned: 80, score: 80, level: { key: 'star-3' } })
		expect(score(answers, { deductions: 1 })).toMatchObject({
			specialDeductions: 1,
			specialBonus: 0,
			score: 79,
			passed: true,
			level: { key: 'standard', name: '达标级' },
		})
		expect(score(answers, { deductions: 1, bonus: true })).toMatchObject({
			specialDeductions: 1,
			specialBonus: 1,
			score: 80,
			level: { key: 'star-3', name: '三星级' },
		})
	})

	// Everything met with 4 deductions: 100 − 4 = 96, passes, 五星级.
	// With 5: 100 − 5 = 95 would be 五星级 by score, but 5 or more special deductions fail.
	it('fails at 5 special deductions whatever the score', () => {
		expect(score(allMet(), { deductions: 4 })).toMatchObject({
			score: 96,
			passed: true,
			level: { key: 'star-5' },
		})
		expect(score(allMet(), { deductions: 5 })).toMatchObject({
			specialDeductions: 5,
			score: 95,
			passed: false,
			level: { key: 'fail' },
		})
	})

	// Points are whole numbers and involved ≤ 100, so 100e/i − 80 = 20 × (5e − 4i) / i: a score
	// off 80 misses it by at least 20/i ≥ 0.2, and 79.99 cannot occur. The boundaries reachable:
	//   5.2.3 excluded (−4), 5.2.6 [✓ n.a.] (−1): involved 95; 5.3.1 all unmet (−15) and
	//   5.1.1 one unmet (−4): earned 95 − 19 = 76; 76 / 95 × 100 = 80 exactly → 三星级.
	//   5.2.6 [✓ n.a.]: involved 99; 5.3.1 all unmet (−15), 5.1.6 one unmet (−5): earned 79;
	//   79 / 99 × 100 = 79.7979… → 79.80 达标级, the closest a score gets to 80 from below
	//   (5e − 4i = −1 with i ≤ 100 gives i = 99 at most).
	it('places the 80-point boundary exactly where normalisation can reach it', () => {
		const atBoundary = allMet()
		atBoundary['5.2.3'] = { na: true, reason: '线上服务，无实物配送' }
		atBoundary['5.2.6'] = { checks: [true, 'na'], reason: '商品无环保回收要求' }
		atBoundary['5.3.1'] = { checks: Array<false>(6).fill(false) }
		atBoundary['5.1.1'] = { checks: [true, false] }
		expect(score(atBoundary)).toMatchObject({
			involvedMarks: 95,
			earned: 76,
			normalised: 80,
			score: 80,
			level: { key: 'star-3' },
		})

		const below = allMet()
		below['5.2.6'] = { checks: [true, 'na'], reason: '商品无环保回收要求' }
		below['5.3.1'] = { checks: Array<false>(6).fill(false) }
		below['5.1.6'] = { checks: [false, true, true] }
		const result = score(below)
		expect(result).toMatchObject({ involvedMarks: 99, earned: 79, score: 79.8 })
		expect(result.normalised).toBeCloseTo(79.797979798, 8)
		expect(result.level).toEqual({ key: 'standard', name: '达标级' })
	})

	// 5.2.3 excluded: involved 96. 5.3.1 all unmet (−15), 5.1.2 one unmet (−6): earned 75.
	// 75 / 96 × 100 = 78.125 exactly → 78.13 (half up, where half-to-even would give 78.12).
	// With one special deduction: 77.125 → 77.13. With a bonus: 79.125 → 79.13, still 达标级.
	it('rounds halves up', () => {
		const answers = allMet()
		answers['5.2.3'] = { na: true, reason: '线上服务，无实物配送' }
		answers['5.3.1'] = { checks: Array<false>(6).fill(false) }
		answers['5.1.2'] = { checks: [true, false] }
		const plain = score(answers)
		expect(plain).toMatchObject({ involvedMarks: 96, earned: 75, normalised: 78.125, score: 78.13 })
		expect(plain.level?.key).toBe('standard')
		expect(score(answers, { deductions: 1 }).score).toBe(77.13)
		expect(score(answers, { bonus: true })).toMatchObject({
			score: 79.13,
			level: { key: 'standard' },
		})
	})

	// 5.2.1 and 5.2.4 unanswered: they earn 0 and stay involved; 100 − 6 − 10 = 84 → 三星级,
	// incomplete. No answers at all: 0 of 100, fail.
	it('keeps unanswered indicators involved and reports the assessment incomplete', () => {
		const answers = allMet()
		delete answers['5.2.1']
		delete answers['5.2.4']
		expect(score(answers)).toMatchObject({
			involvedMarks: 100,
			earned: 84,
			score: 84,
			complete: false,
			level: { key: 'star-3' },
		})
		expect(score({})).toMatchObject({
			earned: 0,
			score: 0,
			passed: false,
			complete: false,
			level: { key: 'fail' },
		})
	})

	// assessment-format.md's example answers, through the registry as the scoring command runs:
	// 5.2.6 excluded and 5.2.4 [✓✓✗ n.a. ✓✓✓] → 10 − 2 = 8; with 5.1.2 and 5.1.3 unmet (−6 − 6)
	// and the rest met: involved 100 − 2 = 98, earned 98 − 2 − 12 = 84;
	// 84 / 98 × 100 = 85.714285… − 1 special deduction = 84.714285… → 84.71 三星级.
	it('reproduces the result of the format document through the scheme registry', () => {
		const answers = {
			...allMet(),
			'5.1.2': { checks: [false, true] },
			'5.1.3': { checks: [true, true, true, true, false, true, true] },
			'5.2.4': {
				checks: [true, true, false, 'na', true, true, true],
				reason: '不提供代用品的商品类别',
			},
			'5.2.6': { na: true, reason: '不销售需回收的商品' },
		}
		const scored = scoreJson(
			JSON.stringify({
				format: 'aftersales-assessment/v1',
				scheme: 'bac-fr01-2021',
				organisation: { name: '示例电器有限公司' },
				period: '2026',
				answers,
				specialDeductions: [deduction],
			}),
		)
		if (!scored.ok) throw new Error(scored.error)
		expect(scored.result).toMatchObject({
			involvedMarks: 98,
			earned: 84,
			specialDeductions: 1,
			score: 84.71,
			passed: true,
			level: { key: 'star-3', name: '三星级' },
			complete: true,
		})
		expect(scored.result.normalised).toBeCloseTo(85.714285714, 8)
		expect(indicator(scored.result, '5.2.4')).toEqual({
			id: '5.2.4',
			full: 10,
			involved: 10,
			earned: 8,
			excluded: false,
		})
		expect(scored.result.sections[0]).toEqual({
			id: '5.1',
			name: '售后服务体系',
			full: 40,
			involved: 40,
			earned: 28,
		})
	})

	it.each([
		['an exclusion outside 5.2', { answers: { '5.1.1': { na: true, reason: '无' } } }, '5.1.1'],
		[
			'an n.a. sub-requirement outside 5.2',
			{ answers: { '5.3.1': { checks: [true, 'na', true, true, true, true], reason: '无' } } },
			'5.3.1',
		],
		['an n.a. without a reason', { answers: { '5.2.1': { checks: [true, 'na', true] } } }, '5.2.1'],
		['2 checks for the 7 of 5.2.4', { answers: { '5.2.4': { checks: [true, true] } } }, '5.2.4'],
		[
			'a special deduction without a corrective action',
			{ answers: {}, specialDeductions: [{ description: '超范围收费', correctiveAction: ' ' }] },
			'correctiveAction',
		],
	])('refuses %s', (_name, rest, named) => {
		const input = { format: 'aftersales-assessment/v1', scheme: 'bac-fr01-2021', ...rest }
		const validated = validateAssessment(input, (id) => (id === scheme.id ? scheme : undefined))
		expect(validated.ok).toBe(false)
		expect(validated.ok ? '' : validated.error).toContain(named)
	})
})
