import { createClient, type Client } from '@libsql/client'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { scoreAssessment, validateAssessment } from '#app/domain/scoring/index.ts'
import { baseURL, launchBrowser } from './browser.ts'
import { person, type Person } from './fixtures.ts'

let browser: Browser
let db: Client
const contexts: BrowserContext[] = []
const downloads = mkdtempSync(path.join(tmpdir(), 'results-e2e-'))

let owner: Person
let assessor: Person
let outsider: Person
let workspaceId: string
let assessmentId: string
const organisation = '华东家电售后服务有限公司'

/** 98 involved points, 81 earned: 82.65, 三星级, 7.35 short of 四星级 (tests/integration/results-support.ts). */
const ANSWERS: Record<string, Record<string, unknown>> = {
	'5.1.2.2': { fraction: 0 },
	'5.1.5.2': { fraction: 0.5 },
	'5.3.2.2': { fraction: 0 },
	'5.2.1.2': { na: true, reason: '本企业不提供上门安装服务' },
	'5.3.1.4': { samples: { checked: 10, nonconforming: 4, population: 30 } },
}

/** Errors the pages log in the browser (hydration mismatches above all): none is expected. */
const browserErrors: string[] = []

async function signedIn(who: Person, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		javaScriptEnabled,
		acceptDownloads: true,
	})
	contexts.push(context)
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	const page = await context.newPage()
	page.on('console', (message) => {
		// the portal has no favicon yet; the browser asks for one on every first page
		if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
			browserErrors.push(`${message.text()} ${message.location().url}`)
	})
	page.on('pageerror', (error) => browserErrors.push(error.message))
	return page
}

async function storedAnswers(): Promise<string> {
	const rs = await db.execute({
		sql: 'select indicator_id, value, status, version from answers where assessment_id = ? order by indicator_id',
		args: [assessmentId],
	})
	return JSON.stringify(rs.rows)
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
		[workspaceId, organisation, owner.id],
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

	// a submitted assessment: the answers and the snapshot the engine takes of them at submission
	const scheme = getScheme('gbt27922-2011')!
	const answers = Object.fromEntries(
		schemeIndicators(scheme).map(({ indicator }) => [
			indicator.id,
			ANSWERS[indicator.id] ?? { fraction: 1 },
		]),
	)
	const validated = validateAssessment({
		format: 'aftersales-assessment/v1',
		scheme: scheme.id,
		answers,
	})
	if (!validated.ok) throw new Error(validated.error)
	const result = scoreAssessment(scheme, validated.assessment)
	expect(result.score).toBe(82.65)
	await db.execute({
		sql: `insert into assessments (id, workspace_id, scheme_id, scheme_version, title, period, scope_sites, status,
				created_by, created_at, updated_at, submitted_at, submitted_by, submitted_result)
			values (?, ?, ?, ?, '2026 年度自评', '2026', '上海总部', 'submitted', ?, ?, ?, ?, ?, ?)`,
		args: [
			assessmentId,
			workspaceId,
			scheme.id,
			scheme.version,
			owner.id,
			now,
			now,
			now,
			owner.id,
			JSON.stringify(result),
		],
	})
	for (const [indicatorId, value] of Object.entries(answers))
		await db.execute({
			sql: 'insert into answers (id, workspace_id, assessment_id, indicator_id, value, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
			args: [
				randomUUID(),
				workspaceId,
				assessmentId,
				indicatorId,
				JSON.stringify(value),
				assessor.id,
				now,
			],
		})
})

afterAll(async () => {
	for (const context of contexts) await context.close()
	await browser?.close()
	db?.close()
	rmSync(downloads, { recursive: true, force: true })
})

const assessmentHref = () => `/w/${workspaceId}/assessments/${assessmentId}`

