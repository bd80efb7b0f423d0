import { asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import {
	answers,
	assessments,
	assessorRatings,
	assignments,
	comments,
	memberships,
	users,
	type Role,
} from '#db/schema/index.ts'
import {
	getScheme,
	schemeIndicators,
	type Indicator,
	type Scheme,
	type Section,
} from '#app/domain/schemes/index.ts'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { COMMENT_MAX_LENGTH } from '#app/utils/collaboration.ts'
import { database, preparedQuery, type Database } from '#app/utils/db.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { recordAudit, type Tx } from './audit.server.ts'
import { roleAtLeast, scopedPlaceholder, type WorkspaceScope } from './workspace-scope.server.ts'

/** A refused change: the status to answer with, the message to show and the field it belongs to. */
export type Refusal = {
	ok: false
	status: 400 | 403 | 404 | 409 | 413 | 415
	message: MessageKey
	field?: string
	vars?: Record<string, string | number>
}
export type Outcome<T = object> = ({ ok: true } & T) | Refusal

export function refusal(
	status: Refusal['status'],
	message: MessageKey,
	field?: string,
	vars?: Record<string, string | number>,
): Refusal {
	return { ok: false, status, message, field, vars }
}

export const notFound = refusal(404, 'collab.error.notFound')
export const readOnly = refusal(409, 'collab.error.submitted')
export const viewerReadOnly = refusal(403, 'collab.error.viewer')

type Assessment = typeof assessments.$inferSelect

/** The assessment of this workspace with this id, or null (also when it belongs to another). */
export async function findAssessment(
	scope: WorkspaceScope,
	assessmentId: string,
	db: Tx | ReturnType<typeof database> = database(),
): Promise<Assessment | null> {
	const rows = await db
		.select()
		.from(assessments)
		.where(scope.where(assessments, eq(assessments.id, assessmentId)))
	return rows[0] ?? null
}

type Targets = {
	scheme: Scheme
	sections: Map<string, Section>
	indicators: Map<string, { indicator: Indicator; section: Section }>
}
const targetCache = new WeakMap<Scheme, Targets>()

/** What an assessment's scheme lets one assign, comment on and attach evidence to. */
export function targetsOf(schemeId: string): Targets | null {
	const scheme = getScheme(schemeId)
	if (!scheme) return null
	let targets = targetCache.get(scheme)
	if (!targets) {
		targets = {
			scheme,
			sections: new Map(scheme.sections.map((section) => [section.id, section])),
			indicators: new Map(schemeIndicators(scheme).map((e) => [e.indicator.id, e])),
		}
		targetCache.set(scheme, targets)
	}
	return targets
}

/**
 * The assessment a change names and its scheme: 404 when missing or another workspace's, 403 for
 * viewers (they read only), 409 once submitted (read-only for everyone).
 */
export async function changeableAssessment(
	scope: WorkspaceScope,
	assessmentId: string,
	db: Tx | ReturnType<typeof database> = database(),
): Promise<Outcome<{ assessment: Assessment; targets: Targets }>> {
	const assessment = await findAssessment(scope, assessmentId, db)
	const targets = assessment && targetsOf(assessment.schemeId)
	if (!assessment || !targets) return notFound
	if (!roleAtLeast(scope.role, 'assessor')) return viewerReadOnly
	if (assessment.status === 'submitted') return readOnly
	return { ok: true, assessment, targets }
}

// ── comments ──────────────────────────────────────────────────────────────────────────────────

export type CommentView = {
	id: string
	indicatorId: string
	body: string
	createdAt: Date
	author: { id: string; name: string } | null
}

/** Oldest first, as a conversation reads, with the author's name: queries built once each. */
const commentsWhere = (db: Database, where: SQL) =>
	db
		.select({ comment: comments, authorName: users.name })
		.from(comments)
		.leftJoin(users, eq(users.id, comments.userId))
		.where(where)
		.orderBy(asc(comments.createdAt), asc(comments.id))
		.prepare()
const ofAssessment = () => eq(comments.assessmentId, sql.placeholder('assessmentId'))
const commentsOfAssessment = preparedQuery((db) =>
	commentsWhere(db, scopedPlaceholder(comments, ofAssessment())),
)
const commentsOfIndicator = preparedQuery((db) =>
	commentsWhere(
		db,
		scopedPlaceholder(
			comments,
			ofAssessment(),
			eq(comments.indicatorId, sql.placeholder('indicatorId')),
		),
	),
)

/** All indicators of the assessment, or one (as the answering page shows them). */
export async function listComments(
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId?: string,
): Promise<CommentView[]> {
	const rows =
		indicatorId === undefined
			? await commentsOfAssessment().all(scope.bind({ assessmentId }))
			: await commentsOfIndicator().all(scope.bind({ assessmentId, indicatorId }))
	return rows.map(({ comment, authorName }) => ({
		id: comment.id,
		indicatorId: comment.indicatorId,
		body: comment.body,
		createdAt: comment.createdAt,
		author: comment.userId && authorName !== null ? { id: comment.userId, name: authorName } : null,
	}))
}

export const CommentSchema = z.object({
	indicatorId: z.string().trim().min(1).max(50),
	body: z.string().trim().min(1).max(COMMENT_MAX_LENGTH),
})

/** Viewers read only: a comment is part of answering, and answering needs the assessor role. */
export async function addComment(
	scope: WorkspaceScope,
	assessmentId: string,
	input: z.infer<typeof CommentSchema>,
	ip: string,
): Promise<Outcome<{ comment: CommentView }>> {
	return database().transaction(async (tx) => {
		const target = await changeableAssessment(scope, assessmentId, tx)
		if (!target.ok) return target
		if (!target.targets.indicators.has(input.indicatorId))
			return refusal(400, 'collab.error.unknownIndicator', 'indicatorId')
		const [row] = await tx
			.insert(comments)
			.values({
				workspaceId: scope.workspace.id,
				assessmentId,
				indicatorId: input.indicatorId,
				userId: scope.user.id,
				body: input.body,
			})
			.returning()
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'comment.added',
			targetType: 'comment',
			targetId: row!.id,
			detail: { assessmentId, indicatorId: input.indicatorId, length: input.body.length },
			ip,
		})
		return {
			ok: true,
			comment: {
				id: row!.id,
				indicatorId: row!.indicatorId,
				body: row!.body,
				createdAt: row!.createdAt,
				author: { id: scope.user.id, name: scope.user.name },
			},
		}
	})
}

