import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import { assessments, auditLog, evidence } from '#db/schema/index.ts'
import * as download from '#app/routes/evidence/download.ts'
import * as evidenceRoute from '#app/routes/evidence/evidence.tsx'
import { checkFileName, contentDisposition } from '#app/services/evidence.server.ts'
import { database } from '#app/utils/db.server.ts'
import {
	cfbFile,
	docxFile,
	htmlFile,
	pdfFile,
	plainZipFile,
	pngFile,
} from '#tests/fixtures/files.ts'
import {
	actionArgs,
	assessmentIn,
	collaborationSnapshot,
	countingStream,
	multipartBody,
	person,
	postRequest,
	team,
	uploadedFiles,
	type Part,
	type Person,
} from './collaboration-support.ts'
import { createWorkspace, respond } from './helpers.ts'
import { argsFor } from './workspace-support.ts'

// a small limit keeps the oversized bodies small; the 20 MB default is checked in env's own test
const LIMIT = vi.hoisted(() => {
	process.env.UPLOAD_MAX_BYTES = String(64 * 1024)
	return 64 * 1024
})

type Member = Person
let owner: Member
let admin: Member
let assessor: Member
let otherAssessor: Member
let viewer: Member
let outsider: Member
let workspaceId: string
let otherWorkspaceId: string
let assessmentId: string
let submittedId: string
let foreignAssessmentId: string
let indicatorId: string

beforeAll(async () => {
	const people = await team()
	;({ owner, admin, assessor, otherAssessor, viewer } = people)
	workspaceId = people.workspace.id
	const open = await assessmentIn(workspaceId)
	assessmentId = open.assessment.id
	indicatorId = open.indicators[0]!
	submittedId = (await assessmentIn(workspaceId, { status: 'submitted' })).assessment.id
	outsider = await person('别家 钱')
	const other = await createWorkspace(outsider.user.id, '乙汽车服务有限公司')
	otherWorkspaceId = other.id
	foreignAssessmentId = (await assessmentIn(otherWorkspaceId)).assessment.id
})

const base = (w: string, a: string) => `/w/${w}/assessments/${a}/evidence`

type FilePart = Omit<Extract<Part, { filename: string }>, 'name'>

function fileParts(file: FilePart, fields: Record<string, string> = {}): Part[] {
	return [
		{ name: 'intent', value: 'upload' },
		{ name: 'indicatorId', value: fields.indicatorId ?? indicatorId },
		{
			name: 'redirectTo',
			value: fields.redirectTo ?? `/w/${workspaceId}/assessments/${assessmentId}/answer/5`,
		},
		{ name: 'file', ...file },
	]
}

async function upload(
	parts: Part[],
	{
		as = assessor,
		workspace = workspaceId,
		assessment = assessmentId,
		contentLength,
	}: { as?: Member; workspace?: string; assessment?: string; contentLength?: number | null } = {},
) {
	const { body, contentType } = multipartBody(parts)
	const request = postRequest(base(workspace, assessment), {
		body,
		contentType,
		cookie: as.cookie,
		contentLength,
	})
	return respond(() =>
		evidenceRoute.action(actionArgs(request, { workspaceId: workspace, assessmentId: assessment })),
	)
}

async function downloadAs(
	member: Member,
	evidenceId: string,
	workspace = workspaceId,
	assessment = assessmentId,
) {
	const params = { workspaceId: workspace, assessmentId: assessment, evidenceId }
	const url = `${base(workspace, assessment)}/${evidenceId}/download`
	try {
		return await download.loader(argsFor(url, { cookie: member.cookie, params }))
	} catch (thrown) {
		return (await respond(() => Promise.reject(thrown))).status
	}
}

async function rowsNamed(name: string) {
	return database()
		.select()
		.from(evidence)
		.where(and(eq(evidence.assessmentId, assessmentId), eq(evidence.originalName, name)))
}

