import { createClient, type Client } from '@libsql/client'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { htmlFile, pdfFile, pngFile } from '#tests/fixtures/files.ts'
import { baseURL, launchBrowser } from './browser.ts'
import { person, type Person } from './fixtures.ts'

let browser: Browser
let db: Client
const contexts: BrowserContext[] = []

let owner: Person
let assessor: Person
let outsider: Person
let workspaceId: string
let assessmentId: string
const indicatorId = '5.1.1.1'

async function signedIn(who: Person, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		javaScriptEnabled,
		acceptDownloads: true,
	})
	contexts.push(context)
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	return context.newPage()
}

async function storedEvidence() {
	const rs = await db.execute({
		sql: 'select id, original_name, content_type, deleted_at from evidence where assessment_id = ? order by created_at',
		args: [assessmentId],
	})
	return rs.rows.map((row) => ({
		id: String(row.id),
		name: String(row.original_name),
		type: String(row.content_type),
		removed: row.deleted_at !== null,
	}))
}

beforeAll(async () => {
	browser = await launchBrowser()
	db = createClient({ url: `file:${inject('e2eDbPath')}` })
	owner = await person(db, '王经理')
	assessor = await person(db, '李评价')
	outsider = await person(db, '别家 赵')
	workspaceId = randomUUID()
	assessmentId = randomUUID()
	const now = Date.now()
	for (const [id, name, by] of [
		[workspaceId, '甲电器有限公司', owner.id],
		[randomUUID(), '乙汽车服务有限公司', outsider.id],
	])
		await db.execute({
			sql: 'insert into workspaces (id, name, created_by, created_at) values (?, ?, ?, ?)',
			args: [id!, name!, by!, now],
		})
	for (const [who, role] of [
		[owner, 'owner'],
		[assessor, 'assessor'],
	] as const)
		await db.execute({
			sql: 'insert into memberships (id, workspace_id, user_id, role, created_at) values (?, ?, ?, ?, ?)',
			args: [randomUUID(), workspaceId, who.id, role, now],
		})
	await db.execute({
		sql: `insert into assessments (id, workspace_id, scheme_id, scheme_version, title, period, status, created_by, created_at, updated_at)
			values (?, ?, 'gbt27922-2011', '1.0.0', '2026 年度自评', '2026', 'in_progress', ?, ?, ?)`,
		args: [assessmentId, workspaceId, owner.id, now, now],
	})
})

afterAll(async () => {
	for (const context of contexts) await context.close()
	await browser?.close()
	db?.close()
})

const pageFor = () =>
	`/w/${workspaceId}/assessments/${assessmentId}/evidence?indicator=${indicatorId}`

test('with JavaScript: a photo-capable picker, upload, a refusal in place, download byte for byte, remove', async () => {
	const page = await signedIn(assessor)
	// come back to this same page after each change
	const here = `${pageFor()}&redirectTo=${encodeURIComponent(pageFor())}`
	await page.goto(here)
	await page
		.getByRole('heading', { level: 1, name: new RegExp(`^指标 ${indicatorId} .+ 的证据$`) })
		.waitFor()
	await page.waitForLoadState('networkidle')

	const input = page.getByLabel('添加证据文件')
	// phones offer the camera for image/*; capture is not forced, so the gallery stays available
	expect(await input.getAttribute('accept')).toMatch(/^image\/\*,\.pdf,.*\.docx/)
	expect(await input.getAttribute('capture')).toBeNull()

	const pdf = pdfFile('record')
	await input.setInputFiles({ name: '售后服务记录.pdf', mimeType: 'application/pdf', buffer: pdf })
	await page.getByRole('button', { name: '上传' }).click()
	const link = page.getByRole('link', { name: '售后服务记录.pdf' })
	await link.waitFor()
	expect(page.url()).toBe(`${baseURL}${pageFor()}`)
	expect(await storedEvidence()).toEqual([
		expect.objectContaining({ name: '售后服务记录.pdf', type: 'application/pdf' }),
	])

	// HTML named .pdf: refused beside the field, nothing listed or stored
	await input.setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: htmlFile() })
	await page.getByRole('button', { name: '上传' }).click()
	await page.getByRole('alert').filter({ hasText: '不支持此文件类型' }).waitFor()
	expect(await input.getAttribute('aria-invalid')).toBe('true')
	expect(await storedEvidence()).toHaveLength(1)

	const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
	expect(download.suggestedFilename()).toBe('售后服务记录.pdf')
	expect((await readFile((await download.path())!)).equals(pdf)).toBe(true)

	await page.goto(here)
	await page.waitForLoadState('networkidle')
	await page.getByRole('button', { name: '删除证据文件 售后服务记录.pdf' }).click()
	await page.getByText('还没有证据文件。').waitFor()
	expect(await storedEvidence()).toEqual([expect.objectContaining({ removed: true })])
})

