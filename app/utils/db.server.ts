import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import * as schema from '#db/schema/index.ts'
import { env } from './env.server.ts'

export type Database = LibSQLDatabase<typeof schema>

/**
 * Embedded `file:` databases: the client pools up to 20 connections, so nothing per-connection may
 * be set with a one-off PRAGMA. The busy timeout goes in the client's `timeout` option (applied to
 * every connection it opens); WAL is a property of the database file, set once by the migrator;
 * synchronous=FULL is libSQL's per-connection default and a test asserts it on every pooled
 * connection. See docs/decisions/003-embedded-database.md.
 */
export function openClient(url: string, authToken?: string, busyTimeoutMs = 5000): Client {
	return createClient({ url, authToken, timeout: url.startsWith('file:') ? busyTimeoutMs : undefined })
}

declare global {
	// kept across development reloads so a reload does not open a second pool
	var __portalDb: { client: Client; db: Database } | undefined
}

export function database(): Database {
	if (!globalThis.__portalDb) {
		const e = env()
		const client = openClient(e.DATABASE_URL, e.DATABASE_AUTH_TOKEN, e.DATABASE_BUSY_TIMEOUT_MS)
		globalThis.__portalDb = { client, db: drizzle(client, { schema }) }
	}
	return globalThis.__portalDb.db
}

export function databaseClient(): Client {
	database()
	return globalThis.__portalDb!.client
}
