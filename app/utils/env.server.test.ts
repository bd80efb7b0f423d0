import { expect, test } from 'vitest'
import { parseEnv } from './env.server.ts'

test('defaults give an embedded database and port 3000', () => {
	const env = parseEnv({})
	expect(env.DATABASE_URL).toBe('file:./data/portal.db')
	expect(env.PORT).toBe(3000)
	expect(env.NODE_ENV).toBe('development')
})

test('a malformed variable is named in one line', () => {
	expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/^Invalid environment variable PORT: /)
	expect(() => parseEnv({ DATABASE_URL: 'postgres://x' })).toThrow(
		'Invalid environment variable DATABASE_URL: must start with file:, libsql:, http(s): or ws(s):',
	)
	expect(() => parseEnv({ APP_URL: 'not a url' })).toThrow(/^Invalid environment variable APP_URL/)
})

test('a libSQL server or Turso URL with a token is accepted', () => {
	const env = parseEnv({ DATABASE_URL: 'libsql://portal-acme.turso.io', DATABASE_AUTH_TOKEN: 'tok' })
	expect(env.DATABASE_URL).toBe('libsql://portal-acme.turso.io')
	expect(env.DATABASE_AUTH_TOKEN).toBe('tok')
})

test('evidence files: 20 MB each unless UPLOAD_MAX_BYTES says otherwise', () => {
	expect(parseEnv({}).UPLOAD_MAX_BYTES).toBe(20 * 1024 * 1024)
	expect(parseEnv({ UPLOAD_MAX_BYTES: '1048576' }).UPLOAD_MAX_BYTES).toBe(1048576)
	expect(() => parseEnv({ UPLOAD_MAX_BYTES: '0' })).toThrow(/^Invalid environment variable UPLOAD_MAX_BYTES/)
	expect(() => parseEnv({ UPLOAD_MAX_BYTES: '20MB' })).toThrow(/^Invalid environment variable UPLOAD_MAX_BYTES/)
})
