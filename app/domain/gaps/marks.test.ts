import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schemes, schemeIndicators } from '../schemes/index.ts'
import { scoreAssessment } from '../scoring/score.ts'
import { compare, rational, toNumber } from '../scoring/rational.ts'
import type { AnswerV1 } from '../scoring/types.ts'
import { validateAssessment } from '../scoring/validate.ts'
import { exactScore, formatNumber, fullMarksAnswer, indicatorMarks } from './marks.ts'
import { assessmentArbitrary } from './test-support.ts'

describe('exactScore agrees with scoreAssessment', () => {
	for (const scheme of schemes) {
		it(`on random valid ${scheme.id} assessments`, () => {
			fc.assert(
				fc.property(assessmentArbitrary(scheme), (assessment) => {
					const validated = validateAssessment(assessment, (id) =>
						id === scheme.id ? scheme : undefined,
					)
					expect(validated.ok).toBe(true)
					const result = scoreAssessment(scheme, assessment)
					const exact = exactScore(scheme, assessment)
					expect({
						earned: toNumber(exact.earned),
						involved: toNumber(exact.involved),
						normalised: toNumber(exact.normalised),
						score: toNumber(exact.score),
						passed: exact.passed,
						level: exact.level?.key ?? (exact.passed === false ? 'fail' : null),
						deductions: exact.deductions,
						bonus: exact.bonus,
						indicators: exact.entries.map((entry) => ({
							id: entry.indicator.id,
							full: entry.indicator.points,
							involved: toNumber(entry.marks.involved),
							earned: toNumber(entry.marks.earned),
							excluded: entry.marks.excluded,
						})),
					}).toEqual({
						earned: result.earned,
						involved: result.involvedMarks,
						normalised: result.normalised,
						score: result.score,
						passed: result.passed,
						level: result.level?.key ?? null,
						deductions: result.specialDeductions,
						bonus: result.specialBonus,
						indicators: result.indicators,
					})
				}),
				{ numRuns: 150 },
			)
		})
	}
})

describe('fullMarksAnswer', () => {
	for (const scheme of schemes) {
		it(`earns every involved mark and keeps the involved marks on ${scheme.id}`, () => {
			fc.assert(
				fc.property(assessmentArbitrary(scheme), (assessment) => {
					const changes = schemeIndicators(scheme).flatMap(({ indicator }) => {
						const answer = assessment.answers[indicator.id]
						const before = indicatorMarks(indicator, answer)
						const after = indicatorMarks(indicator, fullMarksAnswer(scheme, indicator, answer))
						return after.excluded === before.excluded &&
							compare(after.involved, before.involved) === 0 &&
							compare(after.earned, after.involved) === 0
							? []
							: [indicator.id]
					})
					expect(changes).toEqual([])
				}),
				{ numRuns: 50 },
			)
		})
	}

	it('keeps exclusions, not-applicable checks, assessors, sample size, notes and evidence', () => {
		const bac = schemes.find((scheme) => scheme.id === 'bac-fr01-2021')
		const dni = schemes.find((scheme) => scheme.id === 'dni-cts-0301-2025')
		const gbt = schemes.find((scheme) => scheme.id === 'gbt27922-2011')
		if (!bac || !dni || !gbt) throw new Error('scheme missing')
		const byId = (scheme: typeof bac, id: string) => {
			const found = schemeIndicators(scheme).find((entry) => entry.indicator.id === id)
			if (!found) throw new Error(`no ${id}`)
			return found.indicator
		}
		const na: AnswerV1 = { na: true, reason: '不销售需回收的商品' }
		expect(fullMarksAnswer(bac, byId(bac, '5.2.6'), na)).toBe(na)
		expect(
			fullMarksAnswer(bac, byId(bac, '5.2.4'), {
				checks: [false, 'na', true, false, true, true, true],
				reason: '不提供代用品',
				note: '见记录',
			}),
		).toEqual({
			checks: [true, 'na', true, true, true, true, true],
			reason: '不提供代用品',
			note: '见记录',
		})
		expect(fullMarksAnswer(dni, byId(dni, '5.2.1.1'), { percent: [40, 60, 65] })).toEqual({
			percent: [100, 100, 100],
		})
		expect(
			fullMarksAnswer(gbt, byId(gbt, '5.2.4.3'), {
				samples: { checked: 12, nonconforming: 3, population: 18 },
				evidence: ['抽样记录.pdf'],
			}),
		).toEqual({
			samples: { checked: 12, nonconforming: 0, population: 18 },
			evidence: ['抽样记录.pdf'],
		})
		expect(fullMarksAnswer(bac, byId(bac, '5.1.3'), undefined)).toEqual({
			checks: [true, true, true, true, true, true, true],
		})
		expect(fullMarksAnswer(dni, byId(dni, '5.2.1.1'), undefined)).toEqual({ percent: 100 })
		expect(fullMarksAnswer(gbt, byId(gbt, '5.2.1.1'), undefined)).toEqual({ fraction: 1 })
	})
})

describe('formatNumber', () => {
	it('rounds half up to two decimals and drops trailing zeros', () => {
		expect(formatNumber(rational(43, 10))).toBe('4.3')
		expect(formatNumber(rational(85))).toBe('85')
		expect(formatNumber(rational(200, 3))).toBe('66.67')
		expect(formatNumber(rational(16941, 200))).toBe('84.71')
		expect(formatNumber(rational(-201, 200))).toBe('-1')
	})
})
