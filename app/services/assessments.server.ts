import { asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import {
	answers,
	assessments,
	assessorRatings,
	auditLog,
	evidence,
	specialItems,
	users,
} from '#db/schema/index.ts'
import { scoreStored, submittedScore, type LiveScore } from '#app/domain/assessments/live-score.ts'
import {
	EMPTY_STORED,
	fromV1,
	missingForSubmit,
	toV1,
	type AssessmentV1Draft,
	type SectionProgress,
	type StoredAssessment,
} from '#app/domain/assessments/to-v1.ts'
import {
	PERIOD_MAX,
	REASON_MAX,
	SCOPE_MAX,
	SCOPE_NOTES_MAX,
	SPECIAL_TEXT_MAX,
	TITLE_MAX,
} from '#app/domain/assessments/limits.ts'
import { getScheme, type Scheme } from '#app/domain/schemes/index.ts'
import { parseAssessmentJson } from '#app/domain/scoring/index.ts'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { database, preparedQuery, type Database } from '#app/utils/db.server.ts'
import { invariantForbidden, invariantNotFound } from '#app/utils/http.server.ts'
import { recordAudit, type Tx } from './audit.server.ts'
import { roleAtLeast, scopedPlaceholder, type WorkspaceScope } from './workspace-scope.server.ts'

export type AssessmentRow = typeof assessments.$inferSelect
type Db = Tx | Database
type AnswerStatus = (typeof answers.$inferSelect)['status']

/**
 * A refused change the person can act on, returned so the page keeps its form: 400 (input the
 * scheme or the format does not take), 409 (the assessment is locked, or the change conflicts
 * with what is stored), 422 (incomplete or unscorable at submission). `detail` carries the
 * engine's own message (English and Chinese); `missing` the sections that stop a submission.
 * Not found (404) and not allowed (403) are thrown, like everywhere else.
 */
export type Refusal = {
	ok: false
	status: 400 | 409 | 422
	message: MessageKey
	params?: Record<string, string | number>
	detail?: string
	field?: string
	missing?: SectionProgress[]
}
export type Outcome<T = object> = ({ ok: true } & T) | Refusal

export {
	IMPORT_MAX_BYTES,
	PERIOD_MAX,
	REASON_MAX,
	SCOPE_MAX,
	SCOPE_NOTES_MAX,
	SPECIAL_TEXT_MAX,
	TITLE_MAX,
} from '#app/domain/assessments/limits.ts'

const trimmed = (max: number) => z.string().trim().max(max)
const required = (max: number) => z.string().trim().min(1).max(max)

export const CreateAssessmentSchema = z.object({
	schemeId: z
		.string()
		.refine((id) => getScheme(id) !== undefined, { error: 'assessment.new.schemeInvalid' }),
	period: required(PERIOD_MAX),
	title: required(TITLE_MAX),
	scopeSites: trimmed(SCOPE_MAX).default(''),
	scopeProducts: trimmed(SCOPE_MAX).default(''),
	scopeNotes: trimmed(SCOPE_NOTES_MAX).default(''),
	fromAssessmentId: z.string().trim().max(100).default(''),
	/** a checkbox: present ("on") when ticked */
	resetStatuses: z.literal('on').optional(),
})
export type CreateAssessmentInput = z.infer<typeof CreateAssessmentSchema>

export const DeductionSchema = z.object({
	description: required(SPECIAL_TEXT_MAX),
	correctiveAction: required(SPECIAL_TEXT_MAX),
})
export const BonusSchema = z.object({ justification: required(SPECIAL_TEXT_MAX) })
export const ReopenSchema = z.object({ reason: required(REASON_MAX) })

const LOCKED: Refusal = { ok: false, status: 409, message: 'assessment.error.locked' }

function requireRole(scope: WorkspaceScope, minimum: 'assessor' | 'admin') {
	invariantForbidden(
		roleAtLeast(scope.role, minimum),
		minimum === 'admin'
			? 'only an owner or admin can do this (只有所有者或管理员可以执行此操作)'
			: 'viewers cannot change an assessment (查看者不能修改自评)',
	)
}

/** The assessment of this workspace with this id, or null (also when it belongs to another). */
const assessmentById = preparedQuery((db) =>
	db
		.select()
		.from(assessments)
		.where(scopedPlaceholder(assessments, eq(assessments.id, sql.placeholder('assessmentId'))))
		.prepare(),
)

export async function findAssessment(
	scope: WorkspaceScope,
	assessmentId: string,
	db?: Db,
): Promise<AssessmentRow | null> {
	const rows = db
		? await db
				.select()
				.from(assessments)
				.where(scope.where(assessments, eq(assessments.id, assessmentId)))
		: await assessmentById().all(scope.bind({ assessmentId }))
	return rows[0] ?? null
}

/** The assessment or a thrown 404, never a hint that another workspace's exists. */
export async function requireAssessment(
	scope: WorkspaceScope,
	assessmentId: string | undefined,
	db?: Db,
): Promise<AssessmentRow> {
	invariantNotFound(assessmentId)
	const assessment = await findAssessment(scope, assessmentId, db)
	invariantNotFound(assessment)
	return assessment
}

/** The scheme an assessment was started with; a scheme the portal no longer offers is a 404. */
export function schemeOf(assessment: Pick<AssessmentRow, 'schemeId'>): Scheme {
	const scheme = getScheme(assessment.schemeId)
	invariantNotFound(scheme, `unknown scheme ${assessment.schemeId}`)
	return scheme
}

/** 409 for any change to a submitted assessment; call it inside the write transaction. */
export function lockedRefusal(assessment: Pick<AssessmentRow, 'status'>): Refusal | null {
	return assessment.status === 'submitted' ? LOCKED : null
}

/** Everything stored about the answers of some assessments of the workspace, by assessment id. */
async function loadStoredMany(
	scope: WorkspaceScope,
	assessmentIds: string[],
	{ withEvidence, db = database() }: { withEvidence: boolean; db?: Db },
): Promise<Map<string, StoredAssessment>> {
	const out = new Map<string, StoredAssessment>()
	if (assessmentIds.length === 0) return out
	const [answerRows, ratingRows, itemRows, evidenceRows] = await Promise.all([
		db
			.select({
				assessmentId: answers.assessmentId,
				indicatorId: answers.indicatorId,
				value: answers.value,
				note: answers.note,
				status: answers.status,
			})
			.from(answers)
			.where(scope.where(answers, inArray(answers.assessmentId, assessmentIds))),
		db
			.select({
				assessmentId: assessorRatings.assessmentId,
				indicatorId: assessorRatings.indicatorId,
				userId: assessorRatings.userId,
				percent: assessorRatings.percent,
			})
			.from(assessorRatings)
			.where(scope.where(assessorRatings, inArray(assessorRatings.assessmentId, assessmentIds))),
		db
			.select({
				id: specialItems.id,
				assessmentId: specialItems.assessmentId,
				kind: specialItems.kind,
				description: specialItems.description,
				correctiveAction: specialItems.correctiveAction,
			})
			.from(specialItems)
			.where(scope.where(specialItems, inArray(specialItems.assessmentId, assessmentIds)))
			.orderBy(asc(specialItems.createdAt), asc(specialItems.id)),
		withEvidence
			? db
					.select({
						assessmentId: evidence.assessmentId,
						indicatorId: evidence.indicatorId,
						name: evidence.originalName,
					})
					.from(evidence)
					.where(
						scope.where(
							evidence,
							inArray(evidence.assessmentId, assessmentIds),
							isNull(evidence.deletedAt),
						),
					)
					.orderBy(asc(evidence.createdAt), asc(evidence.id))
			: Promise.resolve([]),
	])
	const building = new Map<
		string,
		{ [K in keyof StoredAssessment]: StoredAssessment[K][number][] }
	>()
	const entry = (id: string) => {
		let stored = building.get(id)
		if (!stored) {
			stored = { answers: [], ratings: [], specialItems: [], evidence: [] }
			building.set(id, stored)
		}
		return stored
	}
	for (const { assessmentId, value, ...row } of answerRows)
		entry(assessmentId).answers.push({ ...row, value: value ?? null })
	for (const { assessmentId, ...row } of ratingRows) entry(assessmentId).ratings.push(row)
	for (const { assessmentId, ...row } of itemRows) entry(assessmentId).specialItems.push(row)
	for (const { assessmentId, ...row } of evidenceRows) entry(assessmentId).evidence.push(row)
	for (const [id, stored] of building) out.set(id, stored)
	return out
}

/**
 * One assessment's stored answers, ratings, special items and evidence names (the score needs no
 * evidence: `withEvidence: false` leaves them out).
 */
export async function loadStored(
	scope: WorkspaceScope,
	assessmentId: string,
	db: Db = database(),
	{ withEvidence = true }: { withEvidence?: boolean } = {},
): Promise<StoredAssessment> {
	const many = await loadStoredMany(scope, [assessmentId], { withEvidence, db })
	return many.get(assessmentId) ?? EMPTY_STORED
}

/**
 * The score panel's data: for an assessment in progress, the engine on the current answers (the
 * validation and scoring the CLI runs); for a submitted one, the snapshot taken at submission.
 */
export async function liveResult(
	scope: WorkspaceScope,
	assessment: AssessmentRow,
	stored?: StoredAssessment,
): Promise<LiveScore> {
	const scheme = schemeOf(assessment)
	const rows = stored ?? (await loadStored(scope, assessment.id))
	if (assessment.status === 'submitted' && assessment.submittedResult)
		return submittedScore(scheme, assessment.submittedResult, rows)
	return scoreStored(scheme, rows)
}

export type AssessmentSummary = {
	id: string
	title: string
	schemeId: string
	schemeTitle: string
	period: string
	status: AssessmentRow['status']
	createdAt: Date
	submittedAt: Date | null
	live: LiveScore
}

/** Every assessment of the workspace, newest first, each with its live (or submitted) score. */
export async function listAssessments(scope: WorkspaceScope): Promise<AssessmentSummary[]> {
	const rows = await database()
		.select()
		.from(assessments)
		.where(scope.where(assessments))
		.orderBy(desc(assessments.createdAt), desc(assessments.id))
	const known = rows.filter((row) => getScheme(row.schemeId))
	const stored = await loadStoredMany(
		scope,
		known.map((row) => row.id),
		{ withEvidence: false },
	)
	return known.map((row) => {
		const scheme = schemeOf(row)
		const rowsOf = stored.get(row.id) ?? EMPTY_STORED
		return {
			id: row.id,
			title: row.title,
			schemeId: row.schemeId,
			schemeTitle: scheme.shortTitle,
			period: row.period,
			status: row.status,
			createdAt: row.createdAt,
			submittedAt: row.submittedAt,
			live:
				row.status === 'submitted' && row.submittedResult
					? submittedScore(scheme, row.submittedResult, rowsOf)
					: scoreStored(scheme, rowsOf),
		}
	})
}

async function audit(
	tx: Tx,
	scope: WorkspaceScope,
	assessmentId: string,
	action: string,
	detail: Record<string, unknown>,
	ip: string,
) {
	await recordAudit(tx, {
		workspaceId: scope.workspace.id,
		actorUserId: scope.user.id,
		action,
		targetType: 'assessment',
		targetId: assessmentId,
		detail,
		ip,
	})
}

async function touch(tx: Tx, scope: WorkspaceScope, assessmentId: string) {
	await tx
		.update(assessments)
		.set({ updatedAt: new Date() })
		.where(scope.where(assessments, eq(assessments.id, assessmentId)))
}

/**
 * Starts an assessment (owner/admin). From an earlier assessment of the same scheme it copies the
 * answers, notes and DNI ratings (not evidence or special items), optionally marking every copied
 * answer "to review" so it must be confirmed before submitting.
 */
export async function createAssessment(
	scope: WorkspaceScope,
	input: CreateAssessmentInput,
	ip: string,
): Promise<Outcome<{ assessment: AssessmentRow; copied: number }>> {
	requireRole(scope, 'admin')
	const scheme = getScheme(input.schemeId)
	if (!scheme)
		return { ok: false, status: 400, message: 'assessment.new.schemeInvalid', field: 'schemeId' }
	const resetStatuses = input.resetStatuses === 'on'
	return database().transaction(async (tx) => {
		let source: AssessmentRow | null = null
		if (input.fromAssessmentId) {
			source = await findAssessment(scope, input.fromAssessmentId, tx)
			invariantNotFound(source, 'earlier assessment not found')
			if (source.schemeId !== scheme.id)
				return {
					ok: false,
					status: 400,
					message: 'assessment.error.fromOtherScheme',
					params: { scheme: scheme.shortTitle },
					field: 'fromAssessmentId',
				}
		}
		const [assessment] = await tx
			.insert(assessments)
			.values({
				workspaceId: scope.workspace.id,
				schemeId: scheme.id,
				schemeVersion: scheme.version,
				title: input.title,
				period: input.period,
				scopeSites: input.scopeSites,
				scopeProducts: input.scopeProducts,
				scopeNotes: input.scopeNotes,
				copiedFromId: source?.id ?? null,
				createdBy: scope.user.id,
			})
			.returning()
		if (!assessment) throw new Error('insert returned no assessment')
		let copied = 0
		if (source) {
			const now = new Date()
			const status: AnswerStatus = resetStatuses ? 'to_review' : 'answered'
			const sourceAnswers = await tx
				.select()
				.from(answers)
				.where(scope.where(answers, eq(answers.assessmentId, source.id)))
			const sourceRatings = await tx
				.select()
				.from(assessorRatings)
				.where(scope.where(assessorRatings, eq(assessorRatings.assessmentId, source.id)))
			const answerRows = sourceAnswers
				.filter((row) => row.value !== null || row.note !== '')
				.map((row) => ({
					workspaceId: scope.workspace.id,
					assessmentId: assessment.id,
					indicatorId: row.indicatorId,
					value: row.value,
					note: row.note,
					status,
					updatedBy: scope.user.id,
					updatedAt: now,
				}))
			// a DNI indicator answered only by ratings still needs a row to carry "to review"
			const withRow = new Set(answerRows.map((row) => row.indicatorId))
			for (const indicatorId of new Set(sourceRatings.map((rating) => rating.indicatorId))) {
				if (withRow.has(indicatorId) || !resetStatuses) continue
				answerRows.push({
					workspaceId: scope.workspace.id,
					assessmentId: assessment.id,
					indicatorId,
					value: null,
					note: '',
					status,
					updatedBy: scope.user.id,
					updatedAt: now,
				})
			}
			if (answerRows.length) await tx.insert(answers).values(answerRows)
			if (sourceRatings.length)
				await tx.insert(assessorRatings).values(
					sourceRatings.map((rating) => ({
						workspaceId: scope.workspace.id,
						assessmentId: assessment.id,
						indicatorId: rating.indicatorId,
						userId: rating.userId,
						percent: rating.percent,
						updatedAt: now,
					})),
				)
			copied = new Set([
				...answerRows.map((row) => row.indicatorId),
				...sourceRatings.map((r) => r.indicatorId),
			]).size
		}
		await audit(
			tx,
			scope,
			assessment.id,
			'assessment.created',
			{
				title: assessment.title,
				schemeId: scheme.id,
				schemeVersion: scheme.version,
				period: assessment.period,
				copiedFromId: source?.id ?? null,
				copied,
				resetStatuses: source ? resetStatuses : null,
			},
			ip,
		)
		return { ok: true, assessment, copied }
	})
}

/**
 * Submits (owner/admin): every indicator answered and none left to review, and the answers
 * scorable; then locks the assessment with the result and the scheme version it was scored with.
 */
export async function submitAssessment(
	scope: WorkspaceScope,
	assessmentId: string,
	ip: string,
): Promise<Outcome<{ live: LiveScore }>> {
	return database().transaction(async (tx) => {
		const assessment = await requireAssessment(scope, assessmentId, tx)
		requireRole(scope, 'admin')
		const locked = lockedRefusal(assessment)
		if (locked) return locked
		const scheme = schemeOf(assessment)
		const stored = await loadStored(scope, assessment.id, tx)
		const live = scoreStored(scheme, stored)
		const missing = missingForSubmit(live.sections)
		if (missing.length > 0) {
			const count = live.progress.toReview + live.progress.unanswered
			return {
				ok: false,
				status: 422,
				message: 'assessment.error.incomplete',
				params: { count },
				missing,
			}
		}
		if (!live.ok)
			return {
				ok: false,
				status: 422,
				message: 'assessment.error.notScorable',
				params: { detail: live.error },
				detail: live.error,
			}
		const now = new Date()
		await tx
			.update(assessments)
			.set({
				status: 'submitted',
				submittedAt: now,
				submittedBy: scope.user.id,
				submittedResult: live.result,
				schemeVersion: scheme.version,
				updatedAt: now,
			})
			.where(
				scope.where(
					assessments,
					eq(assessments.id, assessment.id),
					eq(assessments.status, 'in_progress'),
				),
			)
		await audit(
			tx,
			scope,
			assessment.id,
			'assessment.submitted',
			{
				title: assessment.title,
				schemeId: scheme.id,
				schemeVersion: scheme.version,
				score: live.result.score,
				level: live.result.level?.key ?? null,
				passed: live.result.passed,
			},
			ip,
		)
		return { ok: true, live: { ...live, submitted: true } }
	})
}

/** Reopens a submitted assessment (owner/admin) with a reason kept in the audit log, with the result it had. */
export async function reopenAssessment(
	scope: WorkspaceScope,
	assessmentId: string,
	reason: string,
	ip: string,
): Promise<Outcome> {
	const parsed = ReopenSchema.safeParse({ reason })
	return database().transaction(async (tx) => {
		const assessment = await requireAssessment(scope, assessmentId, tx)
		requireRole(scope, 'admin')
		if (!parsed.success)
			return { ok: false, status: 400, message: 'form.required', field: 'reason' }
		if (assessment.status !== 'submitted')
			return { ok: false, status: 409, message: 'assessment.error.notSubmitted' }
		await tx
			.update(assessments)
			.set({
				status: 'in_progress',
				submittedAt: null,
				submittedBy: null,
				submittedResult: null,
				updatedAt: new Date(),
			})
			.where(
				scope.where(
					assessments,
					eq(assessments.id, assessment.id),
					eq(assessments.status, 'submitted'),
				),
			)
		const result = assessment.submittedResult
		await audit(
			tx,
			scope,
			assessment.id,
			'assessment.reopened',
			{
				title: assessment.title,
				reason: parsed.data.reason,
				submittedAt: assessment.submittedAt?.toISOString() ?? null,
				submittedBy: assessment.submittedBy,
				schemeVersion: assessment.schemeVersion,
				score: result?.score ?? null,
				level: result?.level?.key ?? null,
				passed: result?.passed ?? null,
			},
			ip,
		)
		return { ok: true }
	})
}

export type Reopening = {
	reopenedAt: Date
	/** null when the account has since been deleted */
	reopenedBy: string | null
	reason: string
	/** the submission the reopening undid */
	submittedAt: Date | null
	score: number | null
}

// audit details are stored JSON: read what is there, never fail the page on an odd row
const ReopenedDetailSchema = z.object({
	reason: z.string().catch(''),
	submittedAt: z.iso
		.datetime()
		.transform((value) => new Date(value))
		.nullable()
		.catch(null),
	score: z.number().nullable().catch(null),
})

/**
 * The latest reopening of an assessment, from its audit row. Reopening clears the submitted
 * result from the assessment; this keeps the submission it undid, who reopened it and why in view.
 */
export async function latestReopening(
	scope: WorkspaceScope,
	assessmentId: string,
): Promise<Reopening | null> {
	const [row] = await database()
		.select({ detail: auditLog.detail, createdAt: auditLog.createdAt, name: users.name })
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorUserId))
		.where(
			scope.where(
				auditLog,
				eq(auditLog.action, 'assessment.reopened'),
				eq(auditLog.targetType, 'assessment'),
				eq(auditLog.targetId, assessmentId),
			),
		)
		// ids are random, so insertion order (rowid) breaks ties within one millisecond
		.orderBy(desc(auditLog.createdAt), desc(sql`${auditLog}.rowid`))
		.limit(1)
	if (!row) return null
	const detail = ReopenedDetailSchema.parse(row.detail ?? {})
	return { reopenedAt: row.createdAt, reopenedBy: row.name, ...detail }
}

