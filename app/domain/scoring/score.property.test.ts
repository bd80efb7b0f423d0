import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { schemeIndicators, schemes } from '../schemes/index.ts'
import type { Indicator, Scheme } from '../schemes/scheme-schema.ts'
import { scoreJson } from './index.ts'
import { add, fromDecimal, rational, roundHalfUp, toNumber } from './rational.ts'
import { scoreAssessment } from './score.ts'
import { fixtureSchemes } from './test-fixtures.ts'
import type { AnswerV1, AssessmentV1 } from './types.ts'
import { validateAssessment } from './validate.ts'

// a few hundred runs over 83-indicator schemes take seconds on a busy machine
const SLOW = { timeout: 60_000 }

const allSchemes: readonly Scheme[] = [...schemes, ...fixtureSchemes]
const lookup = (id: string) => allSchemes.find((scheme) => scheme.id === id)

/** Decimals as people type them, and arbitrary doubles (0.30000000000000004, 5e-324 …). */
function share(): fc.Arbitrary<number> {
	return fc.oneof(
		fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
		fc.constantFrom(0, 0.5, 1, 0.7, 0.8),
		fc.double({ min: 0, max: 1, noNaN: true }),
	)
}

function percent(): fc.Arbitrary<number> {
	return fc.oneof(
		fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
		fc.double({ min: 0, max: 100, noNaN: true }),
	)
}

const reason = fc.constantFrom('不涉及', '不销售需回收的商品', 'n/a')

function answerFor(scheme: Scheme, indicator: Indicator): fc.Arbitrary<AnswerV1> {
	const shapes: fc.Arbitrary<AnswerV1>[] = []
	if (indicator.excludable) shapes.push(reason.map((text) => ({ na: true, reason: text })))
	switch (scheme.answerMode) {
		case 'fraction':
			shapes.push(share().map((fraction) => ({ fraction })))
			if (indicator.sampling)
				shapes.push(
					fc
						.record({
							checked: fc.integer({ min: 1, max: 60 }),
							ratio: fc.double({ min: 0, max: 1, noNaN: true }),
							extra: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
							allSitesCovered: fc.option(fc.boolean(), { nil: undefined }),
						})
						.map(({ checked, ratio, extra, allSitesCovered }) => ({
							samples: {
								checked,
								nonconforming: Math.floor(ratio * checked),
								...(extra === undefined ? {} : { population: checked + extra }),
								...(allSitesCovered === undefined ? {} : { allSitesCovered }),
							},
						})),
				)
			break
		case 'checklist':
			shapes.push(fc.constantFrom(0, 0.5, 1).map((fraction) => ({ fraction })))
			break
		case 'percent':
			shapes.push(
				fc
					.oneof(percent(), fc.array(percent(), { minLength: 1, maxLength: 5 }))
					.map((value) => ({ percent: value })),
			)
			break
		case 'checks': {
			const count = indicator.subRequirements?.length ?? 0
			const check = indicator.subRequirementsExcludable
				? fc.constantFrom<true | false | 'na'>(true, false, 'na')
				: fc.boolean()
			shapes.push(
				fc
					.tuple(fc.array(check, { minLength: count, maxLength: count }), reason)
					.filter(([checks]) => indicator.excludable || checks.some((value) => value !== 'na'))
					.map(([checks, text]) => (checks.includes('na') ? { checks, reason: text } : { checks })),
			)
			break
		}
	}
	return fc.oneof(...shapes)
}

/** A valid assessment: any mix of unanswered, excluded and answered indicators. */
function assessmentFor(scheme: Scheme): fc.Arbitrary<AssessmentV1> {
	const indicators = schemeIndicators(scheme).map(({ indicator }) => indicator)
	const answers = fc
		.tuple(
			...indicators.map((indicator) =>
				fc.option(answerFor(scheme, indicator), { nil: undefined, freq: 4 }),
			),
		)
		.map((chosen) => {
			const out: Record<string, AnswerV1> = {}
			chosen.forEach((answer, i) => {
				const indicator = indicators[i]
				if (answer !== undefined && indicator) out[indicator.id] = answer
			})
			return out
		})
	type Special = {
		specialDeductions: { description: string; correctiveAction: string }[]
		bonus: boolean
	}
	const special: fc.Arbitrary<Special> = scheme.specialItems
		? fc.record({
				specialDeductions: fc.array(
					fc.record({
						description: fc.constant('未按承诺上门'),
						correctiveAction: fc.constant('整改派工'),
					}),
					{ maxLength: 6 },
				),
				bonus: fc.boolean(),
			})
		: fc.constant({ specialDeductions: [], bonus: false })
	return fc
		.tuple(answers, special)
		.map(([answerMap, { specialDeductions, bonus }]) => ({
			format: 'aftersales-assessment/v1' as const,
			scheme: scheme.id,
			answers: answerMap,
			...(specialDeductions.length ? { specialDeductions } : {}),
			...(bonus ? { specialBonus: { justification: '行业领先' } } : {}),
		}))
		.filter((candidate) => validateAssessment(candidate, lookup).ok)
}

