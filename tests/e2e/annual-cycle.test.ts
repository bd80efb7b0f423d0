import { createClient, type Client } from '@libsql/client'
import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { fromV1 } from '#app/domain/assessments/to-v1.ts'
import {
	assessment,
	checksWithUnmet,
	fullAnswers,
	indicatorById,
	schemeById,
} from '#app/domain/gaps/test-support.ts'
import { scoreAssessment } from '#app/domain/scoring/index.ts'
import type { AnswerV1 } from '#app/domain/scoring/types.ts'
import { baseURL, launchBrowser } from './browser.ts'
import { person, workspace, type Person } from './fixtures.ts'

let browser: Browser
let db: Client
const contexts: BrowserContext[] = []
const bac = schemeById('bac-fr01-2021')
const day = 86_400_000

let consultant: Person
let clientA: string
let clientB: string
const ids = { bac2024: randomUUID(), bac2025: randomUUID(), gbt: randomUUID() }

/** A submitted assessment as submitting leaves it: answers, special items and the scored snapshot. */
async function submitted(
	id: string,
	workspaceId: string,
	schemeId: string,
	period: string,
	answered: Record<string, AnswerV1>,
	submittedAt: number,
	deductions = 0,
) {
	const scheme = schemeById(schemeId)
	const document = assessment(scheme, answered, { deductions })
	const result = scoreAssessment(scheme, document)
	await db.execute({
		sql: `insert into assessments (id, workspace_id, scheme_id, scheme_version, title, period, status, created_at, updated_at, submitted_at, submitted_result)
			values (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?)`,
		args: [
			id,
			workspaceId,
			schemeId,
			scheme.version,
			`${period} 年度自评`,
			period,
			submittedAt - 30 * day,
			submittedAt,
			submittedAt,
			JSON.stringify(result),
		],
	})
	const rows = fromV1(document)
	for (const row of rows.answers)
		await db.execute({
			sql: 'insert into answers (id, workspace_id, assessment_id, indicator_id, value, note, status, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?)',
			args: [
				randomUUID(),
				workspaceId,
				id,
				row.indicatorId,
				JSON.stringify(row.value),
				row.note,
				'answered',
				submittedAt,
			],
		})
	for (const item of rows.specialItems)
		await db.execute({
			sql: 'insert into special_items (id, workspace_id, assessment_id, kind, description, corrective_action, created_at) values (?, ?, ?, ?, ?, ?, ?)',
			args: [
				randomUUID(),
				workspaceId,
				id,
				item.kind,
				item.description,
				item.correctiveAction,
				submittedAt,
			],
		})
}

async function signedIn(who: Person): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled: false })
	contexts.push(context)
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	return context.newPage()
}

beforeAll(async () => {
	browser = await launchBrowser()
	db = createClient({ url: `file:${inject('e2eDbPath')}` })
	consultant = await person(db, '顾问 王')
	clientA = await workspace(db, '甲电器有限公司', [[consultant, 'owner']])
	clientB = await workspace(db, '乙物流有限公司', [[consultant, 'owner']])
	// A: BAC last year (90.84, 四星级) and 350 days ago (95.74, 五星级): the review is due soon
	const earlier = fullAnswers(bac)
	earlier['5.1.3'] = checksWithUnmet(indicatorById(bac, '5.1.3'), [2])
	earlier['5.2.4'] = checksWithUnmet(indicatorById(bac, '5.2.4'), [1])
	earlier['5.2.6'] = { na: true, reason: '不销售需回收的商品' }
	const later = fullAnswers(bac)
	later['5.2.4'] = checksWithUnmet(indicatorById(bac, '5.2.4'), [1, 2])
	later['5.2.1'] = { na: true, reason: '仅提供服务，不销售商品' }
	const now = Date.now()
	await submitted(ids.bac2024, clientA, bac.id, '2024', earlier, now - 700 * day, 1)
	await submitted(ids.bac2025, clientA, bac.id, '2025', later, now - 350 * day)
	// an action completed in between, and one overdue
	for (const [title, status, due, completed] of [
		['建立投诉台账', 'done', null, now - 500 * day],
		['补充备件库存', 'open', '2020-01-01', null],
	] as const)
		await db.execute({
			sql: 'insert into improvement_actions (id, workspace_id, assessment_id, title, description, owner_user_id, due_date, priority, status, created_at, updated_at, completed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
			args: [
				randomUUID(),
				clientA,
				ids.bac2024,
				title,
				'',
				consultant.id,
				due,
				'medium',
				status,
				now - 600 * day,
				now,
				completed,
			],
		})
	// B: GB/T 27922 more than a year ago, full marks: overdue
	await submitted(
		ids.gbt,
		clientB,
		'gbt27922-2011',
		'2024',
		fullAnswers(schemeById('gbt27922-2011')),
		now - 400 * day,
	)
})

