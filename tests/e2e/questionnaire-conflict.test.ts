import { createClient, type Client } from '@libsql/client'
import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseURL, launchBrowser } from './browser.ts'
import { person, type Person } from './fixtures.ts'

let browser: Browser
let db: Client
const contexts: BrowserContext[] = []

let owner: Person
let assessor: Person
let workspaceId: string
let assessmentId: string
let dniId: string
let bacId: string

async function signedIn(who: Person, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled })
	contexts.push(context)
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	return context.newPage()
}

async function storedAnswer(indicatorId: string, assessment = assessmentId) {
	const rs = await db.execute({
		sql: 'select value, note, version, updated_by from answers where assessment_id = ? and indicator_id = ?',
		args: [assessment, indicatorId],
	})
	const row = rs.rows[0]
	return row
		? {
				value: JSON.parse(String(row.value)),
				note: String(row.note),
				version: Number(row.version),
				by: String(row.updated_by),
			}
		: null
}

beforeAll(async () => {
	browser = await launchBrowser()
	db = createClient({ url: `file:${inject('e2eDbPath')}` })
	owner = await person(db, '王经理')
	assessor = await person(db, '李评价')
	workspaceId = randomUUID()
	assessmentId = randomUUID()
	const now = Date.now()
	await db.execute({
		sql: 'insert into workspaces (id, name, created_by, created_at) values (?, ?, ?, ?)',
		args: [workspaceId, '甲电器有限公司', owner.id, now],
	})
	for (const [who, role] of [
		[owner, 'owner'],
		[assessor, 'assessor'],
	] as const)
		await db.execute({
			sql: 'insert into memberships (id, workspace_id, user_id, role, created_at) values (?, ?, ?, ?, ?)',
			args: [randomUUID(), workspaceId, who.id, role, now],
		})
	dniId = randomUUID()
	bacId = randomUUID()
	for (const [id, scheme] of [
		[assessmentId, 'green-aftersales-2025'],
		[dniId, 'dni-cts-0301-2025'],
		[bacId, 'bac-fr01-2021'],
	])
		await db.execute({
			sql: `insert into assessments (id, workspace_id, scheme_id, scheme_version, title, period, status, created_by, created_at, updated_at)
				values (?, ?, ?, '1.0.0', '2026 年度自评', '2026', 'in_progress', ?, ?, ?)`,
			args: [id!, workspaceId, scheme!, owner.id, now, now],
		})
})

afterAll(async () => {
	for (const context of contexts) await context.close()
	await browser?.close()
	db?.close()
})

const indicatorUrl = (id: string, assessment = assessmentId) =>
	`/w/${workspaceId}/assessments/${assessment}/answer?indicator=${id}`

async function openIndicator(page: Page, id: string, assessment = assessmentId) {
	await page.goto(indicatorUrl(id, assessment))
	await page
		.getByRole('heading', { level: 3, name: new RegExp(`^${id.replaceAll('.', '\\.')}`) })
		.waitFor()
	await page.waitForLoadState('networkidle')
}

/** The save state of the indicator's form, once it reads `expected`. */
async function saveState(page: Page, expected: RegExp) {
	const state = page.locator('[data-save-state]')
	await expect
		.poll(async () => (await state.textContent()) ?? '', { timeout: 10_000 })
		.toMatch(expected)
}