// ── assignments ───────────────────────────────────────────────────────────────────────────────

export type AssignmentView = {
	id: string
	targetType: 'section' | 'indicator'
	targetId: string
	user: { id: string; name: string }
}

const assignmentsOf = preparedQuery((db) =>
	db
		.select({ assignment: assignments, name: users.name })
		.from(assignments)
		.innerJoin(users, eq(users.id, assignments.userId))
		.where(
			scopedPlaceholder(assignments, eq(assignments.assessmentId, sql.placeholder('assessmentId'))),
		)
		.orderBy(asc(assignments.targetType), asc(assignments.targetId))
		.prepare(),
)

export async function listAssignments(
	scope: WorkspaceScope,
	assessmentId: string,
): Promise<AssignmentView[]> {
	const rows = await assignmentsOf().all(scope.bind({ assessmentId }))
	return rows.map(({ assignment, name }) => ({
		id: assignment.id,
		targetType: assignment.targetType,
		targetId: assignment.targetId,
		user: { id: assignment.userId, name },
	}))
}

export type Assignee = { userId: string; name: string; role: Role }

/** Members who can answer, so can be assigned: everyone but viewers. */
const membersOf = preparedQuery((db) =>
	db
		.select({ userId: memberships.userId, name: users.name, role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(scopedPlaceholder(memberships))
		.orderBy(asc(users.name))
		.prepare(),
)

export async function assignableMembers(scope: WorkspaceScope): Promise<Assignee[]> {
	const rows = await membersOf().all(scope.bind({}))
	return rows.filter((member) => member.role !== 'viewer')
}

export const AssignmentTargetSchema = z.object({
	targetType: z.enum(['section', 'indicator']),
	targetId: z.string().trim().min(1).max(50),
})
export const AssignSchema = AssignmentTargetSchema.extend({
	userId: z.string().trim().min(1).max(100),
})

type AssignmentTarget = z.infer<typeof AssignmentTargetSchema>

function knownTarget(targets: Targets, target: AssignmentTarget): boolean {
	return target.targetType === 'section'
		? targets.sections.has(target.targetId)
		: targets.indicators.has(target.targetId)
}

async function currentAssignment(
	tx: Tx,
	scope: WorkspaceScope,
	assessmentId: string,
	target: AssignmentTarget,
) {
	const rows = await tx
		.select()
		.from(assignments)
		.where(
			scope.where(
				assignments,
				eq(assignments.assessmentId, assessmentId),
				eq(assignments.targetType, target.targetType),
				eq(assignments.targetId, target.targetId),
			),
		)
	return rows[0] ?? null
}

/**
 * Owners and admins assign anyone who can answer, and reassign; an assessor may only take an
 * unassigned section or indicator for themselves.
 */
export async function assign(
	scope: WorkspaceScope,
	assessmentId: string,
	input: z.infer<typeof AssignSchema>,
	ip: string,
): Promise<Outcome<{ changed: boolean }>> {
	return database().transaction(async (tx) => {
		const target = await changeableAssessment(scope, assessmentId, tx)
		if (!target.ok) return target
		if (!knownTarget(target.targets, input))
			return refusal(400, 'collab.error.unknownTarget', 'targetId')
		const manager = roleAtLeast(scope.role, 'admin')
		if (!manager && input.userId !== scope.user.id)
			return refusal(403, 'collab.assign.error.onlySelf', 'userId')
		const [assignee] = await tx
			.select({ role: memberships.role, name: users.name })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(scope.where(memberships, eq(memberships.userId, input.userId)))
		if (!assignee) return refusal(400, 'collab.assign.error.notMember', 'userId')
		if (assignee.role === 'viewer') return refusal(400, 'collab.assign.error.viewer', 'userId')
		const current = await currentAssignment(tx, scope, assessmentId, input)
		if (current?.userId === input.userId) return { ok: true, changed: false }
		if (current && !manager) return refusal(409, 'collab.assign.error.taken', 'userId')
		if (current) {
			await tx
				.update(assignments)
				.set({ userId: input.userId, createdAt: new Date() })
				.where(scope.where(assignments, eq(assignments.id, current.id)))
		} else {
			await tx.insert(assignments).values({
				workspaceId: scope.workspace.id,
				assessmentId,
				targetType: input.targetType,
				targetId: input.targetId,
				userId: input.userId,
			})
		}
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'assignment.assigned',
			targetType: 'assessment',
			targetId: assessmentId,
			detail: {
				targetType: input.targetType,
				targetId: input.targetId,
				userId: input.userId,
				name: assignee.name,
				previousUserId: current?.userId ?? null,
			},
			ip,
		})
		return { ok: true, changed: true }
	})
}

