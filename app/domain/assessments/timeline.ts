import { calendarDate, selfReviewDue, type SelfReviewDue } from '../gaps/annual-cycle.ts'
import { getScheme } from '../schemes/index.ts'
import type { LevelKey } from '../schemes/scheme-schema.ts'
import type { ScoreResult } from '../scoring/types.ts'
import { starsBesideName } from './panel.ts'

/** What the annual cycle needs of an assessment row. */
export type CycleAssessment = {
	id: string
	schemeId: string
	period: string
	status: 'in_progress' | 'submitted'
	createdAt: Date
	submittedAt: Date | null
}

export type SchemeTimeline<T extends CycleAssessment> = {
	schemeId: string
	/** newest period first; within a period, newest first */
	entries: T[]
	/** the newest assessment still in progress */
	inProgress: T | null
	/** the assessment submitted last */
	lastSubmitted: T | null
	/** the next annual self-review, 12 months after the last submission; null before any */
	due: SelfReviewDue | null
}

const periodOrder = new Intl.Collator('zh-CN', { numeric: true })

/** When an assessment happened: its submission, or never yet (after every submitted one). */
function happened(row: CycleAssessment): number {
	return row.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY
}

/** Earlier first: by submission (in progress after every submitted one), then by creation. */
export function byHappened(a: CycleAssessment, b: CycleAssessment): number {
	return happened(a) - happened(b) || a.createdAt.getTime() - b.createdAt.getTime()
}

/** The two assessments in the order they happened, and whether that reverses the given order. */
export function chronological<T extends CycleAssessment>(
	a: T,
	b: T,
): { before: T; after: T; swapped: boolean } {
	return byHappened(a, b) <= 0
		? { before: a, after: b, swapped: false }
		: { before: b, after: a, swapped: true }
}

/**
 * The workspace's assessments per scheme, each with its next self-review date; the scheme
 * worked on most recently first. `today` and submission dates are calendar dates where the
 * company is, so the deadline does not move with the server's clock zone.
 */
export function timelineByScheme<T extends CycleAssessment>(
	rows: readonly T[],
	today: string,
	timeZone = 'Asia/Shanghai',
): SchemeTimeline<T>[] {
	const bySchemes = new Map<string, T[]>()
	for (const row of rows) {
		const list = bySchemes.get(row.schemeId)
		if (list) list.push(row)
		else bySchemes.set(row.schemeId, [row])
	}
	const timelines = [...bySchemes].map(([schemeId, list]): SchemeTimeline<T> => {
		const entries = [...list].sort(
			(a, b) =>
				periodOrder.compare(b.period, a.period) || b.createdAt.getTime() - a.createdAt.getTime(),
		)
		const submitted = list.filter((row) => row.status === 'submitted' && row.submittedAt)
		const inProgress =
			list
				.filter((row) => row.status === 'in_progress')
				.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null
		const lastSubmitted = [...submitted].sort(byHappened).at(-1) ?? null
		return {
			schemeId,
			entries,
			inProgress,
			lastSubmitted,
			due: selfReviewDue(
				submitted.flatMap((row) =>
					row.submittedAt ? [calendarDate(row.submittedAt, timeZone)] : [],
				),
				today,
			),
		}
	})
	const latest = (timeline: SchemeTimeline<T>) =>
		Math.max(
			...timeline.entries.map((row) => row.submittedAt?.getTime() ?? row.createdAt.getTime()),
		)
	return timelines.sort((a, b) => latest(b) - latest(a) || a.schemeId.localeCompare(b.schemeId))
}

/**
 * The pair a comparison opens with when none is chosen: the assessment that happened last and
 * the one before it of the same scheme (this year against last year); null without such a pair.
 */
export function defaultPair<T extends CycleAssessment>(rows: readonly T[]): { a: T; b: T } | null {
	const ordered = [...rows].sort(byHappened)
	for (let index = ordered.length - 1; index > 0; index--) {
		const later = ordered[index]!
		const earlier = ordered
			.slice(0, index)
			.reverse()
			.find((row) => row.schemeId === later.schemeId)
		if (earlier) return { a: earlier, b: later }
	}
	return null
}

/** The next review due of all the schemes: the soonest (or most overdue) one. */
export function soonestDue<T extends CycleAssessment>(
	timelines: readonly SchemeTimeline<T>[],
): (SelfReviewDue & { schemeId: string }) | null {
	let soonest: (SelfReviewDue & { schemeId: string }) | null = null
	for (const timeline of timelines) {
		if (timeline.due && (soonest === null || timeline.due.daysLeft < soonest.daysLeft))
			soonest = { ...timeline.due, schemeId: timeline.schemeId }
	}
	return soonest
}

/** A level as a page shows it: the scheme's names and the stars to draw beside the name. */
export type LevelView = { key: LevelKey; name: string; nameEn: string | null; stars: number }

export function levelView(schemeId: string, level: ScoreResult['level']): LevelView | null {
	if (!level) return null
	const band = getScheme(schemeId)?.levels.find((entry) => entry.key === level.key)
	return band
		? { key: band.key, name: band.name, nameEn: band.nameEn, stars: starsBesideName(band) }
		: { key: level.key, name: level.name, nameEn: null, stars: 0 }
}

/**
 * One client at a glance (My clients): the assessment in progress (the newest), the one submitted
 * last, and the soonest self-review due over its schemes.
 */
export function clientGlance<T extends CycleAssessment>(
	rows: readonly T[],
	today: string,
): {
	current: T | null
	last: T | null
	nextReview: (SelfReviewDue & { schemeId: string }) | null
} {
	const timelines = timelineByScheme(rows, today)
	const current =
		rows
			.filter((row) => row.status === 'in_progress')
			.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null
	const last =
		rows
			.filter((row) => row.status === 'submitted' && row.submittedAt)
			.sort(byHappened)
			.at(-1) ?? null
	return { current, last, nextReview: soonestDue(timelines) }
}