const schemeAndAssessment = fc
	.constantFrom(...allSchemes)
	.chain((scheme) => assessmentFor(scheme).map((assessment) => ({ scheme, assessment })))

describe('random valid assessments', () => {
	test('are accepted, score without throwing, and hold the result invariants', SLOW, () => {
		fc.assert(
			fc.property(schemeAndAssessment, ({ scheme, assessment }) => {
				const result = scoreAssessment(scheme, assessment)
				expect(result.involvedMarks).toBeGreaterThan(0)
				const total = result.sections.reduce((sum, section) => sum + section.full, 0)
				expect(result.involvedMarks).toBeLessThanOrEqual(total + 1e-9)
				expect(result.earned).toBeGreaterThanOrEqual(0)
				expect(result.earned).toBeLessThanOrEqual(result.involvedMarks)
				const expected = roundHalfUp(
					add(
						fromDecimal(result.normalised),
						rational(result.specialBonus - result.specialDeductions),
					),
					2,
				)
				// the score is rounded from the exact normalised value, which the double only approximates
				expect(Math.abs(result.score - toNumber(expected))).toBeLessThanOrEqual(0.01)
				expect(result.indicators.map((entry) => entry.id)).toEqual(
					schemeIndicators(scheme).map((entry) => entry.indicator.id),
				)
				expect(result.complete).toBe(
					result.indicators.every((entry) => entry.id in assessment.answers),
				)
				if (scheme.passMark === null) {
					expect(result.passed).toBeNull()
					expect(result.level).toBeNull()
				} else {
					expect(result.passed).toBe(result.level?.key !== 'fail')
				}
			}),
			{ numRuns: 300 },
		)
	})

	test('are deterministic, also after a JSON round trip', SLOW, () => {
		fc.assert(
			fc.property(schemeAndAssessment, ({ scheme, assessment }) => {
				const first = scoreAssessment(scheme, assessment)
				const text = JSON.stringify(assessment)
				const again = validateAssessment(JSON.parse(text), lookup)
				expect(again.ok).toBe(true)
				if (again.ok) expect(scoreAssessment(again.scheme, again.assessment)).toEqual(first)
				expect(scoreAssessment(scheme, assessment)).toEqual(first)
			}),
			{ numRuns: 200 },
		)
	})
})

/** A better answer of the same shape: more achieved, fewer nonconforming, more checks met. */
function improve(
	scheme: Scheme,
	indicator: Indicator,
	answer: AnswerV1 | undefined,
	t: number,
): AnswerV1 {
	if (answer === undefined || 'na' in answer) {
		switch (scheme.answerMode) {
			case 'percent':
				return { percent: 100 * t }
			case 'checks':
				return { checks: (indicator.subRequirements ?? []).map((_, i) => i / 7 < t) }
			case 'checklist':
				return { fraction: t < 0.5 ? 0 : 1 }
			case 'fraction':
				return { fraction: t }
		}
	}
	if ('fraction' in answer) {
		if (scheme.answerMode === 'checklist')
			return { fraction: answer.fraction === 0 && t > 0.5 ? 0.5 : 1 }
		return { fraction: Math.min(1, answer.fraction + t * (1 - answer.fraction)) }
	}
	if ('samples' in answer) {
		const { nonconforming } = answer.samples
		return { samples: { ...answer.samples, nonconforming: Math.floor(nonconforming * (1 - t)) } }
	}
	if ('percent' in answer) {
		const raise = (value: number) => Math.min(100, value + t * (100 - value))
		return {
			percent: Array.isArray(answer.percent) ? answer.percent.map(raise) : raise(answer.percent),
		}
	}
	return {
		...answer,
		checks: answer.checks.map((check, i) => (check === false && i / 7 < t ? true : check)),
	}
}