describe('accepted uploads', () => {
	test.each([
		['售后服务记录 2026（盖章）.pdf', pdfFile('Service record'), 'application/pdf'],
		['现场照片.PNG', pngFile(4, 3), 'image/png'],
		[
			'服务制度.docx',
			docxFile(),
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		],
		['旧版台账.xls', cfbFile('Workbook'), 'application/vnd.ms-excel'],
	])(
		'%s is stored under a random name, listed, audited and downloaded byte for byte',
		async (name, bytes, type) => {
			const before = await uploadedFiles()
			const redirectTo = `/w/${workspaceId}/assessments/${assessmentId}/answer/5?view=cards`
			const result = await upload(fileParts({ filename: name, data: bytes }, { redirectTo }))
			expect(result.status).toBe(302)
			expect(result.headers.get('Location')).toBe(redirectTo)

			const [row] = await rowsNamed(name)
			expect(row).toMatchObject({
				indicatorId,
				contentType: type,
				size: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				uploadedBy: assessor.user.id,
				deletedAt: null,
			})
			expect(row!.storedName).toMatch(/^[0-9a-f-]{36}$/)
			expect(await uploadedFiles()).toEqual([...before, row!.storedName].sort())
			expect(readFileSync(path.join(process.env.UPLOAD_DIR!, row!.storedName)).equals(bytes)).toBe(
				true,
			)
			const [audit] = await database().select().from(auditLog).where(eq(auditLog.targetId, row!.id))
			expect(audit).toMatchObject({
				workspaceId,
				actorUserId: assessor.user.id,
				action: 'evidence.uploaded',
				detail: { assessmentId, indicatorId, name, size: bytes.length },
			})

			// every member may download, viewers included
			const response = await downloadAs(viewer, row!.id)
			expect(response).toBeInstanceOf(Response)
			if (!(response instanceof Response)) return
			expect(response.status).toBe(200)
			expect(response.headers.get('Content-Type')).toBe(type)
			expect(response.headers.get('Content-Length')).toBe(String(bytes.length))
			expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
			expect(response.headers.get('Content-Disposition')).toBe(contentDisposition(name))
			expect(response.headers.get('Content-Disposition')).toContain(
				`filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
			)
			expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true)

			const page = await respond(() =>
				evidenceRoute.loader(
					argsFor(`${base(workspaceId, assessmentId)}?indicator=${indicatorId}`, {
						cookie: viewer.cookie,
						params: { workspaceId, assessmentId },
					}),
				),
			)
			expect(page.data).toMatchObject({
				canUpload: false,
				groups: [
					{
						indicatorId,
						items: expect.arrayContaining([
							expect.objectContaining({
								id: row!.id,
								name,
								uploader: { id: assessor.user.id, name: '评价员 张' },
								canRemove: false,
							}),
						]),
					},
				],
			})
		},
	)

	test('a foreign redirectTo is replaced by the evidence page', async () => {
		const result = await upload(
			fileParts({ filename: 'scan.pdf', data: pdfFile() }, { redirectTo: 'https://evil.example/' }),
		)
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(base(workspaceId, assessmentId))
	})
})

describe('refused uploads leave no file and no row', () => {
	async function expectRefused(
		run: () => Promise<{ status: number; data: unknown }>,
		status: number,
		message?: RegExp,
	) {
		const files = await uploadedFiles()
		const before = await collaborationSnapshot()
		const result = await run()
		expect(result.status).toBe(status)
		if (message) expect(JSON.stringify(result.data)).toMatch(message)
		expect(await uploadedFiles()).toEqual(files)
		expect(await collaborationSnapshot()).toBe(before)
	}

	/** what receiveUpload allows: the file and 64 KB of form fields and framing */
	const BODY_LIMIT = LIMIT + 64 * 1024
	/** after a refusal, the rest of the body is read and thrown away up to four times that */
	const DRAIN = BODY_LIMIT * 4

	async function refusedStream(
		total: number,
		contentLength: number | null,
		opening = multipartBody([]),
	) {
		const { stream, state } = countingStream(opening.body, total)
		await expectRefused(
			async () => {
				const request = postRequest(base(workspaceId, assessmentId), {
					body: stream,
					contentType: opening.contentType,
					cookie: assessor.cookie,
					contentLength,
				})
				return respond(() =>
					evidenceRoute.action(actionArgs(request, { workspaceId, assessmentId })),
				)
			},
			413,
			/不能超过 64 KB/,
		)
		return state
	}

	test('a Content-Length far over the limit is refused unread, and the connection cut', async () => {
		const state = await refusedStream(LIMIT * 50, LIMIT * 50)
		await vi.waitFor(() => expect(state.cancelled).toBe(true))
		expect(state.pulled).toBeLessThanOrEqual(16 * 1024)
	})

	test('a Content-Length a little over the limit: nothing written, the body read to its end and dropped', async () => {
		// so a browser, which sends the whole form before reading the answer, sees the 413 page
		const state = await refusedStream(BODY_LIMIT * 2, BODY_LIMIT * 2)
		await vi.waitFor(() => expect(state.pulled).toBe(BODY_LIMIT * 2))
		expect(state.cancelled).toBe(false)
	})

	test('a file one byte over the limit is refused, with a true Content-Length', async () => {
		const data = Buffer.concat([pdfFile(), Buffer.alloc(LIMIT + 1 - pdfFile().length, 0x20)])
		expect(data.length).toBe(LIMIT + 1)
		await expectRefused(() => upload(fileParts({ filename: 'big.pdf', data })), 413)
	})

	test('a file exactly at the limit is accepted', async () => {
		const data = Buffer.concat([pdfFile(), Buffer.alloc(LIMIT - pdfFile().length, 0x20)])
		const result = await upload(fileParts({ filename: 'exact.pdf', data }))
		expect(result.status).toBe(302)
		expect(await rowsNamed('exact.pdf')).toHaveLength(1)
	})

	test('without a Content-Length, the file stops at the limit and the rest is dropped up to a cap', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'intent', value: 'upload' },
			{ name: 'indicatorId', value: indicatorId },
		])
		const boundary = contentType.split('boundary=')[1]!
		// the closing boundary is dropped and a file part opened that never ends
		const opening = Buffer.concat([
			body.subarray(0, body.length - `--${boundary}--\r\n`.length),
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="endless.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
			),
		])
		const state = await refusedStream(LIMIT * 100, null, { body: opening, contentType })
		await vi.waitFor(() => expect(state.cancelled).toBe(true))
		expect(state.pulled).toBeGreaterThan(LIMIT)
		expect(state.pulled).toBeLessThan(BODY_LIMIT + DRAIN + 32 * 1024)
	})

	test.each([
		['HTML renamed .pdf', 'invoice.pdf', htmlFile(), 415, /不支持此文件类型/],
		['a plain zip renamed .docx', 'report.docx', plainZipFile(), 415, /不支持此文件类型/],
		['a PNG named .pdf', 'scan.pdf', pngFile(), 415, /扩展名与文件内容不符/],
		['a PDF named .png', 'scan.png', pdfFile(), 415, /扩展名与文件内容不符/],
		[
			'a compound file that is neither Word nor Excel',
			'setup.doc',
			cfbFile('SummaryInformation'),
			415,
			/不支持/,
		],
		['an empty file', 'empty.pdf', Buffer.alloc(0), 400, /文件是空的/],
		['../../etc/passwd.pdf', '../../etc/passwd.pdf', pdfFile(), 400, /文件名无效/],
		['a Windows path', 'C:\\Users\\zhang\\evil.pdf', pdfFile(), 400, /文件名无效/],
		['backslash traversal', '..\\..\\windows\\win.pdf', pdfFile(), 400, /文件名无效/],
		['a hidden file', '.htaccess.pdf', pdfFile(), 400, /文件名无效/],
	])('%s', async (_, filename, data, status, message) => {
		await expectRefused(() => upload(fileParts({ filename, data })), status, message)
	})

	test('a NUL in the file name, raw or encoded', async () => {
		await expectRefused(
			() =>
				upload(
					fileParts({
						filename: '',
						data: pdfFile(),
						rawDisposition: 'form-data; name="file"; filename="evil\u0000.pdf"',
					}),
				),
			400,
		)
		await expectRefused(
			() =>
				upload([
					{ name: 'indicatorId', value: indicatorId },
					{
						name: 'file',
						filename: '',
						data: pdfFile(),
						rawDisposition: `form-data; name="file"; filename*=UTF-8''evil%00.pdf`,
					},
				]),
			400,
			/文件名无效/,
		)
	})

	test('no file, two files, an unknown indicator, an unknown field', async () => {
		await expectRefused(
			() => upload([{ name: 'indicatorId', value: indicatorId }]),
			400,
			/请选择要上传的文件/,
		)
		const two = [
			...fileParts({ filename: 'a.pdf', data: pdfFile() }),
			{ name: 'file', filename: 'b.pdf', data: pdfFile() },
		]
		await expectRefused(() => upload(two), 400)
		await expectRefused(
			() => upload(fileParts({ filename: 'a.pdf', data: pdfFile() }, { indicatorId: '9.9.9' })),
			400,
			/没有这个指标/,
		)
		await expectRefused(
			() =>
				upload([
					{ name: 'surprise', value: '1' },
					...fileParts({ filename: 'a.pdf', data: pdfFile() }),
				]),
			400,
		)
	})

	test('a form that is not multipart', async () => {
		await expectRefused(
			() =>
				respond(() =>
					evidenceRoute.action(
						argsFor(base(workspaceId, assessmentId), {
							form: { intent: 'upload', indicatorId },
							cookie: assessor.cookie,
							params: { workspaceId, assessmentId },
						}),
					),
				),
			415,
		)
	})

	test('a viewer may not upload (403), nor anyone into a submitted assessment (409)', async () => {
		const parts = fileParts({ filename: 'a.pdf', data: pdfFile() })
		await expectRefused(() => upload(parts, { as: viewer }), 403)
		await expectRefused(() => upload(parts, { as: owner, assessment: submittedId }), 409, /已提交/)
	})

	test('another workspace: its assessment under ours, ours by an outsider, its own by us', async () => {
		const parts = fileParts({ filename: 'a.pdf', data: pdfFile() })
		await expectRefused(() => upload(parts, { assessment: foreignAssessmentId }), 404)
		await expectRefused(() => upload(parts, { as: outsider }), 404)
		await expectRefused(
			() => upload(parts, { workspace: otherWorkspaceId, assessment: foreignAssessmentId }),
			404,
		)
	})

	test('an assessment submitted while the file streams in: the file written is removed again', async () => {
		const files = await uploadedFiles()
		const before = await collaborationSnapshot()
		const { body, contentType } = multipartBody(
			fileParts({ filename: 'late.pdf', data: pdfFile() }),
		)
		let sent = 0
		const stream = new ReadableStream<Uint8Array>({
			async pull(controller) {
				if (sent === 1)
					await database()
						.update(assessments)
						.set({ status: 'submitted' })
						.where(eq(assessments.id, assessmentId))
				const chunk = body.subarray(sent * 256, (sent + 1) * 256)
				sent++
				if (chunk.length === 0) controller.close()
				else controller.enqueue(new Uint8Array(chunk))
			},
		})
		try {
			const request = postRequest(base(workspaceId, assessmentId), {
				body: stream,
				contentType,
				cookie: assessor.cookie,
			})
			const result = await respond(() =>
				evidenceRoute.action(actionArgs(request, { workspaceId, assessmentId })),
			)
			expect(result.status).toBe(409)
			expect(await uploadedFiles()).toEqual(files)
			expect(await collaborationSnapshot()).toBe(before)
		} finally {
			await database()
				.update(assessments)
				.set({ status: 'in_progress' })
				.where(eq(assessments.id, assessmentId))
		}
	})
})

describe('downloads', () => {
	let evidenceId: string
	beforeAll(async () => {
		await upload(fileParts({ filename: '保密记录.pdf', data: pdfFile('secret') }))
		evidenceId = (await rowsNamed('保密记录.pdf'))[0]!.id
	})

	test('a member of another workspace gets 404 by URL, whichever workspace the URL names', async () => {
		expect(await downloadAs(outsider, evidenceId)).toBe(404)
		expect(await downloadAs(outsider, evidenceId, otherWorkspaceId, assessmentId)).toBe(404)
		expect(await downloadAs(outsider, evidenceId, otherWorkspaceId, foreignAssessmentId)).toBe(404)
	})

	test('the right id under the wrong assessment, or an unknown id, is 404', async () => {
		expect(await downloadAs(owner, evidenceId, workspaceId, submittedId)).toBe(404)
		expect(await downloadAs(owner, crypto.randomUUID())).toBe(404)
	})

	test('signed out: to the login page', async () => {
		const params = { workspaceId, assessmentId, evidenceId }
		const result = await respond(() =>
			download.loader(
				argsFor(`${base(workspaceId, assessmentId)}/${evidenceId}/download`, { params }),
			),
		)
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toMatch(/^\/login/)
	})
})

describe('removal', () => {
	async function uploaded(name: string, as: Member = assessor) {
		const result = await upload(fileParts({ filename: name, data: pdfFile(name) }), { as })
		expect(result.status).toBe(302)
		return (await rowsNamed(name))[0]!
	}

	function remove(evidenceId: string, as: Member, assessment = assessmentId) {
		return respond(() =>
			evidenceRoute.action(
				argsFor(base(workspaceId, assessment), {
					form: {
						intent: 'remove',
						evidenceId,
						redirectTo: `/w/${workspaceId}/assessments/${assessment}/answer/5`,
					},
					cookie: as.cookie,
					params: { workspaceId, assessmentId: assessment },
				}),
			),
		)
	}

	test('the uploader removes their file: row kept as removed, file deleted, audited', async () => {
		const row = await uploaded('to-remove.pdf')
		const stored = path.join(process.env.UPLOAD_DIR!, row.storedName)
		expect(existsSync(stored)).toBe(true)
		const result = await remove(row.id, assessor)
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(
			`/w/${workspaceId}/assessments/${assessmentId}/answer/5`,
		)
		const [after] = await database().select().from(evidence).where(eq(evidence.id, row.id))
		expect(after!.deletedAt).toBeInstanceOf(Date)
		expect(existsSync(stored)).toBe(false)
		const audit = await database()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, row.id), eq(auditLog.action, 'evidence.removed')))
		expect(audit).toEqual([
			expect.objectContaining({
				actorUserId: assessor.user.id,
				detail: expect.objectContaining({
					name: 'to-remove.pdf',
					sha256: row.sha256,
					uploadedBy: assessor.user.id,
				}),
			}),
		])
		expect(await downloadAs(owner, row.id)).toBe(404)
		// removing it again finds nothing
		expect((await remove(row.id, assessor)).status).toBe(404)
	})

	test('another assessor and a viewer may not; an admin may', async () => {
		const row = await uploaded('others.pdf')
		const before = await collaborationSnapshot()
		expect((await remove(row.id, otherAssessor)).status).toBe(403)
		expect((await remove(row.id, viewer)).status).toBe(403)
		expect(await collaborationSnapshot()).toBe(before)
		expect((await remove(row.id, admin)).status).toBe(302)
		expect(existsSync(path.join(process.env.UPLOAD_DIR!, row.storedName))).toBe(false)
	})

	test('nothing is removed from a submitted assessment (409), nor across workspaces (404)', async () => {
		const row = await uploaded('kept.pdf')
		const before = await collaborationSnapshot()
		await database()
			.update(assessments)
			.set({ status: 'submitted' })
			.where(eq(assessments.id, assessmentId))
		try {
			expect((await remove(row.id, owner)).status).toBe(409)
		} finally {
			await database()
				.update(assessments)
				.set({ status: 'in_progress' })
				.where(eq(assessments.id, assessmentId))
		}
		const foreign = await respond(() =>
			evidenceRoute.action(
				argsFor(base(otherWorkspaceId, foreignAssessmentId), {
					form: { intent: 'remove', evidenceId: row.id },
					cookie: outsider.cookie,
					params: { workspaceId: otherWorkspaceId, assessmentId: foreignAssessmentId },
				}),
			),
		)
		expect(foreign.status).toBe(404)
		expect((await remove(row.id, owner, submittedId)).status).toBe(404)
		expect(await collaborationSnapshot()).toBe(before)
		expect(existsSync(path.join(process.env.UPLOAD_DIR!, row.storedName))).toBe(true)
	})
})

test('file names: only a plain name passes', () => {
	expect(checkFileName('  售后服务记录.pdf ')).toEqual({ ok: true, name: '售后服务记录.pdf' })
	for (const bad of [
		'',
		'../a.pdf',
		'a/b.pdf',
		'a\\b.pdf',
		'a\u0000.pdf',
		'a\u001f.pdf',
		'.pdf',
		'a.pdf.',
		'a:b.pdf',
		'x'.repeat(201),
	])
		expect(checkFileName(bad)).toEqual({ ok: false })
})

test('Content-Disposition: an ASCII fallback and the exact UTF-8 name', () => {
	expect(contentDisposition('报告 "终稿";v2.pdf')).toBe(
		`attachment; filename="__ _____v2.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22%E7%BB%88%E7%A8%BF%22%3Bv2.pdf`,
	)
	expect(contentDisposition("it's (final).pdf")).toBe(
		`attachment; filename="it's (final).pdf"; filename*=UTF-8''it%27s%20%28final%29.pdf`,
	)
})
