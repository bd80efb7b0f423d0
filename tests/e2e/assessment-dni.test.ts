import type { Client } from '@libsql/client'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
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
const downloads = mkdtempSync(path.join(tmpdir(), 'assessment-dni-e2e-'))
const browserErrors: string[] = []

beforeAll(async () => {
	browser = await launchBrowser()
	db = e2eDatabase()
	owner = await person(db, '王经理')
	assessor = await person(db, '李评价')
	workspaceId = await workspace(db, '乙家电服务有限公司', [
		[owner, 'owner'],
		[assessor, 'assessor'],
	])
})

afterAll(async () => {
	await browser?.close()
	db?.close()
	rmSync(downloads, { recursive: true, force: true })
})

/** 投诉处理 (2 + 7 + 1 points): the indicators both assessors rate in the portal. */
const RATED = ['5.3.2.1', '5.3.2.2', '5.3.2.3']
const dni = getScheme('dni-cts-0301-2025')!
/** Every other indicator at 80 %, imported: 90 points × 0.8 = 72. */
const BULK = {
	format: 'aftersales-assessment/v1',
	scheme: dni.id,
	answers: Object.fromEntries(
		schemeIndicators(dni)
			.filter(({ indicator }) => !RATED.includes(indicator.id))
			.map(({ indicator }) => [indicator.id, { percent: 80 }]),
	),
}

async function storedRatings(assessmentId: string) {
	const rs = await db.execute({
		sql: 'select indicator_id, user_id, percent, version from assessor_ratings where assessment_id = ? order by indicator_id, percent',
		args: [assessmentId],
	})
	return rs.rows.map((row) => ({
		indicator: String(row.indicator_id),
		by: String(row.user_id),
		percent: String(row.percent),
		version: Number(row.version),
	}))
}

/** The others' ratings, the mean and the spread, as the card shows them once one has rated. */
async function ratingsShown(card: Locator) {
	const section = card.locator('section', { hasText: '各评价人员的评分' })
	await section.waitFor()
	return {
		entries: await section.locator('li').allTextContents(),
		summary: await section.locator('p').textContent(),
	}
}

async function rate(page: Page, id: string, percent: string): Promise<Locator> {
	const card = indicatorCard(page, id)
	await card.getByRole('textbox', { name: '您的成熟度评分（%）' }).fill(percent)
	await saveState(card, /^已保存/)
	return card
}

async function openIndicator(page: Page, overview: string, id: string): Promise<Locator> {
	await page.goto(`${overview}/answer?indicator=${id}`)
	const card = indicatorCard(page, id)
	await card.waitFor()
	await page.waitForLoadState('networkidle')
	return card
}

