import { createClient, type Client } from '@libsql/client'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createCookie } from 'react-router'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { baseURL, launchBrowser } from './browser.ts'

let browser: Browser
let db: Client
const contexts: BrowserContext[] = []

type Person = { id: string; email: string; cookie: string }

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

async function person(name: string, { verified = true } = {}): Promise<Person> {
	const id = randomUUID()
	const email = `${id}@example.com`
	const now = Date.now()
	await db.execute({
		sql: 'insert into users (id, email, name, password_hash, email_verified_at, locale, created_at) values (?, ?, ?, ?, ?, ?, ?)',
		args: [id, email, name, 'scrypt$1$1$1$x$x', verified ? now : null, 'zh-CN', now],
	})
	const token = randomBytes(32).toString('base64url')
	await db.execute({
		sql: 'insert into sessions (id, user_id, expires_at, ip, user_agent, created_at) values (?, ?, ?, ?, ?, ?)',
		args: [sha256(token), id, now + 86_400_000, '127.0.0.1', 'e2e', now],
	})
	const header = await createCookie('portal_session').serialize(token)
	return { id, email, cookie: header.split(';')[0]!.split('=').slice(1).join('=') }
}

async function signedIn(who: Person, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', javaScriptEnabled })
	contexts.push(context)
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	return context.newPage()
}

beforeAll(async () => {
	browser = await launchBrowser()
	db = createClient({ url: `file:${inject('e2eDbPath')}` })
})

afterAll(async () => {
	for (const context of contexts) await context.close()
	await browser?.close()
	db?.close()
})

test.each([true, false])(
	'"log out and use the invited address" comes back to the invitation through the login page (JavaScript %s)',
	async (javaScriptEnabled) => {
		const owner = await person('王经理')
		const other = await person('另一个账号')
		const workspaceId = randomUUID()
		const now = Date.now()
		await db.execute({
			sql: 'insert into workspaces (id, name, created_by, created_at) values (?, ?, ?, ?)',
			args: [workspaceId, '丁电器有限公司', owner.id, now],
		})
		const token = randomBytes(32).toString('base64url')
		await db.execute({
			sql: `insert into invitations (id, workspace_id, email, role, token_hash, invited_by, expires_at, created_at)
				values (?, ?, ?, 'assessor', ?, ?, ?, ?)`,
			args: [
				randomUUID(),
				workspaceId,
				'invited@example.com',
				sha256(token),
				owner.id,
				now + 86_400_000,
				now,
			],
		})
		const page = await signedIn(other, javaScriptEnabled)
		await page.goto(`/invitations/${token}`)
		await page.getByRole('button', { name: '退出并换用受邀邮箱登录' }).click()
		await page.waitForURL(
			(url) =>
				url.pathname === '/login' && url.searchParams.get('redirectTo') === `/invitations/${token}`,
		)
		await page.getByRole('button', { name: '登录' }).waitFor()
		// signed out: the shell is gone and the session row with it
		const sessions = await db.execute({
			sql: 'select count(*) as n from sessions where user_id = ?',
			args: [other.id],
		})
		expect(Number(sessions.rows[0]!.n)).toBe(0)
	},
)

async function outboxCount(to: string) {
	const rs = await db.execute({
		sql: 'select count(*) as n from email_outbox where "to" = ?',
		args: [to],
	})
	return Number(rs.rows[0]!.n)
}

test.each([true, false])(
	'an unverified address gets a reminder on every signed-in page, with the resend form (JavaScript %s)',
	async (javaScriptEnabled) => {
		const pending = await person('未验证 陈', { verified: false })
		const page = await signedIn(pending, javaScriptEnabled)
		await page.goto('/workspaces')
		const banner = page.getByRole('region', { name: '邮箱尚未验证' })
		expect(await banner.textContent()).toContain(pending.email)
		// no way to dismiss it: it goes once the address is verified
		expect(await banner.getByRole('button').count()).toBe(1)
		await page.goto('/account')
		await banner.waitFor()

		const before = await outboxCount(pending.email)
		await banner.getByRole('button', { name: '重新发送验证邮件' }).click()
		await page.waitForURL('**/verify-email')
		await page.getByRole('status').filter({ hasText: '验证邮件已重新发送，请查收。' }).waitFor()
		expect(await outboxCount(pending.email)).toBe(before + 1)
	},
)

test('a verified address sees no reminder', async () => {
	const verified = await person('已验证 林')
	const page = await signedIn(verified, true)
	await page.goto('/workspaces')
	await page.getByRole('heading', { level: 1 }).waitFor()
	expect(await page.getByRole('region', { name: '邮箱尚未验证' }).count()).toBe(0)
})
