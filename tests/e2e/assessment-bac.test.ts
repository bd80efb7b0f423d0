import type { Client } from '@libsql/client'
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { pdfFile } from '#tests/fixtures/files.ts'
import {
	exportJson,
	indicatorCard,
	panelShows,
	saveState,
	scorePanel,
	scoreWithCli,
} from './assessment-helpers.ts'
import { launchBrowser } from './browser.ts'
import { e2eDatabase, person, signedIn, workspace, type Person } from './fixtures.ts'

let browser: Browser
let db: Client
let owner: Person
let assessor: Person
let workspaceId: string
const downloads = mkdtempSync(path.join(tmpdir(), 'assessment-bac-e2e-'))
const browserErrors: string[] = []

beforeAll(async () => {
	browser = await launchBrowser()
	db = e2eDatabase()
	owner = await person(db, '王经理')
	assessor = await person(db, '李评价')
	workspaceId = await workspace(db, '甲电器有限公司', [
		[owner, 'owner'],
		[assessor, 'assessor'],
	])
})

afterAll(async () => {
	await browser?.close()
	db?.close()
	rmSync(downloads, { recursive: true, force: true })
})

/**
 * The indicators that are not the subject of the test, answered by an import. 5.1: all met but
 * 5.1.4 (one requirement unmet, all-or-nothing: 0 of 6) → 28 of 34; 5.2.2, 5.2.3, 5.2.5 all met
 * and 5.2.4 with one unmet (10 − 2) → 25 of 27.
 */
const all = (count: number) => Array.from({ length: count }, () => true)
const BULK = {
	format: 'aftersales-assessment/v1',
	scheme: 'bac-fr01-2021',
	answers: {
		'5.1.1': { checks: all(2) },
		'5.1.2': { checks: all(2) },
		'5.1.3': { checks: all(7), note: '场所、设备、培训计划和经费均已核对' },
		'5.1.4': { checks: [true, false, true] },
		'5.1.5': { checks: all(4) },
		'5.1.6': { checks: all(3) },
		'5.2.2': { checks: all(4) },
		'5.2.3': { checks: all(2) },
		'5.2.4': { checks: [true, true, true, true, true, true, false] },
		'5.2.5': { checks: all(5) },
	},
}

async function storedStatus(assessmentId: string) {
	const rs = await db.execute({
		sql: 'select status from assessments where id = ?',
		args: [assessmentId],
	})
	return String(rs.rows[0]!.status)
}

async function storedAnswer(assessmentId: string, indicatorId: string) {
	const rs = await db.execute({
		sql: 'select value, version, updated_by from answers where assessment_id = ? and indicator_id = ?',
		args: [assessmentId, indicatorId],
	})
	const row = rs.rows[0]
	return row
		? {
				value: JSON.parse(String(row.value)),
				version: Number(row.version),
				by: String(row.updated_by),
			}
		: null
}

