import { eq, isNotNull } from 'drizzle-orm'
import { answers, assessorRatings } from '#db/schema/index.ts'
import type { LiveScore } from '#app/domain/assessments/live-score.ts'
import { panelScheme } from '#app/domain/assessments/panel.ts'
import {
	indicatorStates,
	toV1,
	type IndicatorState,
	type StoredAssessment,
} from '#app/domain/assessments/to-v1.ts'
import {
	analyseGaps,
	crossSchemeView,
	pathToNextLevel,
	type Bilingual,
	type Gap,
	type GapReason,
	type NextLevelPath,
	type PathStep,
} from '#app/domain/gaps/index.ts'
import {
	calculationOf,
	exclusionsOf,
	sectionsOf,
	type GapStatus,
} from '#app/domain/results/view.ts'
import { MAPPED_SCHEME_IDS } from '#app/domain/schemes/mapping.ts'
import { schemeIndicators, type Scheme } from '#app/domain/schemes/index.ts'
import {
	scoreAssessment,
	validateAssessment,
	type AssessmentV1,
	type ScoreResult,
} from '#app/domain/scoring/index.ts'
import type { ActionStatus } from '#app/utils/actions.ts'
import { database } from '#app/utils/db.server.ts'
import { hasRole } from '#app/utils/roles.ts'
import {
	liveResult,
	loadStored,
	requireAssessment,
	schemeOf,
	userNames,
	type AssessmentRow,
} from './assessments.server.ts'
import { listActions } from './actions.server.ts'
import { listRatings } from './answers.server.ts'
import { effectiveAssignees, listAssignments } from './collaboration.server.ts'
import type { WorkspaceScope } from './workspace-scope.server.ts'

/** Everything the results pages start from: the assessment, its score and its answers. */
export type ResultsBasis = {
	assessment: AssessmentRow
	scheme: Scheme
	stored: StoredAssessment
	/** the live score, or for a submitted assessment the snapshot taken at submission */
	live: LiveScore
	/** the stored answers as a validated v1 assessment; null when they cannot be scored */
	answers: AssessmentV1 | null
	/**
	 * A submitted assessment whose answers, scored with today's scheme data, no longer give the
	 * snapshot's score or level: the gap analysis then explains today's score, not the snapshot.
	 */
	differsFromSnapshot: boolean
	/**
	 * DNI indicators whose ratings the viewer may not see yet: while the assessment is in
	 * progress, an assessor sees others' ratings only after rating (the questionnaire's rule),
	 * so no page shows their percentages, mean or earned points before then.
	 */
	hidden: ReadonlySet<string>
}

export async function loadResultsBasis(
	scope: WorkspaceScope,
	assessmentId: string | undefined,
): Promise<ResultsBasis> {
	const assessment = await requireAssessment(scope, assessmentId)
	const scheme = schemeOf(assessment)
	const stored = await loadStored(scope, assessment.id)
	const live = await liveResult(scope, assessment, stored)
	const validated = validateAssessment(
		toV1(scheme, stored, { organisation: scope.workspace.name, period: assessment.period }),
	)
	const answers = validated.ok && validated.scheme.id === scheme.id ? validated.assessment : null
	let differsFromSnapshot = false
	if (answers && live.ok && live.submitted) {
		const now = scoreAssessment(scheme, answers)
		differsFromSnapshot =
			now.score !== live.result.score || now.level?.key !== live.result.level?.key
	}
	const hidden = await hiddenRatings(scope, assessment, scheme)
	return { assessment, scheme, stored, live, answers, differsFromSnapshot, hidden }
}

async function hiddenRatings(
	scope: WorkspaceScope,
	assessment: AssessmentRow,
	scheme: Scheme,
): Promise<ReadonlySet<string>> {
	// viewers cannot rate, so there is nothing for them to anchor on
	if (
		scheme.answerMode !== 'percent' ||
		assessment.status === 'submitted' ||
		!hasRole(scope.role, 'assessor')
	)
		return new Set()
	const ratings = await listRatings(scope, assessment.id)
	return new Set(
		[...ratings]
			.filter(([, view]) => view.mine === null && view.othersCount > 0)
			.map(([indicatorId]) => indicatorId),
	)
}

