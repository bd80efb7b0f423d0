import { createSession } from '#app/utils/session.server.ts'
import { database } from '#app/utils/db.server.ts'
import { hashToken } from '#app/utils/tokens.server.ts'
import { memberships, users, workspaces, type Role } from '#db/schema/index.ts'
import { randomUUID } from 'node:crypto'
import type { AppLoadContext } from 'react-router'

// A cheap, valid hash for test users: scrypt at OWASP cost would make every fixture take ~0.3 s.
// Tests that exercise the real password path sign up through the action instead.
export const TEST_PASSWORD = 'correct horse battery staple'
let testHash: string | undefined
async function testPasswordHash() {
	const { hashPassword } = await import('#app/utils/password.server.ts')
	testHash ??= await hashPassword(TEST_PASSWORD)
	return testHash
}

export async function createUser(overrides: Partial<typeof users.$inferInsert> = {}) {
	const [user] = await database()
		.insert(users)
		.values({
			email: `user-${randomUUID()}@example.com`,
			name: '测试用户',
			passwordHash: await testPasswordHash(),
			emailVerifiedAt: new Date(),
			...overrides,
		})
		.returning()
	return user!
}

export async function createWorkspace(ownerId: string, name = '测试企业有限公司') {
	const [workspace] = await database().insert(workspaces).values({ name, createdBy: ownerId }).returning()
	await database().insert(memberships).values({ workspaceId: workspace!.id, userId: ownerId, role: 'owner' })
	return workspace!
}

export async function addMember(workspaceId: string, userId: string, role: Role) {
	await database().insert(memberships).values({ workspaceId, userId, role })
}

/** A Cookie header for a new session of this user. */
export async function cookieFor(userId: string): Promise<string> {
	const setCookie = await createSession(userId, { ip: '127.0.0.1', userAgent: 'vitest' })
	return setCookie.split(';')[0]!
}

export function context(ip = '127.0.0.1'): AppLoadContext {
	return { clientIp: ip }
}

type ActionArgs = { request: Request; params: Record<string, string>; context: AppLoadContext }

/** Builds the arguments a route module's loader or action receives. */
export function routeArgs(
	url: string,
	{
		method = 'GET',
		form,
		cookie,
		params = {},
		ip,
	}: {
		method?: string
		form?: Record<string, string | string[]>
		cookie?: string
		params?: Record<string, string>
		ip?: string
	} = {},
): ActionArgs & { url: URL; pattern: string; unstable_pattern: string } {
	const headers = new Headers()
	if (cookie) headers.set('Cookie', cookie)
	let body: URLSearchParams | undefined
	if (form) {
		body = new URLSearchParams()
		for (const [key, value] of Object.entries(form)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
		}
		method = method === 'GET' ? 'POST' : method
	}
	const request = new Request(new URL(url, 'http://localhost'), { method, headers, body })
	// React Router 7.18 passes the parsed URL and the matched pattern too
	return { request, params, context: context(ip), url: new URL(request.url), pattern: url, unstable_pattern: url }
}

/** Runs a loader/action and returns its Response, whether it was returned or thrown. */
export async function respond(fn: () => Promise<unknown>): Promise<{ status: number; data: unknown; headers: Headers }> {
	try {
		return toResult(await fn())
	} catch (thrown) {
		return toResult(thrown, true)
	}
}

function toResult(value: unknown, thrown = false): { status: number; data: unknown; headers: Headers } {
	if (value instanceof Response) return { status: value.status, data: null, headers: value.headers }
	if (value && typeof value === 'object' && 'type' in value && value.type === 'DataWithResponseInit') {
		const d = value as unknown as { data: unknown; init: ResponseInit | null }
		return { status: d.init?.status ?? 200, data: d.data, headers: new Headers(d.init?.headers) }
	}
	if (thrown) throw value
	return { status: 200, data: value, headers: new Headers() }
}

export { hashToken }
