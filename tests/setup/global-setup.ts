import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
	export interface ProvidedContext {
		baseDbPath: string
	}
}

/** Builds one migrated database; each test file then works on its own copy of it. */
export default async function setup(project: TestProject) {
	const dir = mkdtempSync(path.join(tmpdir(), 'portal-test-'))
	const base = path.join(dir, 'base.db')
	const client = createClient({ url: `file:${base}` })
	await migrate(drizzle(client), { migrationsFolder: path.resolve('db/migrations') })
	client.close()
	project.provide('baseDbPath', base)
	return () => rmSync(dir, { recursive: true, force: true })
}