test('BAC answered by an owner and an assessor: exclusions with reasons, evidence, a special deduction, submit refused then done, locked, and the score equals npm run score', async () => {
	const manager = await signedIn(browser, owner, { errors: browserErrors })
	const colleague = await signedIn(browser, assessor, { errors: browserErrors })

	// the owner compares the schemes and starts a BAC assessment
	await manager.goto(`/w/${workspaceId}/assessments`)
	await manager.getByRole('link', { name: '开始新的自评' }).click()
	await manager.getByRole('heading', { level: 1, name: '开始自评' }).waitFor()
	await manager.waitForLoadState('networkidle')
	await manager.getByRole('radio', { name: /^BAC-FR01-2021/ }).check()
	await manager.getByRole('textbox', { name: '评价期间' }).fill('2026')
	await manager.getByRole('textbox', { name: '标题' }).fill('2026 年度 BAC 自评')
	await manager
		.getByRole('textbox', { name: '范围：服务网点 / 场所' })
		.fill('上海总部；苏州服务中心')
	await manager.getByRole('textbox', { name: '范围：产品类别' }).fill('小家电')
	await manager.getByRole('button', { name: '开始自评' }).click()
	await manager.getByRole('heading', { level: 1, name: '2026 年度 BAC 自评' }).waitFor()
	const overview = new URL(manager.url()).pathname
	const assessmentId = overview.split('/').pop()!
	expect(overview).toBe(`/w/${workspaceId}/assessments/${assessmentId}`)
	expect((await scorePanel(manager)).completeness).toBe('已作答 0 / 15')

	// section 5.3 (customer service) goes to the colleague
	await manager.getByRole('link', { name: '分工与进度' }).click()
	const customerService = manager.getByRole('region', { name: '5.3 顾客服务' })
	await customerService.getByLabel('5.3 顾客服务 的负责人').selectOption({ label: '李评价' })
	await customerService.getByRole('button', { name: '指派 5.3 顾客服务', exact: true }).click()
	await customerService.getByText('负责人：李评价').first().waitFor()

	// the indicators that are not under test come in by import
	await manager.goto(overview)
	await manager.waitForLoadState('networkidle')
	await manager.getByLabel('JSON 文件').setInputFiles({
		name: 'bac-bulk.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(BULK)),
	})
	await manager.getByRole('button', { name: '导入并替换答案' }).click()
	await manager.getByRole('status').filter({ hasText: '已导入 10 个答案。' }).waitFor()
	expect(await panelShows(manager, '53.00')).toMatchObject({
		arithmetic: '实得 53 ÷ 涉及 100 × 100 = 53',
		completeness: '已作答 10 / 15',
	})

	// the owner answers 5.1.7 from the compact list of section 5.1
	await manager.getByRole('link', { name: '打开问卷作答' }).click()
	await manager.getByRole('heading', { level: 2, name: /^5\.1/ }).waitFor()
	await manager.getByRole('link', { name: '紧凑列表' }).click()
	await manager.getByRole('link', { name: '作答 5.1.7' }).click()
	const culture = indicatorCard(manager, '5.1.7')
	await culture.waitFor()
	await manager.waitForLoadState('networkidle')
	await culture.getByRole('checkbox', { name: /^符合：\s*1\)/ }).check()
	await culture.getByRole('checkbox', { name: /^符合：\s*2\)/ }).check()
	await saveState(culture, /^已保存/)
	await panelShows(manager, '59.00')

	// 5.2.1: one sub-requirement does not apply; the reason is asked for, then saved
	await manager.goto(`${overview}/answer/5.2?view=list`)
	await manager.getByRole('link', { name: '作答 5.2.1' }).click()
	const information = indicatorCard(manager, '5.2.1')
	await information.waitFor()
	await manager.waitForLoadState('networkidle')
	await information.getByRole('checkbox', { name: /^符合：\s*1\)/ }).check()
	await information.getByRole('checkbox', { name: /^符合：\s*3\)/ }).check()
	await information.getByRole('checkbox', { name: '第 2 项不适用' }).check()
	await saveState(information, /请更正/)
	const subReason = information.getByRole('textbox', { name: '不适用的理由' })
	expect(await subReason.getAttribute('aria-invalid')).toBe('true')
	expect(await storedAnswer(assessmentId, '5.2.1')).toBeNull()
	await subReason.fill('所售小家电均无特殊安全性要求')
	await saveState(information, /^已保存/)
	// 2 of 6 points leave the involved total: 63 of 98
	expect(await panelShows(manager, '64.29')).toMatchObject({
		arithmetic: '实得 63 ÷ 涉及 98 × 100 = 64.29',
	})

	// 5.2.6 does not apply at all: excluded with its reason
	await manager.goto(`${overview}/answer?indicator=5.2.6`)
	const recycling = indicatorCard(manager, '5.2.6')
	await recycling.waitFor()
	await manager.waitForLoadState('networkidle')
	await recycling.getByRole('checkbox', { name: '整个指标不适用（删减）' }).check()
	await saveState(recycling, /请更正/)
	await recycling
		.getByRole('textbox', { name: '不适用的理由' })
		.fill('本企业不销售需回收处理的商品')
	await saveState(recycling, /^已保存/)
	expect(await panelShows(manager, '65.63')).toMatchObject({
		arithmetic: '实得 63 ÷ 涉及 96 × 100 = 65.63',
	})
	expect(await storedAnswer(assessmentId, '5.2.6')).toMatchObject({
		value: { na: true, reason: '本企业不销售需回收处理的商品' },
		by: owner.id,
	})

	// the colleague finds 5.3 under their assignments and answers 5.3.1 with evidence
	await colleague.goto(`/w/${workspaceId}/my-assignments`)
	await colleague.getByRole('link', { name: '去作答：5.3 顾客服务' }).click()
	const relations = indicatorCard(colleague, '5.3.1')
	await relations.waitFor()
	await colleague.waitForLoadState('networkidle')
	for (const n of [1, 2, 3, 4, 5])
		await relations.getByRole('checkbox', { name: new RegExp(`^符合：\\s*${n}\\)`) }).check()
	await saveState(relations, /^已保存/)
	// one requirement unmet: 15 − 3
	await panelShows(colleague, '78.13')
	expect(await storedAnswer(assessmentId, '5.3.1')).toMatchObject({
		value: { checks: [true, true, true, true, true, false] },
		by: assessor.id,
	})

	const survey = pdfFile('Customer survey 2026')
	await relations.getByLabel('添加证据文件').setInputFiles({
		name: '顾客满意度调查报告.pdf',
		mimeType: 'application/pdf',
		buffer: survey,
	})
	await relations.getByRole('button', { name: '上传' }).click()
	const evidenceLink = relations.getByRole('link', { name: '顾客满意度调查报告.pdf' })
	await evidenceLink.waitFor()
	expect(await relations.getByText(/ · 李评价 · /).count()).toBe(1)
	const [download] = await Promise.all([colleague.waitForEvent('download'), evidenceLink.click()])
	expect(download.suggestedFilename()).toBe('顾客满意度调查报告.pdf')
	expect((await readFile((await download.path())!)).equals(survey)).toBe(true)

	// the owner records a special deduction: the score drops by one at once
	await manager.goto(overview)
	await manager.waitForLoadState('networkidle')
	expect((await scorePanel(manager)).score).toBe('78.13')
	await manager
		.getByRole('textbox', { name: '扣分事项描述' })
		.fill('2026 年 3 月一起投诉超过承诺时限 5 天未处理')
	await manager
		.getByRole('textbox', { name: '整改措施' })
		.fill('投诉处理时限纳入绩效考核，每周复核超期工单')
	await manager.getByRole('button', { name: '添加特别扣分项' }).click()
	await manager.getByRole('status').filter({ hasText: '已添加' }).waitFor()
	expect(await panelShows(manager, '77.13')).toMatchObject({
		arithmetic: '实得 75 ÷ 涉及 96 × 100 = 78.13 特别扣分 −1',
	})

	// submitting while 5.3.2 is unanswered is refused with what is missing
	const submitted = manager.waitForResponse((r) => r.request().method() === 'POST')
	await manager.getByRole('button', { name: '提交自评' }).click()
	expect((await submitted).status()).toBe(422)
	const refusal = manager.getByRole('alert').filter({ hasText: '不能提交' })
	await refusal.waitFor()
	expect((await refusal.innerText()).split(/\n+/)).toEqual([
		'还有 1 个指标未作答或待复核，不能提交：',
		'5.3 顾客服务',
		'未作答：5.3.2',
	])
	expect(await storedStatus(assessmentId)).toBe('in_progress')

	// the colleague goes on to 5.3.2 and completes it: two of three requirements met, 6 points
	await colleague.getByRole('link', { name: '下一条：5.3.2' }).first().click()
	const complaints = indicatorCard(colleague, '5.3.2')
	await complaints.waitFor()
	await complaints.getByRole('checkbox', { name: /^符合：\s*1\)/ }).check()
	await complaints.getByRole('checkbox', { name: /^符合：\s*2\)/ }).check()
	await saveState(complaints, /^已保存/)
	// 81 of 96 = 84.375, less one for the deduction
	expect(await panelShows(colleague, '83.38')).toMatchObject({
		arithmetic: '实得 81 ÷ 涉及 96 × 100 = 84.38 特别扣分 −1',
		level: '三星级',
		verdict: '合格',
		completeness: '已作答 15 / 15',
	})

	// now the submission goes through and locks the assessment
	await manager.reload()
	await manager.waitForLoadState('networkidle')
	await manager.getByRole('button', { name: '提交自评' }).click()
	await manager.getByRole('status').filter({ hasText: '自评已提交并锁定。' }).waitFor()
	await manager.getByRole('heading', { level: 2, name: '已提交，只读' }).waitFor()
	expect(await storedStatus(assessmentId)).toBe('submitted')
	const atSubmission = await scorePanel(manager)
	expect(atSubmission).toMatchObject({
		title: '提交时的得分',
		score: '83.38',
		level: '三星级',
		verdict: '合格',
	})
	expect(await manager.getByRole('img', { name: '3 星' }).count()).toBe(1)
	// nothing on the overview changes it any more; only reopening is offered
	for (const name of ['提交自评', '添加特别扣分项', '导入并替换答案', /^删除：/])
		expect(await manager.getByRole('button', { name, exact: true }).count()).toBe(0)
	expect(await manager.getByRole('button', { name: '重新打开自评' }).count()).toBe(1)

	// the locked questionnaire: read-only for everyone, and a save sent anyway is refused
	await colleague.goto(`${overview}/answer/5.3?indicator=5.3.2`)
	await colleague.waitForLoadState('networkidle')
	await colleague.getByText('此自评已提交并锁定，只能查看。').waitFor()
	const locked = indicatorCard(colleague, '5.3.2')
	const boxes = await locked.getByRole('checkbox').all()
	expect(boxes).toHaveLength(3)
	for (const box of boxes) expect(await box.isDisabled()).toBe(true)
	expect(await locked.getByRole('textbox', { name: '备注' }).isDisabled()).toBe(true)
	for (const name of ['保存', '清除答案', '上传'])
		expect(await colleague.getByRole('button', { name, exact: true }).count()).toBe(0)
	expect(await colleague.getByLabel('添加证据文件').count()).toBe(0)
	const before = await storedAnswer(assessmentId, '5.3.2')
	const refused = await colleague.request.post(`${overview}/autosave`, {
		form: {
			indicatorId: '5.3.2',
			version: String(before!.version),
			intent: 'save',
			'check-1': 'met',
			'check-2': 'met',
			'check-3': 'met',
			note: '',
			_autosave: '1',
		},
	})
	expect(refused.status()).toBe(409)
	expect(await refused.json()).toMatchObject({ kind: 'locked', indicatorId: '5.3.2' })
	expect(await storedAnswer(assessmentId, '5.3.2')).toEqual(before)

	// the exported file, scored by the command line, gives what the portal shows
	const { file, document } = await exportJson(manager, downloads)
	expect(document).toMatchObject({
		format: 'aftersales-assessment/v1',
		scheme: 'bac-fr01-2021',
		organisation: { name: '甲电器有限公司' },
		period: '2026',
		specialDeductions: [
			{
				description: '2026 年 3 月一起投诉超过承诺时限 5 天未处理',
				correctiveAction: '投诉处理时限纳入绩效考核，每周复核超期工单',
			},
		],
	})
	const answers = document.answers as Record<string, unknown>
	expect(Object.keys(answers)).toHaveLength(15)
	expect(answers['5.2.1']).toEqual({
		checks: [true, 'na', true],
		reason: '所售小家电均无特殊安全性要求',
	})
	expect(answers['5.2.6']).toEqual({ na: true, reason: '本企业不销售需回收处理的商品' })
	expect(answers['5.3.1']).toEqual({
		checks: [true, true, true, true, true, false],
		evidence: ['顾客满意度调查报告.pdf'],
	})
	const cli = await scoreWithCli(file)
	expect(cli).toMatchObject({
		scheme: 'bac-fr01-2021',
		earned: 81,
		involvedMarks: 96,
		normalised: 84.375,
		specialDeductions: 1,
		score: 83.38,
		passed: true,
		level: { key: 'star-3', name: '三星级' },
		complete: true,
	})
	expect(cli.indicators.filter((entry) => entry.excluded).map((entry) => entry.id)).toEqual([
		'5.2.6',
	])
	expect(Number(atSubmission.score)).toBe(cli.score)
	expect(atSubmission.level).toBe(cli.level!.name)
	expect(atSubmission.verdict).toBe(cli.passed ? '合格' : '不合格')

	expect(browserErrors).toEqual([])
})
