import { schemeIndicators } from '../schemes/load-scheme.ts'
import type { ChecksRule, Indicator, Level, Scheme } from '../schemes/scheme-schema.ts'
import {
	add,
	compare,
	div,
	fromDecimal,
	isZero,
	max,
	mul,
	rational,
	roundHalfUp,
	sub,
	sum,
	toNumber,
	ZERO,
	type Rational,
} from './rational.ts'
import type { AnswerV1, AssessmentV1, IndicatorResult, ScoreResult } from './types.ts'

export const FAIL_LEVEL: { key: 'fail'; name: string } = { key: 'fail', name: '不合格' }

type CompiledIndicator = {
	indicator: Indicator
	section: number
	points: Rational
	each: Rational | null
	unanswered: Marks
}

type CompiledScheme = {
	indicators: CompiledIndicator[]
	sections: { id: string; name: string; full: Rational }[]
	fullMarks: Rational
	passMark: Rational | null
	levels: { level: Level; min: Rational }[]
}

const compiled = new WeakMap<Scheme, CompiledScheme>()

/** Point values as exact rationals, read once per scheme object. */
function compile(scheme: Scheme): CompiledScheme {
	const cached = compiled.get(scheme)
	if (cached) return cached
	const sectionIndex = new Map(scheme.sections.map((section, i) => [section.id, i]))
	const sections = scheme.sections.map((section) => ({
		id: section.id,
		name: section.title,
		full: ZERO,
	}))
	const indicators = schemeIndicators(scheme).map(({ indicator, section }) => {
		const index = sectionIndex.get(section.id) ?? 0
		const points = fromDecimal(indicator.points)
		const entry = sections[index]
		if (entry) entry.full = add(entry.full, points)
		const rule = indicator.rule
		return {
			indicator,
			section: index,
			points,
			unanswered: { involved: points, earned: ZERO, excluded: false },
			each: rule && rule.kind !== 'all-or-nothing' ? fromDecimal(rule.pointsEach) : null,
		}
	})
	const result: CompiledScheme = {
		indicators,
		sections,
		fullMarks: fromDecimal(scheme.fullMarks),
		passMark: scheme.passMark === null ? null : fromDecimal(scheme.passMark),
		levels: scheme.levels.map((level) => ({ level, min: fromDecimal(level.min) })),
	}
	compiled.set(scheme, result)
	return result
}

type Marks = { involved: Rational; earned: Rational; excluded: boolean }

const EXCLUDED: Marks = { involved: ZERO, earned: ZERO, excluded: true }

function checksMarks(
	rule: ChecksRule,
	points: Rational,
	each: Rational | null,
	checks: readonly (boolean | 'na')[],
): Marks {
	let met = 0
	let unmet = 0
	for (const check of checks) {
		if (check === true) met++
		else if (check === false) unmet++
	}
	const na = checks.length - met - unmet
	if (met + unmet === 0) return EXCLUDED
	const metPoints = each ? mul(each, rational(met)) : ZERO
	switch (rule.kind) {
		case 'all-or-nothing':
			return { involved: points, earned: unmet === 0 ? points : ZERO, excluded: false }
		case 'per-met': {
			// a not-applicable sub-requirement takes its own points out of the involved total
			const involved = each ? sub(points, mul(each, rational(na))) : points
			return { involved, earned: metPoints, excluded: false }
		}
		case 'deduct-per-unmet':
			return {
				involved: points,
				earned: max(ZERO, sub(points, each ? mul(each, rational(unmet)) : ZERO)),
				excluded: false,
			}
		case 'per-met-full-when-all':
			// as with deductions, a not-applicable sub-requirement counts as neither met nor unmet
			return { involved: points, earned: unmet === 0 ? points : metPoints, excluded: false }
	}
}

function mean(values: readonly number[]): Rational {
	let total = ZERO
	for (const value of values) total = add(total, fromDecimal(value))
	return div(total, rational(values.length))
}

const HUNDRED = rational(100)

function indicatorMarks(entry: CompiledIndicator, answer: AnswerV1): Marks {
	const { points } = entry
	if ('fraction' in answer)
		return { involved: points, earned: mul(points, fromDecimal(answer.fraction)), excluded: false }
	if ('na' in answer) return EXCLUDED
	if ('samples' in answer) {
		const { checked, nonconforming } = answer.samples
		const share = rational(checked - nonconforming, checked)
		return { involved: points, earned: mul(points, share), excluded: false }
	}
	if ('percent' in answer) {
		const percent = Array.isArray(answer.percent)
			? mean(answer.percent)
			: fromDecimal(answer.percent)
		return { involved: points, earned: div(mul(points, percent), HUNDRED), excluded: false }
	}
	const rule = entry.indicator.rule
	if (!rule) throw new Error(`indicator ${entry.indicator.id} takes no checks`)
	return checksMarks(rule, points, entry.each, answer.checks)
}

/** ⌈2/3 × population⌉ in integers. */
function twoThirds(population: number): number {
	return Math.floor((2 * population + 2) / 3)
}

