import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schemes } from '../schemes/index.ts'
import { scoreAssessment } from '../scoring/score.ts'
import type { AssessmentV1 } from '../scoring/types.ts'
import { whatIf } from './what-if.ts'
import {
	assessment,
	assessmentArbitrary,
	checksWithUnmet,
	deduction,
	fullAnswers,
	indicatorById,
	schemeById,
} from './test-support.ts'

const bac = schemeById('bac-fr01-2021')
const gbt = schemeById('gbt27922-2011')

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value)
		for (const key of Object.keys(value)) deepFreeze(Reflect.get(value, key))
	}
	return value
}

describe('whatIf', () => {
	// BAC with 5.1.3 (2) and 5) unmet: 0 of 6) and 5.2.4 (1) unmet: 8 of 10): 92, 四星级
	const answers = fullAnswers(bac)
	answers['5.1.3'] = checksWithUnmet(indicatorById(bac, '5.1.3'), [2, 5])
	answers['5.2.4'] = checksWithUnmet(indicatorById(bac, '5.2.4'), [1])

	it('scores hypothetical answers and leaves the real ones untouched', () => {
		const original = deepFreeze(assessment(bac, answers))
		const snapshot = structuredClone(original)
		const result = whatIf(bac, original, {
			answers: { '5.1.3': { checks: [true, true, true, true, true, true, true] } },
		})
		if (!result.ok) throw new Error(result.error)
		expect([result.before.score, result.before.level?.name]).toEqual([92, '四星级'])
		expect([result.after.score, result.after.level?.name]).toEqual([98, '五星级'])
		expect(result.scoreChange).toBe(6)
		expect(result.levelChange).toBe('up')
		expect(result.passChange).toBe('same')
		expect(result.indicators).toEqual([
			{
				id: '5.1.3',
				before: { id: '5.1.3', full: 6, involved: 6, earned: 0, excluded: false },
				after: { id: '5.1.3', full: 6, involved: 6, earned: 6, excluded: false },
			},
		])
		expect(original).toEqual(snapshot)
		expect(scoreAssessment(bac, original).score).toBe(92)
		// structural sharing: a new answers object, the unchanged answers themselves shared
		expect(result.assessment).not.toBe(original)
		expect(result.assessment.answers).not.toBe(original.answers)
		expect(result.assessment.answers['5.2.4']).toBe(original.answers['5.2.4'])
	})

	it('makes an indicator unanswered with null and excludes with na', () => {
		const original = deepFreeze(assessment(bac, answers))
		const result = whatIf(bac, original, {
			answers: { '5.3.1': null, '5.2.6': { na: true, reason: '不销售需回收的商品' } },
		})
		if (!result.ok) throw new Error(result.error)
		// 5.3.1 earns 0 instead of 15 and 5.2.6's 2 leave both totals: 75 of 98, 76.530… → 76.53
		expect(result.after.score).toBe(76.53)
		expect(result.after.complete).toBe(false)
		expect(result.levelChange).toBe('down')
		expect(result.scoreChange).toBe(-15.47)
		expect(Object.hasOwn(result.assessment.answers, '5.3.1')).toBe(false)
		expect(Object.hasOwn(original.answers, '5.3.1')).toBe(true)
		expect(result.indicators.map((change) => change.id)).toEqual(['5.2.6', '5.3.1'])
	})

	it('clears, adds and removes special items', () => {
		// GB/T 27922 at 80 with five deductions: 75, fails; without them 80, 三星级
		const gbtAnswers = fullAnswers(gbt)
		gbtAnswers['5.3.2.2'] = { fraction: 0 }
		gbtAnswers['5.1.5.2'] = { fraction: 0 }
		gbtAnswers['5.1.7.3'] = { fraction: 0 }
		gbtAnswers['5.3.1.5'] = { fraction: 0.5 }
		gbtAnswers['5.1.4.1'] = { fraction: 0.75 }
		gbtAnswers['5.3.1.4'] = { fraction: 0.7 }
		const original = deepFreeze(assessment(gbt, gbtAnswers, { deductions: 5, bonus: true }))
		const cleared = whatIf(gbt, original, { specialDeductions: [] })
		if (!cleared.ok) throw new Error(cleared.error)
		expect([cleared.before.score, cleared.before.passed]).toEqual([76, false])
		expect([cleared.after.score, cleared.after.passed, cleared.after.level?.key]).toEqual([
			81,
			true,
			'star-3',
		])
		expect(cleared.passChange).toBe('up')
		expect(cleared.levelChange).toBe('up')
		expect(cleared.scoreChange).toBe(5)
		expect(cleared.indicators).toEqual([])
		const noBonus = whatIf(gbt, original, { specialBonus: null, specialDeductions: [deduction] })
		if (!noBonus.ok) throw new Error(noBonus.error)
		expect(noBonus.after.score).toBe(79)
		expect(noBonus.assessment.specialBonus).toBeUndefined()
		expect(original.specialBonus).toBeDefined()
		expect(original.specialDeductions).toHaveLength(5)
	})

	it('refuses changes the scheme does not accept, naming the rule', () => {
		const original = assessment(gbt, fullAnswers(gbt))
		expect(whatIf(gbt, original, { answers: { '5.1.2.2': { fraction: 1.5 } } })).toEqual({
			ok: false,
			error: 'indicator 5.1.2.2: fraction 1.5 is outside 0–1 (得分比例须在 0–1 之间)',
		})
		const unknown = whatIf(gbt, original, { answers: { '5.9': { fraction: 1 } } })
		expect(unknown.ok).toBe(false)
		const notExcludable = whatIf(gbt, original, {
			answers: { '5.1.2.2': { na: true, reason: '不适用' } },
		})
		expect(notExcludable.ok).toBe(false)
	})

	for (const scheme of schemes) {
		it(`on random ${scheme.id} assessments: no change changes nothing, and the original stays as it was`, () => {
			fc.assert(
				fc.property(assessmentArbitrary(scheme), assessmentArbitrary(scheme), (a, b) => {
					const original: AssessmentV1 = deepFreeze(a)
					const snapshot = structuredClone(a)
					const same = whatIf(scheme, original, {})
					if (!same.ok) throw new Error(same.error)
					expect(same.after).toEqual(same.before)
					expect([same.scoreChange, same.levelChange, same.indicators]).toEqual([0, 'same', []])
					// every answer of b over a, and b's special items: b's own score
					const replaced = whatIf(scheme, original, {
						answers: Object.fromEntries(
							Object.keys({ ...a.answers, ...b.answers }).map((id) => [id, b.answers[id] ?? null]),
						),
						specialDeductions: b.specialDeductions ?? [],
						specialBonus: b.specialBonus ?? null,
					})
					if (!replaced.ok) throw new Error(replaced.error)
					expect(replaced.after).toEqual(scoreAssessment(scheme, b))
					expect(original).toEqual(snapshot)
				}),
				{ numRuns: 40 },
			)
		})
	}
})