test('results of a submitted assessment, two actions from gaps, one done, the PDF and Excel reports', async () => {
	const page = await signedIn(owner)
	await page.goto(assessmentHref())
	await page.getByRole('link', { name: '查看结果' }).click()
	await page.getByRole('heading', { level: 1, name: '自评结果' }).waitFor()

	// the level and the sentence that says how far the next one is
	const score = page.getByRole('region', { name: '提交时的得分与等级' })
	expect(await score.getByRole('definition').first().textContent()).toContain('82.65')
	expect(await score.getByRole('definition').nth(1).textContent()).toContain('三星级')
	await score.getByText('三星级通过；距四星级还差 7.35 分').waitFor()
	await page.getByText('折算得分 = 实得分 81 ÷ 涉及项总分值 98 × 满分 100 = 82.6531').waitFor()
	await page.getByText('本企业不提供上门安装服务').waitFor()

	// the gap list, most recoverable first; an action from one gap, then one for the whole path
	await page.getByRole('link', { name: '差距分析' }).click()
	await page.getByRole('heading', { level: 1, name: '差距分析' }).waitFor()
	const rows = page
		.getByRole('table', { name: '失分指标，按可恢复得分从高到低排列' })
		.getByRole('row')
	expect(await rows.nth(1).getByRole('rowheader').textContent()).toContain('5.3.2.2')
	await page.getByRole('button', { name: '为指标 5.1.2.2 创建改进措施' }).click()
	const first = page.getByRole('list', { name: '指标 5.1.2.2 的改进措施' }).getByRole('link')
	await first.waitFor()
	expect(await first.textContent()).toMatch(/^5\.1\.2\.2 /)
	await page.getByRole('button', { name: /^为晋级路径上的 2 项指标创建改进措施$/ }).click()
	// the fewest indicators, and of those the pair losing the fewest points: 5.1.2.2 and 5.1.5.2
	const second = page.getByRole('list', { name: '指标 5.1.5.2 的改进措施' }).getByRole('link')
	await second.waitFor()
	expect(await first.count()).toBe(2)

	// one of them done, on the action's own page
	await second.click()
	await page.getByRole('button', { name: '标记为已完成' }).click()
	await page.getByRole('button', { name: '重新打开' }).waitFor()
	const statuses = await db.execute({
		sql: 'select status from improvement_actions where assessment_id = ? order by status',
		args: [assessmentId],
	})
	expect(statuses.rows.map((row) => row.status)).toEqual(['done', 'open'])

	// the reports, from the results page
	await page.goto(`${assessmentHref()}/results`)
	const [pdf] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: '下载 PDF 报告' }).click(),
	])
	expect(pdf.suggestedFilename()).toBe(`${organisation}-GB-T 27922-2011-2026-自评报告.pdf`)
	const pdfPath = path.join(downloads, 'report.pdf')
	await pdf.saveAs(pdfPath)
	const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], {
		encoding: 'utf8',
	}).replace(/\s+/g, '')
	expect(text).toContain(organisation)
	expect(text).toContain('82.65')
	expect(text).toContain('三星级')
	expect(text).toContain('李评价')
	expect(text).toContain('已完成')

	const [xlsx] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: '下载 Excel 工作簿' }).click(),
	])
	expect(xlsx.suggestedFilename()).toBe(`${organisation}-GB-T 27922-2011-2026-自评报告.xlsx`)
	const xlsxPath = path.join(downloads, 'report.xlsx')
	await xlsx.saveAs(xlsxPath)
	const workbook = new ExcelJS.Workbook()
	const bytes = readFileSync(xlsxPath)
	await workbook.xlsx.load(
		bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
	)
	const cells: string[] = []
	workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))))
	expect(cells).toContain(organisation)
	expect(cells).toContain('82.65')

	// nobody outside the workspace reaches any of it
	const stranger = await signedIn(outsider)
	for (const url of [
		`${assessmentHref()}/results`,
		`${assessmentHref()}/results/gaps`,
		`${assessmentHref()}/results/what-if`,
		`${assessmentHref()}/results/cross-scheme`,
		`${assessmentHref()}/report.pdf`,
		`${assessmentHref()}/report.xlsx`,
	])
		expect((await stranger.request.get(url)).status(), url).toBe(404)
	expect(browserErrors).toEqual([])
})

test('what-if without JavaScript: an answer changed and the path tried, the real answers untouched', async () => {
	const before = await storedAnswers()
	const page = await signedIn(assessor, false)
	await page.goto(`${assessmentHref()}/results/what-if`)
	await page.getByRole('heading', { level: 1, name: '假设试算' }).waitFor()

	await page.getByText(/^5\.3\.2\.2 /).click()
	const form = page.locator('#indicator-5\\.3\\.2\\.2')
	await form.getByLabel('符合（得满分）').check()
	await form.getByRole('button', { name: '试算' }).click()
	const outcome = page.getByRole('region', { name: '试算结果' })
	await outcome.getByText('得分变化 +7.15，等级不变。').waitFor()
	await outcome.getByText('三星级通过；距四星级还差 0.2 分').waitFor()
	// the hypothetical answer stays in the form, marked as changed
	expect(await form.getByLabel('符合（得满分）').isChecked()).toBe(true)
	await page.getByText('已假设修改 1 项指标：').waitFor()

	await page.getByRole('button', { name: '按晋级路径试算' }).click()
	await outcome.getByText(/等级提升/).waitFor()
	expect(await outcome.getByRole('definition').nth(1).textContent()).toContain('四星级')
	expect(await storedAnswers()).toBe(before)
})

test('what-if with JavaScript: the same forms, answered in place', async () => {
	const before = await storedAnswers()
	const page = await signedIn(owner)
	await page.goto(`${assessmentHref()}/results/what-if`)
	await page.waitForLoadState('networkidle')
	await page.getByText(/^5\.1\.2\.2 /).click()
	const form = page.locator('#indicator-5\\.1\\.2\\.2')
	await form.getByLabel('符合（得满分）').check()
	await form.getByRole('button', { name: '试算' }).click()
	const outcome = page.getByRole('region', { name: '试算结果' })
	await outcome.getByText('得分变化 +5.11，等级不变。').waitFor()
	await form.getByRole('button', { name: '恢复实际答案' }).click()
	await outcome.getByText('尚未修改。展开下方任一指标，修改答案后点击「试算」。').waitFor()
	expect(await storedAnswers()).toBe(before)
	expect(browserErrors).toEqual([])
})
