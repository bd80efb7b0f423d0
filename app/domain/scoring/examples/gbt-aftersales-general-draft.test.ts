import { describe, expect, test } from 'vitest'
import generalInput from '../../schemes/data/gbt-aftersales-general-draft.ts'
import { loadScheme, schemeIndicators } from '../../schemes/load-scheme.ts'
import { scoreJson } from '../index.ts'
import { scoreAssessment } from '../score.ts'
import type { AnswerV1, AssessmentV1 } from '../types.ts'
import { validateAssessment } from '../validate.ts'

const scheme = loadScheme(generalInput)
const ids = schemeIndicators(scheme).map((e) => e.indicator.id)

const conform: AnswerV1 = { fraction: 1 }
const partial: AnswerV1 = { fraction: 0.5 }
const not: AnswerV1 = { fraction: 0 }
const na = (reason: string): AnswerV1 => ({ na: true, reason })

function assessment(answers: Record<string, AnswerV1>): AssessmentV1 {
	return { format: 'aftersales-assessment/v1', scheme: 'gbt-aftersales-general-draft', answers }
}

function validate(input: unknown) {
	return validateAssessment(input, (id) => (id === scheme.id ? scheme : undefined))
}

function score(answers: Record<string, AnswerV1>) {
	const checked = validate(assessment(answers))
	if (!checked.ok) throw new Error(checked.error)
	return scoreAssessment(checked.scheme, checked.assessment)
}

/** Every requirement conform, then the given answers on top. */
function allConform(overrides: Record<string, AnswerV1> = {}) {
	return { ...Object.fromEntries(ids.map((id) => [id, conform])), ...overrides }
}