test('two members edit one indicator: the second save shows both versions, the choice is kept and nothing is lost', async () => {
	const manager = await signedIn(owner)
	const colleague = await signedIn(assessor)
	// both open 5.1.1.1 before anyone has answered it
	for (const page of [manager, colleague]) {
		await page.goto(indicatorUrl('5.1.1.1'))
		await page.getByRole('heading', { level: 3, name: /5\.1\.1\.1/ }).waitFor()
		// hydrated: the autosave handlers are attached
		await page.waitForFunction(() => document.querySelector('[data-save-state]') !== null)
	}
	await manager.waitForLoadState('networkidle')
	await colleague.waitForLoadState('networkidle')

	await manager.getByRole('radio', { name: '符合（得满分）' }).check()
	await manager.getByRole('textbox', { name: '备注' }).fill('服务部已设立，见组织架构图')
	await saveState(manager, /^已保存/)
	expect(await storedAnswer('5.1.1.1')).toMatchObject({
		value: { fraction: 1 },
		note: '服务部已设立，见组织架构图',
		version: 1,
		by: owner.id,
	})

	// the colleague still holds version 0: their autosave is refused and both versions are shown
	await colleague.getByRole('radio', { name: '不符合（0 分）' }).check()
	await colleague.getByRole('textbox', { name: '备注' }).fill('职能划分尚未成文')
	await saveState(colleague, /有较新的版本/)
	const conflict = colleague.locator('[data-conflict]')
	await conflict.waitFor()
	expect(await conflict.getByRole('heading', { level: 4 }).first().textContent()).toMatch(
		/^王经理 于 .+ 保存了此指标的较新版本$/,
	)
	const versions = await conflict.locator('section').allTextContents()
	expect(versions).toEqual([
		'您的版本不符合备注：职能划分尚未成文',
		'王经理 的版本符合备注：服务部已设立，见组织架构图',
	])
	// nothing was written by the refused save
	expect(await storedAnswer('5.1.1.1')).toMatchObject({
		value: { fraction: 1 },
		version: 1,
		by: owner.id,
	})

	// keep mine: saved over version 1; the manager's version stays on screen until dismissed
	await colleague.getByRole('button', { name: '保留我的版本' }).click()
	await saveState(colleague, /^已保存/)
	expect(await storedAnswer('5.1.1.1')).toMatchObject({
		value: { fraction: 0 },
		note: '职能划分尚未成文',
		version: 2,
		by: assessor.id,
	})
	expect(await colleague.locator('[data-conflict]').count()).toBe(0)
	const replaced = colleague.locator('[data-discarded="theirs"]')
	expect(await replaced.textContent()).toContain('被您覆盖的 王经理 的版本')
	expect(await replaced.textContent()).toContain('备注：服务部已设立，见组织架构图')

	// the manager, still on version 1, edits again: conflict the other way; they take the colleague's
	await manager.getByRole('textbox', { name: '备注' }).fill('服务部已设立，见组织架构图（2026 版）')
	await saveState(manager, /有较新的版本/)
	expect(await manager.locator('[data-conflict] section').allTextContents()).toEqual([
		'您的版本符合备注：服务部已设立，见组织架构图（2026 版）',
		'李评价 的版本不符合备注：职能划分尚未成文',
	])
	await manager.getByRole('button', { name: '采用 李评价 的版本' }).click()
	expect(await manager.getByRole('radio', { name: '不符合（0 分）' }).isChecked()).toBe(true)
	expect(await manager.getByRole('textbox', { name: '备注' }).inputValue()).toBe('职能划分尚未成文')
	// the manager's own text is not lost: it stays on screen until dismissed
	const mine = manager.locator('[data-discarded="mine"]')
	expect(await mine.textContent()).toContain('备注：服务部已设立，见组织架构图（2026 版）')
	expect(await storedAnswer('5.1.1.1')).toMatchObject({
		value: { fraction: 0 },
		version: 2,
		by: assessor.id,
	})
	await mine.getByRole('button', { name: '关闭' }).click()
	expect(await manager.locator('[data-discarded]').count()).toBe(0)

	// and the manager can go on from the colleague's version without another conflict
	await manager.getByRole('radio', { name: '部分符合', exact: true }).check()
	await manager.getByRole('textbox', { name: '符合比例（%）' }).fill('60')
	await saveState(manager, /^已保存/)
	expect(await storedAnswer('5.1.1.1')).toMatchObject({
		value: { fraction: 0.6 },
		note: '职能划分尚未成文',
		version: 3,
		by: owner.id,
	})
	// the colleague's discarded-version panel is still there until they dismiss it
	expect(await colleague.locator('[data-discarded="theirs"]').count()).toBe(1)
})

