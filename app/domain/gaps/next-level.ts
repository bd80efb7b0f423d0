import type { Level, LevelKey, Scheme } from '../schemes/scheme-schema.ts'
import {
	add,
	compare,
	div,
	fromDecimal,
	max,
	mul,
	negate,
	rational,
	roundHalfUp,
	sub,
	toNumber,
	ZERO,
	type Rational,
} from '../scoring/rational.ts'
import type { AnswerV1, AssessmentV1 } from '../scoring/types.ts'
import { smallestCover } from './cover.ts'
import { describeReasonOf, rankedGapEntries } from './gaps.ts'
import {
	exactScore,
	finalScore,
	formatNumber,
	fullMarksAnswer,
	toScorePoints,
	type Bilingual,
	type ExactScore,
} from './marks.ts'

export type LevelRef = { key: LevelKey; name: string; nameEn: string }

export const FAIL_REF: LevelRef = { key: 'fail', name: '不合格', nameEn: 'Fail' }

export type PathStep = {
	id: string
	code: string | null
	title: string
	titleEn: string
	sectionId: string
	position: number
	/** the indicator's own points recovered */
	lost: number
	/** what it adds to the final (normalised) score */
	gain: number
	/** the answer that brings it to full marks */
	answer: AnswerV1
	/** why it lost points now */
	text: Bilingual
}

export type DeductionsNeed = {
	/** special deductions on the assessment now */
	count: number
	/** this many or more fail the assessment (null: the scheme has no such rule) */
	limit: number | null
	/** how many the path clears (their corrective actions done and the deductions lifted) */
	toClear: number
}

type Common = {
	scheme: string
	/** the rounded score now */
	score: number
	passed: boolean
	level: LevelRef
	/** the status in words: "passes at 三星级; 4.3 points short of 四星级" */
	summary: Bilingual
}

export type NextLevelPath =
	| { kind: 'no-levels'; scheme: string; score: number; summary: Bilingual }
	| (Common & { kind: 'top' })
	| (Common & {
			kind: 'path'
			target: LevelRef
			/** the rounded score the target needs */
			threshold: number
			/** threshold − score now (0 when only special deductions stand in the way) */
			pointsShort: number
			deductions: DeductionsNeed
			/** the indicators to bring to full marks, largest gain first */
			steps: PathStep[]
			/** the indicators' own points the steps recover */
			recovered: number
			/**
			 * The number of steps is always the proven minimum. False when the search for the
			 * cheapest and earliest of the equally small sets stopped at its budget (smallestCover).
			 */
			tieBreakExact: boolean
			scoreAfter: number
			levelAfter: LevelRef
			/** what to do, in words */
			advice: Bilingual
	  })
	| (Common & {
			kind: 'unreachable'
			target: LevelRef
			threshold: number
			pointsShort: number
			deductions: DeductionsNeed
			/** the score with every indicator at full marks and every special deduction cleared */
			bestScore: number
			advice: Bilingual
	  })

/** The smallest score with 2 decimals that is ≥ value: the lowest rounded score meeting a threshold. */
function ceilToHundredths(value: Rational): Rational {
	const hundred = rational(100)
	// ceil(x) = −floor(−x), and floor(y) = roundHalfUp(y − 1/2, 0)
	const floorOfNegative = roundHalfUp(sub(negate(mul(value, hundred)), rational(1, 2)), 0)
	return div(negate(floorOfNegative), hundred)
}

/**
 * The least raw gain G with round₂((earned + G) / involved × full + bonus − deductions) ≥
 * threshold. Rounding half up to 2 decimals reaches a 2-decimal value t exactly when the
 * exact score is at least t − 1/200, and the score grows with G, so the bound is exact.
 */
function neededGain(exact: ExactScore, threshold: Rational, deductions: number): Rational {
	const lowest = sub(ceilToHundredths(threshold), rational(1, 200))
	const normalisedNeeded = sub(lowest, rational(exact.bonus - deductions))
	return sub(div(mul(normalisedNeeded, exact.involved), exact.fullMarks), exact.earned)
}