describe('gbt-aftersales-general-draft worked examples', () => {
	// 43 requirements, all conform: sum 43, applicable 43 → 43 / 43 × 100 = 100.
	// No pass mark and no level: passed null, level null.
	test('all conform', () => {
		const result = score(allConform())
		expect(result).toMatchObject({
			scheme: 'gbt-aftersales-general-draft',
			fullMarks: 100,
			involvedMarks: 43,
			earned: 43,
			normalised: 100,
			specialDeductions: 0,
			specialBonus: 0,
			score: 100,
			passed: null,
			level: null,
			complete: true,
			warnings: [],
		})
		expect(result.sections).toEqual([
			{ id: '4', name: '总则', full: 4, involved: 4, earned: 4 },
			{ id: '5', name: '服务提供者', full: 21, involved: 21, earned: 21 },
			{ id: '6', name: '服务人员', full: 4, involved: 4, earned: 4 },
			{ id: '7', name: '服务资源', full: 3, involved: 3, earned: 3 },
			{ id: '8', name: '服务交付', full: 7, involved: 7, earned: 7 },
			{ id: '9', name: '服务结果', full: 4, involved: 4, earned: 4 },
		])
	})

	// 40 conform, partial 5.6.1.2 and 8.4.2 (0.5 each), not 5.2.4 (0):
	// sum = 40 + 0.5 + 0.5 + 0 = 41, applicable 43 → 41 / 43 × 100 = 4100 / 43 = 95.348837… → 95.35.
	test('conform, partial and not', () => {
		const result = score(allConform({ '5.6.1.2': partial, '8.4.2': partial, '5.2.4': not }))
		expect(result.earned).toBe(41)
		expect(result.involvedMarks).toBe(43)
		expect(result.normalised).toBe(4100 / 43)
		expect(result.score).toBe(95.35)
		expect(result.passed).toBeNull()
		expect(result.level).toBeNull()
		expect(result.indicators.find((i) => i.id === '8.4.2')).toEqual({
			id: '8.4.2',
			full: 1,
			involved: 1,
			earned: 0.5,
			excluded: false,
		})
	})

	// n.a.: 5.6.2.4, 8.4.3, 5.7.2 → applicable 43 − 3 = 40. Not: 7.2, 9.1.3. Conform: the other 38.
	// 38 / 40 × 100 = 95 → 95.00. Section 5: 21 − 2 = 19 applicable, all conform.
	test('not applicable leaves the count of applicable requirements', () => {
		const result = score(
			allConform({
				'5.6.2.4': na('不通过网络提供服务'),
				'8.4.3': na('服务均为无偿服务，不发生退款'),
				'5.7.2': na('不派出现场服务人员'),
				'7.2': not,
				'9.1.3': not,
			}),
		)
		expect(result.involvedMarks).toBe(40)
		expect(result.earned).toBe(38)
		expect(result.score).toBe(95)
		expect(result.sections.find((s) => s.id === '5')).toEqual({
			id: '5',
			name: '服务提供者',
			full: 21,
			involved: 19,
			earned: 19,
		})
		expect(result.indicators.find((i) => i.id === '8.4.3')).toEqual({
			id: '8.4.3',
			full: 1,
			involved: 0,
			earned: 0,
			excluded: true,
		})
	})

	// Only the first 16 requirements apply (4.1.1 … 5.6.1.1); the other 27 are n.a.
	// Of the 16: 12 conform, 5.4.2 partial, 5.5.1 + 5.5.2 + 5.6.1.1 not.
	// 12.5 / 16 × 100 = 78.125 → 78.13 (half up).
	test('rounding half-up', () => {
		const answers: Record<string, AnswerV1> = {}
		ids.forEach((id, i) => {
			answers[id] = i < 16 ? conform : na('不在本次评价范围')
		})
		Object.assign(answers, { '5.4.2': partial, '5.5.1': not, '5.5.2': not, '5.6.1.1': not })
		expect(ids.indexOf('5.6.1.1')).toBe(15)
		const result = score(answers)
		expect(result.involvedMarks).toBe(16)
		expect(result.earned).toBe(12.5)
		expect(result.normalised).toBe(78.125)
		expect(result.score).toBe(78.13)
	})

	// Every requirement partial: 43 × 0.5 = 21.5; 21.5 / 43 × 100 = 50.
	test('all partial is 50 %', () => {
		const result = score(Object.fromEntries(ids.map((id) => [id, partial])))
		expect(result.earned).toBe(21.5)
		expect(result.score).toBe(50)
		expect(result.level).toBeNull()
	})

	// Only the first 10 requirements answered, all conform (4.1.1 … 5.3.1: 4 of chapter 4, 6 of
	// chapter 5); the 33 unanswered stay applicable and earn 0:
	// 10 / 43 × 100 = 1000 / 43 = 23.255813… → 23.26, complete false.
	// Nothing answered: 0 / 43 → 0, complete false.
	test('incomplete answers', () => {
		const result = score(Object.fromEntries(ids.slice(0, 10).map((id) => [id, conform])))
		expect(result.involvedMarks).toBe(43)
		expect(result.earned).toBe(10)
		expect(result.normalised).toBe(1000 / 43)
		expect(result.score).toBe(23.26)
		expect(result.complete).toBe(false)
		expect(result.passed).toBeNull()
		expect(result.level).toBeNull()
		expect(result.sections.slice(0, 2)).toEqual([
			{ id: '4', name: '总则', full: 4, involved: 4, earned: 4 },
			{ id: '5', name: '服务提供者', full: 21, involved: 21, earned: 6 },
		])
		const empty = score({})
		expect(empty).toMatchObject({
			involvedMarks: 43,
			earned: 0,
			score: 0,
			passed: null,
			level: null,
			complete: false,
		})
	})

	const allNa = Object.fromEntries(ids.map((id) => [id, na('不适用')]))
	test.each<[string, unknown, string]>([
		['every requirement n.a.', assessment(allNa), 'gbt-aftersales-general-draft'],
		['n.a. without a reason', assessment({ '7.3': { na: true, reason: '' } }), '7.3'],
		['a fraction other than 0, 0.5 or 1', assessment({ '5.1': { fraction: 0.25 } }), '5.1'],
		[
			'sample counts',
			assessment({ '9.1.1': { samples: { checked: 5, nonconforming: 1 } } }),
			'9.1.1',
		],
		['a context clause', assessment({ '8.1': conform }), '8.1'],
		['the draft’s misprinted number 5.1.7.1', assessment({ '5.1.7.1': conform }), '5.1.7.1'],
	])('refuses %s', (_, input, named) => {
		const checked = validate(input)
		expect(checked.ok).toBe(false)
		if (!checked.ok) expect(checked.error).toContain(named)
	})

	// Through the registered scheme and JSON text: 8.4.2 partial, 5.6.2.4 n.a., the other 41
	// conform → 41.5 / 42 × 100 = 98.809523… → 98.81; no level, no pass/fail.
	test('the registered scheme scores JSON text the same way', () => {
		const text = JSON.stringify(
			assessment(allConform({ '8.4.2': partial, '5.6.2.4': na('不通过网络提供服务') })),
		)
		const scored = scoreJson(text)
		expect(scored.ok && scored.result).toMatchObject({
			involvedMarks: 42,
			earned: 41.5,
			score: 98.81,
			passed: null,
			level: null,
		})
	})
})
