import fc from 'fast-check'
import { getScheme, schemeIndicators } from '../schemes/index.ts'
import type { Indicator, Scheme } from '../schemes/scheme-schema.ts'
import { FORMAT_V1, validateAssessment } from '../scoring/validate.ts'
import type { AnswerV1, AssessmentV1 } from '../scoring/types.ts'

// Shared by the gaps tests: assessments built in code, never read from ../shared.

export const deduction = { description: '维修记录缺失', correctiveAction: '补全维修记录' }

/** An assessment built in a test, refused unless validateAssessment accepts it. */
export function assessment(
	scheme: Scheme,
	answers: Record<string, AnswerV1>,
	special: { deductions?: number; bonus?: boolean } = {},
): AssessmentV1 {
	const built = unchecked(scheme, answers, special)
	const validated = validateAssessment(built, (id) => (id === scheme.id ? scheme : undefined))
	if (!validated.ok) throw new Error(validated.error)
	return built
}

function unchecked(
	scheme: Scheme,
	answers: Record<string, AnswerV1>,
	special: { deductions?: number; bonus?: boolean },
): AssessmentV1 {
	return {
		format: FORMAT_V1,
		scheme: scheme.id,
		answers,
		...(special.deductions
			? { specialDeductions: Array.from({ length: special.deductions }, () => ({ ...deduction })) }
			: {}),
		...(special.bonus ? { specialBonus: { justification: '全国联保 24 小时上门' } } : {}),
	}
}

/** Every indicator answered with full marks in the scheme's shape. */
export function fullAnswers(scheme: Scheme): Record<string, AnswerV1> {
	return Object.fromEntries(
		schemeIndicators(scheme).map(({ indicator }) => [indicator.id, fullAnswer(scheme, indicator)]),
	)
}

export function fullAnswer(scheme: Scheme, indicator: Indicator): AnswerV1 {
	switch (scheme.answerMode) {
		case 'fraction':
		case 'checklist':
			return { fraction: 1 }
		case 'percent':
			return { percent: 100 }
		case 'checks':
			return { checks: (indicator.subRequirements ?? []).map(() => true) }
	}
}

/** BAC checks with the listed printed sub-requirement numbers unmet. */
export function checksWithUnmet(indicator: Indicator, unmet: number[]): AnswerV1 {
	return {
		checks: (indicator.subRequirements ?? []).map((sub) => !unmet.includes(sub.n)),
	}
}

function answerArbitrary(scheme: Scheme, indicator: Indicator): fc.Arbitrary<AnswerV1 | null> {
	const options: fc.Arbitrary<AnswerV1 | null>[] = [fc.constant(null)]
	if (indicator.excludable) options.push(fc.constant({ na: true, reason: '不适用' }))
	switch (scheme.answerMode) {
		case 'fraction':
			options.push(
				fc.constantFrom(0, 0.25, 0.5, 0.75, 1).map((fraction) => ({ fraction })),
				fc.integer({ min: 0, max: 10_000 }).map((n) => ({ fraction: n / 10_000 })),
			)
			if (indicator.sampling)
				options.push(
					fc
						.integer({ min: 1, max: 30 })
						.chain((checked) =>
							fc
								.integer({ min: 0, max: checked })
								.map((nonconforming) => ({ samples: { checked, nonconforming } })),
						),
				)
			break
		case 'checklist':
			options.push(fc.constantFrom(0, 0.5, 1).map((fraction) => ({ fraction })))
			break
		case 'percent':
			options.push(
				fc.integer({ min: 0, max: 100 }).map((percent) => ({ percent })),
				fc
					.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 })
					.map((percent) => ({ percent })),
			)
			break
		case 'checks': {
			const count = indicator.subRequirements?.length ?? 0
			const values: (true | false | 'na')[] = indicator.subRequirementsExcludable
				? [true, false, 'na']
				: [true, false]
			options.push(
				fc
					.array(fc.constantFrom(...values), { minLength: count, maxLength: count })
					.filter((checks) => indicator.excludable || checks.some((check) => check !== 'na'))
					.map((checks) =>
						checks.includes('na') ? { checks, reason: '不提供此项服务' } : { checks },
					),
			)
			break
		}
	}
	return fc.oneof(...options)
}

/** Valid assessments of a scheme (never everything excluded). */
export function assessmentArbitrary(scheme: Scheme): fc.Arbitrary<AssessmentV1> {
	const entries = schemeIndicators(scheme).map(({ indicator }) =>
		answerArbitrary(scheme, indicator).map((answer): [string, AnswerV1 | null] => [
			indicator.id,
			answer,
		]),
	)
	return fc
		.record({
			answers: fc.tuple(...entries),
			deductions: scheme.specialItems ? fc.integer({ min: 0, max: 6 }) : fc.constant(0),
			bonus: scheme.specialItems ? fc.boolean() : fc.constant(false),
		})
		.map(({ answers, deductions, bonus }) => {
			const given: Record<string, AnswerV1> = {}
			for (const [id, answer] of answers) if (answer) given[id] = answer
			return unchecked(scheme, given, { deductions, bonus })
		})
		.filter((candidate) =>
			schemeIndicators(scheme).some(({ indicator }) => {
				const answer = candidate.answers[indicator.id]
				if (indicator.points === 0) return false
				if (!answer) return true
				if ('na' in answer) return false
				return !('checks' in answer) || answer.checks.some((check) => check !== 'na')
			}),
		)
}

export function schemeById(id: string): Scheme {
	const scheme = getScheme(id)
	if (!scheme) throw new Error(`no scheme ${id}`)
	return scheme
}

export function indicatorById(scheme: Scheme, id: string): Indicator {
	const found = schemeIndicators(scheme).find((entry) => entry.indicator.id === id)
	if (!found) throw new Error(`no indicator ${id} in ${scheme.id}`)
	return found.indicator
}