function levelRef(level: Level | null, passed: boolean | null): LevelRef {
	if (passed === false || level === null) return FAIL_REF
	return { key: level.key, name: level.name, nameEn: level.nameEn }
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`
}

function statusWords(
	scheme: Scheme,
	exact: ExactScore,
	level: LevelRef,
): { zh: string[]; en: string[] } {
	const score = formatNumber(exact.score)
	if (exact.passed) {
		if (exact.level === null) return { zh: ['通过'], en: ['passes'] }
		return { zh: [`${level.name}通过`], en: [`passes at ${level.name}`] }
	}
	const zh: string[] = []
	const en: string[] = []
	const passMark = scheme.passMark ?? 0
	if (compare(exact.score, fromDecimal(passMark)) < 0) {
		zh.push(`得分 ${score} 低于及格分 ${passMark}`)
		en.push(`${score} is below the pass mark ${passMark}`)
	}
	const limit = scheme.failAtSpecialDeductions
	if (limit !== null && exact.deductions >= limit) {
		zh.push(`${exact.deductions} 个特别扣分项（${limit} 个及以上不通过）`)
		en.push(plural(exact.deductions, 'special deduction', 'special deductions'))
	}
	return { zh: [`不通过：${zh.join('，')}`], en: [`fails: ${en.join(', ')}`] }
}

function shortfallWords(
	target: LevelRef,
	short: Rational,
	toClear: number,
): { zh: string[]; en: string[] } {
	const zh: string[] = []
	const en: string[] = []
	if (compare(short, ZERO) > 0) {
		zh.push(`距${target.name}还差 ${formatNumber(short)} 分`)
		en.push(`${formatNumber(short)} points short of ${target.name}`)
	}
	if (toClear > 0) {
		zh.push(`须消除 ${toClear} 个特别扣分项`)
		en.push(`${plural(toClear, 'special deduction', 'special deductions')} must be cleared`)
	}
	return { zh, en }
}

function joined(...parts: { zh: string[]; en: string[] }[]): Bilingual {
	return {
		zh: parts.flatMap((part) => part.zh).join('；'),
		en: parts.flatMap((part) => part.en).join('; '),
	}
}

function adviceWords(
	target: LevelRef,
	steps: readonly PathStep[],
	toClear: number,
	scoreAfter: Rational,
): Bilingual {
	const after = formatNumber(scoreAfter)
	const ids = steps.map((step) => step.id)
	const zh: string[] = []
	const en: string[] = []
	if (toClear > 0) {
		zh.push(`消除 ${toClear} 个特别扣分项`)
		en.push(`clear ${plural(toClear, 'special deduction', 'special deductions')}`)
	}
	if (steps.length > 0) {
		zh.push(`将 ${steps.length} 个指标（${ids.join('、')}）提升到满分`)
		en.push(
			`bring ${plural(steps.length, 'indicator', 'indicators')} to full marks (${ids.join(', ')})`,
		)
	}
	const what = en.join(' and ')
	return {
		zh: `${zh.join('，并')}，可达到${target.name}（${after} 分）`,
		en: `${what.charAt(0).toUpperCase()}${what.slice(1)} to reach ${target.name} with ${after}`,
	}
}

/** Decision 6 in reverse: what the assessment must reach and clear to gain its next level. */
function targetOf(
	scheme: Scheme,
	exact: ExactScore,
): { target: Level; threshold: Rational; mustClear: number } | null {
	if (exact.passed) {
		const index = exact.level ? scheme.levels.indexOf(exact.level) : -1
		const next = scheme.levels[index + 1]
		return next ? { target: next, threshold: fromDecimal(next.min), mustClear: 0 } : null
	}
	const first = scheme.levels[0]
	if (!first || scheme.passMark === null) return null
	const limit = scheme.failAtSpecialDeductions
	return {
		target: first,
		threshold: max(fromDecimal(scheme.passMark), fromDecimal(first.min)),
		mustClear: limit === null ? 0 : Math.max(0, exact.deductions - limit + 1),
	}
}

/**
 * The smallest set of indicators whose improvement to full marks lifts the rounded score to
 * the next level: for a failing assessment, to the pass mark with fewer than the scheme's
 * limit of special deductions (the deductions that must go are part of the path).
 *
 * Improving an indicator to full marks never changes the involved marks (an exclusion stays
 * an exclusion, a not-applicable sub-requirement stays not applicable, an unanswered
 * indicator is already involved), so each indicator's gain in the final score is fixed —
 * its lost points × full marks / involved marks — and independent of the others, which is
 * what makes `smallestCover` exact here. The gain is the whole way to full marks: a BAC
 * all-or-nothing indicator with one of seven sub-requirements unmet gains nothing until that
 * one is met, and a per-sub-requirement view (greedy by points per fix) misjudges it.
 * Deductions are cleared only as far as the pass rule demands, or further when the target
 * cannot be reached otherwise; the special bonus is left as it is.
 */
export function pathToNextLevel(scheme: Scheme, assessment: AssessmentV1): NextLevelPath {
	const exact = exactScore(scheme, assessment)
	const score = toNumber(exact.score)
	if (exact.passed === null)
		return {
			kind: 'no-levels',
			scheme: scheme.id,
			score,
			summary: {
				zh: `符合度 ${formatNumber(exact.score)}%`,
				en: `conformity ${formatNumber(exact.score)} %`,
			},
		}
	const level = levelRef(exact.level, exact.passed)
	const status = statusWords(scheme, exact, level)
	const common = { scheme: scheme.id, score, passed: exact.passed, level }
	const goal = targetOf(scheme, exact)
	if (!goal)
		return {
			...common,
			kind: 'top',
			summary: {
				zh: `${status.zh.join('')}，已是最高等级`,
				en: `${status.en.join('')}, the top level`,
			},
		}
	const target = levelRef(goal.target, true)
	const short = max(ZERO, sub(goal.threshold, exact.score))
	const threshold = toNumber(goal.threshold)
	const pointsShort = toNumber(short)

	const candidates = rankedGapEntries(exact)
		.filter(({ lost }) => compare(lost, ZERO) > 0)
		.map(({ entry, lost }) => ({ entry, gain: lost, position: entry.position }))
	const available = candidates.reduce((total, { gain }) => add(total, gain), ZERO)
	let toClear = goal.mustClear
	while (
		toClear <= exact.deductions &&
		compare(neededGain(exact, goal.threshold, exact.deductions - toClear), available) > 0
	)
		toClear++
	const reachable = toClear <= exact.deductions
	const deductions = {
		count: exact.deductions,
		limit: scheme.failAtSpecialDeductions,
		// when nothing reaches the target, only what the pass rule itself demands
		toClear: reachable ? toClear : goal.mustClear,
	}
	const summary = joined(status, shortfallWords(target, short, deductions.toClear))

	if (!reachable) {
		const best = finalScore(
			scheme,
			toScorePoints(exact, add(exact.earned, available)),
			0,
			exact.bonus,
		).score
		return {
			...common,
			kind: 'unreachable',
			summary,
			target,
			threshold,
			pointsShort,
			deductions,
			bestScore: toNumber(best),
			advice: {
				zh: `即使所有指标均得满分并消除全部特别扣分项，得分也只有 ${formatNumber(best)} 分，无法达到${target.name}`,
				en: `${target.name} cannot be reached: with every indicator at full marks and no special deduction the score would be ${formatNumber(best)}`,
			},
		}
	}

	const need = neededGain(exact, goal.threshold, exact.deductions - toClear)
	const cover = smallestCover(candidates, need)
	if (!cover) throw new Error('the path search found no cover although the gains reach the need')
	const chosen = cover.items
	const steps = [...chosen]
		.sort((a, b) => compare(b.gain, a.gain) || a.position - b.position)
		.map(({ entry, gain }): PathStep => ({
			id: entry.indicator.id,
			code: entry.indicator.code ?? null,
			title: entry.indicator.title,
			titleEn: entry.indicator.titleEn,
			sectionId: entry.section.id,
			position: entry.position,
			lost: toNumber(gain),
			gain: toNumber(toScorePoints(exact, gain)),
			answer: fullMarksAnswer(scheme, entry.indicator, entry.answer),
			text: describeReasonOf(scheme, entry),
		}))
	const after = exactScore(scheme, improved(assessment, steps, toClear))
	if (!after.passed || compare(after.score, goal.threshold) < 0)
		throw new Error(`the path to ${target.key} on ${scheme.id} does not reach it`)
	return {
		...common,
		kind: 'path',
		summary,
		target,
		threshold,
		pointsShort,
		deductions,
		steps,
		recovered: toNumber(chosen.reduce((total, { gain }) => add(total, gain), ZERO)),
		tieBreakExact: cover.exact,
		scoreAfter: toNumber(after.score),
		levelAfter: levelRef(after.level, after.passed),
		advice: adviceWords(target, steps, toClear, after.score),
	}
}

function improved(
	assessment: AssessmentV1,
	steps: readonly Pick<PathStep, 'id' | 'answer'>[],
	toClear: number,
): AssessmentV1 {
	const answers = { ...assessment.answers }
	for (const step of steps) answers[step.id] = step.answer
	const next: AssessmentV1 = { ...assessment, answers }
	if (toClear > 0 && assessment.specialDeductions)
		next.specialDeductions = assessment.specialDeductions.slice(0, -toClear)
	return next
}

/**
 * The assessment as it would be once the path is walked: its steps' answers in place and
 * the special deductions it clears removed (the last ones; which ones go is the company's
 * choice, only their number matters). A new object; the original is untouched.
 */
export function applyPath(assessment: AssessmentV1, path: NextLevelPath): AssessmentV1 {
	if (path.kind !== 'path') return assessment
	return improved(assessment, path.steps, path.deductions.toClear)
}
