import { asc, desc, eq, gt, inArray, lte } from 'drizzle-orm'
import { actionIndicators, assessments, improvementActions, users } from '#db/schema/index.ts'
import type { Progress } from '#app/domain/assessments/to-v1.ts'
import {
	byHappened,
	chronological,
	defaultPair,
	levelView,
	timelineByScheme,
	type LevelView,
} from '#app/domain/assessments/timeline.ts'
import {
	calendarDate,
	compareAssessments,
	type Direction,
	type IndicatorStatus,
	type SelfReviewDue,
} from '#app/domain/gaps/index.ts'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import type { IndicatorResult, ScoreResult } from '#app/domain/scoring/types.ts'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { database } from '#app/utils/db.server.ts'
import {
	liveResult,
	listAssessments,
	requireAssessment,
	schemeOf,
	type AssessmentRow,
} from './assessments.server.ts'
import type { WorkspaceScope } from './workspace-scope.server.ts'

export type TimelineEntry = {
	id: string
	title: string
	schemeId: string
	period: string
	status: AssessmentRow['status']
	createdAt: Date
	submittedAt: Date | null
	/** the calendar date of the submission in China */
	submittedDate: string | null
	score: number | null
	/** checklist schemes report a conformity rate, not points */
	checklist: boolean
	passed: boolean | null
	level: LevelView | null
	progress: Progress
	/** the assessment of the same scheme that happened just before, to compare with */
	previousId: string | null
}

export type SchemeTimelineView = {
	scheme: { id: string; shortTitle: string; title: string; titleEn: string }
	entries: TimelineEntry[]
	inProgress: { id: string; title: string } | null
	lastSubmitted: { id: string; title: string; period: string } | null
	due: SelfReviewDue | null
}

/**
 * The workspace's annual cycle: every assessment per scheme and period with its score, and when
 * the next self-review of each scheme is due. `today` is a calendar date in China, given so that
 * tests can fix it.
 */
export async function workspaceTimeline(
	scope: WorkspaceScope,
	today: string = calendarDate(new Date()),
): Promise<SchemeTimelineView[]> {
	const rows = (await listAssessments(scope)).map(({ live, ...row }) => ({
		...row,
		submittedDate: row.submittedAt ? calendarDate(row.submittedAt) : null,
		score: live.ok ? live.result.score : null,
		checklist: live.ok && live.result.passed === null,
		passed: live.ok ? live.result.passed : null,
		level: live.ok ? levelView(row.schemeId, live.result.level) : null,
		progress: live.progress,
	}))
	const previous = new Map<string, string>()
	const ordered = [...rows].sort(byHappened)
	ordered.forEach((row, index) => {
		const before = ordered
			.slice(0, index)
			.reverse()
			.find((other) => other.schemeId === row.schemeId)
		if (before) previous.set(row.id, before.id)
	})
	return timelineByScheme(rows, today).flatMap((timeline) => {
		const scheme = getScheme(timeline.schemeId)
		if (!scheme) return []
		return [
			{
				scheme: {
					id: scheme.id,
					shortTitle: scheme.shortTitle,
					title: scheme.title,
					titleEn: scheme.titleEn,
				},
				entries: timeline.entries.map(({ schemeTitle: _, ...entry }) => ({
					...entry,
					previousId: previous.get(entry.id) ?? null,
				})),
				inProgress: timeline.inProgress
					? { id: timeline.inProgress.id, title: timeline.inProgress.title }
					: null,
				lastSubmitted: timeline.lastSubmitted
					? {
							id: timeline.lastSubmitted.id,
							title: timeline.lastSubmitted.title,
							period: timeline.lastSubmitted.period,
						}
					: null,
				due: timeline.due,
			},
		]
	})
}

export type CompareChoice = {
	id: string
	title: string
	period: string
	status: AssessmentRow['status']
	schemeId: string
	schemeTitle: string
}

/**
 * Every assessment of the workspace a comparison can pick, newest first, and the pair it opens
 * with when none is chosen (the latest and the one before it of the same scheme).
 */
