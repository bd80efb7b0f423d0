import { schemeIndicators } from '../schemes/load-scheme.ts'
import type {
	Group,
	Indicator,
	Level,
	LevelKey,
	Scheme,
	Section,
} from '../schemes/scheme-schema.ts'
import {
	add,
	compare,
	div,
	fromDecimal,
	max,
	mul,
	rational,
	roundHalfUp,
	sub,
	toDecimalString,
	ZERO,
	type Rational,
} from '../scoring/rational.ts'
import type { AnswerV1, AssessmentV1 } from '../scoring/types.ts'

/**
 * Exact per-indicator marks. The engine (scoring/score.ts) keeps its per-indicator rationals
 * private and reports doubles, and gap analysis needs the exact values (a third of a point
 * lost is not 0.333…), so the rules of decisions 8, 9 and 11 are restated here; marks.test.ts
 * checks them against scoreAssessment on every scheme.
 */
export type Marks = { involved: Rational; earned: Rational; excluded: boolean }

export type Bilingual = { zh: string; en: string }

export type IndicatorEntry = {
	indicator: Indicator
	section: Section
	group: Group | null
	/** clause order: the index in schemeIndicators() */
	position: number
	answer: AnswerV1 | undefined
	marks: Marks
}

export type ExactScore = {
	entries: IndicatorEntry[]
	fullMarks: Rational
	involved: Rational
	earned: Rational
	normalised: Rational
	deductions: number
	bonus: number
	/** the score rounded half-up to 2 decimals, as the level is read from it */
	score: Rational
	passed: boolean | null
	level: Level | null
}

const EXCLUDED: Marks = { involved: ZERO, earned: ZERO, excluded: true }
const HUNDRED = rational(100)

function checksMarks(indicator: Indicator, checks: readonly (boolean | 'na')[]): Marks {
	const rule = indicator.rule
	if (!rule) throw new Error(`indicator ${indicator.id} takes no checks`)
	const points = fromDecimal(indicator.points)
	const met = checks.filter((check) => check === true).length
	const unmet = checks.filter((check) => check === false).length
	const na = checks.length - met - unmet
	if (met + unmet === 0) return EXCLUDED
	switch (rule.kind) {
		case 'all-or-nothing':
			return { involved: points, earned: unmet === 0 ? points : ZERO, excluded: false }
		case 'per-met': {
			const each = fromDecimal(rule.pointsEach)
			return {
				involved: sub(points, mul(each, rational(na))),
				earned: mul(each, rational(met)),
				excluded: false,
			}
		}
		case 'deduct-per-unmet': {
			const each = fromDecimal(rule.pointsEach)
			return {
				involved: points,
				earned: max(ZERO, sub(points, mul(each, rational(unmet)))),
				excluded: false,
			}
		}
		case 'per-met-full-when-all': {
			const each = fromDecimal(rule.pointsEach)
			return {
				involved: points,
				earned: unmet === 0 ? points : mul(each, rational(met)),
				excluded: false,
			}
		}
	}
}

export function percentMean(percent: number | readonly number[]): Rational {
	if (typeof percent === 'number') return fromDecimal(percent)
	let total = ZERO
	for (const value of percent) total = add(total, fromDecimal(value))
	return div(total, rational(percent.length))
}

/** The marks of one indicator for an answer (undefined: unanswered, earns 0, stays involved). */
export function indicatorMarks(indicator: Indicator, answer: AnswerV1 | undefined): Marks {
	const points = fromDecimal(indicator.points)
	if (answer === undefined) return { involved: points, earned: ZERO, excluded: false }
	if ('na' in answer) return EXCLUDED
	if ('fraction' in answer)
		return { involved: points, earned: mul(points, fromDecimal(answer.fraction)), excluded: false }
	if ('samples' in answer) {
		const { checked, nonconforming } = answer.samples
		return {
			involved: points,
			earned: mul(points, rational(checked - nonconforming, checked)),
			excluded: false,
		}
	}
	if ('percent' in answer)
		return {
			involved: points,
			earned: div(mul(points, percentMean(answer.percent)), HUNDRED),
			excluded: false,
		}
	return checksMarks(indicator, answer.checks)
}

/**
 * The answer that brings an indicator to full marks while keeping what the assessment
 * declared: an exclusion stays excluded, a not-applicable sub-requirement stays not
 * applicable (so the involved marks never change), the number of assessors and the sample
 * size stay the same, and notes and evidence are kept (shared, never mutated).
 */
