import {
	createClient,
	type Client,
	type InArgs,
	type InStatement,
	type Transaction,
	type TransactionMode,
} from '@libsql/client'
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
	return createClient({
		url,
		authToken,
		timeout: url.startsWith('file:') ? busyTimeoutMs : undefined,
	})
}

declare global {
	// kept across development reloads so a reload does not open a second pool
	var __portalDb: { client: Client; db: Database } | undefined
}

export function database(): Database {
	if (!globalThis.__portalDb) {
		const e = env()
		let client = openClient(e.DATABASE_URL, e.DATABASE_AUTH_TOKEN, e.DATABASE_BUSY_TIMEOUT_MS)
		if (e.DATABASE_URL.startsWith('file:'))
			client = serialiseWrites(client, e.DATABASE_BUSY_TIMEOUT_MS)
		globalThis.__portalDb = { client, db: drizzle(client, { schema }) }
	}
	return globalThis.__portalDb.db
}

/**
 * A query built once per database and run many times with `sql.placeholder` values. Drizzle builds
 * a query's SQL on every run, which cost about as much as SQLite's own work for the small indexed
 * reads every questionnaire page makes (issue 4's benchmark); the pages' hottest reads are built
 * once here. Only for reads outside a transaction: a prepared query runs on the database itself.
 */
export function preparedQuery<T>(build: (db: Database) => T): () => T {
	const built = new WeakMap<Database, T>()
	return () => {
		const db = database()
		let query = built.get(db)
		if (!query) {
			query = build(db)
			built.set(db, query)
		}
		return query
	}
}

export function databaseClient(): Client {
	database()
	return globalThis.__portalDb!.client
}

/**
 * The embedded engine is synchronous: if a write waits for a lock that a transaction of this same
 * process holds across an `await`, its busy wait blocks the event loop, the transaction can never
 * finish, and both fail with SQLITE_BUSY after the timeout. So within one process, writes and
 * transactions take turns through one queue; plain reads (WAL) never wait. Other processes are
 * covered by the busy timeout; a libSQL server needs none of this. See ADR 003.
 */
export function serialiseWrites(client: Client, waitLimitMs: number): Client {
	let tail: Promise<void> = Promise.resolve()
	const acquire = async (): Promise<() => void> => {
		let release!: () => void
		const released = new Promise<void>((resolve) => (release = resolve))
		const turn = tail
		tail = tail.then(() => released)
		let timer: NodeJS.Timeout | undefined
		const limit = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() => reject(new Error(`database write waited more than ${waitLimitMs} ms for its turn`)),
				Math.max(waitLimitMs, 1000) * 2,
			)
		})
		try {
			await Promise.race([turn, limit])
		} catch (error) {
			// give the turn away when it comes, so the queue keeps moving
			void turn.then(release)
			throw error
		} finally {
			clearTimeout(timer)
		}
		let done = false
		return () => {
			if (!done) release()
			done = true
		}
	}
	const isRead = (stmt: InStatement | string) =>
		/^\s*(select|pragma\s+\w+\s*$)/i.test(typeof stmt === 'string' ? stmt : stmt.sql)
	const locked = async <T>(work: () => Promise<T>): Promise<T> => {
		const release = await acquire()
		try {
			return await work()
		} finally {
			release()
		}
	}
	return new Proxy(client, {
		get(target, property, receiver) {
			if (property === 'execute') {
				return (stmt: InStatement | string, args?: InArgs) =>
					isRead(stmt)
						? target.execute(stmt as string, args)
						: locked(() => target.execute(stmt as string, args))
			}
			if (property === 'batch' || property === 'migrate' || property === 'executeMultiple') {
				const method = Reflect.get(target, property, receiver) as (
					...a: unknown[]
				) => Promise<unknown>
				return (...args: unknown[]) => locked(() => method.apply(target, args))
			}
			if (property === 'transaction') {
				return async (mode?: TransactionMode): Promise<Transaction> => {
					if (mode === 'read') return target.transaction(mode)
					const release = await acquire()
					try {
						const tx = await target.transaction(mode)
						for (const end of ['commit', 'rollback'] as const) {
							const original = tx[end].bind(tx)
							tx[end] = async () => {
								try {
									await original()
								} finally {
									release()
								}
							}
						}
						const close = tx.close.bind(tx)
						tx.close = () => {
							close()
							release()
						}
						return tx
					} catch (error) {
						release()
						throw error
					}
				}
			}
			const value: unknown = Reflect.get(target, property, target)
			// the client keeps private fields, so its methods must run with the client as `this`
			return typeof value === 'function' ? value.bind(target) : value
		},
	})
}
