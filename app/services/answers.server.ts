import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { answers, assessorRatings, users } from '#db/schema/index.ts'
import {
	importedPercents,
	indicatorPercents,
	keepImported,
	withoutImported,
} from '#app/domain/assessments/to-v1.ts'
import { schemeIndicators, type Indicator, type Scheme } from '#app/domain/schemes/index.ts'
import { FORMAT_V1, validateAssessment } from '#app/domain/scoring/index.ts'
import { database, preparedQuery } from '#app/utils/db.server.ts'
import { invariantForbidden, invariantNotFound } from '#app/utils/http.server.ts'
import { findAssessment, requireAssessment, schemeOf } from './assessments.server.ts'
import { recordAudit, type Tx } from './audit.server.ts'
import { roleAtLeast, scopedPlaceholder, type WorkspaceScope } from './workspace-scope.server.ts'

export const NOTE_MAX = 5000

/** An answer's value: a v1 answer shape without note and evidence, or null for "not answered". */
export type AnswerValue = Record<string, unknown> | null
export type AnswerStatus = 'answered' | 'to_review'

export type StoredAnswer = {
	indicatorId: string
	value: AnswerValue
	note: string
	status: AnswerStatus
	version: number
	updatedAt: Date | null
	updatedBy: { id: string; name: string } | null
}

export type StoredRating = {
	indicatorId: string
	percent: string | null
	version: number
	updatedAt: Date | null
	user: { id: string; name: string }
}

/**
 * What a save did. A refusal the person can act on is returned, not thrown, so an autosave keeps
 * its page: 400 (the value is not one the scheme takes), 409 (someone saved a newer version first,
 * or the assessment was submitted). Not found (404) and not allowed (403) are thrown.
 */
export type SaveOutcome<T> =
	| { ok: true; saved: T; changed: boolean }
	| { ok: false; status: 400; reason: 'invalid'; message: string }
	| { ok: false; status: 409; reason: 'conflict'; current: T }
	| { ok: false; status: 409; reason: 'submitted'; message: string }

export const AnswerInputSchema = z.strictObject({
	value: z.record(z.string(), z.unknown()).nullable(),
	note: z.string().max(NOTE_MAX).default(''),
	status: z.enum(['answered', 'to_review']).default('answered'),
})
export type AnswerInput = z.input<typeof AnswerInputSchema>

const VersionSchema = z.number().int().min(0)

const SUBMITTED_MESSAGE =
	'the assessment has been submitted and is read-only; an owner or admin can reopen it (评价已提交，只读)'

const indicatorMaps = new WeakMap<Scheme, Map<string, Indicator>>()

export function indicatorOf(scheme: Scheme, indicatorId: string): Indicator | undefined {
	let map = indicatorMaps.get(scheme)
	if (!map) {
		map = new Map(schemeIndicators(scheme).map(({ indicator }) => [indicator.id, indicator]))
		indicatorMaps.set(scheme, map)
	}
	return map.get(indicatorId)
}

/**
 * The assessment and indicator a change names, or 404 for anything missing or of another
 * workspace; then 403 below assessor. Read-only checks (submitted) happen in the transaction.
 */
async function target(scope: WorkspaceScope, assessmentId: string, indicatorId: string) {
	const assessment = await requireAssessment(scope, assessmentId)
	const scheme = schemeOf(assessment)
	const indicator = indicatorOf(scheme, indicatorId)
	invariantNotFound(indicator, `unknown indicator ${indicatorId}`)
	invariantForbidden(
		roleAtLeast(scope.role, 'assessor'),
		'viewers cannot change answers (查看者不能修改答案)',
	)
	return { scheme, indicator }
}

function invalid(message: string): { ok: false; status: 400; reason: 'invalid'; message: string } {
	return { ok: false, status: 400, reason: 'invalid', message }
}