test('without JavaScript: the refusal is a page with the message at the field, then the upload comes back', async () => {
	const page = await signedIn(assessor, false)
	const back = `/w/${workspaceId}/assessments/${assessmentId}/evidence`
	const start = `${pageFor()}&redirectTo=${encodeURIComponent(back)}`
	await page.goto(start)
	const input = page.getByLabel('添加证据文件')

	// over the 20 MB default: the browser still gets the page with the message, not a reset connection
	const big = Buffer.concat([
		pdfFile(),
		Buffer.alloc(20 * 1024 * 1024 + 1 - pdfFile().length, 0x20),
	])
	await input.setInputFiles({ name: '整本台账.pdf', mimeType: 'application/pdf', buffer: big })
	await page.getByRole('button', { name: '上传' }).click()
	await page.getByText('文件过大：每个文件不能超过 20 MB。').waitFor()
	expect((await storedEvidence()).map((e) => e.name)).not.toContain('整本台账.pdf')

	await page
		.getByLabel('添加证据文件')
		.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: pngFile() })
	await page.getByRole('button', { name: '上传' }).click()
	await page.getByText('文件扩展名与文件内容不符').waitFor()
	expect(await page.getByLabel('添加证据文件').getAttribute('aria-invalid')).toBe('true')
	expect(await page.getByRole('link', { name: '← 返回' }).getAttribute('href')).toBe(back)

	await page
		.getByLabel('添加证据文件')
		.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: pngFile(8, 8) })
	await page.getByRole('button', { name: '上传' }).click()
	await page.waitForURL(`${baseURL}${back}`)
	await page.getByRole('link', { name: '现场照片.png' }).waitFor()
	const stored = (await storedEvidence()).filter((e) => !e.removed)
	expect(stored).toEqual([expect.objectContaining({ name: '现场照片.png', type: 'image/png' })])

	// a member of another workspace who has the address gets 404, and so does someone signed out
	const stranger = await signedIn(outsider)
	const url = `/w/${workspaceId}/assessments/${assessmentId}/evidence/${stored[0]!.id}/download`
	expect((await stranger.request.get(url)).status()).toBe(404)
	const own = await page.request.get(url)
	expect(own.status()).toBe(200)
	expect(own.headers()['content-disposition']).toBe(
		`attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`,
	)
	expect(own.headers()['x-content-type-options']).toBe('nosniff')
})

test('assign a section, comment without JavaScript, and find it under my assignments', async () => {
	const manager = await signedIn(owner, false)
	await manager.goto(`/w/${workspaceId}/assessments/${assessmentId}/assignments`)
	await manager.getByLabel(/^5\.1 \S+ 的负责人$/).selectOption({ label: '李评价' })
	await manager.getByRole('button', { name: /^指派 5\.1 \S+$/ }).click()
	await manager.getByText('负责人：李评价').first().waitFor()

	const colleague = await signedIn(assessor, false)
	await colleague.goto(`/w/${workspaceId}/my-assignments`)
	await colleague.getByRole('heading', { level: 2, name: '2026 年度自评' }).waitFor()
	expect(await colleague.getByRole('rowheader').first().textContent()).toMatch(/^章节5\.1 /)

	const allComments = `/w/${workspaceId}/assessments/${assessmentId}/comments`
	await colleague.goto(
		`${allComments}?indicator=${indicatorId}&redirectTo=${encodeURIComponent(allComments)}`,
	)
	await colleague.getByLabel('添加评论').fill('组织架构图已上传')
	await colleague.getByRole('button', { name: '发表评论' }).click()
	await colleague.waitForURL(`${baseURL}${allComments}`)
	await colleague.getByText('组织架构图已上传').waitFor()
	expect(await colleague.getByText(/^李评价 · /).count()).toBe(1)
})
