import type { ChecksRule, Indicator, Scheme } from '../schemes/scheme-schema.ts'
import {
	add,
	compare,
	fromDecimal,
	mul,
	rational,
	roundHalfUp,
	toNumber,
	ZERO,
	type Rational,
} from '../scoring/rational.ts'
import type { AnswerV1, AssessmentV1, ScoreResult } from '../scoring/types.ts'
import {
	exactScore,
	formatNumber,
	lostPoints,
	percentMean,
	toScorePoints,
	type Bilingual,
	type ExactScore,
	type IndicatorEntry,
} from './marks.ts'

/** Why an indicator lost points, as data (the words are in `Gap.text`). */
export type GapReason =
	| { kind: 'unanswered' }
	| { kind: 'fraction'; fraction: number }
	| { kind: 'checklist'; fraction: number }
	| { kind: 'samples'; checked: number; nonconforming: number }
	/** mean rounded to 2 decimals; percents as each assessor gave them */
	| { kind: 'percent'; mean: number; percents: number[] }
	/** unmet and na list printed sub-requirement numbers ("2)" → 2) */
	| { kind: 'checks'; rule: ChecksRule; total: number; unmet: number[]; na: number[] }

export type Gap = {
	id: string
	code: string | null
	title: string
	titleEn: string
	sectionId: string
	/** clause order, for stable sorting */
	position: number
	/** the indicator's printed points */
	full: number
	involved: number
	earned: number
	/** involved − earned: the indicator's own points lost */
	lost: number
	/** what bringing it to full marks adds to the final (normalised) score */
	recoverable: number
	unanswered: boolean
	reason: GapReason
	text: Bilingual
}

export type SectionGaps = {
	id: string
	title: string
	titleEn: string
	lost: number
	recoverable: number
	gaps: number
}

export type GapAnalysis = {
	scheme: string
	fullMarks: number
	involvedMarks: number
	earned: number
	/** total points lost by the involved indicators */
	lost: number
	/** total the final score would gain if every gap were closed (full marks when nothing is excluded) */
	recoverable: number
	/** ranked by recoverable points, then clause order */
	gaps: Gap[]
	sections: SectionGaps[]
}

function fmt(value: number | Rational): string {
	return formatNumber(typeof value === 'number' ? fromDecimal(value) : value)
}

function subList(numbers: readonly number[], separator: string): string {
	return numbers.map((n) => `${n})`).join(separator)
}

function ruleText(rule: ChecksRule, points: number): Bilingual {
	switch (rule.kind) {
		case 'all-or-nothing':
			return { zh: '须全部满足才得分', en: 'all must be met to score' }
		case 'per-met':
			return {
				zh: `每项满足得 ${fmt(rule.pointsEach)} 分`,
				en: `${fmt(rule.pointsEach)} per met sub-requirement`,
			}
		case 'deduct-per-unmet':
			return {
				zh: `每项未满足扣 ${fmt(rule.pointsEach)} 分，扣完为止`,
				en: `${fmt(rule.pointsEach)} off per unmet sub-requirement, down to 0`,
			}
		case 'per-met-full-when-all':
			return {
				zh: `每项满足得 ${fmt(rule.pointsEach)} 分，全部满足得 ${fmt(points)} 分`,
				en: `${fmt(rule.pointsEach)} per met sub-requirement, ${fmt(points)} when all are met`,
			}
	}
}

export function describeReason(reason: GapReason, indicator: Indicator): Bilingual {
	switch (reason.kind) {
		case 'unanswered':
			return { zh: '未作答', en: 'not answered' }
		case 'fraction': {
			if (reason.fraction === 0) return { zh: '未满足', en: 'not met' }
			const share = fmt(mul(fromDecimal(reason.fraction), rational(100)))
			return { zh: `部分满足：达成 ${share}%`, en: `partly met: ${share} % achieved` }
		}
		case 'checklist':
			return reason.fraction === 0
				? { zh: '不符合', en: 'does not conform' }
				: { zh: '部分符合', en: 'partly conforms' }
		case 'samples':
			return {
				zh: `抽样 ${reason.checked} 个，其中 ${reason.nonconforming} 个不符合`,
				en: `sample: ${reason.nonconforming} of ${reason.checked} nonconforming`,
			}
		case 'percent': {
			const mean = fmt(reason.mean)
			if (reason.percents.length === 1) return { zh: `成熟度 ${mean}%`, en: `maturity ${mean} %` }
			return {
				zh: `${reason.percents.length} 名评价人员平均 ${mean}%（${reason.percents.map((p) => `${fmt(p)}%`).join('、')}）`,
				en: `assessors' mean ${mean} % (${reason.percents.map(fmt).join(', ')})`,
			}
		}
		case 'checks': {
			const rule = ruleText(reason.rule, indicator.points)
			const na = reason.na.length
				? {
						zh: `；${reason.na.length} 项不适用：${subList(reason.na, '、')}`,
						en: `; ${reason.na.length} not applicable: ${subList(reason.na, ', ')}`,
					}
				: { zh: '', en: '' }
			return {
				zh: `${reason.total} 项子要求中 ${reason.unmet.length} 项未满足：${subList(reason.unmet, '、')}${na.zh}（${rule.zh}）`,
				en: `${reason.unmet.length} of ${reason.total} sub-requirements not met: ${subList(reason.unmet, ', ')}${na.en} (${rule.en})`,
			}
		}
	}
}

