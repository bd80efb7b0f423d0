import { div, fromDecimal, mul, rational, roundHalfUp, sub, toNumber } from '../scoring/rational.ts'
import type { IndicatorResult, ScoreResult, SectionResult } from '../scoring/types.ts'
import { direction, formatNumber, levelRank, type Bilingual, type Direction } from './marks.ts'

/**
 * The annual self-review (scheme-decisions.md decision 13: surveillance at least yearly): the
 * next one is due 12 months after the last submitted one. Dates are ISO calendar dates
 * ("2026-03-15"), as in certification/bac-rules.ts, so no time zone can move a deadline by a
 * day; `calendarDate` turns a submission instant into the date it had where the company is.
 */
export const SELF_REVIEW_INTERVAL_MONTHS = 12

type CalendarDate = { year: number; month: number; day: number }

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function parseDate(value: string, name: string): CalendarDate {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
	const [year, month, day] = match
		? [Number(match[1]), Number(match[2]), Number(match[3])]
		: [0, 0, 0]
	if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
		throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got "${value}"`)
	return { year, month, day }
}

function formatDate({ year, month, day }: CalendarDate): string {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whole months later, as the Civil Code counts them (§201–202): the same day, or the month's last. */
function addMonths(date: CalendarDate, months: number): CalendarDate {
	const index = date.year * 12 + (date.month - 1) + months
	const year = Math.floor(index / 12)
	const month = (index % 12) + 1
	return { year, month, day: Math.min(date.day, daysInMonth(year, month)) }
}

function dayNumber({ year, month, day }: CalendarDate): number {
	return Date.UTC(year, month - 1, day) / 86_400_000
}

/** The calendar date of an instant in a time zone (the company's; China by default). */
export function calendarDate(instant: Date, timeZone = 'Asia/Shanghai'): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(instant)
	const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? ''
	return `${part('year')}-${part('month')}-${part('day')}`
}

/** The date the next annual self-review is due: 12 months after the last submitted one. */
export function nextSelfReviewDue(lastSubmitted: string): string {
	return formatDate(
		addMonths(parseDate(lastSubmitted, 'lastSubmitted'), SELF_REVIEW_INTERVAL_MONTHS),
	)
}

export type SelfReviewDue = {
	lastSubmitted: string
	due: string
	/** days from today to the due date; negative once overdue */
	daysLeft: number
	overdue: boolean
	/** due within `soonDays` (and not yet overdue): time to remind */
	dueSoon: boolean
}

/**
 * When the next self-review is due, from the dates assessments of one scheme were submitted
 * (in any order); null when none has been submitted yet.
 */
export function selfReviewDue(
	submitted: readonly string[],
	today: string,
	soonDays = 30,
): SelfReviewDue | null {
	const dates = submitted.map((value) => parseDate(value, 'submitted date'))
	const last = dates.reduce<CalendarDate | null>(
		(latest, date) => (latest === null || dayNumber(date) > dayNumber(latest) ? date : latest),
		null,
	)
	if (last === null) return null
	const due = addMonths(last, SELF_REVIEW_INTERVAL_MONTHS)
	const daysLeft = dayNumber(due) - dayNumber(parseDate(today, 'today'))
	return {
		lastSubmitted: formatDate(last),
		due: formatDate(due),
		daysLeft,
		overdue: daysLeft < 0,
		dueSoon: daysLeft >= 0 && daysLeft <= soonDays,
	}
}

export type IndicatorStatus =
	| 'improved'
	| 'declined'
	| 'unchanged'
	| 'excluded'
	| 'now-excluded'
	| 'no-longer-excluded'
	/** in the later scheme version only */
	| 'added'
	/** in the earlier scheme version only */
	| 'removed'

export type IndicatorComparison = {
	id: string
	status: IndicatorStatus
	before: IndicatorResult | null
	after: IndicatorResult | null
	/** earned after − earned before (0 when either side is missing or excluded) */
	change: number
}

export type SectionComparison = {
	id: string
	name: string
	before: SectionResult | null
	after: SectionResult | null
	/** earned after − earned before */
	change: number
	/** earned / involved in per cent to 2 decimals, before and after (null without involved marks) */
	shareBefore: number | null
	shareAfter: number | null
}

export type AssessmentComparison = {
	scheme: string
	score: { before: number; after: number; change: number }
	level: { before: ScoreResult['level']; after: ScoreResult['level']; direction: Direction }
	passed: { before: boolean | null; after: boolean | null }
	specialDeductions: { before: number; after: number }
	sections: SectionComparison[]
	indicators: IndicatorComparison[]
	counts: Record<IndicatorStatus, number>
	summary: Bilingual
}

/** b − a of two reported numbers, read as the decimals they print as. */
function difference(a: number, b: number): number {
	return toNumber(sub(fromDecimal(b), fromDecimal(a)))
}

/** earned / involved in per cent, to 2 decimals */
function share(section: SectionResult | null): number | null {
	if (!section || section.involved === 0) return null
	const ratio = div(fromDecimal(section.earned), fromDecimal(section.involved))
	return toNumber(roundHalfUp(mul(ratio, rational(100)), 2))
}

function indicatorStatus(
	before: IndicatorResult | null,
	after: IndicatorResult | null,
): IndicatorStatus {
	if (!before) return 'added'
	if (!after) return 'removed'
	if (before.excluded && after.excluded) return 'excluded'
	if (after.excluded) return 'now-excluded'
	if (before.excluded) return 'no-longer-excluded'
	return after.earned > before.earned
		? 'improved'
		: after.earned < before.earned
			? 'declined'
			: 'unchanged'
}

function signed(value: number): string {
	const text = formatNumber(fromDecimal(value))
	return value > 0 ? `+${text}` : text
}

/**
 * Year over year: two results of the same scheme (possibly of different data versions: an
 * indicator only one of them has is "added" or "removed"), earlier first. Results carry
 * doubles; differences are taken between the decimals they print as.
 */
export function compareAssessments(a: ScoreResult, b: ScoreResult): AssessmentComparison {
	if (a.scheme !== b.scheme)
		throw new Error(`cannot compare a ${a.scheme} result with a ${b.scheme} result`)
	const beforeIndicators = new Map(a.indicators.map((entry) => [entry.id, entry]))
	const afterIds = new Set(b.indicators.map((entry) => entry.id))
	const indicators: IndicatorComparison[] = [
		...b.indicators.map((after) => {
			const before = beforeIndicators.get(after.id) ?? null
			const status = indicatorStatus(before, after)
			const comparable = status !== 'added' && status !== 'excluded' && status !== 'now-excluded'
			return {
				id: after.id,
				status,
				before,
				after,
				change:
					comparable && before && !before.excluded ? difference(before.earned, after.earned) : 0,
			}
		}),
		...a.indicators
			.filter((before) => !afterIds.has(before.id))
			.map((before): IndicatorComparison => ({
				id: before.id,
				status: 'removed',
				before,
				after: null,
				change: 0,
			})),
	]
	const beforeSections = new Map(a.sections.map((section) => [section.id, section]))
	const afterSectionIds = new Set(b.sections.map((section) => section.id))
	const sections: SectionComparison[] = [
		...b.sections.map((after) => {
			const before = beforeSections.get(after.id) ?? null
			return {
				id: after.id,
				name: after.name,
				before,
				after,
				change: before ? difference(before.earned, after.earned) : 0,
				shareBefore: share(before),
				shareAfter: share(after),
			}
		}),
		...a.sections
			.filter((before) => !afterSectionIds.has(before.id))
			.map((before) => ({
				id: before.id,
				name: before.name,
				before,
				after: null,
				change: 0,
				shareBefore: share(before),
				shareAfter: null,
			})),
	]
	const counts: Record<IndicatorStatus, number> = {
		improved: 0,
		declined: 0,
		unchanged: 0,
		excluded: 0,
		'now-excluded': 0,
		'no-longer-excluded': 0,
		added: 0,
		removed: 0,
	}
	for (const entry of indicators) counts[entry.status]++
	const levelDirection = direction(levelRank(a.level), levelRank(b.level))
	const change = difference(a.score, b.score)
	const levels =
		a.level && b.level
			? { zh: `，${a.level.name} → ${b.level.name}`, en: `, ${a.level.name} → ${b.level.name}` }
			: { zh: '', en: '' }
	return {
		scheme: b.scheme,
		score: { before: a.score, after: b.score, change },
		level: { before: a.level, after: b.level, direction: levelDirection },
		passed: { before: a.passed, after: b.passed },
		specialDeductions: { before: a.specialDeductions, after: b.specialDeductions },
		sections,
		indicators,
		counts,
		summary: {
			zh: `得分 ${formatNumber(fromDecimal(a.score))} → ${formatNumber(fromDecimal(b.score))}（${signed(change)}）${levels.zh}；${counts.improved} 个指标提升，${counts.declined} 个下降`,
			en: `score ${formatNumber(fromDecimal(a.score))} → ${formatNumber(fromDecimal(b.score))} (${signed(change)})${levels.en}; ${counts.improved} ${counts.improved === 1 ? 'indicator' : 'indicators'} improved, ${counts.declined} declined`,
		},
	}
}
