import { createClient, type Client } from '@libsql/client'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { getScheme } from '#app/domain/schemes/index.ts'
import { pdfFile } from '#tests/fixtures/files.ts'
import { baseURL, launchBrowser } from './browser.ts'
import { person, workspace, type Person } from './fixtures.ts'

let browser: Browser
let db: Client
const contexts: BrowserContext[] = []
const files = mkdtempSync(path.join(tmpdir(), 'actions-e2e-'))

let consultant: Person
let staff: Person
let clientA: string
let clientB: string
let assessmentId: string

async function signedIn(who: Person, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled })
	contexts.push(context)
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	return context.newPage()
}

beforeAll(async () => {
	browser = await launchBrowser()
	db = createClient({ url: `file:${inject('e2eDbPath')}` })
	consultant = await person(db, '顾问 王')
	staff = await person(db, '甲客户 李')
	clientA = await workspace(db, '甲电器有限公司', [
		[consultant, 'owner'],
		[staff, 'assessor'],
	])
	clientB = await workspace(db, '乙汽车服务有限公司', [[consultant, 'owner']])
	// an assessment in progress with one indicator half met: its gaps are what actions come from
	const scheme = getScheme('gbt27922-2011')!
	assessmentId = randomUUID()
	const now = Date.now()
	await db.execute({
		sql: `insert into assessments (id, workspace_id, scheme_id, scheme_version, title, period, status, created_at, updated_at)
			values (?, ?, ?, ?, '2026 年度自评', '2026', 'in_progress', ?, ?)`,
		args: [assessmentId, clientA, scheme.id, scheme.version, now, now],
	})
	await db.execute({
		sql: 'insert into answers (id, workspace_id, assessment_id, indicator_id, value, updated_at) values (?, ?, ?, ?, ?, ?)',
		args: [randomUUID(), clientA, assessmentId, '5.1.1.1', JSON.stringify({ fraction: 0.5 }), now],
	})
	await db.execute({
		sql: `insert into improvement_actions (id, workspace_id, title, description, owner_user_id, due_date, priority, status, created_at, updated_at)
			values (?, ?, '乙：整改投诉台账', '', ?, '2020-03-31', 'high', 'open', ?, ?)`,
		args: [randomUUID(), clientB, consultant.id, now, now],
	})
})

afterAll(async () => {
	for (const context of contexts) await context.close()
	await browser?.close()
	db?.close()
	rmSync(files, { recursive: true, force: true })
})