function reasonFor(scheme: Scheme, indicator: Indicator, answer: AnswerV1 | undefined): GapReason {
	if (answer === undefined) return { kind: 'unanswered' }
	if ('fraction' in answer)
		return {
			kind: scheme.answerMode === 'checklist' ? 'checklist' : 'fraction',
			fraction: answer.fraction,
		}
	if ('samples' in answer)
		return {
			kind: 'samples',
			checked: answer.samples.checked,
			nonconforming: answer.samples.nonconforming,
		}
	if ('percent' in answer) {
		const percents = typeof answer.percent === 'number' ? [answer.percent] : [...answer.percent]
		return {
			kind: 'percent',
			mean: toNumber(roundHalfUp(percentMean(answer.percent), 2)),
			percents,
		}
	}
	if ('checks' in answer && indicator.rule) {
		const numbers = (indicator.subRequirements ?? []).map((sub) => sub.n)
		const pick = (value: boolean | 'na') =>
			answer.checks.flatMap((check, i) => (check === value ? [numbers[i] ?? i + 1] : []))
		return {
			kind: 'checks',
			rule: indicator.rule,
			total: answer.checks.length,
			unmet: pick(false),
			na: pick('na'),
		}
	}
	throw new Error(`indicator ${indicator.id}: an exclusion loses no points`)
}

/** Why an involved indicator lost points, in words. */
export function describeReasonOf(scheme: Scheme, entry: IndicatorEntry): Bilingual {
	return describeReason(reasonFor(scheme, entry.indicator, entry.answer), entry.indicator)
}

function toGap(scheme: Scheme, exact: ExactScore, entry: IndicatorEntry): Gap {
	const { indicator, marks, answer } = entry
	const lost = lostPoints(marks)
	const reason = reasonFor(scheme, indicator, answer)
	return {
		id: indicator.id,
		code: indicator.code ?? null,
		title: indicator.title,
		titleEn: indicator.titleEn,
		sectionId: entry.section.id,
		position: entry.position,
		full: indicator.points,
		involved: toNumber(marks.involved),
		earned: toNumber(marks.earned),
		lost: toNumber(lost),
		recoverable: toNumber(toScorePoints(exact, lost)),
		unanswered: answer === undefined,
		reason,
		text: describeReason(reason, indicator),
	}
}

/** Indicators that lost points or are unanswered, exact, ranked by the points they can recover. */
export function rankedGapEntries(exact: ExactScore): { entry: IndicatorEntry; lost: Rational }[] {
	return exact.entries
		.filter((entry) => !entry.marks.excluded)
		.map((entry) => ({ entry, lost: lostPoints(entry.marks) }))
		.filter(({ entry, lost }) => entry.answer === undefined || compare(lost, ZERO) > 0)
		.sort((a, b) => compare(b.lost, a.lost) || a.entry.position - b.entry.position)
}

/**
 * Every indicator with points lost (and every unanswered one), ranked by the points bringing
 * it to full marks would add to the final score. Involved marks do not move when an
 * indicator improves, so the ranking by the indicator's own points and by final-score points
 * is the same; the latter is lost × full marks / involved marks (decision 2).
 *
 * `result`, when given, must be the engine's result for this very assessment: a stale
 * result would put gaps beside a score they do not explain, so it is refused.
 */
export function analyseGaps(
	scheme: Scheme,
	assessment: AssessmentV1,
	result?: ScoreResult,
): GapAnalysis {
	const exact = exactScore(scheme, assessment)
	if (
		result &&
		(result.scheme !== scheme.id ||
			result.score !== toNumber(exact.score) ||
			result.earned !== toNumber(exact.earned) ||
			result.involvedMarks !== toNumber(exact.involved))
	)
		throw new Error(`the score result given is not the result of this ${scheme.id} assessment`)
	const ranked = rankedGapEntries(exact)
	const gaps = ranked.map(({ entry }) => toGap(scheme, exact, entry))
	const lost = ranked.reduce((total, { lost }) => add(total, lost), ZERO)
	const sections = scheme.sections.map((section) => {
		const inSection = ranked.filter(({ entry }) => entry.section.id === section.id)
		const sectionLost = inSection.reduce((total, { lost }) => add(total, lost), ZERO)
		return {
			id: section.id,
			title: section.title,
			titleEn: section.titleEn,
			lost: toNumber(sectionLost),
			recoverable: toNumber(toScorePoints(exact, sectionLost)),
			gaps: inSection.length,
		}
	})
	return {
		scheme: scheme.id,
		fullMarks: scheme.fullMarks,
		involvedMarks: toNumber(exact.involved),
		earned: toNumber(exact.earned),
		lost: toNumber(lost),
		recoverable: toNumber(toScorePoints(exact, lost)),
		gaps,
		sections,
	}
}

export type GapFilter = {
	/** section id, e.g. "5.2" */
	section?: string
	/** only these indicators (e.g. the ones assigned to a member) */
	indicatorIds?: Iterable<string>
	/** only unanswered (true) or only answered (false) */
	unanswered?: boolean
}

/** The gaps that match every given criterion, in their ranked order. */
export function filterGaps(gaps: readonly Gap[], filter: GapFilter): Gap[] {
	const ids = filter.indicatorIds ? new Set(filter.indicatorIds) : null
	return gaps.filter(
		(gap) =>
			(filter.section === undefined || gap.sectionId === filter.section) &&
			(ids === null || ids.has(gap.id)) &&
			(filter.unanswered === undefined || gap.unanswered === filter.unanswered),
	)
}
