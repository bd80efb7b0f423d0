import { createClient, type Client } from '@libsql/client'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { createCookie } from 'react-router'
import { inject } from 'vitest'
import type { Role } from '#app/utils/roles.ts'
import { baseURL } from './browser.ts'

/**
 * People and workspaces written straight into the test server's database, as the portal writes
 * them, for browser tests whose subject is not signing up or inviting (foundation.test.ts and
 * auth.test.ts drive those through the pages).
 */

export type Person = { id: string; name: string; cookie: string }

/** The database file the test server runs on. */
export function e2eDatabase(): Client {
	return createClient({ url: `file:${inject('e2eDbPath')}` })
}

/** A verified user who speaks Chinese, with a live session: `cookie` is the session cookie's value. */
export async function person(db: Client, name: string): Promise<Person> {
	const id = randomUUID()
	const now = Date.now()
	await db.execute({
		sql: 'insert into users (id, email, name, password_hash, email_verified_at, locale, created_at) values (?, ?, ?, ?, ?, ?, ?)',
		args: [id, `${id}@example.com`, name, 'scrypt$1$1$1$x$x', now, 'zh-CN', now],
	})
	// the cookie carries the token, the table its SHA-256
	const token = randomBytes(32).toString('base64url')
	await db.execute({
		sql: 'insert into sessions (id, user_id, expires_at, ip, user_agent, created_at) values (?, ?, ?, ?, ?, ?)',
		args: [
			createHash('sha256').update(token).digest('hex'),
			id,
			now + 86_400_000,
			'127.0.0.1',
			'e2e',
			now,
		],
	})
	const header = await createCookie('portal_session').serialize(token)
	return { id, name, cookie: header.split(';')[0]!.split('=').slice(1).join('=') }
}

/** A workspace created by the first member, with every member in the role given. */
export async function workspace(
	db: Client,
	name: string,
	members: [Person, Role][],
): Promise<string> {
	const id = randomUUID()
	const now = Date.now()
	await db.execute({
		sql: 'insert into workspaces (id, name, created_by, created_at) values (?, ?, ?, ?)',
		args: [id, name, members[0]![0].id, now],
	})
	for (const [who, role] of members)
		await db.execute({
			sql: 'insert into memberships (id, workspace_id, user_id, role, created_at) values (?, ?, ?, ?, ?)',
			args: [randomUUID(), id, who.id, role, now],
		})
	return id
}

/**
 * A page in a browser context of its own, signed in as `who`. Errors the page logs (hydration
 * mismatches and server errors above all) are pushed to `errors` when given.
 */
export async function signedIn(
	browser: Browser,
	who: Person,
	{ javaScriptEnabled = true, errors }: { javaScriptEnabled?: boolean; errors?: string[] } = {},
): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'zh-CN',
		javaScriptEnabled,
		acceptDownloads: true,
	})
	await context.addCookies([{ name: 'portal_session', value: who.cookie, url: baseURL }])
	const page = await context.newPage()
	if (errors) {
		page.on('console', (message) => {
			if (message.type() !== 'error') return
			// the portal has no favicon; the browser asks for one on the first page
			if (message.location().url.endsWith('/favicon.ico')) return
			// refused input (400, 409, 422) is logged as a failed load; tests assert those statuses
			if (/^Failed to load resource: .* status of 4\d\d\b/.test(message.text())) return
			errors.push(`${who.name}: ${message.text()} ${message.location().url}`)
		})
		page.on('pageerror', (error) => errors.push(`${who.name}: ${error.message}`))
	}
	return page
}
