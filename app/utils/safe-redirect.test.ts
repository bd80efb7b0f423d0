import { expect, test } from 'vitest'
import { safeRedirect } from './safe-redirect.ts'

test('same-site paths are kept with their query and hash', () => {
	expect(safeRedirect('/workspaces/abc?tab=members#x')).toBe('/workspaces/abc?tab=members#x')
	expect(safeRedirect('/invitations/tok_1')).toBe('/invitations/tok_1')
})

test.each([
	['https://evil.example/'],
	['//evil.example/path'],
	['/\\evil.example'],
	['\\\\evil.example'],
	['javascript:alert(1)'],
	['/\t/evil.example'],
	['/\n/evil.example'],
	['evil.example'],
	[''],
	[undefined],
	[null],
	[42],
	['/' + 'a'.repeat(2000)],
])('%j falls back', (value) => {
	expect(safeRedirect(value)).toBe('/workspaces')
	expect(safeRedirect(value, '/')).toBe('/')
})