/** A gap as a page may show it: without its numbers and reason while its ratings are hidden. */
export type GapView = Omit<Gap, 'earned' | 'lost' | 'recoverable' | 'reason' | 'text'> & {
	earned: number | null
	lost: number | null
	recoverable: number | null
	reason: GapReason | null
	/** null: hidden until the viewer has rated */
	text: Bilingual | null
}

export function gapView(gap: Gap, hidden: ReadonlySet<string>): GapView {
	if (!hidden.has(gap.id)) return gap
	return { ...gap, earned: null, lost: null, recoverable: null, reason: null, text: null }
}

/** What every results page shows in its heading and navigation. */
export function resultsHeader(scope: WorkspaceScope, basis: ResultsBasis) {
	const { assessment, scheme } = basis
	return {
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		assessment: {
			id: assessment.id,
			title: assessment.title,
			period: assessment.period,
			status: assessment.status,
			submittedAt: assessment.submittedAt,
		},
		scheme: { ...panelScheme(scheme), title: scheme.title, titleEn: scheme.titleEn },
		crossScheme: MAPPED_SCHEME_IDS.includes(scheme.id),
		scorable: basis.live.ok,
		differsFromSnapshot: basis.differsFromSnapshot,
		can: { createActions: hasRole(scope.role, 'assessor') },
	}
}

/** The result without its per-indicator list, which no page shows as such. */
function resultSummary(result: ScoreResult) {
	const { indicators: _indicators, sections: _sections, ...rest } = result
	return rest
}

/**
 * The path to the next level without the full-marks answers it computed (nobody reads them),
 * and without the points and reason of a step whose ratings are hidden from the viewer.
 */
export function pathView(path: NextLevelPath, hidden: ReadonlySet<string>) {
	if (path.kind !== 'path') return path
	return {
		...path,
		steps: path.steps.map(({ answer: _answer, ...step }): PathStepView =>
			hidden.has(step.id) ? { ...step, lost: null, gain: null, text: null } : step,
		),
	}
}

type PathStepView = Omit<PathStep, 'answer' | 'lost' | 'gain' | 'text'> & {
	lost: number | null
	gain: number | null
	/** null: hidden until the viewer has rated */
	text: Bilingual | null
}
export type PathView = ReturnType<typeof pathView>

const TOP_GAPS = 5

/** The results page: score, level and why, the arithmetic, sections, exclusions, the next level. */
export function resultsOverview(basis: ResultsBasis) {
	const { live, scheme, answers } = basis
	if (!live.ok) return { ok: false as const, error: live.error, progress: live.progress }
	const result = live.result
	const gaps = answers ? analyseGaps(scheme, answers) : null
	return {
		ok: true as const,
		submitted: live.submitted,
		progress: live.progress,
		result: resultSummary(result),
		reasons: live.reasons,
		calculation: calculationOf(scheme, result),
		sections: sectionsOf(scheme, result),
		exclusions: answers ? exclusionsOf(scheme, answers, result) : [],
		path: answers ? pathView(pathToNextLevel(scheme, answers), basis.hidden) : null,
		topGaps: gaps ? gaps.gaps.slice(0, TOP_GAPS).map((gap) => gapView(gap, basis.hidden)) : [],
		gapCount: gaps?.gaps.length ?? 0,
		recoverable: gaps?.recoverable ?? 0,
	}
}

export type GapFilters = {
	section?: string
	/** a member's user id, or "none" for gaps nobody is assigned */
	assignee?: string
	status?: GapStatus
}

export type GapRow = GapView & {
	/** place in the full ranking, from 1 */
	rank: number
	status: IndicatorState
	assignee: { id: string; name: string } | null
	/** improvement actions already linked to the indicator */
	actions: { id: string; title: string; status: ActionStatus }[]
}

/**
 * Every indicator that lost points, ranked by the points it can recover, with who answers it
 * (its own assignment, else its section's) and its answer status; then filtered. An assignee
 * who answers nothing in this assessment is no filter: `unknownAssignee` says so.
 */
