import { and, asc, eq } from 'drizzle-orm'
import {
	auditLog,
	emailOutbox,
	invitations,
	memberships,
	workspaces,
	type Role,
} from '#db/schema/index.ts'
import { database } from '#app/utils/db.server.ts'
import { newToken } from '#app/utils/tokens.server.ts'
import { addMember, cookieFor, createUser, createWorkspace, routeArgs } from './helpers.ts'

/** A signed-in user: the row and a Cookie header for a fresh session. */
export async function signedIn(overrides: Parameters<typeof createUser>[0] = {}) {
	const user = await createUser(overrides)
	return { user, cookie: await cookieFor(user.id) }
}

export async function memberOf(
	workspaceId: string,
	role: Role,
	overrides: Parameters<typeof createUser>[0] = {},
) {
	const member = await signedIn(overrides)
	await addMember(workspaceId, member.user.id, role)
	return { ...member, membershipId: await membershipId(workspaceId, member.user.id) }
}

export async function membershipId(workspaceId: string, userId: string): Promise<string> {
	const [row] = await database()
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
	if (!row) throw new Error(`no membership of ${userId} in ${workspaceId}`)
	return row.id
}

/** An invitation written directly, with the raw token the email would carry. */
export async function invitationFor(
	workspaceId: string,
	{
		email = `invitee-${crypto.randomUUID()}@example.com`,
		role = 'assessor',
		invitedBy = null,
		expiresAt = new Date(Date.now() + 7 * 24 * 3600 * 1000),
		acceptedAt = null,
		revokedAt = null,
	}: {
		email?: string
		role?: Role
		invitedBy?: string | null
		expiresAt?: Date
		acceptedAt?: Date | null
		revokedAt?: Date | null
	} = {},
) {
	const { token, hash } = newToken()
	const [row] = await database()
		.insert(invitations)
		.values({
			workspaceId,
			email,
			role,
			tokenHash: hash,
			invitedBy,
			expiresAt,
			acceptedAt,
			revokedAt,
		})
		.returning()
	return { invitation: row!, token }
}

/**
 * A consultant who owns three client workspaces; each client has its own staff (an admin and a
 * viewer) and an open invitation. Client 1's admin is the one who tries to reach into client 2.
 */
export async function consultantWithClients() {
	const consultant = await signedIn({ name: '顾问 王' })
	const clients = []
	for (const name of ['甲电器有限公司', '乙汽车服务有限公司', '丙家居有限公司']) {
		const workspace = await createWorkspace(consultant.user.id, name)
		const admin = await memberOf(workspace.id, 'admin', { name: `${name} 管理员` })
		const viewer = await memberOf(workspace.id, 'viewer', { name: `${name} 查看者` })
		const { invitation, token } = await invitationFor(workspace.id, {
			invitedBy: consultant.user.id,
		})
		clients.push({ workspace, admin, viewer, invitation, token })
	}
	const [client1, client2, client3] = clients
	return { consultant, client1: client1!, client2: client2!, client3: client3! }
}

/** Everything a workspace action may change, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(): Promise<string> {
	const db = database()
	return JSON.stringify({
		workspaces: await db.select().from(workspaces).orderBy(asc(workspaces.id)),
		memberships: await db.select().from(memberships).orderBy(asc(memberships.id)),
		invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
		audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
		outbox: await db.select({ id: emailOutbox.id }).from(emailOutbox).orderBy(asc(emailOutbox.id)),
	})
}

export async function auditRows(workspaceId: string) {
	return database()
		.select()
		.from(auditLog)
		.where(eq(auditLog.workspaceId, workspaceId))
		.orderBy(asc(auditLog.createdAt))
}

export async function roleOf(workspaceId: string, userId: string): Promise<Role | null> {
	const [row] = await database()
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
	return row?.role ?? null
}

/** routeArgs with the route's own params type, so a route module's loader/action accepts them. */
export function argsFor<P extends Record<string, string>>(
	url: string,
	options: Omit<NonNullable<Parameters<typeof routeArgs>[1]>, 'params'> & { params: P },
) {
	return { ...routeArgs(url, options), params: options.params }
}
