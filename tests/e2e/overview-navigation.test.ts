import { createClient, type Client } from '@libsql/client'
import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { formatDate } from '#app/i18n/i18n.ts'
import { baseURL, launchBrowser } from './browser.ts'
import { person, type Person } from './fixtures.ts'

let browser: Browser
let db: Client
const contexts: BrowserContext[] = []

let owner: Person
let assessor: Person
let viewer: Person
const workspaceId = randomUUID()
const assessmentId = randomUUID()
const scheme = getScheme('gbt27922-2011')!
const section = scheme.sections[0]!
const inSection = schemeIndicators(scheme).filter((entry) => entry.section.id === section.id)

async function signedIn(who: Person, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled })
	contexts.push(context)
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	return context.newPage()
}

beforeAll(async () => {
	browser = await launchBrowser()
	db = createClient({ url: `file:${inject('e2eDbPath')}` })
	owner = await person(db, '王经理')
	assessor = await person(db, '评价员 张')
	viewer = await person(db, '查看者 赵')
	const now = Date.now()
	await db.execute({
		sql: 'insert into workspaces (id, name, created_by, created_at) values (?, ?, ?, ?)',
		args: [workspaceId, '丙家电服务有限公司', owner.id, now],
	})
	for (const [who, role] of [
		[owner, 'owner'],
		[assessor, 'assessor'],
		[viewer, 'viewer'],
	] as const)
		await db.execute({
			sql: 'insert into memberships (id, workspace_id, user_id, role, created_at) values (?, ?, ?, ?, ?)',
			args: [randomUUID(), workspaceId, who.id, role, now],
		})
	await db.execute({
		sql: `insert into assessments (id, workspace_id, scheme_id, scheme_version, title, period, status, created_by, created_at, updated_at)
			values (?, ?, ?, ?, '2026 年度自评', '2026', 'in_progress', ?, ?, ?)`,
		args: [assessmentId, workspaceId, scheme.id, scheme.version, owner.id, now, now],
	})
	await db.execute({
		sql: `insert into assignments (id, workspace_id, assessment_id, target_type, target_id, user_id, created_at)
			values (?, ?, ?, 'section', ?, ?, ?)`,
		args: [randomUUID(), workspaceId, assessmentId, section.id, assessor.id, now],
	})
})

afterAll(async () => {
	for (const context of contexts) await context.close()
	await browser?.close()
	db?.close()
})

const overview = `/w/${workspaceId}/assessments/${assessmentId}`

test('assessors and up find 我的任务 in the workspace navigation; viewers do not', async () => {
	const page = await signedIn(assessor)
	await page.goto(overview)
	const nav = page.getByRole('navigation', { name: '工作区导航' })
	await nav.getByRole('link', { name: '我的任务' }).click()
	await page.waitForURL(`**/w/${workspaceId}/my-assignments`)
	// the overview's heading is still there until the new page renders: wait for the link to say so
	await expect
		.poll(() => nav.getByRole('link', { name: '我的任务' }).getAttribute('aria-current'))
		.toBe('page')

	const viewing = await signedIn(viewer)
	await viewing.goto(overview)
	const viewerNav = viewing.getByRole('navigation', { name: '工作区导航' })
	await viewerNav.getByRole('link', { name: '自评' }).waitFor()
	expect(await viewerNav.getByRole('link', { name: '我的任务' }).count()).toBe(0)
})

test('the overview links to the assignments page and each section’s answering page, and shows progress per person', async () => {
	const page = await signedIn(owner, false)
	await page.goto(overview)
	const progress = page.getByRole('table', { name: '每人进度' })
	const row = progress.getByRole('row', { name: /评价员 张/ })
	expect(await row.textContent()).toContain(`0 / ${inSection.length}`)

	await page.getByRole('link', { name: `${section.id} ${section.title}` }).click()
	await page.waitForURL(`**${overview}/answer/${encodeURIComponent(section.id)}`)

	await page.goto(overview)
	await page.getByRole('link', { name: '分工与进度' }).click()
	await page.waitForURL(`**${overview}/assignments`)
	await page.getByRole('heading', { level: 1, name: '分工与进度' }).waitFor()
})

test('a reopened assessment keeps its earlier submission in view on the overview', async () => {
	const submittedAt = new Date('2026-03-02T02:30:00.000Z')
	const reopenedAt = new Date('2026-03-05T06:00:00.000Z')
	await db.execute({
		sql: `insert into audit_log (id, workspace_id, actor_user_id, action, target_type, target_id, detail, ip, created_at)
			values (?, ?, ?, 'assessment.reopened', 'assessment', ?, ?, '127.0.0.1', ?)`,
		args: [
			randomUUID(),
			workspaceId,
			owner.id,
			assessmentId,
			JSON.stringify({
				title: '2026 年度自评',
				reason: '管理评审要求补充证据',
				submittedAt: submittedAt.toISOString(),
				submittedBy: owner.id,
				schemeVersion: scheme.version,
				score: 812.5,
				level: null,
				passed: true,
			}),
			reopenedAt.getTime(),
		],
	})
	const reader = await person(db, 'Alex Reader')
	await db.execute({ sql: `update users set locale = 'en' where id = ?`, args: [reader.id] })
	await db.execute({
		sql: `insert into memberships (id, workspace_id, user_id, role, created_at) values (?, ?, ?, 'viewer', ?)`,
		args: [randomUUID(), workspaceId, reader.id, Date.now()],
	})
	for (const [who, expected] of [
		[
			viewer,
			`此前已于 ${formatDate('zh-CN', submittedAt, true)} 提交，得分 812.5（王经理 于 ${formatDate('zh-CN', reopenedAt, true)} 重新打开，原因：管理评审要求补充证据）`,
		],
		[
			reader,
			`Previously submitted on ${formatDate('en', submittedAt, true)} with score 812.5 (reopened by 王经理 on ${formatDate('en', reopenedAt, true)} because: 管理评审要求补充证据)`,
		],
	] as const) {
		const page = await signedIn(who, false)
		await page.goto(overview)
		await page.getByText(expected).waitFor()
	}
})
