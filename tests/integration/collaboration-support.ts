import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { asc } from 'drizzle-orm'
import { assessments, assignments, auditLog, comments, evidence } from '#db/schema/index.ts'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { database } from '#app/utils/db.server.ts'
import { pdfFile } from '#tests/fixtures/files.ts'
import type { Role } from '#db/schema/index.ts'
import { addMember, context, cookieFor, createUser, createWorkspace } from './helpers.ts'

export type Person = { user: Awaited<ReturnType<typeof createUser>>; cookie: string }

/** A signed-in user, a member of the workspace with this role when one is given. */
export async function person(
	name: string,
	membership?: { workspaceId: string; role: Role },
): Promise<Person> {
	const user = await createUser({ name })
	if (membership) await addMember(membership.workspaceId, user.id, membership.role)
	return { user, cookie: await cookieFor(user.id) }
}

/** A workspace with an owner, an admin, two assessors and a viewer. */
export async function team(name = '甲电器有限公司') {
	const owner = await person('负责人 李')
	const workspace = await createWorkspace(owner.user.id, name)
	const as = (role: Role) => ({ workspaceId: workspace.id, role })
	return {
		workspace,
		owner,
		admin: await person('管理员 周', as('admin')),
		assessor: await person('评价员 张', as('assessor')),
		otherAssessor: await person('评价员 王', as('assessor')),
		viewer: await person('查看者 赵', as('viewer')),
	}
}

/** An assessment row of a workspace, answered against the scheme's current data version. */
export async function assessmentIn(
	workspaceId: string,
	{
		schemeId = 'gbt27922-2011',
		status = 'in_progress',
	}: { schemeId?: string; status?: 'in_progress' | 'submitted' } = {},
) {
	const scheme = getScheme(schemeId)
	if (!scheme) throw new Error(`no scheme ${schemeId}`)
	const [row] = await database()
		.insert(assessments)
		.values({
			workspaceId,
			schemeId,
			schemeVersion: scheme.version,
			title: '2026 年度自评',
			period: '2026',
			status,
		})
		.returning()
	return {
		assessment: row!,
		scheme,
		indicators: schemeIndicators(scheme).map((e) => e.indicator.id),
	}
}

export type Part =
	| { name: string; value: string }
	| { name: string; filename: string; data: Buffer; contentType?: string; rawDisposition?: string }

/** A multipart/form-data body written by hand, so a test controls every byte of the part headers. */
export function multipartBody(parts: Part[]): { body: Buffer; contentType: string } {
	const boundary = `----vitest${randomUUID().replaceAll('-', '')}`
	const chunks: Buffer[] = []
	for (const part of parts) {
		chunks.push(Buffer.from(`--${boundary}\r\n`))
		if ('filename' in part) {
			const disposition =
				part.rawDisposition ?? `form-data; name="${part.name}"; filename="${part.filename}"`
			chunks.push(Buffer.from(`Content-Disposition: ${disposition}\r\n`, 'utf8'))
			chunks.push(
				Buffer.from(`Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`),
			)
			chunks.push(part.data, Buffer.from('\r\n'))
		} else {
			chunks.push(
				Buffer.from(
					`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
					'utf8',
				),
			)
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`))
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

type Body = Buffer | ReadableStream<Uint8Array>

/**
 * A POST with the given body. A Buffer gets a true Content-Length unless `contentLength` says
 * otherwise (null: none); a stream has none unless one is given.
 */
export function postRequest(
	url: string,
	{
		body,
		contentType,
		cookie,
		contentLength,
	}: { body: Body; contentType: string; cookie?: string; contentLength?: number | null },
): Request {
	const headers = new Headers({ 'Content-Type': contentType })
	if (cookie) headers.set('Cookie', cookie)
	const length =
		contentLength === undefined ? (Buffer.isBuffer(body) ? body.length : null) : contentLength
	if (length !== null) headers.set('Content-Length', String(length))
	const init: RequestInit & { duplex: 'half' } = {
		method: 'POST',
		headers,
		body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
		duplex: 'half',
	}
	return new Request(new URL(url, 'http://localhost'), init)
}

/** Loader/action arguments for a request built here (a multipart body, a stream). */
export function actionArgs<P extends Record<string, string>>(request: Request, params: P) {
	const url = new URL(request.url)
	return {
		request,
		params,
		context: context(),
		url,
		pattern: url.pathname,
		unstable_pattern: url.pathname,
	}
}

/** A body that yields `total` bytes in chunks and counts how many were pulled. */
export function countingStream(prefix: Buffer, total: number, chunk = 16 * 1024) {
	const state = { pulled: 0, cancelled: false }
	let sent = false
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (!sent) {
				sent = true
				state.pulled += prefix.length
				controller.enqueue(new Uint8Array(prefix))
				return
			}
			if (state.pulled >= total) {
				controller.close()
				return
			}
			const size = Math.min(chunk, total - state.pulled)
			state.pulled += size
			controller.enqueue(new Uint8Array(size).fill(0x41))
		},
		cancel() {
			state.cancelled = true
		},
	})
	return { stream, state }
}

/** Everything these features may change, in a stable order: equal snapshots mean nothing changed. */
export async function collaborationSnapshot(): Promise<string> {
	const db = database()
	return JSON.stringify({
		evidence: await db.select().from(evidence).orderBy(asc(evidence.id)),
		comments: await db.select().from(comments).orderBy(asc(comments.id)),
		assignments: await db.select().from(assignments).orderBy(asc(assignments.id)),
		audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
	})
}

/** The names in the upload directory (none when it does not exist yet). */
export async function uploadedFiles(): Promise<string[]> {
	try {
		return (await readdir(process.env.UPLOAD_DIR!)).sort()
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return []
		throw error
	}
}

type Seeded = {
	assessmentId: string
	sectionId: string
	indicatorId: string
	/** for downloads */
	evidenceId: string
	/** for a removal that may succeed without spoiling the downloads */
	removableEvidenceId: string
}
const seeded = new Map<string, Seeded>()

/** Evidence written as an upload would leave it: a row and its file under a random name. */
async function storedEvidence(
	workspaceId: string,
	assessmentId: string,
	indicatorId: string,
	name: string,
) {
	const bytes = pdfFile(name)
	const storedName = randomUUID()
	await mkdir(process.env.UPLOAD_DIR!, { recursive: true })
	await writeFile(path.join(process.env.UPLOAD_DIR!, storedName), bytes)
	const [row] = await database()
		.insert(evidence)
		.values({
			workspaceId,
			assessmentId,
			indicatorId,
			originalName: name,
			storedName,
			contentType: 'application/pdf',
			size: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
		})
		.returning()
	return row!.id
}

/** For route tables: in each workspace an assessment with two evidence files. */
export async function seedCollaboration(workspaces: { id: string }[]) {
	for (const workspace of workspaces) {
		const { assessment, scheme, indicators } = await assessmentIn(workspace.id, {
			schemeId: 'bac-fr01-2021',
		})
		const indicatorId = indicators[0]!
		seeded.set(workspace.id, {
			assessmentId: assessment.id,
			sectionId: scheme.sections[0]!.id,
			indicatorId,
			evidenceId: await storedEvidence(workspace.id, assessment.id, indicatorId, '服务记录.pdf'),
			removableEvidenceId: await storedEvidence(
				workspace.id,
				assessment.id,
				indicatorId,
				'旧记录.pdf',
			),
		})
	}
}

export function collaborationOf(workspaceId: string): Seeded {
	const fixture = seeded.get(workspaceId)
	if (!fixture) throw new Error(`nothing seeded for workspace ${workspaceId}`)
	return fixture
}
