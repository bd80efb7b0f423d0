import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseURL, launchBrowser, linkIn, readEmail } from './browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

// The account journey with JavaScript switched off: plain forms, server-side errors, real emails
// read from the outbox.
async function noScriptPage(locale = 'zh-CN'): Promise<Page> {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale })
	return context.newPage()
}

function pathOf(page: Page) {
	const url = new URL(page.url())
	return url.pathname + url.search
}

test('sign up, verify, log out, log in, reset the password: all without JavaScript', async () => {
	const page = await noScriptPage()
	const email = `e2e-${Date.now()}@example.com`

	await page.goto('/signup')
	expect(await page.title()).toContain('注册账号')
	// empty submit: each field says what is wrong, tied to its control
	await page.getByRole('button', { name: '注册' }).click()
	const emailBox = page.getByLabel('邮箱')
	expect(await emailBox.getAttribute('aria-invalid')).toBe('true')
	const describedBy = await emailBox.getAttribute('aria-describedby')
	expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('此项为必填项')

	await page.getByLabel('姓名').fill('端到端测试')
	await page.getByLabel('邮箱').fill(email)
	await page.getByLabel('密码', { exact: true }).fill('e2e password 2026')
	await page.getByLabel('确认密码').fill('e2e password 2026')
	await page.getByRole('button', { name: '注册' }).click()
	expect(pathOf(page)).toBe('/workspaces')

	const verification = await readEmail(email)
	expect(verification.subject).toContain('验证')
	await page.goto(linkIn(verification.text))
	expect(pathOf(page)).toBe('/verify-email?result=verified')
	expect(await page.getByRole('status').textContent()).toBe('您的邮箱已验证，感谢确认。')

	await page.goto('/account')
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('账户设置')
	expect(await page.getByText('已验证', { exact: true }).count()).toBe(1)
	await page.getByRole('button', { name: '退出登录' }).click()
	await page.goto('/account')
	expect(pathOf(page)).toBe('/login?redirectTo=%2Faccount')

	await page.getByLabel('邮箱').fill(email)
	await page.getByLabel('密码').fill('not the password')
	await page.getByRole('button', { name: '登录' }).click()
	expect(await page.getByRole('alert').textContent()).toBe('邮箱或密码不正确')
	expect(await page.getByLabel('邮箱').inputValue()).toBe(email)
	expect(await page.getByLabel('密码').inputValue()).toBe('')

	await page.getByLabel('密码').fill('e2e password 2026')
	await page.getByRole('button', { name: '登录' }).click()
	expect(pathOf(page)).toBe('/account')
	await page.getByRole('button', { name: '退出登录' }).click()

	await page.goto('/forgot-password')
	await page.getByLabel('邮箱').fill(email)
	await page.getByRole('button', { name: '发送重置链接' }).click()
	expect(await page.getByRole('status').textContent()).toContain(`如果 ${email} 已注册`)

	const reset = await readEmail(email)
	expect(reset.subject).toContain('重置密码')
	const resetLink = linkIn(reset.text)
	await page.goto(resetLink)
	await page.getByLabel('新密码').fill('a new e2e password')
	await page.getByLabel('确认密码').fill('a new e2e password')
	await page.getByRole('button', { name: '保存新密码' }).click()
	expect(pathOf(page)).toBe('/workspaces')

	// the link works once
	await page.goto(resetLink)
	expect(await page.getByRole('alert').textContent()).toContain('重置链接无效')
	await page.context().close()
})

test('the pages speak English to an English browser, and the outbox page lists the emails', async () => {
	const page = await noScriptPage('en-US')
	const email = `e2e-en-${Date.now()}@example.com`
	await page.goto('/signup')
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Create an account')
	await page.getByLabel('Name').fill('Alex')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password', { exact: true }).fill('short')
	await page.getByLabel('Confirm password').fill('different')
	await page.getByRole('button', { name: 'Sign up' }).click()
	expect(await page.getByText('The password needs at least 10 characters').count()).toBe(1)
	expect(await page.getByText('The passwords do not match').count()).toBe(1)
	expect(await page.getByLabel('Name').inputValue()).toBe('Alex')

	await page.getByLabel('Password', { exact: true }).fill('long enough password')
	await page.getByLabel('Confirm password').fill('long enough password')
	await page.getByRole('button', { name: 'Sign up' }).click()
	expect(pathOf(page)).toBe('/workspaces')

	await page.goto('/dev/outbox')
	const first = page.getByRole('article').first()
	expect(await first.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Verify your email/)
	expect(await first.textContent()).toContain(email)
	expect(await first.getByRole('link').first().getAttribute('href')).toMatch(
		/\/verify-email\?token=/,
	)
	await page.context().close()
})
