import { randomUUID } from 'node:crypto'
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, inject, vi } from 'vitest'

// A fresh copy of the migrated base database for every test file: a real libSQL file, no mocks.
const base = inject('baseDbPath')
const file = path.join(path.dirname(base), `file-${randomUUID()}.db`)
copyFileSync(base, file)
process.env.DATABASE_URL = `file:${file}`
process.env.NODE_ENV = 'test'
process.env.SEED_DEMO = 'false'
process.env.UPLOAD_DIR = path.join(path.dirname(base), `uploads-${randomUUID()}`)
delete process.env.RESEND_API_KEY
globalThis.__portalDb = undefined

// An unexpected console.error fails the test (a test that expects one mocks it explicitly).
let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(() => {
	consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		throw new Error(`console.error during test: ${args.map(String).join(' ')}`)
	})
})
afterEach(() => consoleError.mockRestore())

afterAll(() => {
	globalThis.__portalDb?.client.close()
	globalThis.__portalDb = undefined
})