export async function compareChoices(
	scope: WorkspaceScope,
): Promise<{ choices: CompareChoice[]; pair: { a: string; b: string } | null }> {
	const rows = await database()
		.select({
			id: assessments.id,
			title: assessments.title,
			period: assessments.period,
			status: assessments.status,
			schemeId: assessments.schemeId,
			createdAt: assessments.createdAt,
			submittedAt: assessments.submittedAt,
		})
		.from(assessments)
		.where(scope.where(assessments))
		.orderBy(desc(assessments.createdAt), desc(assessments.id))
	const known = rows.flatMap((row) => {
		const scheme = getScheme(row.schemeId)
		return scheme ? [{ ...row, schemeTitle: scheme.shortTitle }] : []
	})
	const pair = defaultPair(known)
	return {
		choices: known.map(({ createdAt: _, submittedAt: __, ...choice }) => choice),
		pair: pair ? { a: pair.a.id, b: pair.b.id } : null,
	}
}

export type ComparedSide = {
	id: string
	title: string
	period: string
	status: AssessmentRow['status']
	submittedAt: Date | null
	score: number
	checklist: boolean
	passed: boolean | null
	level: LevelView | null
	specialDeductions: number
	involvedMarks: number
	earned: number
}

export type ComparedIndicator = {
	id: string
	title: string | null
	titleEn: string | null
	sectionId: string | null
	status: IndicatorStatus
	before: { earned: number; involved: number; full: number; excluded: boolean } | null
	after: { earned: number; involved: number; full: number; excluded: boolean } | null
	change: number
}

export type ComparedSection = {
	id: string
	name: string
	nameEn: string | null
	before: { earned: number; involved: number; full: number } | null
	after: { earned: number; involved: number; full: number } | null
	change: number
	shareBefore: number | null
	shareAfter: number | null
}

export type Comparison = {
	scheme: { id: string; shortTitle: string; fullMarks: number }
	before: ComparedSide
	after: ComparedSide
	/** the two were given later first and are shown in the order they happened */
	swapped: boolean
	score: { change: number }
	levelDirection: Direction
	counts: Record<IndicatorStatus, number>
	summary: { zh: string; en: string }
	sections: ComparedSection[]
	indicators: ComparedIndicator[]
	/** the window "in between": after the earlier one was submitted, up to the later submission */
	between: { from: Date; to: Date | null }
	actions: CompletedAction[]
}

export type CompletedAction = {
	id: string
	assessmentId: string | null
	title: string
	ownerName: string | null
	completedAt: Date
	indicatorIds: string[]
}

/**
 * Done improvement actions linked to either assessment and completed in the window: after the
 * earlier one was submitted (or started, if it never was) and no later than the later submission
 * (open-ended while the later one is in progress).
 */
async function actionsCompletedBetween(
	scope: WorkspaceScope,
	before: AssessmentRow,
	after: AssessmentRow,
): Promise<{ between: { from: Date; to: Date | null }; actions: CompletedAction[] }> {
	const from = before.submittedAt ?? before.createdAt
	const to = after.submittedAt
	const rows = await database()
		.select({
			id: improvementActions.id,
			assessmentId: improvementActions.assessmentId,
			title: improvementActions.title,
			ownerName: users.name,
			completedAt: improvementActions.completedAt,
		})
		.from(improvementActions)
		.leftJoin(users, eq(users.id, improvementActions.ownerUserId))
		.where(
			scope.where(
				improvementActions,
				inArray(improvementActions.assessmentId, [before.id, after.id]),
				eq(improvementActions.status, 'done'),
				gt(improvementActions.completedAt, from),
				to ? lte(improvementActions.completedAt, to) : undefined,
			),
		)
		.orderBy(asc(improvementActions.completedAt), asc(improvementActions.id))
	const ids = rows.map((row) => row.id)
	const links = ids.length
		? await database()
				.select({ actionId: actionIndicators.actionId, indicatorId: actionIndicators.indicatorId })
				.from(actionIndicators)
				.where(scope.where(actionIndicators, inArray(actionIndicators.actionId, ids)))
				.orderBy(asc(actionIndicators.indicatorId))
		: []
	const indicatorsOf = new Map<string, string[]>()
	for (const link of links)
		indicatorsOf.set(link.actionId, [...(indicatorsOf.get(link.actionId) ?? []), link.indicatorId])
	return {
		between: { from, to },
		actions: rows.flatMap((row) =>
			row.completedAt
				? [{ ...row, completedAt: row.completedAt, indicatorIds: indicatorsOf.get(row.id) ?? [] }]
				: [],
		),
	}
}