/** Owners and admins unassign anyone; an assessor may hand back only their own assignment. */
export async function unassign(
	scope: WorkspaceScope,
	assessmentId: string,
	input: AssignmentTarget,
	ip: string,
): Promise<Outcome<{ changed: boolean }>> {
	return database().transaction(async (tx) => {
		const target = await changeableAssessment(scope, assessmentId, tx)
		if (!target.ok) return target
		if (!knownTarget(target.targets, input))
			return refusal(400, 'collab.error.unknownTarget', 'targetId')
		const current = await currentAssignment(tx, scope, assessmentId, input)
		if (!current) return { ok: true, changed: false }
		if (!roleAtLeast(scope.role, 'admin') && current.userId !== scope.user.id)
			return refusal(403, 'collab.assign.error.onlySelf', 'userId')
		await tx.delete(assignments).where(scope.where(assignments, eq(assignments.id, current.id)))
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'assignment.removed',
			targetType: 'assessment',
			targetId: assessmentId,
			detail: { targetType: input.targetType, targetId: input.targetId, userId: current.userId },
			ip,
		})
		return { ok: true, changed: true }
	})
}

// ── progress ──────────────────────────────────────────────────────────────────────────────────

/**
 * Who answers each indicator: its own assignment, else its section's. An indicator assigned to
 * someone else is not part of the section's assignee's work.
 */