test('without JavaScript an indicator is a form that saves on submit, shows field errors and conflicts', async () => {
	const page = await signedIn(owner, false)
	await page.goto(indicatorUrl('5.1.1.2'))
	await page.getByRole('heading', { level: 3, name: /5\.1\.1\.2/ }).waitFor()

	// partly met without the share: refused with the message next to the field
	await page.getByRole('radio', { name: '部分符合', exact: true }).check()
	await page.getByRole('textbox', { name: '备注' }).fill('抽查两个网点')
	const response = page.waitForResponse((r) => r.request().method() === 'POST')
	await page.getByRole('button', { name: '保存' }).click()
	expect((await response).status()).toBe(400)
	const share = page.getByRole('textbox', { name: '符合比例（%）' })
	expect(await share.getAttribute('aria-invalid')).toBe('true')
	const describedBy = (await share.getAttribute('aria-describedby')) ?? ''
	expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toBe(
		'请输入 0 到 100 之间的数字',
	)
	// what was typed is still there
	expect(await page.getByRole('radio', { name: '部分符合', exact: true }).isChecked()).toBe(true)
	expect(await page.getByRole('textbox', { name: '备注' }).inputValue()).toBe('抽查两个网点')
	expect(await storedAnswer('5.1.1.2')).toBeNull()

	// meanwhile a colleague answers the same indicator
	const colleague = await signedIn(assessor)
	await openIndicator(colleague, '5.1.1.2')
	await colleague.getByRole('radio', { name: '符合（得满分）' }).check()
	await saveState(colleague, /^已保存/)

	// the corrected form still starts from the version first seen: a conflict, both versions shown
	await share.fill('75')
	const conflicted = page.waitForResponse((r) => r.request().method() === 'POST')
	await page.getByRole('button', { name: '保存' }).click()
	expect((await conflicted).status()).toBe(409)
	expect(await page.locator('[data-conflict] section').allTextContents()).toEqual([
		'您的版本部分符合：75%备注：抽查两个网点',
		'李评价 的版本符合无备注',
	])
	expect(
		await page
			.locator('[data-conflict]')
			.getByRole('link', { name: '采用对方的版本（重新加载）' })
			.count(),
	).toBe(1)
	expect(await page.getByRole('textbox', { name: '符合比例（%）' }).inputValue()).toBe('75')
	expect(await storedAnswer('5.1.1.2')).toMatchObject({
		value: { fraction: 1 },
		version: 1,
		by: assessor.id,
	})

	// saving again keeps mine over the version just shown
	await page.getByRole('button', { name: '保存' }).click()
	await page.waitForURL(/saved=5\.1\.1\.2/)
	expect(await page.locator('[data-save-state]').textContent()).toBe('已保存')
	expect(await page.getByRole('textbox', { name: '符合比例（%）' }).inputValue()).toBe('75')
	expect(await storedAnswer('5.1.1.2')).toMatchObject({
		value: { fraction: 0.75 },
		note: '抽查两个网点',
		version: 2,
		by: owner.id,
	})
})

test('a save that cannot reach the server says so, keeps the text and saves on retry; typing saves once', async () => {
	const page = await signedIn(owner)
	await openIndicator(page, '5.1.2.3')
	const posts: string[] = []
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().endsWith('/autosave'))
			posts.push(request.url())
	})
	await page.getByRole('radio', { name: '符合（得满分）' }).check()
	await page.getByRole('textbox', { name: '备注' }).pressSequentially('培训记录齐全', { delay: 40 })
	await saveState(page, /^已保存/)
	// one debounced save for the choice and every keystroke
	expect(posts).toHaveLength(1)
	expect(await storedAnswer('5.1.2.3')).toMatchObject({
		value: { fraction: 1 },
		note: '培训记录齐全',
		version: 1,
	})

	await page.context().setOffline(true)
	await page.getByRole('textbox', { name: '备注' }).fill('培训记录齐全，另见签到表')
	await saveState(page, /^保存失败$/)
	expect(await page.getByRole('alert').filter({ hasText: '网络连接中断' }).count()).toBe(1)
	expect(await page.getByRole('textbox', { name: '备注' }).inputValue()).toBe(
		'培训记录齐全，另见签到表',
	)
	await page.context().setOffline(false)
	await page.getByRole('button', { name: '重试保存' }).click()
	await saveState(page, /^已保存/)
	expect(await storedAnswer('5.1.2.3')).toMatchObject({
		note: '培训记录齐全，另见签到表',
		version: 2,
	})
})

