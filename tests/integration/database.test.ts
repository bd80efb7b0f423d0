import { expect, test } from 'vitest'
import { sql } from 'drizzle-orm'
import { database, databaseClient } from '#app/utils/db.server.ts'
import { prepareDatabase } from '#db/prepare.ts'

test('every pooled embedded connection has WAL, synchronous=FULL and the busy timeout', async () => {
	await prepareDatabase({ seed: false })
	const client = databaseClient()
	// Hold several connections at once (transactions keep theirs) so the pool must open new ones.
	const txs = await Promise.all(Array.from({ length: 6 }, () => client.transaction('read')))
	for (const tx of txs) {
		expect((await tx.execute('PRAGMA journal_mode')).rows[0]).toMatchObject({ journal_mode: 'wal' })
		expect((await tx.execute('PRAGMA synchronous')).rows[0]).toMatchObject({ synchronous: 2 })
		expect((await tx.execute('PRAGMA busy_timeout')).rows[0]).toMatchObject({ timeout: 5000 })
	}
	await Promise.all(txs.map((tx) => tx.rollback()))
})

test('concurrent writers wait for each other instead of failing with SQLITE_BUSY', async () => {
	const db = database()
	await db.run(sql`create table if not exists counter (n integer)`)
	// Each transaction awaits between statements, as route actions do.
	await Promise.all(
		Array.from({ length: 20 }, () =>
			db.transaction(async (tx) => {
				await tx.run(sql`select count(*) from counter`)
				await new Promise((r) => setTimeout(r, 1))
				await tx.run(sql`insert into counter values (1)`)
			}),
		),
	)
	const rows = await databaseClient().execute('select count(*) as c from counter')
	expect(rows.rows[0]).toMatchObject({ c: 20 })
})

test('a single write waits for an open transaction of the same process instead of failing', async () => {
	const db = database()
	await db.run(sql`create table if not exists notes (body text)`)
	const writes = Promise.all(
		Array.from({ length: 10 }, (_, i) => db.run(sql`insert into notes values (${`single ${i}`})`)),
	)
	await db.transaction(async (tx) => {
		await tx.run(sql`insert into notes values ('in transaction')`)
		await new Promise((r) => setTimeout(r, 20))
		await tx.run(sql`insert into notes values ('still in transaction')`)
	})
	await writes
	const rows = await databaseClient().execute('select count(*) as c from notes')
	expect(rows.rows[0]).toMatchObject({ c: 12 })
})

test('a failed transaction rolls back and releases the queue for the next one', async () => {
	const db = database()
	await db.run(sql`create table if not exists items (n integer)`)
	await expect(
		db.transaction(async (tx) => {
			await tx.run(sql`insert into items values (1)`)
			throw new Error('change refused')
		}),
	).rejects.toThrow('change refused')
	await db.transaction(async (tx) => {
		await tx.run(sql`insert into items values (2)`)
	})
	const rows = await databaseClient().execute('select group_concat(n) as ns from items')
	expect(rows.rows[0]).toMatchObject({ ns: '2' })
})
