import { randomUUID } from 'node:crypto'
import { open, rename } from 'node:fs/promises'
import path from 'node:path'
import { createReadableStreamFromReadable } from '@react-router/node'
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { evidence, users } from '#db/schema/index.ts'
import { database, preparedQuery, type Database } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { formatFileSize } from '#app/utils/file-size.ts'
import { recordAudit } from './audit.server.ts'
import {
	changeableAssessment,
	findAssessment,
	notFound,
	refusal,
	type Outcome,
	type Refusal,
} from './collaboration.server.ts'
import { detectEvidenceType } from './evidence-type.server.ts'
import { discard, discardUpload, receiveUpload, type ReceivedFile } from './upload-stream.server.ts'
import { roleAtLeast, scopedPlaceholder, type WorkspaceScope } from './workspace-scope.server.ts'

export type EvidenceView = {
	id: string
	indicatorId: string
	name: string
	contentType: string
	size: number
	createdAt: Date
	uploader: { id: string; name: string } | null
	/** the uploader (while they may still change answers), admins and owners */
	canRemove: boolean
}

type EvidenceRow = typeof evidence.$inferSelect

function mayRemove(scope: WorkspaceScope, row: Pick<EvidenceRow, 'uploadedBy'>): boolean {
	if (roleAtLeast(scope.role, 'admin')) return true
	return roleAtLeast(scope.role, 'assessor') && row.uploadedBy === scope.user.id
}

/** Evidence still in place, oldest first, with its uploader's name: queries built once each. */
const evidenceWhere = (db: Database, where: SQL) =>
	db
		.select({ row: evidence, uploaderName: users.name })
		.from(evidence)
		.leftJoin(users, eq(users.id, evidence.uploadedBy))
		.where(where)
		.orderBy(asc(evidence.createdAt), asc(evidence.id))
		.prepare()
const inPlace = () => [
	eq(evidence.assessmentId, sql.placeholder('assessmentId')),
	isNull(evidence.deletedAt),
]
const evidenceOfAssessment = preparedQuery((db) =>
	evidenceWhere(db, scopedPlaceholder(evidence, ...inPlace())),
)
const evidenceOfIndicator = preparedQuery((db) =>
	evidenceWhere(
		db,
		scopedPlaceholder(
			evidence,
			...inPlace(),
			eq(evidence.indicatorId, sql.placeholder('indicatorId')),
		),
	),
)

/** All indicators of the assessment, or one (as the answering page shows it). */
export async function listEvidence(
	scope: WorkspaceScope,
	assessmentId: string,
	indicatorId?: string,
): Promise<EvidenceView[]> {
	const rows =
		indicatorId === undefined
			? await evidenceOfAssessment().all(scope.bind({ assessmentId }))
			: await evidenceOfIndicator().all(scope.bind({ assessmentId, indicatorId }))
	return rows.map(({ row, uploaderName }) => ({
		id: row.id,
		indicatorId: row.indicatorId,
		name: row.originalName,
		contentType: row.contentType,
		size: row.size,
		createdAt: row.createdAt,
		uploader:
			row.uploadedBy && uploaderName !== null ? { id: row.uploadedBy, name: uploaderName } : null,
		canRemove: mayRemove(scope, row),
	}))
}

export function uploadDirectory(): string {
	return path.resolve(env().UPLOAD_DIR)
}

const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function storedPath(storedName: string): string {
	// the name is ours (a random UUID), but a path is only ever built from that shape
	if (!STORED_NAME.test(storedName)) throw new Error('unexpected stored evidence name')
	return path.join(uploadDirectory(), storedName)
}

export const UploadFieldsSchema = z.strictObject({
	indicatorId: z.string().trim().min(1).max(50),
	redirectTo: z.string().max(2000).optional(),
	intent: z.literal('upload').optional(),
})

export const NAME_MAX = 200

