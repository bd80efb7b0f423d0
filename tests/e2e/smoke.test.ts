import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { baseURL, launchBrowser, newPage } from './browser.ts'

let browser: Browser
beforeAll(async () => {
	browser = await launchBrowser()
})
afterAll(async () => {
	await browser?.close()
})

test('the home page is served in Chinese and switches to English without JavaScript', async () => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'zh-CN' })
	const page = await context.newPage()
	await page.goto('/')
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('售后服务认证自评门户')
	await page.getByRole('button', { name: '切换语言' }).click()
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
		'After-sales Service Certification Self-assessment',
	)
	expect(await page.getAttribute('html', 'lang')).toBe('en')
	await context.close()
})

test('healthz reports the database', async () => {
	const page = await newPage(browser)
	const response = await page.goto('/healthz')
	expect(response?.status()).toBe(200)
	expect(await response?.json()).toEqual({ status: 'ok' })
	await page.context().close()
})