test('a failed save is never replaced by a newer version that arrives meanwhile; retrying shows the conflict', async () => {
	const manager = await signedIn(owner)
	const colleague = await signedIn(assessor)
	await openIndicator(manager, '5.1.3.1')
	const stateOf = () => manager.locator('[data-save-state]')

	await manager.context().setOffline(true)
	await manager.getByRole('textbox', { name: '备注' }).fill('经费预算已批准')
	await expect.poll(() => stateOf().textContent(), { timeout: 10_000 }).toBe('保存失败')

	// meanwhile the colleague answers the same indicator
	await openIndicator(colleague, '5.1.3.1')
	await colleague.getByRole('radio', { name: '不符合（0 分）' }).check()
	await saveState(colleague, /^已保存/)

	// back online, the manager comments on the indicator: the page reloads its data with the
	// colleague's answer, and the form keeps what the manager typed
	await manager.context().setOffline(false)
	await manager.getByRole('textbox', { name: '添加评论' }).fill('预算表见附件')
	await manager.getByRole('button', { name: '发表评论' }).click()
	await expect.poll(() => manager.getByText('李评价 于').count(), { timeout: 10_000 }).toBe(1)
	expect(await manager.getByRole('textbox', { name: '备注' }).inputValue()).toBe('经费预算已批准')
	expect(await stateOf().textContent()).toBe('保存失败')

	await manager.getByRole('button', { name: '重试保存' }).click()
	await expect.poll(() => stateOf().textContent(), { timeout: 10_000 }).toBe('未保存：有较新的版本')
	expect(await manager.locator('[data-conflict] section').allTextContents()).toEqual([
		'您的版本未作答备注：经费预算已批准',
		'李评价 的版本不符合无备注',
	])
	expect(await storedAnswer('5.1.3.1')).toMatchObject({
		value: { fraction: 0 },
		note: '',
		by: assessor.id,
	})
})

test('moving to the next indicator saves a pending edit first, and asks before leaving a failed one', async () => {
	const manager = await signedIn(owner)
	await openIndicator(manager, '5.1.4.1')
	// an edit still waiting for its autosave goes out before the page moves on
	await manager.getByRole('radio', { name: '符合（得满分）' }).check()
	await manager.getByRole('textbox', { name: '备注' }).fill('三级服务网点台账')
	await manager.getByRole('link', { name: '下一条：5.1.4.2' }).first().click()
	await manager.getByRole('heading', { level: 3, name: /^5\.1\.4\.2/ }).waitFor()
	expect(await storedAnswer('5.1.4.1')).toMatchObject({
		value: { fraction: 1 },
		note: '三级服务网点台账',
		by: owner.id,
	})

	// a save that failed: leaving asks first; staying keeps every word
	await manager.context().setOffline(true)
	await manager.getByRole('textbox', { name: '备注' }).fill('网点分布图待更新')
	await saveState(manager, /^保存失败/)
	await manager.context().setOffline(false)
	const asked: string[] = []
	manager.once('dialog', (dialog) => {
		asked.push(dialog.message())
		void dialog.dismiss()
	})
	await manager.getByRole('link', { name: '上一条：5.1.4.1' }).first().click()
	await expect.poll(() => asked.length).toBe(1)
	expect(asked[0]).toContain('尚未保存的修改')
	expect(manager.url()).toContain('indicator=5.1.4.2')
	expect(await manager.getByRole('textbox', { name: '备注' }).inputValue()).toBe('网点分布图待更新')
	// retried and saved, the move goes without asking
	await manager.getByRole('button', { name: '重试保存' }).click()
	await saveState(manager, /^已保存/)
	await manager.getByRole('link', { name: '上一条：5.1.4.1' }).first().click()
	await manager.getByRole('heading', { level: 3, name: /^5\.1\.4\.1/ }).waitFor()
	expect(await storedAnswer('5.1.4.2')).toMatchObject({ note: '网点分布图待更新' })
})