function samplingWarning(id: string, answer: AnswerV1): string | null {
	if (!('samples' in answer)) return null
	const { checked, population, allSitesCovered } = answer.samples
	if (population === undefined || allSitesCovered) return null
	const needed = twoThirds(population)
	if (checked >= needed) return null
	return (
		`${id}: 抽样 ${checked} < ⌈2/3 × ${population}⌉ = ${needed}，样本不足总样本的 2/3 且未覆盖全部服务网点 ` +
		`(sample of ${checked} is below two thirds of the population ${population} and does not cover every service site)`
	)
}

/** The highest level whose band starts at or below a rounded score (null below every band). */
export function levelForScore(scheme: Scheme, score: number): Level | null {
	return levelOf(compile(scheme), fromDecimal(score))
}

function levelOf(plan: CompiledScheme, score: Rational): Level | null {
	let reached: Level | null = null
	for (const { level, min } of plan.levels) {
		if (compare(score, min) >= 0) reached = level
	}
	return reached
}

/**
 * Scores an assessment that `validateAssessment` accepted (scheme-decisions.md decisions 2 and
 * 5–12): exact rational arithmetic throughout, one rounding at the end.
 */
export function scoreAssessment(scheme: Scheme, assessment: AssessmentV1): ScoreResult {
	if (assessment.scheme !== scheme.id)
		throw new Error(`assessment is for ${assessment.scheme}, not ${scheme.id}`)
	const plan = compile(scheme)
	// starts from the full marks: most indicators are involved in full, and only the others add
	const sectionInvolved = plan.sections.map((section) => section.full)
	const sectionEarned = plan.sections.map(() => ZERO)
	const indicators: IndicatorResult[] = []
	const warnings: string[] = []
	let complete = true

	for (const entry of plan.indicators) {
		const id = entry.indicator.id
		// ids are dotted numbers, which no Object.prototype member is named like
		const answer = assessment.answers[id]
		let marks: Marks
		if (answer === undefined) {
			complete = false
			marks = entry.unanswered
		} else {
			marks = indicatorMarks(entry, answer)
			if (scheme.samplingWarning) {
				const warning = samplingWarning(id, answer)
				if (warning) warnings.push(warning)
			}
		}
		if (marks.involved !== entry.points)
			sectionInvolved[entry.section] = add(
				sectionInvolved[entry.section] ?? ZERO,
				sub(marks.involved, entry.points),
			)
		sectionEarned[entry.section] = add(sectionEarned[entry.section] ?? ZERO, marks.earned)
		indicators.push({
			id,
			full: entry.indicator.points,
			involved: marks.involved === entry.points ? entry.indicator.points : toNumber(marks.involved),
			earned: toNumber(marks.earned),
			excluded: marks.excluded,
		})
	}
	const involved = sum(sectionInvolved)
	const earned = sum(sectionEarned)
	if (isZero(involved))
		throw new Error(`${scheme.id}: everything is excluded, so there are no involved marks to score`)

	const normalised = mul(div(earned, involved), plan.fullMarks)
	const deductions = scheme.specialItems ? (assessment.specialDeductions?.length ?? 0) : 0
	const bonus = scheme.specialItems && assessment.specialBonus ? 1 : 0
	const exactScore = add(normalised, rational(bonus - deductions))
	const rounded = roundHalfUp(exactScore, 2)
	const score = toNumber(rounded)

	let passed: boolean | null = null
	let level: ScoreResult['level'] = null
	if (plan.passMark !== null) {
		const tooManyDeductions =
			scheme.failAtSpecialDeductions !== null && deductions >= scheme.failAtSpecialDeductions
		passed = compare(rounded, plan.passMark) >= 0 && !tooManyDeductions
		const reached = passed ? levelOf(plan, rounded) : null
		level = passed ? reached && { key: reached.key, name: reached.name } : { ...FAIL_LEVEL }
	}

	return {
		scheme: scheme.id,
		fullMarks: scheme.fullMarks,
		involvedMarks: toNumber(involved),
		earned: toNumber(earned),
		normalised: toNumber(normalised),
		specialDeductions: deductions,
		specialBonus: bonus,
		score,
		passed,
		level,
		complete,
		sections: plan.sections.map((section, i) => ({
			id: section.id,
			name: section.name,
			full: toNumber(section.full),
			involved: toNumber(sectionInvolved[i] ?? ZERO),
			earned: toNumber(sectionEarned[i] ?? ZERO),
		})),
		indicators,
		warnings,
	}
}

export type PassReason =
	| { kind: 'below-pass-mark'; score: number; passMark: number }
	| { kind: 'special-deductions'; count: number; limit: number }

/** Why a result failed (empty when it passed, and for the checklist, which has no pass mark). */
export function explainPass(result: ScoreResult, scheme: Scheme): PassReason[] {
	const reasons: PassReason[] = []
	if (
		scheme.passMark !== null &&
		compare(fromDecimal(result.score), fromDecimal(scheme.passMark)) < 0
	)
		reasons.push({ kind: 'below-pass-mark', score: result.score, passMark: scheme.passMark })
	if (
		scheme.failAtSpecialDeductions !== null &&
		result.specialDeductions >= scheme.failAtSpecialDeductions
	)
		reasons.push({
			kind: 'special-deductions',
			count: result.specialDeductions,
			limit: scheme.failAtSpecialDeductions,
		})
	return reasons
}