describe('monotonicity and independence', () => {
	const withIndicator = schemeAndAssessment.chain(({ scheme, assessment }) => {
		const indicators = schemeIndicators(scheme).map((entry) => entry.indicator)
		return fc
			.record({
				index: fc.nat({ max: indicators.length - 1 }),
				t: fc.double({ min: 0, max: 1, noNaN: true }),
			})
			.map(({ index, t }) => ({ scheme, assessment, indicator: indicators[index]!, t }))
	})

	test('the score never decreases when an answer improves', SLOW, () => {
		fc.assert(
			fc.property(withIndicator, ({ scheme, assessment, indicator, t }) => {
				const before = assessment.answers[indicator.id]
				// unanswered → answered, or a better answer of the same kind; an exclusion is not a gain
				fc.pre(before === undefined || !('na' in before))
				const better = improve(scheme, indicator, before, t)
				const improved = {
					...assessment,
					answers: { ...assessment.answers, [indicator.id]: better },
				}
				expect(validateAssessment(improved, lookup)).toMatchObject({ ok: true })
				const a = scoreAssessment(scheme, assessment)
				const b = scoreAssessment(scheme, improved)
				expect(b.earned).toBeGreaterThanOrEqual(a.earned)
				expect(b.normalised).toBeGreaterThanOrEqual(a.normalised)
				expect(b.score).toBeGreaterThanOrEqual(a.score)
				if (a.passed) expect(b.passed).toBe(true)
			}),
			{ numRuns: 400 },
		)
	})

	test("an exclusion never changes the other indicators' points", SLOW, () => {
		fc.assert(
			fc.property(withIndicator, ({ scheme, assessment, indicator }) => {
				fc.pre(indicator.excludable)
				const excluded = {
					...assessment,
					answers: {
						...assessment.answers,
						[indicator.id]: { na: true as const, reason: '不涉及' },
					},
				}
				fc.pre(validateAssessment(excluded, lookup).ok)
				const others = (result: ReturnType<typeof scoreAssessment>) =>
					result.indicators.filter((entry) => entry.id !== indicator.id)
				const after = scoreAssessment(scheme, excluded)
				expect(others(after)).toEqual(others(scoreAssessment(scheme, assessment)))
				expect(after.indicators.find((entry) => entry.id === indicator.id)).toMatchObject({
					involved: 0,
					earned: 0,
					excluded: true,
				})
			}),
			{ numRuns: 300 },
		)
	})
})

type Mutation = {
	name: string
	applies: (scheme: Scheme) => boolean
	apply: (doc: Record<string, unknown>, scheme: Scheme) => void
}

function first(
	scheme: Scheme,
	where: (indicator: Indicator) => boolean = () => true,
): Indicator | undefined {
	return schemeIndicators(scheme)
		.map((entry) => entry.indicator)
		.find(where)
}

function setAnswer(doc: Record<string, unknown>, id: string, answer: unknown) {
	const answers = doc.answers
	if (typeof answers === 'object' && answers !== null) Reflect.set(answers, id, answer)
}