function zodMessage(error: z.ZodError, prefix: string): string {
	const issue = error.issues[0]
	const path = issue?.path.map(String).join('.')
	return `${prefix}${path ? ` ${path}` : ''}: ${issue?.message ?? 'invalid'}`
}

function excludes(value: AnswerValue): boolean {
	if (!value) return false
	if (value.na === true) return true
	const checks = value.checks
	return Array.isArray(checks) && checks.length > 0 && checks.every((check) => check === 'na')
}

/**
 * The value as the engine accepts it, in its canonical key order, or the engine's message. One
 * answer is checked alone here; that the whole assessment still has something to score is
 * checked against the stored answers in the transaction.
 */
function checkValue(
	scheme: Scheme,
	indicator: Indicator,
	value: AnswerValue,
): { ok: true; value: AnswerValue } | { ok: false; message: string } {
	if (value === null) return { ok: true, value }
	const where = `indicator ${indicator.id}`
	for (const key of ['note', 'evidence']) {
		if (Object.hasOwn(value, key))
			return {
				ok: false,
				message: `${where}: ${key} is saved beside the value, not inside it (答案值不含 ${key})`,
			}
	}
	if (scheme.answerMode === 'percent' && Object.hasOwn(value, 'percent'))
		return {
			ok: false,
			message: `${where}: maturity percentages are each assessor's own rating; save them as a rating (成熟度百分比按评价人员分别保存)`,
		}
	const result = validateAssessment({
		format: FORMAT_V1,
		scheme: scheme.id,
		answers: { [indicator.id]: value },
	})
	if (!result.ok) return { ok: false, message: result.error }
	const { note: _note, evidence: _evidence, ...answer } = result.assessment.answers[indicator.id]!
	return { ok: true, value: answer }
}

function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

async function currentAnswer(
	tx: Tx,
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId: string,
) {
	const rows = await tx
		.select({ answer: answers, userName: users.name })
		.from(answers)
		.leftJoin(users, eq(users.id, answers.updatedBy))
		.where(
			scope.where(
				answers,
				eq(answers.assessmentId, assessmentId),
				eq(answers.indicatorId, indicatorId),
			),
		)
	return rows[0]
}

/**
 * One indicator's answer as stored, with its version: value, note, status and version come from
 * one read, so the version a form carries is the one its value was read at.
 */
export async function findAnswer(
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId: string,
): Promise<StoredAnswer> {
	const rows = await answerOfIndicator().all(scope.bind({ assessmentId, indicatorId }))
	return toStoredAnswer(indicatorId, rows[0])
}

const answerOfIndicator = preparedQuery((db) =>
	db
		.select({ answer: answers, userName: users.name })
		.from(answers)
		.leftJoin(users, eq(users.id, answers.updatedBy))
		.where(
			scopedPlaceholder(
				answers,
				eq(answers.assessmentId, sql.placeholder('assessmentId')),
				eq(answers.indicatorId, sql.placeholder('indicatorId')),
			),
		)
		.prepare(),
)

function toStoredAnswer(
	indicatorId: string,
	row: { answer: typeof answers.$inferSelect; userName: string | null } | undefined,
): StoredAnswer {
	if (!row)
		return {
			indicatorId,
			value: null,
			note: '',
			status: 'answered',
			version: 0,
			updatedAt: null,
			updatedBy: null,
		}
	const { answer, userName } = row
	return {
		indicatorId,
		value: answer.value ?? null,
		note: answer.note,
		status: answer.status,
		version: answer.version,
		updatedAt: answer.updatedAt,
		updatedBy: answer.updatedBy ? { id: answer.updatedBy, name: userName ?? '' } : null,
	}
}

