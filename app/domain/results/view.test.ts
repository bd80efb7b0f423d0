import { describe, expect, test } from 'vitest'
import { getScheme, schemeIndicators } from '../schemes/index.ts'
import { scoreAssessment } from '../scoring/index.ts'
import { assessmentTemplate } from '../scoring/template.ts'
import type { AnswerV1, AssessmentV1 } from '../scoring/types.ts'
import { calculationOf, exclusionsOf, sectionsOf } from './view.ts'

function assessment(
	schemeId: string,
	answers: Record<string, AnswerV1>,
	extra: Partial<AssessmentV1> = {},
) {
	const template = assessmentTemplate(getScheme(schemeId)!)
	return { ...template, answers: { ...template.answers, ...answers }, ...extra }
}

describe('calculationOf', () => {
	test('GB/T 27922: exclusions, normalisation, special items and rounding, as a consultant redoes them', () => {
		const scheme = getScheme('gbt27922-2011')!
		const input = assessment(
			'gbt27922-2011',
			{
				'5.2.1.2': { na: true, reason: '不提供安装' },
				'5.3.2.2': { fraction: 0 },
				'5.1.5.2': { fraction: 1 / 3 },
			},
			{ specialDeductions: [{ description: '投诉超期', correctiveAction: '建台账' }] },
		)
		const calculation = calculationOf(scheme, scoreAssessment(scheme, input))
		// 98 involved; 98 − 7 − 4 = 87 earned; 87 / 98 × 100 = 88.7755…; − 1 = 87.7755…
		expect(calculation).toMatchObject({
			checklist: false,
			fullMarks: 100,
			pointsTotal: 100,
			excluded: 2,
			involved: 98,
			normalised: '88.7755',
			deductions: 1,
			bonus: 0,
			exact: '87.7755',
			score: 87.78,
			passMark: 70,
			deductionLimit: 5,
			passed: true,
			level: 'star-3',
		})
		expect(calculation.earned).toBeCloseTo(87, 9)
		expect(calculation.levels.map((level) => level.min)).toEqual([70, 80, 90, 95])
	})

	test('the checklist: a conformity percentage over the points the indicators add up to, not over 100', () => {
		const scheme = getScheme('gbt-aftersales-general-draft')!
		const first = schemeIndicators(scheme)[0]!.indicator
		const input = assessment('gbt-aftersales-general-draft', { [first.id]: { fraction: 0 } })
		const result = scoreAssessment(scheme, input)
		const calculation = calculationOf(scheme, result)
		const total = result.sections.reduce((sum, section) => sum + section.full, 0)
		expect(calculation).toMatchObject({ checklist: true, pointsTotal: total, excluded: 0 })
		expect(calculation.pointsTotal).not.toBe(calculation.fullMarks)
		expect(calculation.level).toBeNull()
	})
})

describe('exclusionsOf', () => {
	test('BAC: a whole exclusion, sub-requirements out of the involved total (per-met) and kept in it (deduct-per-unmet)', () => {
		const scheme = getScheme('bac-fr01-2021')!
		const input = assessment('bac-fr01-2021', {
			'5.2.1': { checks: [true, 'na', true], reason: '不销售需安装的商品' },
			'5.2.2': { checks: [true, 'na', true, true], reason: '无远程支持' },
			'5.2.6': { checks: ['na', 'na'], reason: '不涉及废弃商品回收' },
		})
		const exclusions = exclusionsOf(scheme, input, scoreAssessment(scheme, input))
		expect(exclusions).toEqual([
			expect.objectContaining({
				id: '5.2.1',
				whole: false,
				notApplicable: [2],
				full: 6,
				involved: 4,
				removed: 2,
				reason: '不销售需安装的商品',
			}),
			expect.objectContaining({ id: '5.2.2', whole: false, notApplicable: [2], removed: 0 }),
			expect.objectContaining({ id: '5.2.6', whole: true, notApplicable: [1, 2], removed: 2 }),
		])
	})

	test('nothing excluded: nothing listed; a blank reason is no reason', () => {
		const scheme = getScheme('gbt27922-2011')!
		const full = assessment('gbt27922-2011', {})
		expect(exclusionsOf(scheme, full, scoreAssessment(scheme, full))).toEqual([])
		const blank = assessment('gbt27922-2011', { '5.2.1.2': { na: true, reason: ' ' } })
		expect(exclusionsOf(scheme, blank, scoreAssessment(scheme, blank))[0]?.reason).toBeNull()
	})
})

describe('sectionsOf', () => {
	test('earned share per section to one decimal; none for a section excluded in whole', () => {
		const scheme = getScheme('gbt27922-2011')!
		const input = assessment('gbt27922-2011', { '5.3.2.2': { fraction: 0 } })
		const sections = sectionsOf(scheme, scoreAssessment(scheme, input))
		const s53 = sections.find((section) => section.id === '5.3')!
		expect(s53.lost).toBe(7)
		expect(s53.rate).toBe(Math.round((s53.earned / s53.involved) * 100 * 10) / 10)
		expect(sections.find((section) => section.id === '5.1')!.rate).toBe(100)

		// a section whose every indicator is excluded has no share to show
		const result = scoreAssessment(scheme, input)
		const emptied = {
			...result,
			sections: result.sections.map((section) =>
				section.id === '5.2' ? { ...section, involved: 0, earned: 0 } : section,
			),
		}
		expect(sectionsOf(scheme, emptied).find((section) => section.id === '5.2')!.rate).toBeNull()
	})
})