test('without JavaScript: actions from gaps and free, a refused date in place, status, discussion and evidence', async () => {
	const page = await signedIn(staff, false)
	await page.goto(`/w/${clientA}/assessments/${assessmentId}/actions`)
	await page.getByRole('heading', { level: 1, name: '本次自评的改进措施' }).waitFor()

	// two gaps ticked, the rest left to the defaults
	const gaps = page.getByRole('group', { name: '针对的指标' })
	await gaps.getByRole('checkbox', { name: /^5\.1\.1\.1 售后服务部门/ }).check()
	await gaps.getByRole('checkbox', { name: /^5\.1\.1\.2 服务网点覆盖与管理/ }).check()
	await page.getByLabel('完成期限').fill('2026-12-31')
	await page.getByRole('button', { name: '创建措施' }).click()
	await page.getByRole('status').getByText('改进措施已创建').waitFor()
	const created = page.getByRole('table', { name: '2026 年度自评 的改进措施' }).getByRole('link')
	expect(await created.textContent()).toBe('5.1.1.1 售后服务部门：部分满足：达成 50%（等 2 项）')

	// on its page: the linked indicators lead to the questionnaire
	await created.click()
	await page.getByRole('heading', { level: 1 }).waitFor()
	const indicators = page.getByRole('region', { name: '针对的指标' })
	expect(await indicators.getByRole('link', { name: /5\.1\.1\.2/ }).getAttribute('href')).toBe(
		`/w/${clientA}/assessments/${assessmentId}/answer?indicator=5.1.1.2`,
	)

	// a date that does not exist is refused beside the field, with what was typed kept
	await page.getByText('编辑措施').click()
	// the date picker cannot type an impossible date: the field becomes plain text, as in an old browser
	await page.getByLabel('完成期限').evaluate((input: HTMLInputElement) => {
		input.type = 'text'
		input.value = '2026-02-30'
	})
	await page.getByLabel('措施名称').fill('完善服务部门与网点')
	await page.getByRole('button', { name: '保存修改' }).click()
	const refused = page.getByLabel('完成期限')
	expect(await refused.getAttribute('aria-invalid')).toBe('true')
	await page.getByText('请填写有效的日期').waitFor()
	expect(await page.getByLabel('措施名称').inputValue()).toBe('完善服务部门与网点')
	await page.getByLabel('完成期限').fill('2027-01-15')
	await page.getByRole('button', { name: '保存修改' }).click()
	await page.getByRole('heading', { level: 1, name: '完善服务部门与网点' }).waitFor()

	await page.getByRole('button', { name: '开始处理' }).click()
	await page
		.getByRole('region', { name: '更新状态' })
		.getByRole('button', { name: '重新打开' })
		.waitFor()

	await page.getByLabel('添加评论').fill('已与网点经理确认，月底前完成。')
	await page.getByRole('button', { name: '发表评论' }).click()
	await page.getByText('已与网点经理确认，月底前完成。').waitFor()

	const file = path.join(files, '网点清单.pdf')
	writeFileSync(file, pdfFile('list'))
	await page.getByLabel('添加证据文件').setInputFiles(file)
	await page.getByRole('button', { name: '上传' }).click()
	await page.getByRole('link', { name: '网点清单.pdf' }).waitFor()

	// a free action from the workspace list
	await page.goto(`/w/${clientA}/actions`)
	const form = page.getByRole('region', { name: '新建独立措施' })
	await form.getByLabel('措施名称').fill('组织全员服务规范培训')
	await form.getByLabel('优先级').selectOption('high')
	await form.getByRole('button', { name: '创建措施' }).click()
	await page.getByRole('heading', { level: 1, name: '组织全员服务规范培训' }).waitFor()
	await page.getByText('未设期限').waitFor()
})

test('a consultant sees every client’s actions with the client named, overdue marked, and nobody else’s', async () => {
	const page = await signedIn(consultant, true)
	await page.goto('/actions')
	await page.getByRole('heading', { level: 1, name: '跨客户改进措施' }).waitFor()
	const table = page.getByRole('table', { name: '各客户的改进措施' })
	const rows = table.getByRole('row')
	await rows.filter({ hasText: '组织全员服务规范培训' }).waitFor()
	expect(await rows.filter({ hasText: '乙：整改投诉台账' }).textContent()).toContain(
		'乙汽车服务有限公司',
	)
	expect(await rows.filter({ hasText: '乙：整改投诉台账' }).textContent()).toContain('已逾期')
	await page.getByText('1 项措施已逾期。').waitFor()

	await page.getByLabel('客户 / 工作区').selectOption({ label: '甲电器有限公司' })
	await page.getByRole('button', { name: '筛选' }).click()
	await page.waitForURL(/workspace=/)
	// the URL can change a moment before the filtered rows render: wait for client B's row to go
	await rows.filter({ hasText: '乙汽车服务有限公司' }).first().waitFor({ state: 'detached' })
	expect(await rows.filter({ hasText: '乙汽车服务有限公司' }).count()).toBe(0)
	expect(await rows.filter({ hasText: '甲电器有限公司' }).count()).toBe(2)

	// the client's staff: their own workspace only, even when the URL names another
	const staffPage = await signedIn(staff, true)
	await staffPage.goto(`/actions?workspace=${clientB}`)
	const staffRows = staffPage.getByRole('table', { name: '各客户的改进措施' }).getByRole('row')
	await staffRows.filter({ hasText: '组织全员服务规范培训' }).waitFor()
	expect(await staffRows.filter({ hasText: '乙' }).count()).toBe(0)
	const denied = await staffPage.goto(`/w/${clientB}/actions`)
	expect(denied?.status()).toBe(404)
})