/** Would this exclusion take out every indicator that carries points? The engine refuses that. */
async function excludesEverything(
	tx: Tx,
	scope: WorkspaceScope,
	scheme: Scheme,
	assessmentId: string,
	indicatorId: string,
) {
	const rows = await tx
		.select({ indicatorId: answers.indicatorId, value: answers.value })
		.from(answers)
		.where(scope.where(answers, eq(answers.assessmentId, assessmentId)))
	const excluded = new Set(
		rows.filter((row) => excludes(row.value ?? null)).map((row) => row.indicatorId),
	)
	excluded.add(indicatorId)
	return schemeIndicators(scheme).every(
		({ indicator }) => indicator.points === 0 || excluded.has(indicator.id),
	)
}

/**
 * Saves one indicator's answer (value, note, status) over the version the person started from.
 * A newer version on the server is a conflict: nothing is written and the server's answer comes
 * back, with who saved it and when. A save that changes nothing succeeds without a new version.
 */
export async function saveAnswer(
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId: string,
	input: unknown,
	baseVersion: unknown,
	{ ip }: { ip: string },
): Promise<SaveOutcome<StoredAnswer>> {
	const { scheme, indicator } = await target(scope, assessmentId, indicatorId)
	const parsed = AnswerInputSchema.safeParse(input)
	if (!parsed.success) return invalid(zodMessage(parsed.error, `indicator ${indicatorId} answer`))
	const base = VersionSchema.safeParse(baseVersion)
	if (!base.success)
		return invalid(
			`indicator ${indicatorId}: the base version must be a whole number ≥ 0 (版本号无效)`,
		)
	const checked = checkValue(scheme, indicator, parsed.data.value)
	if (!checked.ok) return invalid(checked.message)

	return database().transaction(async (tx): Promise<SaveOutcome<StoredAnswer>> => {
		const assessment = await findAssessment(scope, assessmentId, tx)
		invariantNotFound(assessment)
		if (assessment.status === 'submitted')
			return { ok: false, status: 409, reason: 'submitted', message: SUBMITTED_MESSAGE }
		const row = await currentAnswer(tx, scope, assessmentId, indicatorId)
		const current = toStoredAnswer(indicatorId, row)
		// DNI: percentages a v1 import stored belong to no member, so a member's save keeps them;
		// only removeImportedRatings takes them away
		const value =
			scheme.answerMode === 'percent' ? keepImported(checked.value, current.value) : checked.value
		const next = { value, note: parsed.data.note, status: parsed.data.status }
		if (
			sameJson(current.value, next.value) &&
			current.note === next.note &&
			current.status === next.status
		)
			return { ok: true, saved: current, changed: false }
		if (current.version !== base.data)
			return { ok: false, status: 409, reason: 'conflict', current }
		if (
			excludes(next.value) &&
			(await excludesEverything(tx, scope, scheme, assessmentId, indicatorId))
		)
			return invalid(
				`indicator ${indicatorId}: every indicator that carries points would be excluded, so nothing could be scored (不能全部删减)`,
			)

		const now = new Date()
		const version = current.version + 1
		if (row) {
			const updated = await tx
				.update(answers)
				.set({ ...next, version, updatedBy: scope.user.id, updatedAt: now })
				.where(
					scope.where(answers, eq(answers.id, row.answer.id), eq(answers.version, current.version)),
				)
				.returning({ id: answers.id })
			// the write queue makes this unreachable within one process; another process may still race
			if (updated.length === 0) {
				const latest = toStoredAnswer(
					indicatorId,
					await currentAnswer(tx, scope, assessmentId, indicatorId),
				)
				return { ok: false, status: 409, reason: 'conflict', current: latest }
			}
		} else {
			await tx.insert(answers).values({
				workspaceId: scope.workspace.id,
				assessmentId,
				indicatorId,
				...next,
				version,
				updatedBy: scope.user.id,
				updatedAt: now,
			})
		}
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'answer.saved',
			targetType: 'assessment',
			targetId: assessmentId,
			detail: {
				indicatorId,
				version,
				before: current.value,
				after: next.value,
				status: next.status,
				noteChanged: current.note !== next.note,
			},
			ip,
		})
		return {
			ok: true,
			changed: true,
			saved: {
				indicatorId,
				...next,
				version,
				updatedAt: now,
				updatedBy: { id: scope.user.id, name: scope.user.name },
			},
		}
	})
}