export function fullMarksAnswer(
	scheme: Scheme,
	indicator: Indicator,
	answer: AnswerV1 | undefined,
): AnswerV1 {
	if (answer === undefined) {
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
	if ('na' in answer) return answer
	if ('fraction' in answer) return { ...answer, fraction: 1 }
	if ('samples' in answer) return { ...answer, samples: { ...answer.samples, nonconforming: 0 } }
	if ('percent' in answer)
		return {
			...answer,
			percent: Array.isArray(answer.percent) ? answer.percent.map(() => 100) : 100,
		}
	return { ...answer, checks: answer.checks.map((check) => (check === 'na' ? 'na' : true)) }
}

export function levelFor(scheme: Scheme, score: Rational): Level | null {
	let reached: Level | null = null
	for (const level of scheme.levels) {
		if (compare(score, fromDecimal(level.min)) >= 0) reached = level
	}
	return reached
}

export function deductionCount(scheme: Scheme, assessment: AssessmentV1): number {
	return scheme.specialItems ? (assessment.specialDeductions?.length ?? 0) : 0
}

export function bonusCount(scheme: Scheme, assessment: AssessmentV1): number {
	return scheme.specialItems && assessment.specialBonus ? 1 : 0
}

/** Decisions 5 and 6: the rounded score and whether it passes, from exact totals. */
export function finalScore(
	scheme: Scheme,
	normalised: Rational,
	deductions: number,
	bonus: number,
): { score: Rational; passed: boolean | null; level: Level | null } {
	const score = roundHalfUp(add(normalised, rational(bonus - deductions)), 2)
	if (scheme.passMark === null) return { score, passed: null, level: null }
	const passed =
		compare(score, fromDecimal(scheme.passMark)) >= 0 &&
		(scheme.failAtSpecialDeductions === null || deductions < scheme.failAtSpecialDeductions)
	return { score, passed, level: passed ? levelFor(scheme, score) : null }
}

/** Everything scoreAssessment computes, kept exact and per indicator. */
export function exactScore(scheme: Scheme, assessment: AssessmentV1): ExactScore {
	if (assessment.scheme !== scheme.id)
		throw new Error(`assessment is for ${assessment.scheme}, not ${scheme.id}`)
	let involved = ZERO
	let earned = ZERO
	const entries = schemeIndicators(scheme).map(({ indicator, section, group }, position) => {
		const answer = Object.hasOwn(assessment.answers, indicator.id)
			? assessment.answers[indicator.id]
			: undefined
		const marks = indicatorMarks(indicator, answer)
		involved = add(involved, marks.involved)
		earned = add(earned, marks.earned)
		return { indicator, section, group, position, answer, marks }
	})
	if (compare(involved, ZERO) === 0)
		throw new Error(`${scheme.id}: everything is excluded, so there are no involved marks to score`)
	const fullMarks = fromDecimal(scheme.fullMarks)
	const normalised = mul(div(earned, involved), fullMarks)
	const deductions = deductionCount(scheme, assessment)
	const bonus = bonusCount(scheme, assessment)
	return {
		entries,
		fullMarks,
		involved,
		earned,
		normalised,
		deductions,
		bonus,
		...finalScore(scheme, normalised, deductions, bonus),
	}
}

/** What an indicator loses: involved − earned (0 when excluded). */
export function lostPoints(marks: Marks): Rational {
	return sub(marks.involved, marks.earned)
}

/** Points of the indicator as points of the final (normalised) score: × full marks / involved. */
export function toScorePoints(exact: Pick<ExactScore, 'fullMarks' | 'involved'>, raw: Rational) {
	return div(mul(raw, exact.fullMarks), exact.involved)
}

/** A number for people: at most `places` decimals, halves up, no trailing zeros ("4.3", "85"). */
export function formatNumber(value: Rational, places = 2): string {
	return toDecimalString(roundHalfUp(value, places))
}

export type Direction = 'up' | 'down' | 'same'

export function direction(before: number, after: number): Direction {
	return after > before ? 'up' : after < before ? 'down' : 'same'
}

/** fail < 达标级 < ★ … < 十星级, as the level keys are listed; −1 without a level (checklist). */
const LEVEL_ORDER: readonly LevelKey[] = [
	'fail',
	'standard',
	'star-1',
	'star-2',
	'star-3',
	'star-4',
	'star-5',
	'star-6',
	'star-7',
	'star-8',
	'star-9',
	'star-10',
]

export function levelRank(level: { key: LevelKey } | null): number {
	return level ? LEVEL_ORDER.indexOf(level.key) : -1
}