test('stepping through indicators and autosaving reload the page’s data, not the message catalogue; switching language does', async () => {
	const page = await signedIn(owner)
	await openIndicator(page, '5.1.5.1')
	// the routes each data request asked for (React Router names them in `_routes` when it skips some)
	const loads: { routes: string[]; bytes: number }[] = []
	page.on('requestfinished', (request) => {
		const url = new URL(request.url())
		if (!url.pathname.endsWith('.data') || request.method() !== 'GET') return
		const routes = url.searchParams.get('_routes')
		void request.response().then(async (response) =>
			loads.push({
				routes: routes === null ? ['(all)'] : routes.split(','),
				bytes: (await response?.body())?.length ?? 0,
			}),
		)
	})

	await page.getByRole('link', { name: '下一条：5.1.5.2' }).first().click()
	await page.getByRole('heading', { level: 3, name: /^5\.1\.5\.2/ }).waitFor()
	await page.getByRole('radio', { name: '符合（得满分）' }).check()
	await saveState(page, /^已保存/)
	// the save revalidates the page: its progress and score follow
	await expect.poll(() => loads.length, { timeout: 10_000 }).toBe(2)
	for (const load of loads) {
		expect(load.routes).toContain('routes/questionnaire/section')
		expect(load.routes).not.toContain('root')
		expect(load.routes).not.toContain('(all)')
		// the catalogue alone is about 50 K characters
		expect(load.bytes).toBeLessThan(30_000)
	}
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^作答：/)

	// the language switch is a submission: the root's messages come again, in English
	await page.getByRole('button', { name: '切换语言' }).click()
	await page
		.getByRole('link', { name: /^Next: 5\.1\.5\.3/ })
		.first()
		.waitFor()
	expect(await page.locator('html').getAttribute('lang')).toBe('en')
	await page.getByRole('button', { name: 'Switch language' }).click()
	await page.getByRole('link', { name: '下一条：5.1.5.3' }).first().waitFor()
})

test('DNI: each assessor rates alone; the others show once one has rated, with the mean and the spread', async () => {
	const manager = await signedIn(owner)
	const colleague = await signedIn(assessor)
	await openIndicator(manager, '5.2.1.1', dniId)
	// the five maturity bands guide the rating
	expect(
		await manager.locator('details', { hasText: '成熟度档位说明' }).locator('dt').allTextContents(),
	).toEqual(['0%~20%', '20%~40%', '40%~60%', '60%~80%', '80%~100%'])
	await manager.getByRole('textbox', { name: '您的成熟度评分（%）' }).fill('70')
	await saveState(manager, /^已保存/)

	await openIndicator(colleague, '5.2.1.1', dniId)
	expect(
		await colleague.getByText('另有 1 位评价人员已评分；您评分后才能看到，以免互相影响。').count(),
	).toBe(1)
	expect(await colleague.getByText('王经理：70%').count()).toBe(0)
	await colleague.getByRole('textbox', { name: '您的成熟度评分（%）' }).fill('82.5')
	await saveState(colleague, /^已保存/)
	const ratings = colleague.locator('section', { hasText: '各评价人员的评分' })
	await expect.poll(() => ratings.count()).toBe(1)
	expect(await ratings.locator('li').allTextContents()).toEqual(['您：82.5%', '王经理：70%'])
	expect(await ratings.locator('p').textContent()).toBe(
		'平均 76.25%；分歧（最高 − 最低）：12.5 个百分点',
	)
	const rows = await db.execute({
		sql: 'select user_id, percent from assessor_ratings where assessment_id = ? order by percent',
		args: [dniId],
	})
	expect(rows.rows.map((row) => [row.user_id, row.percent])).toEqual([
		[owner.id, '70'],
		[assessor.id, '82.5'],
	])
})