/** 0–100 with at most two decimals, kept as exact decimal text ("72.5"). */
const PercentSchema = z
	.union([z.number(), z.string().trim()])
	.transform((value) => (typeof value === 'number' ? String(value) : value))
	.refine((text) => /^\d{1,3}(\.\d{1,2})?$/.test(text) && Number(text) <= 100, {
		error:
			'a maturity percentage is a number from 0 to 100 with at most two decimals (成熟度百分比须在 0–100 之间，最多两位小数)',
	})
	.transform((text) => String(Number(text)))

async function currentRating(
	tx: Tx,
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId: string,
) {
	const rows = await tx
		.select()
		.from(assessorRatings)
		.where(
			scope.where(
				assessorRatings,
				eq(assessorRatings.assessmentId, assessmentId),
				eq(assessorRatings.indicatorId, indicatorId),
				eq(assessorRatings.userId, scope.user.id),
			),
		)
	return rows[0]
}

/**
 * DNI: saves (or with null, withdraws) the signed-in assessor's own maturity percentage for one
 * indicator. Each assessor has their own row and version; the indicator scores the mean.
 */
export async function saveRating(
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId: string,
	percent: unknown,
	baseVersion: unknown,
	{ ip }: { ip: string },
): Promise<SaveOutcome<StoredRating>> {
	const { scheme } = await target(scope, assessmentId, indicatorId)
	if (scheme.answerMode !== 'percent')
		return invalid(
			`indicator ${indicatorId}: ${scheme.id} has no maturity ratings; it is scored by ${scheme.answerMode} (该方案无成熟度评分)`,
		)
	let next: string | null = null
	if (percent !== null) {
		const parsed = PercentSchema.safeParse(percent)
		if (!parsed.success)
			return invalid(zodMessage(parsed.error, `indicator ${indicatorId} percent`))
		next = parsed.data
	}
	const base = VersionSchema.safeParse(baseVersion)
	if (!base.success)
		return invalid(
			`indicator ${indicatorId}: the base version must be a whole number ≥ 0 (版本号无效)`,
		)
	const user = { id: scope.user.id, name: scope.user.name }

	return database().transaction(async (tx): Promise<SaveOutcome<StoredRating>> => {
		const assessment = await findAssessment(scope, assessmentId, tx)
		invariantNotFound(assessment)
		if (assessment.status === 'submitted')
			return { ok: false, status: 409, reason: 'submitted', message: SUBMITTED_MESSAGE }
		const row = await currentRating(tx, scope, assessmentId, indicatorId)
		const current: StoredRating = {
			indicatorId,
			percent: row?.percent ?? null,
			version: row?.version ?? 0,
			updatedAt: row?.updatedAt ?? null,
			user,
		}
		if (current.percent === next) return { ok: true, saved: current, changed: false }
		if (current.version !== base.data)
			return { ok: false, status: 409, reason: 'conflict', current }
		const now = new Date()
		const version = current.version + 1
		if (row && next === null) {
			await tx
				.delete(assessorRatings)
				.where(scope.where(assessorRatings, eq(assessorRatings.id, row.id)))
		} else if (row && next !== null) {
			await tx
				.update(assessorRatings)
				.set({ percent: next, version, updatedAt: now })
				.where(
					scope.where(
						assessorRatings,
						eq(assessorRatings.id, row.id),
						eq(assessorRatings.version, row.version),
					),
				)
		} else if (next !== null) {
			await tx.insert(assessorRatings).values({
				workspaceId: scope.workspace.id,
				assessmentId,
				indicatorId,
				userId: scope.user.id,
				percent: next,
				version,
				updatedAt: now,
			})
		}
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: next === null ? 'rating.withdrawn' : 'rating.saved',
			targetType: 'assessment',
			targetId: assessmentId,
			detail: { indicatorId, version, before: current.percent, after: next },
			ip,
		})
		// a withdrawn rating starts again from version 0, like one never given
		return {
			ok: true,
			changed: true,
			saved: {
				indicatorId,
				percent: next,
				version: next === null ? 0 : version,
				updatedAt: now,
				user,
			},
		}
	})
}

