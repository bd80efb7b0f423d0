import { createClient } from '@libsql/client'
import { chromium, type Browser, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const baseURL = inject('baseURL')

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: inject('chromiumPath'),
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
	})
}

/** A fresh browser context (its own cookies) with one page, at the portal's base URL. */
export async function newPage(browser: Browser, locale = 'zh-CN'): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale })
	return context.newPage()
}

/** The newest email the portal wrote to its local outbox for this address. */
export async function readEmail(to: string): Promise<{ subject: string; text: string; html: string }> {
	const client = createClient({ url: `file:${inject('e2eDbPath')}` })
	try {
		for (let attempt = 0; attempt < 50; attempt++) {
			const rs = await client.execute({
				sql: 'select subject, text, html from email_outbox where "to" = ? order by created_at desc limit 1',
				args: [to.toLowerCase()],
			})
			const row = rs.rows[0]
			if (row) return { subject: String(row.subject), text: String(row.text), html: String(row.html) }
			await new Promise((r) => setTimeout(r, 100))
		}
		throw new Error(`no email for ${to}`)
	} finally {
		client.close()
	}
}

/** The first link in an email's text that points at the portal. */
export function linkIn(text: string): string {
	const match = text.match(/https?:\/\/[^\s)]+/)
	if (!match) throw new Error(`no link in email:\n${text}`)
	return match[0]
}
