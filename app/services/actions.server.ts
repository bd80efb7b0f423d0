import { randomUUID } from 'node:crypto'
import { rename } from 'node:fs/promises'
import path from 'node:path'
import { and, asc, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import {
	actionComments,
	actionEvidence,
	actionIndicators,
	assessments,
	improvementActions,
	memberships,
	users,
	workspaces,
	type Role,
} from '#db/schema/index.ts'
import { toV1 } from '#app/domain/assessments/to-v1.ts'
import { analyseGaps, calendarDate, type Bilingual } from '#app/domain/gaps/index.ts'
import { validateAssessment } from '#app/domain/scoring/index.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import {
	ACTION_COMMENT_MAX,
	ACTION_DESCRIPTION_MAX,
	ACTION_INDICATORS_MAX,
	ACTION_TITLE_MAX,
	ACTIVE_STATUSES,
	isCalendarDate,
	isOverdue,
	PRIORITIES,
	STATUSES,
	type ActionPriority,
	type ActionStatus,
} from '#app/utils/actions.ts'
import { database, type Database } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { formatFileSize } from '#app/utils/file-size.ts'
import { loadStored } from './assessments.server.ts'
import { recordAudit, type Tx } from './audit.server.ts'
import {
	findAssessment,
	notFound,
	refusal,
	targetsOf,
	viewerReadOnly,
	type Outcome,
} from './collaboration.server.ts'
import { checkFileName, openStoredFile, storedPath, uploadDirectory } from './evidence.server.ts'
import { detectEvidenceType } from './evidence-type.server.ts'
import { discard, discardUpload, receiveUpload, type ReceivedFile } from './upload-stream.server.ts'
import { roleAtLeast, type WorkspaceScope } from './workspace-scope.server.ts'

type Db = Tx | Database
type ActionRow = typeof improvementActions.$inferSelect
type AssessmentRow = typeof assessments.$inferSelect

// ── input ─────────────────────────────────────────────────────────────────────────────────────

/** A due date as a form sends it: empty for none, else a calendar date (China's calendar). */
export const DueDateSchema = z
	.string()
	.trim()
	.refine((value) => value === '' || isCalendarDate(value), { error: 'actions.error.dueDate' })
	// left out like empty (a default would skip this transform and keep '')
	.optional()
	.transform((value) => value || null)

export const PrioritySchema = z.enum(PRIORITIES, { error: 'actions.error.priority' })
export const StatusSchema = z.enum(STATUSES, { error: 'actions.error.status' })
const UserIdSchema = z.string().trim().min(1).max(100)

/** Every editable field of an action, as the create and edit forms send them. */
export const ActionFieldsSchema = z.object({
	title: z.string().trim().min(1).max(ACTION_TITLE_MAX),
	description: z.string().trim().max(ACTION_DESCRIPTION_MAX).default(''),
	ownerUserId: UserIdSchema,
	dueDate: DueDateSchema,
	priority: PrioritySchema.default('medium'),
})
export type ActionFields = z.infer<typeof ActionFieldsSchema>

/** "Create from gap": everything but the indicators may be left out and gets a default. */
export const GapActionFieldsSchema = z.object({
	title: z.string().trim().max(ACTION_TITLE_MAX).default(''),
	description: z.string().trim().max(ACTION_DESCRIPTION_MAX).default(''),
	ownerUserId: z.string().trim().max(100).default(''),
	dueDate: DueDateSchema,
	priority: PrioritySchema.default('medium'),
})
export type GapActionInput = z.infer<typeof GapActionFieldsSchema> & { indicatorIds: string[] }

export const ActionCommentSchema = z.object({
	body: z.string().trim().min(1).max(ACTION_COMMENT_MAX),
})

export const IndicatorIdSchema = z.string().trim().min(1).max(50)

// ── permissions ───────────────────────────────────────────────────────────────────────────────

export type ActionPermissions = {
	/** edit fields, change status, link indicators, upload evidence */
	edit: boolean
	comment: boolean
	remove: boolean
}

/**
 * Viewers read. Assessors create actions and change those they created or own; owners and
 * admins change and remove any.
 */
export function actionPermissions(
	scope: Pick<WorkspaceScope, 'role' | 'user'>,
	action: Pick<ActionRow, 'createdBy' | 'ownerUserId'>,
): ActionPermissions {
	const manager = roleAtLeast(scope.role, 'admin')
	const mine = action.createdBy === scope.user.id || action.ownerUserId === scope.user.id
	return {
		edit: manager || (roleAtLeast(scope.role, 'assessor') && mine),
		comment: roleAtLeast(scope.role, 'assessor'),
		remove: manager,
	}
}

const editForbidden = refusal(403, 'actions.error.editForbidden')

async function findAction(scope: WorkspaceScope, actionId: string, db: Db = database()) {
	const rows = await db
		.select()
		.from(improvementActions)
		.where(scope.where(improvementActions, eq(improvementActions.id, actionId)))
	return rows[0] ?? null
}