const mutations: Mutation[] = [
	{
		name: 'format',
		applies: () => true,
		apply: (doc) => void (doc.format = 'aftersales-assessment/v2'),
	},
	{ name: 'scheme', applies: () => true, apply: (doc) => void (doc.scheme = 'no-such-scheme') },
	{
		name: 'unknown id',
		applies: () => true,
		apply: (doc) => setAnswer(doc, '9.9.9.9', { fraction: 1 }),
	},
	{ name: 'top-level key', applies: () => true, apply: (doc) => void (doc.indicators = []) },
	{
		name: 'fraction above 1',
		applies: (scheme) => scheme.answerMode === 'fraction' || scheme.answerMode === 'checklist',
		apply: (doc, scheme) => setAnswer(doc, first(scheme)!.id, { fraction: 1.0000001 }),
	},
	{
		name: 'checklist fraction',
		applies: (scheme) => scheme.answerMode === 'checklist',
		apply: (doc, scheme) => setAnswer(doc, first(scheme)!.id, { fraction: 0.25 }),
	},
	{
		name: 'percent above 100',
		applies: (scheme) => scheme.answerMode === 'percent',
		apply: (doc, scheme) => setAnswer(doc, first(scheme)!.id, { percent: [50, 100.5] }),
	},
	{
		name: 'wrong shape',
		applies: () => true,
		apply: (doc, scheme) =>
			setAnswer(
				doc,
				first(scheme)!.id,
				scheme.answerMode === 'percent' ? { fraction: 0.5 } : { percent: 50 },
			),
	},
	{
		name: 'wrong number of checks',
		applies: (scheme) => scheme.answerMode === 'checks',
		apply: (doc, scheme) => {
			const indicator = first(scheme)!
			setAnswer(doc, indicator.id, {
				checks: [...(indicator.subRequirements ?? []), 0].map(() => true),
			})
		},
	},
	{
		name: 'forbidden exclusion',
		applies: (scheme) => first(scheme, (indicator) => !indicator.excludable) !== undefined,
		apply: (doc, scheme) =>
			setAnswer(doc, first(scheme, (indicator) => !indicator.excludable)!.id, {
				na: true,
				reason: '无',
			}),
	},
	{
		name: 'blank reason',
		applies: (scheme) => first(scheme, (indicator) => indicator.excludable) !== undefined,
		apply: (doc, scheme) =>
			setAnswer(doc, first(scheme, (indicator) => indicator.excludable)!.id, {
				na: true,
				reason: ' ',
			}),
	},
	{
		name: 'nonconforming above checked',
		applies: (scheme) => first(scheme, (indicator) => indicator.sampling === true) !== undefined,
		apply: (doc, scheme) =>
			setAnswer(doc, first(scheme, (indicator) => indicator.sampling === true)!.id, {
				samples: { checked: 2, nonconforming: 3 },
			}),
	},
	{
		name: 'special items where there are none',
		applies: (scheme) => !scheme.specialItems,
		apply: (doc) =>
			void (doc.specialDeductions = [{ description: '超时', correctiveAction: '整改' }]),
	},
	{
		name: 'blank corrective action',
		applies: (scheme) => scheme.specialItems,
		apply: (doc) => void (doc.specialDeductions = [{ description: '超时', correctiveAction: '' }]),
	},
	{
		name: 'two bonuses',
		applies: (scheme) => scheme.specialItems,
		apply: (doc) => void (doc.specialBonus = [{ justification: 'a' }, { justification: 'b' }]),
	},
	{
		name: 'unknown key in an answer',
		applies: () => true,
		apply: (doc, scheme) => {
			const id = first(scheme)!.id
			const answers = doc.answers
			const answer =
				typeof answers === 'object' && answers !== null ? Reflect.get(answers, id) : undefined
			setAnswer(doc, id, { ...(answer ?? { na: true, reason: 'x' }), colour: 'red' })
		},
	},
	{
		name: 'everything excluded',
		applies: (scheme) => schemeIndicators(scheme).every((entry) => entry.indicator.excludable),
		apply: (doc, scheme) => {
			for (const { indicator } of schemeIndicators(scheme))
				setAnswer(doc, indicator.id, { na: true, reason: '无' })
		},
	},
]

describe('random invalid assessments', () => {
	test('never produce a score', SLOW, () => {
		const invalid = schemeAndAssessment.chain(({ scheme, assessment }) =>
			fc
				.constantFrom(...mutations.filter((mutation) => mutation.applies(scheme)))
				.map((mutation) => ({ scheme, assessment, mutation })),
		)
		fc.assert(
			fc.property(invalid, ({ scheme, assessment, mutation }) => {
				const doc: Record<string, unknown> = JSON.parse(JSON.stringify(assessment))
				mutation.apply(doc, scheme)
				const result = validateAssessment(doc, lookup)
				expect(result.ok, mutation.name).toBe(false)
				if (schemes.includes(scheme))
					expect(scoreJson(JSON.stringify(doc)).ok, mutation.name).toBe(false)
			}),
			{ numRuns: 400 },
		)
	})

	test('arbitrary JSON values are refused without throwing', SLOW, () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(validateAssessment(value, lookup).ok).toBe(false)
			}),
		)
		fc.assert(
			fc.property(
				fc.constantFrom(...allSchemes),
				fc.dictionary(
					fc.constantFrom('5.1.1.1', '5.2.4', '1.1', '4.1', '1.1.1', 'x'),
					fc.jsonValue(),
				),
				(scheme, answers) => {
					const result = validateAssessment(
						{ format: 'aftersales-assessment/v1', scheme: scheme.id, answers },
						lookup,
					)
					if (result.ok)
						expect(() => scoreAssessment(result.scheme, result.assessment)).not.toThrow()
				},
			),
		)
	})
})