export type SpecialItem = {
	id: string
	kind: 'deduction' | 'bonus'
	description: string
	correctiveAction: string
	createdAt: Date
	createdBy: string | null
}

export async function listSpecialItems(
	scope: WorkspaceScope,
	assessmentId: string,
): Promise<SpecialItem[]> {
	return database()
		.select({
			id: specialItems.id,
			kind: specialItems.kind,
			description: specialItems.description,
			correctiveAction: specialItems.correctiveAction,
			createdAt: specialItems.createdAt,
			createdBy: users.name,
		})
		.from(specialItems)
		.leftJoin(users, eq(users.id, specialItems.createdBy))
		.where(scope.where(specialItems, eq(specialItems.assessmentId, assessmentId)))
		.orderBy(asc(specialItems.createdAt), asc(specialItems.id))
}

type SpecialInput =
	| { kind: 'deduction'; description: string; correctiveAction: string }
	| { kind: 'bonus'; justification: string }

/**
 * Adds a special deduction (with its corrective action) or the one special bonus (with its
 * justification); assessors and above, only on schemes that have special items.
 */
export async function addSpecialItem(
	scope: WorkspaceScope,
	assessmentId: string,
	input: SpecialInput,
	ip: string,
): Promise<Outcome<{ id: string }>> {
	return database().transaction(async (tx) => {
		const assessment = await requireAssessment(scope, assessmentId, tx)
		requireRole(scope, 'assessor')
		const locked = lockedRefusal(assessment)
		if (locked) return locked
		const scheme = schemeOf(assessment)
		if (!scheme.specialItems)
			return {
				ok: false,
				status: 400,
				message: 'assessment.error.noSpecialItems',
				params: { scheme: scheme.shortTitle },
			}
		const row =
			input.kind === 'deduction' ? DeductionSchema.safeParse(input) : BonusSchema.safeParse(input)
		if (!row.success)
			return {
				ok: false,
				status: 400,
				message: 'form.invalid',
				field: row.error.issues[0]?.path.join('.'),
			}
		if (input.kind === 'bonus') {
			const existing = await tx
				.select({ id: specialItems.id })
				.from(specialItems)
				.where(
					scope.where(
						specialItems,
						eq(specialItems.assessmentId, assessment.id),
						eq(specialItems.kind, 'bonus'),
					),
				)
			if (existing.length > 0)
				return { ok: false, status: 409, message: 'assessment.error.bonusExists' }
		}
		const values =
			'justification' in row.data
				? { kind: 'bonus' as const, description: row.data.justification, correctiveAction: '' }
				: { kind: 'deduction' as const, ...row.data }
		const [inserted] = await tx
			.insert(specialItems)
			.values({
				workspaceId: scope.workspace.id,
				assessmentId: assessment.id,
				createdBy: scope.user.id,
				...values,
			})
			.returning({ id: specialItems.id })
		if (!inserted) throw new Error('insert returned no special item')
		await touch(tx, scope, assessment.id)
		await audit(
			tx,
			scope,
			assessment.id,
			'assessment.special_item_added',
			{ title: assessment.title, itemId: inserted.id, ...values },
			ip,
		)
		return { ok: true, id: inserted.id }
	})
}