export async function gapsOf(scope: WorkspaceScope, basis: ResultsBasis, filters: GapFilters) {
	const { scheme, answers, stored, assessment } = basis
	const [assignments, actions] = await Promise.all([
		listAssignments(scope, assessment.id),
		listActions(scope, { assessmentId: assessment.id }),
	])
	const planned = new Map<string, GapRow['actions']>()
	for (const action of actions)
		for (const indicator of action.indicators)
			planned.set(indicator.id, [
				...(planned.get(indicator.id) ?? []),
				{ id: action.id, title: action.title, status: action.status },
			])
	const names = new Map(assignments.map((row) => [row.user.id, row.user.name]))
	const assignees = effectiveAssignees(
		scheme,
		assignments.map((row) => ({
			targetType: row.targetType,
			targetId: row.targetId,
			userId: row.user.id,
		})),
	)
	const people = [...new Set([...assignees.values()].map((entry) => entry.userId))]
		.map((id) => ({ id, name: names.get(id) ?? '' }))
		.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
	const unknownAssignee =
		filters.assignee !== undefined &&
		filters.assignee !== 'none' &&
		!people.some((person) => person.id === filters.assignee)
	const assignee = unknownAssignee ? undefined : filters.assignee
	if (!answers) return { analysis: null, rows: [], total: 0, people, path: null, unknownAssignee }
	const analysis = analyseGaps(scheme, answers)
	const states = indicatorStates(scheme, stored)
	const rows: GapRow[] = analysis.gaps.map((gap, i) => {
		const userId = assignees.get(gap.id)?.userId
		return {
			...gapView(gap, basis.hidden),
			rank: i + 1,
			status: states.get(gap.id) ?? 'unanswered',
			assignee: userId ? { id: userId, name: names.get(userId) ?? '' } : null,
			actions: planned.get(gap.id) ?? [],
		}
	})
	const shown = rows.filter(
		(row) =>
			(filters.section === undefined || row.sectionId === filters.section) &&
			(filters.status === undefined || row.status === filters.status) &&
			(assignee === undefined ||
				(assignee === 'none' ? row.assignee === null : row.assignee?.id === assignee)),
	)
	const { gaps: _gaps, ...totals } = analysis
	return {
		analysis: totals,
		rows: shown,
		total: rows.length,
		people,
		path: pathView(pathToNextLevel(scheme, answers), basis.hidden),
		unknownAssignee,
	}
}

/** What the same answers would score under the other schemes of the GB/T 27922 family. */
export function crossSchemeOf(basis: ResultsBasis) {
	const { scheme, answers } = basis
	if (!answers) return null
	const view = crossSchemeView(scheme, answers)
	if (!view) return null
	const titles = new Map(
		schemeIndicators(scheme).map(({ indicator }) => [
			indicator.id,
			{ title: indicator.title, titleEn: indicator.titleEn },
		]),
	)
	return {
		source: resultSummary(view.source),
		comparisons: view.comparisons.map((comparison) => ({
			scheme: comparison.scheme,
			shortTitle: comparison.shortTitle,
			title: comparison.title,
			titleEn: comparison.titleEn,
			fullMarks: comparison.fullMarks,
			carried: comparison.carried,
			notCarried: comparison.notCarried.map(({ detail: _detail, ...entry }) => ({
				...entry,
				...(titles.get(entry.id) ?? { title: entry.id, titleEn: entry.id }),
			})),
			toAnswer: comparison.toAnswer,
			result: comparison.result ? resultSummary(comparison.result) : null,
			error: comparison.error,
			bestCase: comparison.bestCase,
		})),
	}
}

/** Members who answered or rated any indicator of the assessment, by name. */
export async function assessorNames(
	scope: WorkspaceScope,
	assessmentId: string,
): Promise<string[]> {
	const db = database()
	const [answered, rated] = await Promise.all([
		db
			.selectDistinct({ userId: answers.updatedBy })
			.from(answers)
			.where(
				scope.where(answers, eq(answers.assessmentId, assessmentId), isNotNull(answers.value)),
			),
		db
			.selectDistinct({ userId: assessorRatings.userId })
			.from(assessorRatings)
			.where(scope.where(assessorRatings, eq(assessorRatings.assessmentId, assessmentId))),
	])
	const names = await userNames([...answered, ...rated].map((row) => row.userId))
	return [...new Set(names.values())].sort((a, b) => a.localeCompare(b, 'zh-CN'))
}