afterAll(async () => {
	for (const context of contexts) await context.close()
	await browser?.close()
	db?.close()
})

test('without JavaScript: My clients at a glance, the timeline, a comparison, and this year’s review from last year’s', async () => {
	const page = await signedIn(consultant)
	await page.goto('/workspaces')
	const rowA = page.getByRole('row', { name: /甲电器有限公司/ })
	expect(await rowA.textContent()).toMatch(/BAC-FR01-2021.*95\.74.*五星级.*1 项逾期.*即将到期/)
	const rowB = page.getByRole('row', { name: /乙物流有限公司/ })
	expect(await rowB.textContent()).toMatch(/GB\/T 27922-2011.*100.*五星级.*无逾期.*已逾期/)

	// the client's timeline from its next-review date
	await rowA.getByRole('link', { name: /BAC-FR01-2021/ }).click()
	await page.getByRole('heading', { level: 1, name: '年度周期' }).waitFor()
	expect(await page.getByRole('status').textContent()).toMatch(
		/即将到期.*下一次年度自评.*还有 \d+ 天/,
	)
	const table = page.getByRole('table', { name: 'BAC-FR01-2021 的历次自评' })
	expect(await table.locator('tbody tr').allTextContents()).toEqual([
		expect.stringMatching(/^2025.*2025 年度自评.*已提交.*95\.74.*五星级.*比较$/),
		expect.stringMatching(/^2024.*2024 年度自评.*已提交.*90\.84.*四星级.*—$/),
	])

	// this year against last year
	await table.getByRole('link', { name: '将 2025 年度自评 与上一次（2024 年度自评）比较' }).click()
	await page.getByRole('heading', { level: 1, name: '比较两次自评' }).waitFor()
	expect(await page.getByText(/^得分 90\.84 → 95\.74（\+4\.9），四星级 → 五星级/).count()).toBe(1)
	const indicators = page.getByRole('table', { name: '有变化的指标' })
	expect(await indicators.locator('tbody tr').count()).toBe(4)
	expect(await indicators.getByRole('row', { name: /^5\.1\.3/ }).textContent()).toMatch(
		/0 \/ 6.*6 \/ 6.*提升.*\+6/,
	)
	await page.getByRole('link', { name: '建立投诉台账' }).waitFor()

	// the pickers are a plain GET form: two schemes are refused with a message
	await page.goto(`/w/${clientA}/compare`)
	expect(await page.getByLabel('自评 A').inputValue()).toBe(ids.bac2024)
	expect(await page.getByLabel('自评 B').inputValue()).toBe(ids.bac2025)
	await page.getByLabel('自评 B').selectOption(ids.bac2024)
	const refused = page.waitForResponse((response) => response.url().includes('/compare?'))
	await page.getByRole('button', { name: '比较' }).click()
	expect((await refused).status()).toBe(400)
	expect(await page.getByRole('alert').textContent()).toBe('请选择两次不同的自评。')

	// start this year's review from last year's: scheme and source preselected
	await page.goto(`/w/${clientA}/timeline`)
	await page.getByRole('link', { name: '以上一次（2025）为基础开始本年度自评' }).click()
	await page.getByRole('heading', { level: 1, name: '开始自评' }).waitFor()
	expect(await page.getByRole('radio', { name: /BAC-FR01-2021/ }).isChecked()).toBe(true)
	expect(await page.getByLabel('从以往的自评开始（可选）').inputValue()).toBe(ids.bac2025)
	await page.getByRole('textbox', { name: '标题' }).fill('2026 年度自评')
	await page.getByRole('button', { name: '开始自评' }).click()
	await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/)
	await page.goto(`/w/${clientA}/timeline`)
	expect(await page.getByText('本年度自评进行中：2026 年度自评').count()).toBe(1)
	expect(await table.locator('tbody tr').first().textContent()).toMatch(
		/^2026.*进行中.*0 \/ 15.*未提交/,
	)
})