export async function removeSpecialItem(
	scope: WorkspaceScope,
	assessmentId: string,
	itemId: string,
	ip: string,
): Promise<Outcome> {
	return database().transaction(async (tx) => {
		const assessment = await requireAssessment(scope, assessmentId, tx)
		const [item] = await tx
			.select()
			.from(specialItems)
			.where(
				scope.where(
					specialItems,
					eq(specialItems.id, itemId),
					eq(specialItems.assessmentId, assessment.id),
				),
			)
		invariantNotFound(item, 'special item not found')
		requireRole(scope, 'assessor')
		const locked = lockedRefusal(assessment)
		if (locked) return locked
		await tx.delete(specialItems).where(scope.where(specialItems, eq(specialItems.id, item.id)))
		await touch(tx, scope, assessment.id)
		await audit(
			tx,
			scope,
			assessment.id,
			'assessment.special_item_removed',
			{
				title: assessment.title,
				itemId: item.id,
				kind: item.kind,
				description: item.description,
				correctiveAction: item.correctiveAction,
			},
			ip,
		)
		return { ok: true }
	})
}

/** The v1 document of an assessment (current answers; for a submitted one, the locked answers). */
export async function exportAssessment(
	scope: WorkspaceScope,
	assessment: AssessmentRow,
): Promise<{ fileName: string; document: AssessmentV1Draft }> {
	const scheme = schemeOf(assessment)
	const stored = await loadStored(scope, assessment.id)
	const document = toV1(scheme, stored, {
		organisation: scope.workspace.name,
		period: assessment.period,
	})
	const period = assessment.period.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')
	return {
		fileName: `${scheme.id}${period ? `-${period}` : ''}-${assessment.id.slice(0, 8)}.json`,
		document,
	}
}