/**
 * A file name as sent by the browser: the name alone. Anything with a path, a control character
 * or a Windows reserved character is refused rather than cleaned up, so what is listed is what the
 * person chose.
 */
export function checkFileName(raw: string): { ok: true; name: string } | { ok: false } {
	const name = raw.normalize('NFC').trim()
	if (!name || name.length > NAME_MAX) return { ok: false }
	if (/[\u0000-\u001f\u007f/\\:*?"<>|]/.test(name)) return { ok: false }
	if (name.startsWith('.') || name.endsWith('.')) return { ok: false }
	return { ok: true, name }
}

function sizeRefusal(maxBytes: number, locale: string): Refusal {
	return refusal(413, 'collab.evidence.error.tooLarge', 'file', {
		max: formatFileSize(maxBytes, locale),
	})
}

export type Uploaded = { evidence: EvidenceView; redirectTo: string | undefined }

/**
 * Streams one evidence file to disk and records it. Every check runs before the row is written,
 * and a refusal at any step removes what was written: no file and no row are left behind.
 */
export async function uploadEvidence(
	scope: WorkspaceScope,
	assessmentId: string,
	request: Request,
	{ ip, locale }: { ip: string; locale: string },
): Promise<Outcome<Uploaded>> {
	const maxBytes = env().UPLOAD_MAX_BYTES
	const before = await changeableAssessment(scope, assessmentId)
	if (!before.ok) {
		discardUpload(request, maxBytes)
		return before
	}
	const directory = uploadDirectory()
	const received = await receiveUpload(request, { directory, maxFileBytes: maxBytes })
	if (!received.ok) {
		if (received.reason === 'tooLarge') return sizeRefusal(maxBytes, locale)
		if (received.reason === 'notMultipart')
			return refusal(415, 'collab.evidence.error.notMultipart', 'file')
		return refusal(400, 'collab.evidence.error.malformed', 'file')
	}
	const file = received.file
	const outcome = await store(scope, before.assessment.id, {
		fields: received.fields,
		file,
		directory,
		ip,
		indicators: before.targets.indicators,
	})
	if (!outcome.ok && file) await discard(file.path)
	return outcome
}

async function store(
	scope: WorkspaceScope,
	assessmentId: string,
	{
		fields: rawFields,
		file,
		directory,
		ip,
		indicators,
	}: {
		fields: Record<string, string>
		file: ReceivedFile | null
		directory: string
		ip: string
		indicators: ReadonlyMap<string, unknown>
	},
): Promise<Outcome<Uploaded>> {
	const fields = UploadFieldsSchema.safeParse(rawFields)
	if (!fields.success) return refusal(400, 'collab.evidence.error.malformed', 'file')
	const { indicatorId, redirectTo } = fields.data
	if (!indicators.has(indicatorId))
		return refusal(400, 'collab.error.unknownIndicator', 'indicatorId')
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
		const written = await database().transaction(async (tx) => {
			// checked again here: the assessment may have been submitted while the file streamed in
			const target = await changeableAssessment(scope, assessmentId, tx)
			if (!target.ok) return target
			const [row] = await tx
				.insert(evidence)
				.values({
					workspaceId: scope.workspace.id,
					assessmentId,
					indicatorId,
					originalName: name.name,
					storedName,
					contentType: detected.contentType,
					size: file.size,
					sha256: file.sha256,
					uploadedBy: scope.user.id,
				})
				.returning()
			await recordAudit(tx, {
				workspaceId: scope.workspace.id,
				actorUserId: scope.user.id,
				action: 'evidence.uploaded',
				targetType: 'evidence',
				targetId: row!.id,
				detail: {
					assessmentId,
					indicatorId,
					name: name.name,
					contentType: detected.contentType,
					size: file.size,
					sha256: file.sha256,
				},
				ip,
			})
			return { ok: true as const, row: row! }
		})
		if (!written.ok) {
			await discard(finalPath)
			return written
		}
		const { row } = written
		return {
			ok: true,
			redirectTo,
			evidence: {
				id: row.id,
				indicatorId: row.indicatorId,
				name: row.originalName,
				contentType: row.contentType,
				size: row.size,
				createdAt: row.createdAt,
				uploader: { id: scope.user.id, name: scope.user.name },
				canRemove: true,
			},
		}
	} catch (error) {
		await discard(finalPath)
		throw error
	}
}

export const RemoveSchema = z.object({
	intent: z.literal('remove'),
	evidenceId: z.string().trim().min(1).max(100),
	redirectTo: z.string().max(2000).optional(),
})

/** Soft-deletes the row (the audit log keeps what it was) and deletes the file. */
export async function removeEvidence(
	scope: WorkspaceScope,
	assessmentId: string,
	evidenceId: string,
	ip: string,
): Promise<Outcome> {
	const removed = await database().transaction(
		async (tx): Promise<Outcome<{ row: EvidenceRow }>> => {
			const [row] = await tx
				.select()
				.from(evidence)
				.where(
					scope.where(
						evidence,
						eq(evidence.id, evidenceId),
						eq(evidence.assessmentId, assessmentId),
						isNull(evidence.deletedAt),
					),
				)
			if (!row) return notFound
			const target = await changeableAssessment(scope, assessmentId, tx)
			if (!target.ok) return target
			if (!mayRemove(scope, row)) return refusal(403, 'collab.evidence.error.removeForbidden')
			await tx
				.update(evidence)
				.set({ deletedAt: new Date() })
				.where(scope.where(evidence, and(eq(evidence.id, row.id), isNull(evidence.deletedAt))))
			await recordAudit(tx, {
				workspaceId: scope.workspace.id,
				actorUserId: scope.user.id,
				action: 'evidence.removed',
				targetType: 'evidence',
				targetId: row.id,
				detail: {
					assessmentId,
					indicatorId: row.indicatorId,
					name: row.originalName,
					size: row.size,
					sha256: row.sha256,
					uploadedBy: row.uploadedBy,
				},
				ip,
			})
			return { ok: true, row }
		},
	)
	if (!removed.ok) return removed
	// after the commit: a failed delete leaves an orphan file, never a listed file that is gone
	await discard(storedPath(removed.row.storedName))
	return { ok: true }
}

export type EvidenceDownload = {
	name: string
	contentType: string
	size: number
	body: ReadableStream<Uint8Array>
}

/** The file of evidence still in place in this workspace's assessment, or null. */
export async function openEvidence(
	scope: WorkspaceScope,
	assessmentId: string,
	evidenceId: string,
): Promise<EvidenceDownload | null> {
	if (!(await findAssessment(scope, assessmentId))) return null
	const [row] = await database()
		.select()
		.from(evidence)
		.where(
			scope.where(
				evidence,
				eq(evidence.id, evidenceId),
				eq(evidence.assessmentId, assessmentId),
				isNull(evidence.deletedAt),
			),
		)
	if (!row) return null
	return openStoredFile(row)
}

/**
 * The stored file of an evidence row (assessment or action evidence) as a download, or null when
 * the row says it is there but the file is gone (restored database, lost volume): not found.
 */
export async function openStoredFile(row: {
	storedName: string
	originalName: string
	contentType: string
	size: number
}): Promise<EvidenceDownload | null> {
	let handle
	try {
		handle = await open(storedPath(row.storedName), 'r')
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null
		throw error
	}
	return {
		name: row.originalName,
		contentType: row.contentType,
		size: row.size,
		body: createReadableStreamFromReadable(handle.createReadStream()),
	}
}

/**
 * Always an attachment: an ASCII fallback for old clients and the exact UTF-8 name in the RFC 5987
 * `filename*` parameter, which every current browser prefers (Chinese names survive).
 */
export function contentDisposition(name: string): string {
	const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_')
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	)
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