export function effectiveAssignees(
	scheme: Scheme,
	rows: { targetType: 'section' | 'indicator'; targetId: string; userId: string }[],
): Map<string, { userId: string; via: 'section' | 'indicator'; sectionId: string }> {
	const bySection = new Map<string, string>()
	const byIndicator = new Map<string, string>()
	for (const row of rows)
		(row.targetType === 'section' ? bySection : byIndicator).set(row.targetId, row.userId)
	const out = new Map<string, { userId: string; via: 'section' | 'indicator'; sectionId: string }>()
	for (const { indicator, section } of schemeIndicators(scheme)) {
		const own = byIndicator.get(indicator.id)
		const inherited = bySection.get(section.id)
		if (own) out.set(indicator.id, { userId: own, via: 'indicator', sectionId: section.id })
		else if (inherited)
			out.set(indicator.id, { userId: inherited, via: 'section', sectionId: section.id })
	}
	return out
}

type AnswerState = {
	/** indicators with a non-null answer value, and whether that answer still awaits review */
	answered: Map<string, 'answered' | 'to_review'>
	/** percent schemes: "indicator userId" of every assessor rating */
	rated: Set<string>
}

async function answerStates(
	scope: WorkspaceScope,
	assessmentIds: string[],
): Promise<Map<string, AnswerState>> {
	const states = new Map<string, AnswerState>(
		assessmentIds.map((id) => [id, { answered: new Map(), rated: new Set() }]),
	)
	if (assessmentIds.length === 0) return states
	const db = database()
	const answered = await db
		.select({
			assessmentId: answers.assessmentId,
			indicatorId: answers.indicatorId,
			status: answers.status,
		})
		.from(answers)
		.where(
			scope.where(answers, inArray(answers.assessmentId, assessmentIds), isNotNull(answers.value)),
		)
	for (const row of answered)
		states.get(row.assessmentId)?.answered.set(row.indicatorId, row.status)
	const rated = await db
		.select({
			assessmentId: assessorRatings.assessmentId,
			indicatorId: assessorRatings.indicatorId,
			userId: assessorRatings.userId,
		})
		.from(assessorRatings)
		.where(scope.where(assessorRatings, inArray(assessorRatings.assessmentId, assessmentIds)))
	for (const row of rated)
		states.get(row.assessmentId)?.rated.add(`${row.indicatorId} ${row.userId}`)
	return states
}

/** Answered by this person: a non-null answer, or for maturity (percent) schemes their own rating. */
function isAnswered(
	scheme: Scheme,
	state: AnswerState,
	indicatorId: string,
	userId: string,
): boolean {
	if (state.answered.has(indicatorId)) return true
	return scheme.answerMode === 'percent' && state.rated.has(`${indicatorId} ${userId}`)
}

export type Progress = { total: number; answered: number; toReview: number }

function tally(
	scheme: Scheme,
	state: AnswerState,
	indicatorIds: string[],
	userId: string,
): Progress {
	let answered = 0
	let toReview = 0
	for (const id of indicatorIds) {
		if (isAnswered(scheme, state, id, userId)) answered++
		if (state.answered.get(id) === 'to_review') toReview++
	}
	return { total: indicatorIds.length, answered, toReview }
}

export type PersonProgress = Progress & { userId: string; name: string }

/**
 * For the assessment overview: each person with assigned indicators, how many of them are answered
 * (answered / total) and how many answers copied from an earlier assessment still await review.
 */