/**
 * Replaces the answers, notes and special items with those of a v1 document (owner/admin), in one
 * transaction. DNI percentages go into the answer value (the file does not say who rated what) and
 * the assessors' own ratings are cleared, so the mean is the file's; the answering page shows them
 * as imported ratings, members' later ratings count beside them, and only an owner or admin
 * removes them (removeImportedRatings). Every answer row that changes gets a new version, so a
 * page that still shows the old one gets a conflict instead of overwriting. Evidence files stay;
 * the names a file lists are not files.
 */
export async function importAssessment(
	scope: WorkspaceScope,
	assessmentId: string,
	text: string,
	ip: string,
): Promise<Outcome<{ answered: number }>> {
	const assessment = await requireAssessment(scope, assessmentId)
	requireRole(scope, 'admin')
	if (lockedRefusal(assessment)) return LOCKED
	const validated = parseAssessmentJson(text)
	if (!validated.ok)
		return {
			ok: false,
			status: 400,
			message: 'assessment.error.importInvalid',
			params: { detail: validated.error },
			detail: validated.error,
		}
	if (validated.scheme.id !== assessment.schemeId)
		return {
			ok: false,
			status: 400,
			message: 'assessment.error.importWrongScheme',
			params: { given: validated.scheme.id, expected: assessment.schemeId },
		}
	const rows = fromV1(validated.assessment)
	return database().transaction(async (tx) => {
		const current = await requireAssessment(scope, assessmentId, tx)
		const locked = lockedRefusal(current)
		if (locked) return locked
		const now = new Date()
		const existing = await tx
			.select()
			.from(answers)
			.where(scope.where(answers, eq(answers.assessmentId, current.id)))
		const byIndicator = new Map(existing.map((row) => [row.indicatorId, row]))
		const imported = new Set(rows.answers.map((row) => row.indicatorId))
		for (const row of rows.answers) {
			const before = byIndicator.get(row.indicatorId)
			if (before) {
				await tx
					.update(answers)
					.set({
						value: row.value,
						note: row.note,
						status: 'answered',
						version: before.version + 1,
						updatedBy: scope.user.id,
						updatedAt: now,
					})
					.where(scope.where(answers, eq(answers.id, before.id)))
			} else {
				await tx.insert(answers).values({
					workspaceId: scope.workspace.id,
					assessmentId: current.id,
					indicatorId: row.indicatorId,
					value: row.value,
					note: row.note,
					status: 'answered',
					updatedBy: scope.user.id,
					updatedAt: now,
				})
			}
		}
		for (const before of existing) {
			if (imported.has(before.indicatorId)) continue
			if (before.value === null && before.note === '' && before.status === 'answered') continue
			await tx
				.update(answers)
				.set({
					value: null,
					note: '',
					status: 'answered',
					version: before.version + 1,
					updatedBy: scope.user.id,
					updatedAt: now,
				})
				.where(scope.where(answers, eq(answers.id, before.id)))
		}
		const ratingsCleared = await tx
			.delete(assessorRatings)
			.where(scope.where(assessorRatings, eq(assessorRatings.assessmentId, current.id)))
			.returning({ id: assessorRatings.id })
		await tx
			.delete(specialItems)
			.where(scope.where(specialItems, eq(specialItems.assessmentId, current.id)))
		if (rows.specialItems.length)
			await tx.insert(specialItems).values(
				rows.specialItems.map((item) => ({
					workspaceId: scope.workspace.id,
					assessmentId: current.id,
					createdBy: scope.user.id,
					createdAt: now,
					...item,
				})),
			)
		await touch(tx, scope, current.id)
		await audit(
			tx,
			scope,
			current.id,
			'assessment.imported',
			{
				title: current.title,
				answers: rows.answers.length,
				cleared: existing.filter((row) => !imported.has(row.indicatorId)).length,
				ratingsCleared: ratingsCleared.length,
				specialDeductions: rows.specialItems.filter((item) => item.kind === 'deduction').length,
				specialBonus: rows.specialItems.some((item) => item.kind === 'bonus'),
			},
			ip,
		)
		return { ok: true, answered: rows.answers.length }
	})
}

/** Display names of the people who created or submitted an assessment (deleted users are absent). */
export async function userNames(userIds: (string | null)[]): Promise<Map<string, string>> {
	const ids = [...new Set(userIds.filter((id): id is string => id !== null))]
	if (ids.length === 0) return new Map()
	const rows = await database()
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(inArray(users.id, ids))
	return new Map(rows.map((row) => [row.id, row.name]))
}