export type CompareRefusal = {
	ok: false
	status: 400
	message: MessageKey
	params?: Record<string, string>
}

/** A result to compare: the snapshot of a submitted assessment, the live score of one in progress. */
async function resultOf(scope: WorkspaceScope, row: AssessmentRow): Promise<ScoreResult | null> {
	const live = await liveResult(scope, row)
	return live.ok ? live.result : null
}

function side(row: AssessmentRow, result: ScoreResult): ComparedSide {
	return {
		id: row.id,
		title: row.title,
		period: row.period,
		status: row.status,
		submittedAt: row.submittedAt,
		score: result.score,
		checklist: result.passed === null,
		passed: result.passed,
		level: levelView(row.schemeId, result.level),
		specialDeductions: result.specialDeductions,
		involvedMarks: result.involvedMarks,
		earned: result.earned,
	}
}

/**
 * Two assessments of this workspace side by side, in the order they happened: 404 for an id that
 * is not the workspace's, 400 (with a message) for the same one twice, two schemes or answers
 * that cannot be scored yet.
 */
export async function compareTwo(
	scope: WorkspaceScope,
	aId: string,
	bId: string,
): Promise<({ ok: true } & Comparison) | CompareRefusal> {
	const [a, b] = await Promise.all([requireAssessment(scope, aId), requireAssessment(scope, bId)])
	if (a.id === b.id) return { ok: false, status: 400, message: 'cycle.compare.error.same' }
	if (a.schemeId !== b.schemeId)
		return {
			ok: false,
			status: 400,
			message: 'cycle.compare.error.otherScheme',
			params: {
				a: getScheme(a.schemeId)?.shortTitle ?? a.schemeId,
				b: getScheme(b.schemeId)?.shortTitle ?? b.schemeId,
			},
		}
	const scheme = schemeOf(b)
	const { before, after, swapped } = chronological(a, b)
	const [beforeResult, afterResult, completed] = await Promise.all([
		resultOf(scope, before),
		resultOf(scope, after),
		actionsCompletedBetween(scope, before, after),
	])
	const notScorable = (row: AssessmentRow): CompareRefusal => ({
		ok: false,
		status: 400,
		message: 'cycle.compare.error.notScorable',
		params: { title: row.title },
	})
	if (!beforeResult) return notScorable(before)
	if (!afterResult) return notScorable(after)
	const comparison = compareAssessments(beforeResult, afterResult)
	const indicatorInfo = new Map(
		schemeIndicators(scheme).map(({ indicator, section }) => [
			indicator.id,
			{ title: indicator.title, titleEn: indicator.titleEn, sectionId: section.id },
		]),
	)
	const sectionEn = new Map(scheme.sections.map((section) => [section.id, section.titleEn]))
	const marks = (entry: { earned: number; involved: number; full: number } | null) =>
		entry ? { earned: entry.earned, involved: entry.involved, full: entry.full } : null
	const indicatorMarks = (entry: IndicatorResult | null) =>
		entry
			? {
					earned: entry.earned,
					involved: entry.involved,
					full: entry.full,
					excluded: entry.excluded,
				}
			: null
	return {
		ok: true,
		scheme: { id: scheme.id, shortTitle: scheme.shortTitle, fullMarks: scheme.fullMarks },
		before: side(before, beforeResult),
		after: side(after, afterResult),
		swapped,
		score: { change: comparison.score.change },
		levelDirection: comparison.level.direction,
		counts: comparison.counts,
		summary: comparison.summary,
		sections: comparison.sections.map((section) => ({
			id: section.id,
			name: section.name,
			nameEn: sectionEn.get(section.id) ?? null,
			before: marks(section.before),
			after: marks(section.after),
			change: section.change,
			shareBefore: section.shareBefore,
			shareAfter: section.shareAfter,
		})),
		indicators: comparison.indicators.map((entry) => {
			const info = indicatorInfo.get(entry.id)
			return {
				id: entry.id,
				title: info?.title ?? null,
				titleEn: info?.titleEn ?? null,
				sectionId: info?.sectionId ?? null,
				status: entry.status,
				before: indicatorMarks(entry.before),
				after: indicatorMarks(entry.after),
				change: entry.change,
			}
		}),
		...completed,
	}
}