export async function progressByPerson(
	scope: WorkspaceScope,
	assessmentId: string,
): Promise<PersonProgress[]> {
	const assessment = await findAssessment(scope, assessmentId)
	const targets = assessment && targetsOf(assessment.schemeId)
	invariantNotFound(assessment && targets)
	const rows = await database()
		.select({
			targetType: assignments.targetType,
			targetId: assignments.targetId,
			userId: assignments.userId,
			name: users.name,
		})
		.from(assignments)
		.innerJoin(users, eq(users.id, assignments.userId))
		.where(scope.where(assignments, eq(assignments.assessmentId, assessmentId)))
	const names = new Map(rows.map((row) => [row.userId, row.name]))
	const perUser = new Map<string, string[]>()
	for (const [indicatorId, { userId }] of effectiveAssignees(targets.scheme, rows)) {
		perUser.set(userId, [...(perUser.get(userId) ?? []), indicatorId])
	}
	const state = (await answerStates(scope, [assessmentId])).get(assessmentId)!
	return [...perUser]
		.map(([userId, ids]) => ({
			userId,
			name: names.get(userId) ?? '',
			...tally(targets.scheme, state, ids, userId),
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** "section 5.1" and "indicator 5.1.1" in the order the scheme prints them. */
function printedOrder(scheme: Scheme): Map<string, number> {
	const order = new Map<string, number>()
	for (const { indicator, section } of schemeIndicators(scheme)) {
		if (!order.has(`section ${section.id}`)) order.set(`section ${section.id}`, order.size)
		order.set(`indicator ${indicator.id}`, order.size)
	}
	return order
}

export type MyAssignment = {
	id: string
	targetType: 'section' | 'indicator'
	targetId: string
	sectionId: string
	title: string
	titleEn: string
	/** the indicators this assignment makes mine (a section's, less those assigned to others) */
	indicatorIds: string[]
	progress: Progress
}

export type MyAssessment = {
	assessment: {
		id: string
		title: string
		period: string
		status: 'in_progress' | 'submitted'
		schemeId: string
		schemeTitle: string
		updatedAt: Date
	}
	assignments: MyAssignment[]
	progress: Progress
}

/** The signed-in member's assignments across this workspace's assessments, open ones first. */
export async function myAssignments(scope: WorkspaceScope): Promise<MyAssessment[]> {
	const db = database()
	const mine = await db
		.select({ assignment: assignments, assessment: assessments })
		.from(assignments)
		.innerJoin(assessments, eq(assessments.id, assignments.assessmentId))
		.where(scope.where(assignments, eq(assignments.userId, scope.user.id)))
		.orderBy(desc(assessments.updatedAt))
	const assessmentIds = [...new Set(mine.map((row) => row.assessment.id))]
	if (assessmentIds.length === 0) return []
	const all = await db
		.select({
			assessmentId: assignments.assessmentId,
			targetType: assignments.targetType,
			targetId: assignments.targetId,
			userId: assignments.userId,
		})
		.from(assignments)
		.where(scope.where(assignments, inArray(assignments.assessmentId, assessmentIds)))
	const states = await answerStates(scope, assessmentIds)
	const out: MyAssessment[] = []
	for (const assessmentId of assessmentIds) {
		const assessment = mine.find((row) => row.assessment.id === assessmentId)!.assessment
		const targets = targetsOf(assessment.schemeId)
		if (!targets) continue
		const { scheme } = targets
		const owners = effectiveAssignees(
			scheme,
			all.filter((row) => row.assessmentId === assessmentId),
		)
		const state = states.get(assessmentId)!
		const rows: MyAssignment[] = []
		for (const { assignment } of mine.filter((row) => row.assessment.id === assessmentId)) {
			const entry =
				assignment.targetType === 'indicator'
					? targets.indicators.get(assignment.targetId)
					: undefined
			const section = entry?.section ?? targets.sections.get(assignment.targetId)
			if (!section) continue
			const indicatorIds = entry
				? [entry.indicator.id]
				: [...owners]
						.filter(
							([, o]) =>
								o.sectionId === section.id && o.userId === scope.user.id && o.via === 'section',
						)
						.map(([id]) => id)
			rows.push({
				id: assignment.id,
				targetType: assignment.targetType,
				targetId: assignment.targetId,
				sectionId: section.id,
				title: entry ? entry.indicator.title : section.title,
				titleEn: entry ? entry.indicator.titleEn : section.titleEn,
				indicatorIds,
				progress: tally(scheme, state, indicatorIds, scope.user.id),
			})
		}
		const printed = printedOrder(scheme)
		rows.sort(
			(a, b) =>
				(printed.get(`${a.targetType} ${a.targetId}`) ?? 0) -
				(printed.get(`${b.targetType} ${b.targetId}`) ?? 0),
		)
		const myIds = [...owners].filter(([, o]) => o.userId === scope.user.id).map(([id]) => id)
		out.push({
			assessment: {
				id: assessment.id,
				title: assessment.title,
				period: assessment.period,
				status: assessment.status,
				schemeId: scheme.id,
				schemeTitle: scheme.shortTitle,
				updatedAt: assessment.updatedAt,
			},
			assignments: rows,
			progress: tally(scheme, state, myIds, scope.user.id),
		})
	}
	return out.sort(
		(a, b) =>
			Number(a.assessment.status === 'submitted') - Number(b.assessment.status === 'submitted'),
	)
}