/** Every stored answer of an assessment, by indicator id. */
export async function listAnswers(
	scope: WorkspaceScope,
	assessmentId: string,
): Promise<Map<string, StoredAnswer>> {
	const rows = await database()
		.select({ answer: answers, userName: users.name })
		.from(answers)
		.leftJoin(users, eq(users.id, answers.updatedBy))
		.where(scope.where(answers, eq(answers.assessmentId, assessmentId)))
	return new Map(
		rows.map((row) => [row.answer.indicatorId, toStoredAnswer(row.answer.indicatorId, row)]),
	)
}

export type RatingView = {
	mine: { percent: string; version: number } | null
	/** others' ratings: shown only once the signed-in assessor has rated, so nobody anchors on them */
	others: { name: string; percent: string }[]
	othersCount: number
	/**
	 * percentages a v1 import stored: they belong to no member and are always shown, since the
	 * indicator already scores them and only an owner or admin may remove them
	 */
	imported: string[]
	/** over the imported and every member's rating, as the score takes them; null while any is hidden */
	mean: number | null
	spread: number | null
}

/** DNI ratings per indicator as the signed-in member may see them, with any imported ones. */
export async function listRatings(
	scope: WorkspaceScope,
	assessmentId: string,
	/** only this indicator's (the answering page shows one at a time) */
	indicatorId?: string,
): Promise<Map<string, RatingView>> {
	const db = database()
	const [rows, answerRows] = await Promise.all([
		db
			.select({ rating: assessorRatings, name: users.name })
			.from(assessorRatings)
			.innerJoin(users, eq(users.id, assessorRatings.userId))
			.where(
				scope.where(
					assessorRatings,
					eq(assessorRatings.assessmentId, assessmentId),
					indicatorId === undefined ? undefined : eq(assessorRatings.indicatorId, indicatorId),
				),
			),
		db
			.select({ indicatorId: answers.indicatorId, value: answers.value })
			.from(answers)
			.where(
				scope.where(
					answers,
					eq(answers.assessmentId, assessmentId),
					indicatorId === undefined ? undefined : eq(answers.indicatorId, indicatorId),
				),
			),
	])
	const values = new Map(answerRows.map((row) => [row.indicatorId, row.value ?? null]))
	const byIndicator = new Map<string, typeof rows>()
	for (const row of rows) {
		const list = byIndicator.get(row.rating.indicatorId) ?? []
		list.push(row)
		byIndicator.set(row.rating.indicatorId, list)
	}
	const indicatorIds = new Set([
		...byIndicator.keys(),
		...answerRows
			.filter((row) => importedPercents(row.value ?? null).length > 0)
			.map((row) => row.indicatorId),
	])
	const views = new Map<string, RatingView>()
	for (const indicatorId of indicatorIds) {
		const list = byIndicator.get(indicatorId) ?? []
		const value = values.get(indicatorId) ?? null
		const own = list.find((row) => row.rating.userId === scope.user.id)
		const others = list.filter((row) => row !== own)
		const percents = indicatorPercents(
			value,
			list.map((row) => row.rating),
		)
		const visible = (own !== undefined || others.length === 0) && percents.length > 0
		views.set(indicatorId, {
			mine: own ? { percent: own.rating.percent, version: own.rating.version } : null,
			others: own ? others.map((row) => ({ name: row.name, percent: row.rating.percent })) : [],
			othersCount: others.length,
			imported: importedPercents(value).map(String),
			mean: visible ? percents.reduce((sum, entry) => sum + entry, 0) / percents.length : null,
			spread: visible ? Math.max(...percents) - Math.min(...percents) : null,
		})
	}
	return views
}

