import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import {
	brotliCompressSync,
	brotliDecompressSync,
	constants as zlib,
	gunzipSync,
	gzipSync,
} from 'node:zlib'
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
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
		'售后服务认证自评门户',
	)
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

/** The raw response, bytes as sent: fetch would undo the encoding. */
function fetchRaw(path: string, acceptEncoding: string) {
	return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
		(resolve, reject) => {
			const request = httpGet(
				new URL(path, baseURL),
				{ headers: { 'accept-encoding': acceptEncoding } },
				(response) => {
					const chunks: Buffer[] = []
					response.on('data', (chunk: Buffer) => chunks.push(chunk))
					response.on('end', () =>
						resolve({
							status: response.statusCode ?? 0,
							headers: response.headers,
							body: Buffer.concat(chunks),
						}),
					)
				},
			)
			request.on('error', reject)
		},
	)
}

test('scripts go out as the brotli or gzip file the build made, pages compressed as rendered', async () => {
	const home = await fetchRaw('/', 'identity')
	const script = home.body.toString().match(/\/assets\/entry\.client-[\w-]+\.js/)?.[0]
	expect(script).toBeDefined()
	const plain = await fetchRaw(script!, 'identity')
	expect(plain.headers['content-encoding']).toBeUndefined()
	expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')

	const br = await fetchRaw(script!, 'gzip, deflate, br, zstd')
	expect(br.headers['content-encoding']).toBe('br')
	expect(br.headers['content-type']).toMatch(/^text\/javascript/)
	expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
	// compressed once at the highest level: smaller than compressing it per request would give
	expect(br.body.length).toBeLessThan(
		brotliCompressSync(plain.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }).length,
	)

	const gz = await fetchRaw(script!, 'gzip, deflate')
	expect(gz.headers['content-encoding']).toBe('gzip')
	expect(gunzipSync(gz.body).equals(plain.body)).toBe(true)
	expect(gz.body.length).toBeLessThanOrEqual(gzipSync(plain.body, { level: 9 }).length)

	for (const [accept, decode] of [
		['gzip, deflate', gunzipSync],
		['gzip, deflate, br, zstd', brotliDecompressSync],
	] as const) {
		const page = await fetchRaw('/', accept)
		expect(page.headers['content-encoding']).toBe(accept.includes('br') ? 'br' : 'gzip')
		expect(decode(page.body).toString()).toContain('<html')
	}
})