/** The action if this member may change it: 404 when missing or another workspace's, else 403. */
async function editableAction(
	scope: WorkspaceScope,
	actionId: string,
	db: Db = database(),
): Promise<Outcome<{ action: ActionRow }>> {
	const action = await findAction(scope, actionId, db)
	if (!action) return notFound
	if (!roleAtLeast(scope.role, 'assessor')) return viewerReadOnly
	if (!actionPermissions(scope, action).edit) return editForbidden
	return { ok: true, action }
}

/** An owner must be a member who can act on the plan: anyone but a viewer. */
async function ownerRefusal(tx: Db, scope: WorkspaceScope, userId: string) {
	const [member] = await tx
		.select({ role: memberships.role })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.userId, userId)))
	if (!member) return refusal(400, 'actions.error.ownerNotMember', 'ownerUserId')
	if (member.role === 'viewer') return refusal(400, 'actions.error.ownerViewer', 'ownerUserId')
	return null
}

/** Members who may own an action, for the owner pickers. */
export async function possibleOwners(
	scope: WorkspaceScope,
): Promise<{ userId: string; name: string; role: Role }[]> {
	const rows = await database()
		.select({ userId: memberships.userId, name: users.name, role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(scope.where(memberships))
		.orderBy(asc(users.name))
	return rows.filter((member) => member.role !== 'viewer')
}

/** Every member (owners of existing actions may since have become viewers), for the owner filter. */
export async function workspaceMembers(
	scope: WorkspaceScope,
): Promise<{ userId: string; name: string }[]> {
	return database()
		.select({ userId: memberships.userId, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(scope.where(memberships))
		.orderBy(asc(users.name))
}

// ── indicators and gaps ───────────────────────────────────────────────────────────────────────

export type LinkedIndicator = {
	id: string
	code: string | null
	title: string
	titleEn: string
	sectionId: string
}

function indicatorView(schemeId: string, indicatorId: string): LinkedIndicator {
	const entry = targetsOf(schemeId)?.indicators.get(indicatorId)
	return {
		id: indicatorId,
		code: entry?.indicator.code ?? null,
		title: entry?.indicator.title ?? '',
		titleEn: entry?.indicator.titleEn ?? '',
		sectionId: entry?.section.id ?? '',
	}
}

/** Distinct ids of the assessment's scheme, in printed order; or why they are refused. */
function checkIndicators(
	assessment: AssessmentRow,
	ids: readonly string[],
): Outcome<{ indicatorIds: string[] }> {
	const targets = targetsOf(assessment.schemeId)
	if (!targets) return notFound
	const wanted = new Set(ids.map((id) => id.trim()))
	if (wanted.size === 0) return refusal(400, 'actions.error.noIndicators', 'indicatorIds')
	if (wanted.size > ACTION_INDICATORS_MAX)
		return refusal(400, 'actions.error.tooManyIndicators', 'indicatorIds', {
			max: ACTION_INDICATORS_MAX,
		})
	for (const id of wanted)
		if (!targets.indicators.has(id))
			return refusal(400, 'actions.error.unknownIndicator', 'indicatorIds', { id: id.slice(0, 50) })
	return { ok: true, indicatorIds: [...targets.indicators.keys()].filter((id) => wanted.has(id)) }
}

/**
 * Why each indicator of the assessment lost points, in words, from its current answers (for a
 * submitted assessment those are the locked answers). Empty when the answers cannot be scored.
 */
export async function gapReasons(
	scope: WorkspaceScope,
	assessment: AssessmentRow,
): Promise<Map<string, { text: Bilingual; recoverable: number }>> {
	const stored = await loadStored(scope, assessment.id)
	const targets = targetsOf(assessment.schemeId)
	if (!targets) return new Map()
	const validated = validateAssessment(toV1(targets.scheme, stored))
	if (!validated.ok) return new Map()
	const analysis = analyseGaps(validated.scheme, validated.assessment)
	return new Map(
		analysis.gaps.map((gap) => [gap.id, { text: gap.text, recoverable: gap.recoverable }]),
	)
}

function truncate(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** "5.1.2 服务网点：部分满足：达成 50%" (+ "等 3 项"), and one line per indicator for the description. */
export function defaultsFromGaps(
	indicators: readonly LinkedIndicator[],
	reasons: ReadonlyMap<string, { text: Bilingual }>,
	locale: Locale,
): { title: string; description: string } {
	const zh = locale === 'zh-CN'
	const line = (indicator: LinkedIndicator) => {
		const name = `${indicator.code ?? indicator.id} ${zh ? indicator.title : indicator.titleEn}`
		const reason = reasons.get(indicator.id)?.text
		return reason ? `${name}${zh ? '：' : ': '}${zh ? reason.zh : reason.en}` : name
	}
	const first = indicators[0]
	if (!first) return { title: '', description: '' }
	const more = indicators.length - 1
	const suffix = more === 0 ? '' : zh ? `（等 ${indicators.length} 项）` : ` (+${more} more)`
	return {
		title: truncate(line(first), ACTION_TITLE_MAX - suffix.length) + suffix,
		description:
			indicators.length > 1
				? truncate(indicators.map((i) => `- ${line(i)}`).join('\n'), ACTION_DESCRIPTION_MAX)
				: '',
	}
}

// ── views ─────────────────────────────────────────────────────────────────────────────────────

export type ActionSummary = {
	id: string
	workspaceId: string
	title: string
	status: ActionStatus
	priority: ActionPriority
	dueDate: string | null
	overdue: boolean
	owner: { id: string; name: string } | null
	assessment: { id: string; title: string } | null
	indicators: LinkedIndicator[]
	createdAt: Date
	updatedAt: Date
	completedAt: Date | null
}

export type ActionFilter = {
	status?: ActionStatus
	ownerUserId?: string
	overdue?: boolean
	assessmentId?: string
}

function filterConditions(filter: ActionFilter, today: string): (SQL | undefined)[] {
	const a = improvementActions
	return [
		filter.assessmentId === undefined ? undefined : eq(a.assessmentId, filter.assessmentId),
		filter.status === undefined ? undefined : eq(a.status, filter.status),
		filter.ownerUserId === undefined ? undefined : eq(a.ownerUserId, filter.ownerUserId),
		filter.overdue ? and(lt(a.dueDate, today), inArray(a.status, ACTIVE_STATUSES)) : undefined,
	]
}

const PRIORITY_RANK: Record<ActionPriority, number> = { high: 0, medium: 1, low: 2 }

/** Still to do first, then by due date (none last), priority, and newest. */
function byUrgency(a: ActionSummary, b: ActionSummary): number {
	const active = (s: ActionSummary) =>
		(ACTIVE_STATUSES as readonly string[]).includes(s.status) ? 0 : 1
	return (
		active(a) - active(b) ||
		(a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
		PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
		b.createdAt.getTime() - a.createdAt.getTime() ||
		a.id.localeCompare(b.id)
	)
}

type ListedRow = {
	action: ActionRow
	ownerName: string | null
	assessmentTitle: string | null
	schemeId: string | null
}

async function summaries(rows: ListedRow[], today: string, db: Db): Promise<ActionSummary[]> {
	const ids = rows.map((row) => row.action.id)
	// the ids come from a query already confined to the workspaces the caller may see
	const links = ids.length
		? await db
				.select({ actionId: actionIndicators.actionId, indicatorId: actionIndicators.indicatorId })
				.from(actionIndicators)
				.where(inArray(actionIndicators.actionId, ids))
		: []
	const linked = new Map<string, string[]>()
	for (const link of links)
		linked.set(link.actionId, [...(linked.get(link.actionId) ?? []), link.indicatorId])
	return rows
		.map(({ action, ownerName, assessmentTitle, schemeId }) => {
			const targets = schemeId ? targetsOf(schemeId) : null
			const order = targets ? [...targets.indicators.keys()] : []
			const indicatorIds = (linked.get(action.id) ?? []).sort(
				(x, y) => order.indexOf(x) - order.indexOf(y),
			)
			return {
				id: action.id,
				workspaceId: action.workspaceId,
				title: action.title,
				status: action.status,
				priority: action.priority,
				dueDate: action.dueDate,
				overdue: isOverdue(action, today),
				owner:
					action.ownerUserId && ownerName !== null
						? { id: action.ownerUserId, name: ownerName }
						: null,
				assessment:
					action.assessmentId && assessmentTitle !== null
						? { id: action.assessmentId, title: assessmentTitle }
						: null,
				indicators: schemeId ? indicatorIds.map((id) => indicatorView(schemeId, id)) : [],
				createdAt: action.createdAt,
				updatedAt: action.updatedAt,
				completedAt: action.completedAt,
			}
		})
		.sort(byUrgency)
}

/** Today's date in China, where deadlines are kept. */
export function today(now = new Date()): string {
	return calendarDate(now)
}

/** The workspace's actions (or one assessment's), filtered, most urgent first. */
export async function listActions(
	scope: WorkspaceScope,
	filter: ActionFilter = {},
	now = new Date(),
): Promise<ActionSummary[]> {
	const db = database()
	const day = today(now)
	const rows = await db
		.select({
			action: improvementActions,
			ownerName: users.name,
			assessmentTitle: assessments.title,
			schemeId: assessments.schemeId,
		})
		.from(improvementActions)
		.leftJoin(users, eq(users.id, improvementActions.ownerUserId))
		.leftJoin(
			assessments,
			and(
				eq(assessments.id, improvementActions.assessmentId),
				eq(assessments.workspaceId, improvementActions.workspaceId),
			),
		)
		.where(scope.where(improvementActions, ...filterConditions(filter, day)))
	return summaries(rows, day, db)
}

export type ClientActionSummary = ActionSummary & { workspace: { id: string; name: string } }

export type ClientActionFilter = {
	workspaceId?: string
	status?: ActionStatus
	/** only the actions the user owns */
	mine?: boolean
	overdue?: boolean
}

/**
 * A consultant's actions across clients: every workspace the user is a member of, and no other.
 * The membership join is the scope here — a workspace the user does not belong to cannot match.
 */
export async function listActionsAcrossWorkspaces(
	userId: string,
	filter: ClientActionFilter = {},
	now = new Date(),
): Promise<ClientActionSummary[]> {
	const db = database()
	const day = today(now)
	const rows = await db
		.select({
			action: improvementActions,
			ownerName: users.name,
			assessmentTitle: assessments.title,
			schemeId: assessments.schemeId,
			workspaceName: workspaces.name,
		})
		.from(improvementActions)
		.innerJoin(
			memberships,
			and(
				eq(memberships.workspaceId, improvementActions.workspaceId),
				eq(memberships.userId, userId),
			),
		)
		.innerJoin(workspaces, eq(workspaces.id, improvementActions.workspaceId))
		.leftJoin(users, eq(users.id, improvementActions.ownerUserId))
		.leftJoin(
			assessments,
			and(
				eq(assessments.id, improvementActions.assessmentId),
				eq(assessments.workspaceId, improvementActions.workspaceId),
			),
		)
		.where(
			and(
				filter.workspaceId === undefined
					? undefined
					: eq(improvementActions.workspaceId, filter.workspaceId),
				...filterConditions(
					{
						status: filter.status,
						overdue: filter.overdue,
						ownerUserId: filter.mine ? userId : undefined,
					},
					day,
				),
			),
		)
	const names = new Map(rows.map((row) => [row.action.workspaceId, row.workspaceName]))
	return (await summaries(rows, day, db)).map((summary) => ({
		...summary,
		workspace: { id: summary.workspaceId, name: names.get(summary.workspaceId) ?? '' },
	}))
}

export type ActionCommentView = {
	id: string
	body: string
	createdAt: Date
	author: { id: string; name: string } | null
}

export type ActionEvidenceView = {
	id: string
	name: string
	contentType: string
	size: number
	createdAt: Date
	uploader: { id: string; name: string } | null
	canRemove: boolean
}

export type ActionDetail = {
	action: ActionSummary & { description: string; createdBy: { id: string; name: string } | null }
	assessment: {
		id: string
		title: string
		schemeId: string
		status: AssessmentRow['status']
	} | null
	comments: ActionCommentView[]
	evidence: ActionEvidenceView[]
	can: ActionPermissions
}

function mayRemoveEvidence(
	scope: WorkspaceScope,
	action: ActionRow,
	row: { uploadedBy: string | null },
): boolean {
	if (roleAtLeast(scope.role, 'admin')) return true
	return actionPermissions(scope, action).edit && row.uploadedBy === scope.user.id
}

/** One action with its comments and evidence, or null (also when it is another workspace's). */
export async function getAction(
	scope: WorkspaceScope,
	actionId: string,
	now = new Date(),
): Promise<ActionDetail | null> {
	const db = database()
	const action = await findAction(scope, actionId, db)
	if (!action) return null
	const assessment = action.assessmentId
		? await findAssessment(scope, action.assessmentId, db)
		: null
	const [owner, creator, commentRows, evidenceRows] = await Promise.all([
		nameOf(action.ownerUserId),
		nameOf(action.createdBy),
		db
			.select({ comment: actionComments, authorName: users.name })
			.from(actionComments)
			.leftJoin(users, eq(users.id, actionComments.userId))
			.where(scope.where(actionComments, eq(actionComments.actionId, action.id)))
			.orderBy(asc(actionComments.createdAt), asc(actionComments.id)),
		db
			.select({ row: actionEvidence, uploaderName: users.name })
			.from(actionEvidence)
			.leftJoin(users, eq(users.id, actionEvidence.uploadedBy))
			.where(
				scope.where(
					actionEvidence,
					eq(actionEvidence.actionId, action.id),
					isNull(actionEvidence.deletedAt),
				),
			)
			.orderBy(asc(actionEvidence.createdAt), asc(actionEvidence.id)),
	])
	const [summary] = await summaries(
		[
			{
				action,
				ownerName: owner,
				assessmentTitle: assessment?.title ?? null,
				schemeId: assessment?.schemeId ?? null,
			},
		],
		today(now),
		db,
	)
	return {
		action: {
			...summary!,
			description: action.description,
			createdBy:
				action.createdBy && creator !== null ? { id: action.createdBy, name: creator } : null,
		},
		assessment: assessment
			? {
					id: assessment.id,
					title: assessment.title,
					schemeId: assessment.schemeId,
					status: assessment.status,
				}
			: null,
		comments: commentRows.map(({ comment, authorName }) => ({
			id: comment.id,
			body: comment.body,
			createdAt: comment.createdAt,
			author:
				comment.userId && authorName !== null ? { id: comment.userId, name: authorName } : null,
		})),
		evidence: evidenceRows.map(({ row, uploaderName }) => ({
			id: row.id,
			name: row.originalName,
			contentType: row.contentType,
			size: row.size,
			createdAt: row.createdAt,
			uploader:
				row.uploadedBy && uploaderName !== null ? { id: row.uploadedBy, name: uploaderName } : null,
			canRemove: mayRemoveEvidence(scope, action, row),
		})),
		can: actionPermissions(scope, action),
	}
}

async function nameOf(userId: string | null): Promise<string | null> {
	if (!userId) return null
	const [row] = await database()
		.select({ name: users.name })
		.from(users)
		.where(eq(users.id, userId))
	return row?.name ?? null
}

// ── changes ───────────────────────────────────────────────────────────────────────────────────

async function audit(
	tx: Tx,
	scope: WorkspaceScope,
	actionId: string,
	action: string,
	detail: Record<string, unknown>,
	ip: string,
) {
	await recordAudit(tx, {
		workspaceId: scope.workspace.id,
		actorUserId: scope.user.id,
		action,
		targetType: 'action',
		targetId: actionId,
		detail,
		ip,
	})
}

async function touch(tx: Tx, scope: WorkspaceScope, actionId: string) {
	await tx
		.update(improvementActions)
		.set({ updatedAt: new Date() })
		.where(scope.where(improvementActions, eq(improvementActions.id, actionId)))
}

async function insertAction(
	tx: Tx,
	scope: WorkspaceScope,
	values: ActionFields & { assessmentId: string | null },
): Promise<ActionRow> {
	const [row] = await tx
		.insert(improvementActions)
		.values({
			workspaceId: scope.workspace.id,
			assessmentId: values.assessmentId,
			title: values.title,
			description: values.description,
			ownerUserId: values.ownerUserId,
			dueDate: values.dueDate,
			priority: values.priority,
			createdBy: scope.user.id,
		})
		.returning()
	if (!row) throw new Error('insert returned no action')
	return row
}

function createdDetail(row: ActionRow, indicatorIds: string[]) {
	return {
		title: row.title,
		assessmentId: row.assessmentId,
		indicatorIds,
		ownerUserId: row.ownerUserId,
		dueDate: row.dueDate,
		priority: row.priority,
	}
}

/** A free action, tied to no assessment (assessors and above). */
export async function createAction(
	scope: WorkspaceScope,
	fields: ActionFields,
	ip: string,
): Promise<Outcome<{ action: ActionRow }>> {
	if (!roleAtLeast(scope.role, 'assessor')) return viewerReadOnly
	return database().transaction(async (tx) => {
		const owner = await ownerRefusal(tx, scope, fields.ownerUserId)
		if (owner) return owner
		const row = await insertAction(tx, scope, { ...fields, assessmentId: null })
		await audit(tx, scope, row.id, 'action.created', createdDetail(row, []), ip)
		return { ok: true, action: row }
	})
}

/**
 * An action from gaps of an assessment (assessors and above; also once it is submitted — that is
 * when the plan is made). Left out: the title and description come from the indicators and why
 * they lost points, the owner is the creator, the priority medium.
 */
export async function createActionFromGaps(
	scope: WorkspaceScope,
	assessmentId: string,
	input: GapActionInput,
	{ ip, locale }: { ip: string; locale: Locale },
): Promise<Outcome<{ action: ActionRow; indicatorIds: string[] }>> {
	const assessment = await findAssessment(scope, assessmentId)
	if (!assessment || !targetsOf(assessment.schemeId)) return notFound
	if (!roleAtLeast(scope.role, 'assessor')) return viewerReadOnly
	const checked = checkIndicators(assessment, input.indicatorIds)
	if (!checked.ok) return checked
	const { indicatorIds } = checked
	let { title, description } = input
	if (!title || (!description && indicatorIds.length > 1)) {
		const defaults = defaultsFromGaps(
			indicatorIds.map((id) => indicatorView(assessment.schemeId, id)),
			await gapReasons(scope, assessment),
			locale,
		)
		title ||= defaults.title
		description ||= defaults.description
	}
	const ownerUserId = input.ownerUserId || scope.user.id
	return database().transaction(async (tx) => {
		const owner = await ownerRefusal(tx, scope, ownerUserId)
		if (owner) return owner
		const row = await insertAction(tx, scope, {
			title,
			description,
			ownerUserId,
			dueDate: input.dueDate,
			priority: input.priority,
			assessmentId: assessment.id,
		})
		await tx.insert(actionIndicators).values(
			indicatorIds.map((indicatorId) => ({
				workspaceId: scope.workspace.id,
				actionId: row.id,
				indicatorId,
			})),
		)
		await audit(tx, scope, row.id, 'action.created', createdDetail(row, indicatorIds), ip)
		return { ok: true, action: row, indicatorIds }
	})
}

const EDITABLE = ['title', 'description', 'ownerUserId', 'dueDate', 'priority'] as const

/** Replaces the editable fields; the audit row lists what changed from what. */
export async function updateAction(
	scope: WorkspaceScope,
	actionId: string,
	fields: ActionFields,
	ip: string,
): Promise<Outcome<{ changed: boolean }>> {
	return database().transaction(async (tx) => {
		const target = await editableAction(scope, actionId, tx)
		if (!target.ok) return target
		const { action } = target
		if (fields.ownerUserId !== action.ownerUserId) {
			const owner = await ownerRefusal(tx, scope, fields.ownerUserId)
			if (owner) return owner
		}
		const changes: Record<string, { from: unknown; to: unknown }> = {}
		for (const key of EDITABLE)
			if (fields[key] !== action[key]) changes[key] = { from: action[key], to: fields[key] }
		if (Object.keys(changes).length === 0) return { ok: true, changed: false }
		await tx
			.update(improvementActions)
			.set({ ...fields, updatedAt: new Date() })
			.where(scope.where(improvementActions, eq(improvementActions.id, action.id)))
		await audit(tx, scope, action.id, 'action.updated', { title: fields.title, changes }, ip)
		return { ok: true, changed: true }
	})
}

/** Open, in progress, done (stamped with when) or cancelled; any may be reopened. */
export async function changeActionStatus(
	scope: WorkspaceScope,
	actionId: string,
	status: ActionStatus,
	ip: string,
): Promise<Outcome<{ changed: boolean }>> {
	return database().transaction(async (tx) => {
		const target = await editableAction(scope, actionId, tx)
		if (!target.ok) return target
		const { action } = target
		if (action.status === status) return { ok: true, changed: false }
		const now = new Date()
		await tx
			.update(improvementActions)
			.set({ status, completedAt: status === 'done' ? now : null, updatedAt: now })
			.where(scope.where(improvementActions, eq(improvementActions.id, action.id)))
		await audit(
			tx,
			scope,
			action.id,
			'action.status_changed',
			{ title: action.title, from: action.status, to: status },
			ip,
		)
		return { ok: true, changed: true }
	})
}

/** Links one more indicator of the action's assessment (actions from gaps only). */
export async function linkIndicator(
	scope: WorkspaceScope,
	actionId: string,
	indicatorId: string,
	ip: string,
): Promise<Outcome<{ changed: boolean }>> {
	return database().transaction(async (tx) => {
		const target = await editableAction(scope, actionId, tx)
		if (!target.ok) return target
		const { action } = target
		const assessment = action.assessmentId
			? await findAssessment(scope, action.assessmentId, tx)
			: null
		if (!assessment) return refusal(400, 'actions.error.freeAction', 'indicatorId')
		const checked = checkIndicators(assessment, [indicatorId])
		if (!checked.ok) return { ...checked, field: checked.field && 'indicatorId' }
		const current = await linkedIds(tx, scope, action.id)
		const id = checked.indicatorIds[0]!
		if (current.includes(id)) return { ok: true, changed: false }
		if (current.length >= ACTION_INDICATORS_MAX)
			return refusal(400, 'actions.error.tooManyIndicators', 'indicatorId', {
				max: ACTION_INDICATORS_MAX,
			})
		await tx
			.insert(actionIndicators)
			.values({ workspaceId: scope.workspace.id, actionId: action.id, indicatorId: id })
		await touch(tx, scope, action.id)
		await audit(
			tx,
			scope,
			action.id,
			'action.updated',
			{ title: action.title, changes: { indicatorIds: { from: current, to: [...current, id] } } },
			ip,
		)
		return { ok: true, changed: true }
	})
}

/** Unlinks an indicator; an action from gaps keeps at least one. */
export async function unlinkIndicator(
	scope: WorkspaceScope,
	actionId: string,
	indicatorId: string,
	ip: string,
): Promise<Outcome<{ changed: boolean }>> {
	return database().transaction(async (tx) => {
		const target = await editableAction(scope, actionId, tx)
		if (!target.ok) return target
		const { action } = target
		const current = await linkedIds(tx, scope, action.id)
		if (!current.includes(indicatorId))
			return refusal(400, 'actions.error.notLinked', 'indicatorId')
		if (current.length === 1) return refusal(409, 'actions.error.lastIndicator', 'indicatorId')
		await tx
			.delete(actionIndicators)
			.where(
				scope.where(
					actionIndicators,
					eq(actionIndicators.actionId, action.id),
					eq(actionIndicators.indicatorId, indicatorId),
				),
			)
		await touch(tx, scope, action.id)
		await audit(
			tx,
			scope,
			action.id,
			'action.updated',
			{
				title: action.title,
				changes: {
					indicatorIds: { from: current, to: current.filter((id) => id !== indicatorId) },
				},
			},
			ip,
		)
		return { ok: true, changed: true }
	})
}

async function linkedIds(tx: Db, scope: WorkspaceScope, actionId: string): Promise<string[]> {
	const rows = await tx
		.select({ indicatorId: actionIndicators.indicatorId })
		.from(actionIndicators)
		.where(scope.where(actionIndicators, eq(actionIndicators.actionId, actionId)))
		.orderBy(asc(actionIndicators.indicatorId))
	return rows.map((row) => row.indicatorId)
}

/** Assessors and above comment on any action of the workspace; viewers read. */
export async function commentOnAction(
	scope: WorkspaceScope,
	actionId: string,
	body: string,
	ip: string,
): Promise<Outcome<{ id: string }>> {
	return database().transaction(async (tx) => {
		const action = await findAction(scope, actionId, tx)
		if (!action) return notFound
		if (!actionPermissions(scope, action).comment) return viewerReadOnly
		const [row] = await tx
			.insert(actionComments)
			.values({ workspaceId: scope.workspace.id, actionId: action.id, userId: scope.user.id, body })
			.returning({ id: actionComments.id })
		await touch(tx, scope, action.id)
		await audit(
			tx,
			scope,
			action.id,
			'action.commented',
			{ title: action.title, commentId: row!.id, length: body.length },
			ip,
		)
		return { ok: true, id: row!.id }
	})
}

/** Owners and admins remove an action with its links, comments and evidence files. */
export async function removeAction(
	scope: WorkspaceScope,
	actionId: string,
	ip: string,
): Promise<Outcome> {
	const removed = await database().transaction(
		async (tx): Promise<Outcome<{ files: string[] }>> => {
			const action = await findAction(scope, actionId, tx)
			if (!action) return notFound
			if (!actionPermissions(scope, action).remove)
				return refusal(403, 'actions.error.removeForbidden')
			const indicatorIds = await linkedIds(tx, scope, action.id)
			const files = await tx
				.select({ storedName: actionEvidence.storedName })
				.from(actionEvidence)
				.where(
					scope.where(
						actionEvidence,
						eq(actionEvidence.actionId, action.id),
						isNull(actionEvidence.deletedAt),
					),
				)
			const comments = await tx
				.select({ id: actionComments.id })
				.from(actionComments)
				.where(scope.where(actionComments, eq(actionComments.actionId, action.id)))
			// links, comments, evidence rows and reminders go with it (foreign keys cascade)
			await tx
				.delete(improvementActions)
				.where(scope.where(improvementActions, eq(improvementActions.id, action.id)))
			await audit(
				tx,
				scope,
				action.id,
				'action.removed',
				{
					...createdDetail(action, indicatorIds),
					description: action.description,
					status: action.status,
					comments: comments.length,
					evidence: files.length,
				},
				ip,
			)
			return { ok: true, files: files.map((file) => file.storedName) }
		},
	)
	if (!removed.ok) return removed
	// after the commit: a failed delete leaves an orphan file, never a listed file that is gone
	for (const name of removed.files) await discard(storedPath(name))
	return { ok: true }
}

// ── evidence ──────────────────────────────────────────────────────────────────────────────────

export const ActionUploadFieldsSchema = z.strictObject({
	intent: z.literal('upload').optional(),
	redirectTo: z.string().max(2000).optional(),
})

/**
 * Streams one evidence file for an action to disk and records it, with the same reading, limits
 * and content checks as assessment evidence. A refusal at any step leaves no file and no row.
 */
export async function uploadActionEvidence(
	scope: WorkspaceScope,
	actionId: string,
	request: Request,
	{ ip, locale }: { ip: string; locale: string },
): Promise<Outcome<{ id: string; redirectTo: string | undefined }>> {
	const maxBytes = env().UPLOAD_MAX_BYTES
	const before = await editableAction(scope, actionId)
	if (!before.ok) {
		discardUpload(request, maxBytes)
		return before
	}
	const directory = uploadDirectory()
	const received = await receiveUpload(request, { directory, maxFileBytes: maxBytes })
	if (!received.ok) {
		if (received.reason === 'tooLarge')
			return refusal(413, 'collab.evidence.error.tooLarge', 'file', {
				max: formatFileSize(maxBytes, locale),
			})
		if (received.reason === 'notMultipart')
			return refusal(415, 'collab.evidence.error.notMultipart', 'file')
		return refusal(400, 'collab.evidence.error.malformed', 'file')
	}
	const outcome = await storeActionEvidence(scope, before.action.id, {
		fields: received.fields,
		file: received.file,
		directory,
		ip,
	})
	if (!outcome.ok && received.file) await discard(received.file.path)
	return outcome
}

async function storeActionEvidence(
	scope: WorkspaceScope,
	actionId: string,
	{
		fields: rawFields,
		file,
		directory,
		ip,
	}: { fields: Record<string, string>; file: ReceivedFile | null; directory: string; ip: string },
): Promise<Outcome<{ id: string; redirectTo: string | undefined }>> {
	const fields = ActionUploadFieldsSchema.safeParse(rawFields)
	if (!fields.success) return refusal(400, 'collab.evidence.error.malformed', 'file')
	if (!file) return refusal(400, 'collab.evidence.error.noFile', 'file')
	const name = checkFileName(file.name)
	if (!name.ok) return refusal(400, 'collab.evidence.error.name', 'file')
	if (file.size === 0) return refusal(400, 'collab.evidence.error.empty', 'file')
	const detected = await detectEvidenceType(file.path, name.name)
	if (!detected.ok && detected.reason === 'type')
		return refusal(415, 'collab.evidence.error.type', 'file')
	if (!detected.ok) return refusal(415, 'collab.evidence.error.extension', 'file')

	const storedName = randomUUID()
	const finalPath = path.join(directory, storedName)
	await rename(file.path, finalPath)
	try {
		const written = await database().transaction(async (tx): Promise<Outcome<{ id: string }>> => {
			// checked again: the action may have been removed or reassigned while the file streamed in
			const target = await editableAction(scope, actionId, tx)
			if (!target.ok) return target
			const [row] = await tx
				.insert(actionEvidence)
				.values({
					workspaceId: scope.workspace.id,
					actionId,
					originalName: name.name,
					storedName,
					contentType: detected.contentType,
					size: file.size,
					sha256: file.sha256,
					uploadedBy: scope.user.id,
				})
				.returning({ id: actionEvidence.id })
			await touch(tx, scope, actionId)
			await audit(
				tx,
				scope,
				actionId,
				'action.evidence_uploaded',
				{
					title: target.action.title,
					evidenceId: row!.id,
					name: name.name,
					contentType: detected.contentType,
					size: file.size,
					sha256: file.sha256,
				},
				ip,
			)
			return { ok: true, id: row!.id }
		})
		if (!written.ok) {
			await discard(finalPath)
			return written
		}
		return { ok: true, id: written.id, redirectTo: fields.data.redirectTo }
	} catch (error) {
		await discard(finalPath)
		throw error
	}
}

/** Soft-removes the row (the audit log keeps what it was) and deletes the file after the commit. */
export async function removeActionEvidence(
	scope: WorkspaceScope,
	actionId: string,
	evidenceId: string,
	ip: string,
): Promise<Outcome> {
	const removed = await database().transaction(
		async (tx): Promise<Outcome<{ storedName: string }>> => {
			const action = await findAction(scope, actionId, tx)
			if (!action) return notFound
			const [row] = await tx
				.select()
				.from(actionEvidence)
				.where(
					scope.where(
						actionEvidence,
						eq(actionEvidence.id, evidenceId),
						eq(actionEvidence.actionId, action.id),
						isNull(actionEvidence.deletedAt),
					),
				)
			if (!row) return refusal(400, 'actions.error.evidenceNotFound', 'evidenceId')
			if (!roleAtLeast(scope.role, 'assessor')) return viewerReadOnly
			if (!mayRemoveEvidence(scope, action, row))
				return refusal(403, 'collab.evidence.error.removeForbidden', 'evidenceId')
			await tx
				.update(actionEvidence)
				.set({ deletedAt: new Date() })
				.where(
					scope.where(
						actionEvidence,
						eq(actionEvidence.id, row.id),
						isNull(actionEvidence.deletedAt),
					),
				)
			await touch(tx, scope, action.id)
			await audit(
				tx,
				scope,
				action.id,
				'action.evidence_removed',
				{
					title: action.title,
					evidenceId: row.id,
					name: row.originalName,
					size: row.size,
					sha256: row.sha256,
					uploadedBy: row.uploadedBy,
				},
				ip,
			)
			return { ok: true, storedName: row.storedName }
		},
	)
	if (!removed.ok) return removed
	await discard(storedPath(removed.storedName))
	return { ok: true }
}

export type ActionEvidenceDownload = {
	name: string
	contentType: string
	size: number
	body: ReadableStream<Uint8Array>
}

/** The file of evidence still in place on this workspace's action, or null. */
export async function openActionEvidence(
	scope: WorkspaceScope,
	actionId: string,
	evidenceId: string,
): Promise<ActionEvidenceDownload | null> {
	const [row] = await database()
		.select()
		.from(actionEvidence)
		.where(
			scope.where(
				actionEvidence,
				eq(actionEvidence.id, evidenceId),
				eq(actionEvidence.actionId, actionId),
				isNull(actionEvidence.deletedAt),
			),
		)
	if (!row) return null
	return openStoredFile(row)
}