const ImportedListSchema = z
	.string()
	.trim()
	.max(2000)
	.transform((text) => text.split(',').map((entry) => entry.trim()))
	.refine((list) => list.every((entry) => entry !== '' && Number.isFinite(Number(entry))))
	.transform((list) => list.map(Number))

export type ImportedRemoval =
	| { ok: true; removed: number[] }
	| { ok: false; status: 400; reason: 'invalid'; message: string }
	| { ok: false; status: 409; reason: 'changed'; current: number[] }
	| { ok: false; status: 409; reason: 'submitted'; message: string }

/**
 * DNI: removes the percentages a v1 import stored for one indicator (owner/admin only, audited).
 * `shown` is the list as the person saw it ("70,80"): if it is no longer what is stored (a new
 * import, another admin), nothing changes and the current list comes back. The answer's version
 * stays: what members edit (exclusion, reason, note) is unchanged, and their saves carry over
 * whatever imported list is stored at that moment.
 */
export async function removeImportedRatings(
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId: string,
	shown: unknown,
	{ ip }: { ip: string },
): Promise<ImportedRemoval> {
	const { scheme } = await target(scope, assessmentId, indicatorId)
	invariantForbidden(
		roleAtLeast(scope.role, 'admin'),
		'only an owner or admin can remove imported ratings (只有所有者或管理员可以移除导入的评分)',
	)
	if (scheme.answerMode !== 'percent')
		return invalid(
			`indicator ${indicatorId}: ${scheme.id} has no maturity ratings (该方案无成熟度评分)`,
		)
	const expected = ImportedListSchema.safeParse(shown)
	if (!expected.success)
		return invalid(
			`indicator ${indicatorId}: name the imported ratings as shown, e.g. "70,80" (请注明要移除的导入评分)`,
		)
	return database().transaction(async (tx): Promise<ImportedRemoval> => {
		const assessment = await findAssessment(scope, assessmentId, tx)
		invariantNotFound(assessment)
		if (assessment.status === 'submitted')
			return { ok: false, status: 409, reason: 'submitted', message: SUBMITTED_MESSAGE }
		const row = await currentAnswer(tx, scope, assessmentId, indicatorId)
		const before = row?.answer.value ?? null
		const current = importedPercents(before)
		if (!row || !sameJson(current, expected.data))
			return { ok: false, status: 409, reason: 'changed', current }
		const after = withoutImported(before)
		await tx
			.update(answers)
			.set({ value: after })
			.where(scope.where(answers, eq(answers.id, row.answer.id)))
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'rating.imported_removed',
			targetType: 'assessment',
			targetId: assessmentId,
			detail: { indicatorId, removed: current, before, after },
			ip,
		})
		return { ok: true, removed: current }
	})
}

/** One indicator as the signed-in member left it: the shared answer and their own DNI rating. */
export async function indicatorState(
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId: string,
): Promise<{ answer: StoredAnswer; rating: { percent: string; version: number } | null }> {
	const db = database()
	const [row] = await db
		.select({ answer: answers, userName: users.name })
		.from(answers)
		.leftJoin(users, eq(users.id, answers.updatedBy))
		.where(
			scope.where(
				answers,
				eq(answers.assessmentId, assessmentId),
				eq(answers.indicatorId, indicatorId),
			),
		)
	const [rating] = await db
		.select({ percent: assessorRatings.percent, version: assessorRatings.version })
		.from(assessorRatings)
		.where(
			scope.where(
				assessorRatings,
				eq(assessorRatings.assessmentId, assessmentId),
				eq(assessorRatings.indicatorId, indicatorId),
				eq(assessorRatings.userId, scope.user.id),
			),
		)
	return { answer: toStoredAnswer(indicatorId, row), rating: rating ?? null }
}
