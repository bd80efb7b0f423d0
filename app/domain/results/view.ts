import { schemeIndicators } from '../schemes/load-scheme.ts'
import type { LevelKey, Scheme } from '../schemes/scheme-schema.ts'
import {
	add,
	div,
	fromDecimal,
	mul,
	rational,
	roundHalfUp,
	sub,
	toDecimalString,
	toNumber,
	ZERO,
} from '../scoring/rational.ts'
import type { AssessmentV1, ScoreResult } from '../scoring/types.ts'

/**
 * What the results page lays out beside the score, from the engine's result and the answers:
 * the arithmetic step by step, the sections, and what was left out of the involved total.
 * Pure and JSON-ready, so loaders return it as it is.
 */

/** The answer statuses the gap list filters by (to-v1.ts's IndicatorState). */
export { GAP_STATUSES, type GapStatus } from './gap-status.ts'

export type Calculation = {
	/** no pass mark and no levels: the result is a conformity percentage */
	checklist: boolean
	fullMarks: number
	/** the indicators' points added up (the full marks, except for the checklist's percentage) */
	pointsTotal: number
	/** points left out of the involved total by exclusions (pointsTotal − involved) */
	excluded: number
	involved: number
	earned: number
	/** earned ÷ involved × full marks, unrounded, as exact decimal text (up to 4 places) */
	normalised: string
	deductions: number
	bonus: number
	/** normalised − deductions + bonus, unrounded (up to 4 places) */
	exact: string
	/** rounded half up to 2 decimals: the score the level is read from */
	score: number
	passMark: number | null
	/** this many special deductions or more fail the assessment */
	deductionLimit: number | null
	passed: boolean | null
	levels: { key: LevelKey; name: string; nameEn: string; min: number; stars: number }[]
	level: LevelKey | null
}

function decimal(value: number, places: number): string {
	return toDecimalString(roundHalfUp(fromDecimal(value), places))
}

export function calculationOf(scheme: Scheme, result: ScoreResult): Calculation {
	const exact = add(
		fromDecimal(result.normalised),
		rational(result.specialBonus - result.specialDeductions),
	)
	const total = result.sections.reduce((sum, section) => add(sum, fromDecimal(section.full)), ZERO)
	return {
		checklist: scheme.passMark === null,
		fullMarks: result.fullMarks,
		pointsTotal: toNumber(total),
		excluded: toNumber(sub(total, fromDecimal(result.involvedMarks))),
		involved: result.involvedMarks,
		earned: result.earned,
		normalised: decimal(result.normalised, 4),
		deductions: result.specialDeductions,
		bonus: result.specialBonus,
		exact: toDecimalString(roundHalfUp(exact, 4)),
		score: result.score,
		passMark: scheme.passMark,
		deductionLimit: scheme.failAtSpecialDeductions,
		passed: result.passed,
		levels: scheme.levels.map(({ key, name, nameEn, min, stars }) => ({
			key,
			name,
			nameEn,
			min,
			stars,
		})),
		level: result.level?.key ?? null,
	}
}

export type SectionBreakdown = {
	id: string
	title: string
	titleEn: string
	full: number
	involved: number
	earned: number
	/** involved − earned */
	lost: number
	/** earned ÷ involved in %, 1 decimal; null when the whole section is excluded */
	rate: number | null
}

export function sectionsOf(scheme: Scheme, result: ScoreResult): SectionBreakdown[] {
	return scheme.sections.map((section) => {
		const scored = result.sections.find((entry) => entry.id === section.id)
		const full = scored?.full ?? 0
		const involved = scored?.involved ?? 0
		const earned = scored?.earned ?? 0
		return {
			id: section.id,
			title: section.title,
			titleEn: section.titleEn,
			full,
			involved,
			earned,
			lost: toNumber(sub(fromDecimal(involved), fromDecimal(earned))),
			rate:
				involved > 0
					? toNumber(
							roundHalfUp(mul(div(fromDecimal(earned), fromDecimal(involved)), rational(100)), 1),
						)
					: null,
		}
	})
}

export type Exclusion = {
	id: string
	code: string | null
	title: string
	titleEn: string
	sectionId: string
	full: number
	involved: number
	/** points taken out of the involved total (0 when the rule keeps them in) */
	removed: number
	/** the whole indicator is excluded (删减) */
	whole: boolean
	/** printed numbers of the sub-requirements marked not applicable (BAC) */
	notApplicable: number[]
	reason: string | null
}

/**
 * Every indicator the answers left out in whole or in part: exclusions (删减) and, for BAC,
 * sub-requirements marked not applicable, with the reason given and the points it moved.
 */
export function exclusionsOf(
	scheme: Scheme,
	assessment: AssessmentV1,
	result: ScoreResult,
): Exclusion[] {
	const scored = new Map(result.indicators.map((entry) => [entry.id, entry]))
	return schemeIndicators(scheme).flatMap(({ indicator, section }) => {
		const answer = Object.hasOwn(assessment.answers, indicator.id)
			? assessment.answers[indicator.id]
			: undefined
		const entry = scored.get(indicator.id)
		if (!answer || !entry) return []
		const numbers = (indicator.subRequirements ?? []).map((item) => item.n)
		const notApplicable =
			'checks' in answer
				? answer.checks.flatMap((check, i) => (check === 'na' ? [numbers[i] ?? i + 1] : []))
				: []
		if (!entry.excluded && notApplicable.length === 0) return []
		const reason = 'na' in answer ? answer.reason : 'checks' in answer ? answer.reason : undefined
		return [
			{
				id: indicator.id,
				code: indicator.code ?? null,
				title: indicator.title,
				titleEn: indicator.titleEn,
				sectionId: section.id,
				full: entry.full,
				involved: entry.involved,
				removed: toNumber(sub(fromDecimal(entry.full), fromDecimal(entry.involved))),
				whole: entry.excluded,
				notApplicable,
				reason: reason?.trim() ? reason : null,
			},
		]
	})
}
