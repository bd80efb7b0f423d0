import { and, count, eq, inArray, lt, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import {
	answers,
	assessments,
	assessorRatings,
	improvementActions,
	memberships,
} from '#db/schema/index.ts'
import { clientGlance, levelView, type LevelView } from '#app/domain/assessments/timeline.ts'
import {
	EMPTY_STORED,
	overallProgress,
	sectionProgress,
	type Progress,
	type StoredAnswer,
	type StoredRating,
} from '#app/domain/assessments/to-v1.ts'
import { calendarDate } from '#app/domain/gaps/index.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import type { LevelKey } from '#app/domain/schemes/scheme-schema.ts'
import { ACTIVE_STATUSES } from '#app/utils/actions.ts'
import { database, type Database } from '#app/utils/db.server.ts'

/** One client on "My clients": where its self-assessment stands and what is late. */
export type ClientFigures = {
	/** the scheme of the assessment in progress, else of the last submitted one */
	scheme: { id: string; shortTitle: string } | null
	current: { id: string; title: string; period: string; progress: Progress } | null
	last: {
		id: string
		title: string
		period: string
		schemeTitle: string
		submittedDate: string
		score: number | null
		checklist: boolean
		passed: boolean | null
		level: LevelView | null
	} | null
	overdueActions: number
	nextReview: {
		schemeTitle: string
		due: string
		daysLeft: number
		overdue: boolean
		dueSoon: boolean
	} | null
}

export const NO_FIGURES: ClientFigures = {
	scheme: null,
	current: null,
	last: null,
	overdueActions: 0,
	nextReview: null,
}

/** The user's memberships as a join condition: the one scope of a query across workspaces. */
function memberOf(userId: string, workspaceId: SQLiteColumn) {
	return and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))
}

/**
 * The figures of every workspace the user belongs to, keyed by workspace id, in four queries
 * whatever the number of clients: assessments (scores read from the stored result by SQLite),
 * the answers and ratings of those in progress, and the overdue actions counted per workspace.
 * Each query joins the user's memberships, so no other workspace can contribute a row.
 */
export async function portfolioFigures(
	userId: string,
	today: string = calendarDate(new Date()),
	db: Database = database(),
): Promise<Map<string, ClientFigures>> {
	const result = assessments.submittedResult
	const [rows, overdue] = await Promise.all([
		db
			.select({
				id: assessments.id,
				workspaceId: assessments.workspaceId,
				schemeId: assessments.schemeId,
				title: assessments.title,
				period: assessments.period,
				status: assessments.status,
				createdAt: assessments.createdAt,
				submittedAt: assessments.submittedAt,
				score: sql<number | null>`json_extract(${result}, '$.score')`,
				passed: sql<number | null>`json_extract(${result}, '$.passed')`,
				levelKey: sql<LevelKey | null>`json_extract(${result}, '$.level.key')`,
				levelName: sql<string | null>`json_extract(${result}, '$.level.name')`,
			})
			.from(assessments)
			.innerJoin(memberships, memberOf(userId, assessments.workspaceId)),
		db
			.select({ workspaceId: improvementActions.workspaceId, overdue: count() })
			.from(improvementActions)
			.innerJoin(memberships, memberOf(userId, improvementActions.workspaceId))
			.where(
				and(
					inArray(improvementActions.status, ACTIVE_STATUSES),
					lt(improvementActions.dueDate, today),
				),
			)
			.groupBy(improvementActions.workspaceId),
	])
	const known = rows.filter((row) => getScheme(row.schemeId))
	const byWorkspace = new Map<string, typeof known>()
	for (const row of known)
		byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row])
	const glances = new Map(
		[...byWorkspace].map(([workspaceId, list]) => [workspaceId, clientGlance(list, today)]),
	)
	const current = [...glances.values()].flatMap((glance) =>
		glance.current ? [glance.current] : [],
	)
	const stored = await storedAnswers(
		db,
		userId,
		current.map((row) => row.id),
	)
	const overdueBy = new Map(overdue.map((row) => [row.workspaceId, row.overdue]))
	const figures = new Map<string, ClientFigures>()
	for (const workspaceId of new Set([...glances.keys(), ...overdueBy.keys()])) {
		const glance = glances.get(workspaceId)
		const shown = glance?.current ?? glance?.last
		const currentScheme = glance?.current ? getScheme(glance.current.schemeId) : undefined
		const last = glance?.last
		const nextReview = glance?.nextReview
		const schemeTitle = (id: string) => getScheme(id)?.shortTitle ?? id
		figures.set(workspaceId, {
			scheme: shown ? { id: shown.schemeId, shortTitle: schemeTitle(shown.schemeId) } : null,
			current:
				glance?.current && currentScheme
					? {
							id: glance.current.id,
							title: glance.current.title,
							period: glance.current.period,
							progress: overallProgress(
								sectionProgress(currentScheme, {
									...EMPTY_STORED,
									...stored.get(glance.current.id),
								}),
							),
						}
					: null,
			last:
				last && last.submittedAt
					? {
							id: last.id,
							title: last.title,
							period: last.period,
							schemeTitle: schemeTitle(last.schemeId),
							submittedDate: calendarDate(last.submittedAt),
							score: last.score,
							checklist: last.score !== null && last.passed === null,
							passed: last.passed === null ? null : last.passed === 1,
							level:
								last.levelKey && last.levelName
									? levelView(last.schemeId, { key: last.levelKey, name: last.levelName })
									: null,
						}
					: null,
			overdueActions: overdueBy.get(workspaceId) ?? 0,
			nextReview: nextReview
				? {
						schemeTitle: schemeTitle(nextReview.schemeId),
						due: nextReview.due,
						daysLeft: nextReview.daysLeft,
						overdue: nextReview.overdue,
						dueSoon: nextReview.dueSoon,
					}
				: null,
		})
	}
	return figures
}

/** The answers and DNI ratings of some assessments, for their progress; two queries for all. */
async function storedAnswers(
	db: Database,
	userId: string,
	assessmentIds: string[],
): Promise<Map<string, { answers: StoredAnswer[]; ratings: StoredRating[] }>> {
	const out = new Map<string, { answers: StoredAnswer[]; ratings: StoredRating[] }>()
	if (assessmentIds.length === 0) return out
	const [answerRows, ratingRows] = await Promise.all([
		db
			.select({
				assessmentId: answers.assessmentId,
				indicatorId: answers.indicatorId,
				value: answers.value,
				note: answers.note,
				status: answers.status,
			})
			.from(answers)
			.innerJoin(memberships, memberOf(userId, answers.workspaceId))
			.where(inArray(answers.assessmentId, assessmentIds)),
		db
			.select({
				assessmentId: assessorRatings.assessmentId,
				indicatorId: assessorRatings.indicatorId,
				userId: assessorRatings.userId,
				percent: assessorRatings.percent,
			})
			.from(assessorRatings)
			.innerJoin(memberships, memberOf(userId, assessorRatings.workspaceId))
			.where(inArray(assessorRatings.assessmentId, assessmentIds)),
	])
	const entry = (id: string) => {
		let found = out.get(id)
		if (!found) {
			found = { answers: [], ratings: [] }
			out.set(id, found)
		}
		return found
	}
	for (const { assessmentId, value, ...row } of answerRows)
		entry(assessmentId).answers.push({ ...row, value: value ?? null })
	for (const { assessmentId, ...row } of ratingRows) entry(assessmentId).ratings.push(row)
	return out
}