test('DNI: imported ratings show as nobody’s, count in the mean beside a member’s, and the owner removes them', async () => {
	// an assessment whose 5.2.1.1 was imported from a v1 file: two percentages nobody owns
	const importedId = randomUUID()
	const now = Date.now()
	await db.execute({
		sql: `insert into assessments (id, workspace_id, scheme_id, scheme_version, title, period, status, created_by, created_at, updated_at)
			values (?, ?, 'dni-cts-0301-2025', '1.0.0', '导入的自评', '2026', 'in_progress', ?, ?, ?)`,
		args: [importedId, workspaceId, owner.id, now, now],
	})
	await db.execute({
		sql: `insert into answers (id, workspace_id, assessment_id, indicator_id, value, note, status, version, updated_by, updated_at)
			values (?, ?, ?, '5.2.1.1', '{"percent":[60,90]}', '', 'answered', 1, ?, ?)`,
		args: [randomUUID(), workspaceId, importedId, owner.id, now],
	})
	const colleague = await signedIn(assessor)
	await openIndicator(colleague, '5.2.1.1', importedId)
	const imported = colleague.getByRole('region', { name: '导入的评分' })
	expect(await imported.locator('li').allTextContents()).toEqual(['导入 1：60%', '导入 2：90%'])
	expect(await colleague.getByRole('button', { name: '移除导入的评分' }).count()).toBe(0)
	await colleague.getByRole('textbox', { name: '您的成熟度评分（%）' }).fill('60')
	await saveState(colleague, /^已保存/)
	const ratings = colleague.locator('section', { hasText: '各评价人员的评分' })
	await expect.poll(() => ratings.count()).toBe(1)
	expect(await ratings.locator('p').textContent()).toBe(
		'平均（含导入的评分）70%；分歧（最高 − 最低）：30 个百分点分歧较大，建议讨论后再确认。',
	)
	expect(await imported.locator('li').count()).toBe(2)

	const manager = await signedIn(owner)
	await openIndicator(manager, '5.2.1.1', importedId)
	await manager.getByRole('button', { name: '移除导入的评分' }).click()
	await expect
		.poll(() => manager.getByRole('region', { name: '导入的评分' }).count(), { timeout: 10_000 })
		.toBe(0)
	const stored = await db.execute({
		sql: "select value from answers where assessment_id = ? and indicator_id = '5.2.1.1'",
		args: [importedId],
	})
	expect(stored.rows[0]?.value).toBeNull()
	const audit = await db.execute({
		sql: "select actor_user_id from audit_log where target_id = ? and action = 'rating.imported_removed'",
		args: [importedId],
	})
	expect(audit.rows.map((row) => row.actor_user_id)).toEqual([owner.id])
})

test('BAC: a box per numbered sub-requirement, n.a. where allowed and then a reason', async () => {
	const page = await signedIn(assessor)
	await openIndicator(page, '5.2.1', bacId)
	await page.getByRole('checkbox', { name: /^符合：\s*1\)/ }).check()
	await page.getByRole('checkbox', { name: '第 2 项不适用' }).check()
	// the reason field appears with the n.a. box; without a reason the save is refused next to it
	const reason = page.getByRole('textbox', { name: '不适用的理由' })
	await saveState(page, /请更正/)
	expect(await reason.getAttribute('aria-invalid')).toBe('true')
	await reason.fill('不提供送货上门')
	await saveState(page, /^已保存/)
	expect(await storedAnswer('5.2.1', bacId)).toMatchObject({
		value: { checks: [true, 'na', false], reason: '不提供送货上门' },
		by: assessor.id,
	})
	// 5.1.2 allows no n.a.: no such box is offered
	await openIndicator(page, '5.1.2', bacId)
	expect(await page.getByRole('checkbox', { name: /不适用/ }).count()).toBe(0)
})

test('the questionnaire page sends at most 150 KB of JavaScript, gzipped', async () => {
	const page = await signedIn(owner)
	const scripts = new Map<string, number>()
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return
		scripts.set(response.url(), gzipSync(await response.body()).length)
	})
	// the largest section of the largest scheme
	await page.goto(`/w/${workspaceId}/assessments/${assessmentId}/answer/5.2`)
	await page.waitForLoadState('networkidle')
	const total = [...scripts.values()].reduce((sum, size) => sum + size, 0)
	const largest = [...scripts]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 5)
		.map(
			([url, size]) => `${new URL(url).pathname.split('/').pop()} ${(size / 1024).toFixed(1)} KB`,
		)
	console.info(
		`questionnaire page JavaScript: ${scripts.size} files, ${(total / 1024).toFixed(1)} KB gzipped; largest: ${largest.join(', ')}`,
	)
	expect(scripts.size).toBeGreaterThan(0)
	expect(total).toBeLessThanOrEqual(150 * 1024)
})
