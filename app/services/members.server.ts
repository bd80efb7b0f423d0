import { and, asc, count, eq } from 'drizzle-orm'
import { memberships, users, type Role } from '#db/schema/index.ts'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { database } from '#app/utils/db.server.ts'
import { recordAudit, type Tx } from './audit.server.ts'
import type { WorkspaceScope } from './workspace-scope.server.ts'

export type Member = {
	id: string
	userId: string
	name: string
	email: string
	role: Role
	createdAt: Date
}

/** A refused change: the status to answer with and the message to show. */
export type Refusal = { ok: false; status: 403 | 404 | 409; message: MessageKey }
export type Outcome<T = object> = ({ ok: true } & T) | Refusal

const memberColumns = {
	id: memberships.id,
	userId: memberships.userId,
	name: users.name,
	email: users.email,
	role: memberships.role,
	createdAt: memberships.createdAt,
}

export async function listMembers(scope: WorkspaceScope): Promise<Member[]> {
	return database()
		.select(memberColumns)
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(scope.where(memberships))
		.orderBy(asc(memberships.createdAt), asc(users.name))
}

/** The member of this workspace with this membership id, or null (also when it belongs to another). */
export async function findMember(
	scope: WorkspaceScope,
	memberId: string,
	tx: Tx | undefined = undefined,
) {
	const rows = await (tx ?? database())
		.select(memberColumns)
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(scope.where(memberships, eq(memberships.id, memberId)))
	return rows[0] ?? null
}

async function ownerCount(tx: Tx, scope: WorkspaceScope): Promise<number> {
	const [row] = await tx
		.select({ value: count() })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.role, 'owner')))
	return row?.value ?? 0
}

/**
 * Who may do what to whom: only owners touch owners or make owners, and the last owner stays.
 * Pure, so the rules read in one place; the callers run it inside the write transaction.
 */
export function checkRoleChange(
	actorRole: Role,
	target: { role: Role },
	newRole: Role | null,
	owners: number,
): Refusal | null {
	const ownerOnly = target.role === 'owner' || newRole === 'owner'
	if (ownerOnly && actorRole !== 'owner')
		return { ok: false, status: 403, message: 'member.error.ownerOnly' }
	if (target.role === 'owner' && newRole !== 'owner' && owners <= 1)
		return { ok: false, status: 409, message: 'member.error.lastOwner' }
	return null
}

const notFound: Refusal = { ok: false, status: 404, message: 'member.error.notFound' }

export async function changeRole(
	scope: WorkspaceScope,
	memberId: string,
	role: Role,
	ip: string,
): Promise<Outcome<{ member: Member; changed: boolean }>> {
	return database().transaction(async (tx) => {
		const member = await findMember(scope, memberId, tx)
		if (!member) return notFound
		const refusal = checkRoleChange(scope.role, member, role, await ownerCount(tx, scope))
		if (refusal) return refusal
		if (member.role === role) return { ok: true, member, changed: false }
		await tx
			.update(memberships)
			.set({ role })
			.where(scope.where(memberships, eq(memberships.id, member.id)))
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'member.role_changed',
			targetType: 'user',
			targetId: member.userId,
			detail: { name: member.name, email: member.email, from: member.role, to: role },
			ip,
		})
		return { ok: true, member: { ...member, role }, changed: true }
	})
}

export async function removeMember(
	scope: WorkspaceScope,
	memberId: string,
	ip: string,
): Promise<Outcome<{ member: Member }>> {
	return database().transaction(async (tx) => {
		const member = await findMember(scope, memberId, tx)
		if (!member) return notFound
		if (member.userId === scope.user.id)
			return { ok: false, status: 409, message: 'member.error.removeSelf' }
		const refusal = checkRoleChange(scope.role, member, null, await ownerCount(tx, scope))
		if (refusal) return refusal
		await tx.delete(memberships).where(scope.where(memberships, eq(memberships.id, member.id)))
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'member.removed',
			targetType: 'user',
			targetId: member.userId,
			detail: { name: member.name, email: member.email, role: member.role },
			ip,
		})
		return { ok: true, member }
	})
}

/** The signed-in member leaves; the last owner may not. */
export async function leaveWorkspace(scope: WorkspaceScope, ip: string): Promise<Outcome> {
	return database().transaction(async (tx) => {
		const [membership] = await tx
			.select({ id: memberships.id, role: memberships.role })
			.from(memberships)
			.where(scope.where(memberships, eq(memberships.userId, scope.user.id)))
		if (!membership) return notFound
		if (membership.role === 'owner' && (await ownerCount(tx, scope)) <= 1)
			return { ok: false, status: 409, message: 'member.error.lastOwner' }
		await tx
			.delete(memberships)
			.where(
				scope.where(
					memberships,
					and(eq(memberships.id, membership.id), eq(memberships.userId, scope.user.id)),
				),
			)
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'member.left',
			targetType: 'user',
			targetId: scope.user.id,
			detail: { name: scope.user.name, email: scope.user.email, role: membership.role },
			ip,
		})
		return { ok: true }
	})
}