test('DNI rated by two assessors: neither sees the other first, then both with the mean and the spread; submitted and locked; the score equals npm run score', async () => {
	const manager = await signedIn(browser, owner, { errors: browserErrors })
	const colleague = await signedIn(browser, assessor, { errors: browserErrors })

	// the owner starts a DNI assessment and imports everything but complaint handling
	await manager.goto(`/w/${workspaceId}/assessments/new`)
	await manager.waitForLoadState('networkidle')
	await manager.getByRole('radio', { name: /^CTS DNISC0301-2025/ }).check()
	await manager.getByRole('textbox', { name: '评价期间' }).fill('2026')
	await manager.getByRole('textbox', { name: '标题' }).fill('2026 年度服务认证自评')
	await manager.getByRole('button', { name: '开始自评' }).click()
	await manager.getByRole('heading', { level: 1, name: '2026 年度服务认证自评' }).waitFor()
	const overview = new URL(manager.url()).pathname
	const assessmentId = overview.split('/').pop()!
	await manager.waitForLoadState('networkidle')
	await manager.getByLabel('JSON 文件').setInputFiles({
		name: 'dni-bulk.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(BULK)),
	})
	await manager.getByRole('button', { name: '导入并替换答案' }).click()
	await manager.getByRole('status').filter({ hasText: '已导入 47 个答案。' }).waitFor()
	expect(await panelShows(manager, '72.00')).toMatchObject({ completeness: '已作答 47 / 50' })

	// the owner rates first, one indicator after the other, with the maturity bands as the guide
	const first = await openIndicator(manager, overview, '5.3.2.1')
	expect(
		await first.locator('details', { hasText: '成熟度档位说明' }).locator('dt').allTextContents(),
	).toEqual(['0%~20%', '20%~40%', '40%~60%', '60%~80%', '80%~100%'])
	expect(await first.getByText('暂无其他评价人员评分。').count()).toBe(1)
	await rate(manager, '5.3.2.1', '72.5')
	await manager.getByRole('link', { name: '下一条：5.3.2.2' }).first().click()
	await indicatorCard(manager, '5.3.2.2').waitFor()
	await rate(manager, '5.3.2.2', '91.25')
	await manager.getByRole('link', { name: '下一条：5.3.2.3' }).first().click()
	await indicatorCard(manager, '5.3.2.3').waitFor()
	await rate(manager, '5.3.2.3', '100')
	// 72 + 2 × 72.5 % + 7 × 91.25 % + 1 × 100 % = 80.8375
	expect(await panelShows(manager, '80.84')).toMatchObject({
		level: '三星级',
		completeness: '已作答 50 / 50',
	})

	// the colleague is told someone has rated, but not what: not on the page, not in its data
	for (const [id, ownerPercent] of [
		['5.3.2.1', '72.5'],
		['5.3.2.2', '91.25'],
	] as const) {
		const html = await (await colleague.request.get(`${overview}/answer?indicator=${id}`)).text()
		expect(html).toContain('另有 1 位评价人员已评分；您评分后才能看到，以免互相影响。')
		expect(html).not.toContain(ownerPercent)
	}
	const hidden = await openIndicator(colleague, overview, '5.3.2.1')
	await hidden.getByText('另有 1 位评价人员已评分；您评分后才能看到，以免互相影响。').waitFor()
	expect(await hidden.getByText(/王经理：/).count()).toBe(0)
	expect(await hidden.getByRole('textbox', { name: '您的成熟度评分（%）' }).inputValue()).toBe('')

	// once rated, both ratings show with their mean and spread
	await rate(colleague, '5.3.2.1', '81.5')
	expect(await ratingsShown(hidden)).toEqual({
		entries: ['您：81.5%', '王经理：72.5%'],
		summary: '平均 77%；分歧（最高 − 最低）：9 个百分点',
	})
	await colleague.getByRole('link', { name: '下一条：5.3.2.2' }).first().click()
	const second = indicatorCard(colleague, '5.3.2.2')
	await second.getByText('另有 1 位评价人员已评分；您评分后才能看到，以免互相影响。').waitFor()
	expect(await second.getByText(/王经理：/).count()).toBe(0)
	await rate(colleague, '5.3.2.2', '60.75')
	// a spread of 30.5 points is flagged for the team to discuss
	expect(await ratingsShown(second)).toEqual({
		entries: ['您：60.75%', '王经理：91.25%'],
		summary: '平均 76%；分歧（最高 − 最低）：30.5 个百分点分歧较大，建议讨论后再确认。',
	})
	await colleague.getByRole('link', { name: '下一条：5.3.2.3' }).first().click()
	await indicatorCard(colleague, '5.3.2.3').waitFor()
	const third = await rate(colleague, '5.3.2.3', '95')
	expect(await ratingsShown(third)).toEqual({
		entries: ['您：95%', '王经理：100%'],
		summary: '平均 97.5%；分歧（最高 − 最低）：5 个百分点',
	})
	// the means count: 72 + 2 × 77 % + 7 × 76 % + 1 × 97.5 % = 79.835, below three stars now
	expect(await panelShows(colleague, '79.84')).toMatchObject({
		arithmetic: '实得 79.84 ÷ 涉及 100 × 100 = 79.84',
		level: '达标级',
		verdict: '合格',
	})
	expect(await storedRatings(assessmentId)).toEqual([
		{ indicator: '5.3.2.1', by: owner.id, percent: '72.5', version: 1 },
		{ indicator: '5.3.2.1', by: assessor.id, percent: '81.5', version: 1 },
		{ indicator: '5.3.2.2', by: assessor.id, percent: '60.75', version: 1 },
		{ indicator: '5.3.2.2', by: owner.id, percent: '91.25', version: 1 },
		{ indicator: '5.3.2.3', by: owner.id, percent: '100', version: 1 },
		{ indicator: '5.3.2.3', by: assessor.id, percent: '95', version: 1 },
	])

	// the owner, back on the first indicator, now sees the colleague's rating beside their own
	const mine = await openIndicator(manager, overview, '5.3.2.1')
	expect(await ratingsShown(mine)).toEqual({
		entries: ['您：72.5%', '李评价：81.5%'],
		summary: '平均 77%；分歧（最高 − 最低）：9 个百分点',
	})

	// submit: complete, so it locks at once
	await manager.goto(overview)
	await manager.waitForLoadState('networkidle')
	await manager.getByRole('button', { name: '提交自评' }).click()
	await manager.getByRole('status').filter({ hasText: '自评已提交并锁定。' }).waitFor()
	await manager.getByRole('heading', { level: 2, name: '已提交，只读' }).waitFor()
	const atSubmission = await scorePanel(manager)
	expect(atSubmission).toMatchObject({
		title: '提交时的得分',
		score: '79.84',
		level: '达标级',
		verdict: '合格',
	})

	// locked: the rating cannot be changed on the page, and a save sent anyway is refused
	const locked = await openIndicator(colleague, overview, '5.3.2.2')
	await colleague.getByText('此自评已提交并锁定，只能查看。').waitFor()
	expect(await locked.getByRole('textbox', { name: '您的成熟度评分（%）' }).isDisabled()).toBe(true)
	expect(await locked.getByRole('textbox', { name: '备注' }).isDisabled()).toBe(true)
	for (const name of ['保存', '清除答案', '上传'])
		expect(await colleague.getByRole('button', { name, exact: true }).count()).toBe(0)
	const refused = await colleague.request.post(`${overview}/autosave`, {
		form: {
			indicatorId: '5.3.2.2',
			version: '0',
			ratingVersion: '1',
			intent: 'save',
			percent: '90',
			note: '',
			_autosave: '1',
		},
	})
	expect(refused.status()).toBe(409)
	expect(await refused.json()).toMatchObject({ kind: 'locked', indicatorId: '5.3.2.2' })
	expect((await storedRatings(assessmentId)).map((row) => row.percent)).toEqual([
		'72.5',
		'81.5',
		'60.75',
		'91.25',
		'100',
		'95',
	])

	// the exported file carries both ratings; scored by the command line it gives what the portal shows
	const { file, document } = await exportJson(manager, downloads)
	const answers = document.answers as Record<string, { percent: number[] }>
	expect(Object.keys(answers)).toHaveLength(50)
	expect(answers['5.1.1.1']).toEqual({ percent: [80] })
	expect(RATED.map((id) => [...answers[id]!.percent].sort((a, b) => a - b))).toEqual([
		[72.5, 81.5],
		[60.75, 91.25],
		[95, 100],
	])
	const cli = await scoreWithCli(file)
	expect(cli).toMatchObject({
		scheme: 'dni-cts-0301-2025',
		earned: 79.835,
		involvedMarks: 100,
		score: 79.84,
		passed: true,
		level: { key: 'standard', name: '达标级' },
		complete: true,
	})
	expect(Number(atSubmission.score)).toBe(cli.score)
	expect(atSubmission.level).toBe(cli.level!.name)
	expect(atSubmission.verdict).toBe(cli.passed ? '合格' : '不合格')

	expect(browserErrors).toEqual([])
})
