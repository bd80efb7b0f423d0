import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { createElement } from 'react'
import { invitations, memberships, users, workspaces, type Role } from '#db/schema/index.ts'
import { Invitation, invitationSubject } from '#emails/invitation.tsx'
import { type Locale } from '#app/i18n/i18n.ts'
import { translator } from '#app/i18n/translator.ts'
import { database } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { hashToken, newToken } from '#app/utils/tokens.server.ts'
import { recordAudit, type Tx } from './audit.server.ts'
import { sendEmail } from './email.server.ts'
import type { Outcome, Refusal } from './members.server.ts'
import type { WorkspaceScope } from './workspace-scope.server.ts'

export const INVITATION_DAYS = 7

export type InvitationState = 'pending' | 'expired' | 'revoked' | 'accepted'

export function invitationState(
	invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null },
	now = new Date(),
): InvitationState {
	if (invitation.acceptedAt) return 'accepted'
	if (invitation.revokedAt) return 'revoked'
	if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired'
	return 'pending'
}

export type PendingInvitation = {
	id: string
	email: string
	role: Role
	expiresAt: Date
	createdAt: Date
	inviterName: string | null
	expired: boolean
}

/** Invitations not yet accepted or revoked, newest first; expired ones stay listed so they can be resent. */
export async function listOpenInvitations(scope: WorkspaceScope): Promise<PendingInvitation[]> {
	const now = Date.now()
	const rows = await database()
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			expiresAt: invitations.expiresAt,
			createdAt: invitations.createdAt,
			inviterName: users.name,
		})
		.from(invitations)
		.leftJoin(users, eq(users.id, invitations.invitedBy))
		.where(scope.where(invitations, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
		.orderBy(desc(invitations.createdAt))
	return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now }))
}

function expiry(): Date {
	return new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000)
}

function invitationUrl(token: string): string {
	return new URL(`/invitations/${token}`, env().APP_URL).toString()
}

const ownerOnly: Refusal = { ok: false, status: 403, message: 'member.error.ownerOnly' }
const invitationNotFound: Refusal = {
	ok: false,
	status: 404,
	message: 'member.error.invitationNotFound',
}
const invitationClosed: Refusal = {
	ok: false,
	status: 409,
	message: 'member.error.invitationClosed',
}

type Sent = { email: string; emailSent: boolean }

/**
 * Invites an address with a role: a fresh token (only its hash is kept), valid for seven days,
 * emailed after the invitation is committed. The email's language is the inviter's.
 */
export async function createInvitation(
	scope: WorkspaceScope,
	input: { email: string; role: Role },
	{ ip, locale }: { ip: string; locale: Locale },
): Promise<Outcome<Sent>> {
	if (input.role === 'owner' && scope.role !== 'owner') return ownerOnly
	const email = input.email.toLowerCase()
	const { token, hash } = newToken()
	const expiresAt = expiry()
	const created = await database().transaction(async (tx): Promise<Outcome> => {
		const existing = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(scope.where(memberships, eq(users.email, email)))
		if (existing.length) return { ok: false, status: 409, message: 'invite.error.member' }
		const pending = await tx
			.select({ id: invitations.id })
			.from(invitations)
			.where(
				scope.where(
					invitations,
					eq(invitations.email, email),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt),
					gt(invitations.expiresAt, new Date()),
				),
			)
		if (pending.length) return { ok: false, status: 409, message: 'invite.error.pending' }
		const [row] = await tx
			.insert(invitations)
			.values({
				workspaceId: scope.workspace.id,
				email,
				role: input.role,
				tokenHash: hash,
				invitedBy: scope.user.id,
				expiresAt,
			})
			.returning({ id: invitations.id })
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'invitation.created',
			targetType: 'invitation',
			targetId: row!.id,
			detail: { email, role: input.role },
			ip,
		})
		return { ok: true }
	})
	if (!created.ok) return created
	const emailSent = await deliver(scope, { email, role: input.role, token, expiresAt, locale })
	return { ok: true, email, emailSent }
}

async function openInvitation(tx: Tx, scope: WorkspaceScope, invitationId: string) {
	const [invitation] = await tx
		.select()
		.from(invitations)
		.where(scope.where(invitations, eq(invitations.id, invitationId)))
	if (!invitation) return invitationNotFound
	if (invitation.acceptedAt || invitation.revokedAt) return invitationClosed
	if (invitation.role === 'owner' && scope.role !== 'owner') return ownerOnly
	return { ok: true as const, invitation }
}

export async function revokeInvitation(
	scope: WorkspaceScope,
	invitationId: string,
	ip: string,
): Promise<Outcome<{ email: string }>> {
	return database().transaction(async (tx) => {
		const open = await openInvitation(tx, scope, invitationId)
		if (!open.ok) return open
		const { invitation } = open
		await tx
			.update(invitations)
			.set({ revokedAt: new Date() })
			.where(scope.where(invitations, eq(invitations.id, invitation.id)))
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'invitation.revoked',
			targetType: 'invitation',
			targetId: invitation.id,
			detail: { email: invitation.email, role: invitation.role },
			ip,
		})
		return { ok: true, email: invitation.email }
	})
}

/** Sends the invitation again with a new token (the old link stops working) and a new seven-day expiry. */
export async function resendInvitation(
	scope: WorkspaceScope,
	invitationId: string,
	{ ip, locale }: { ip: string; locale: Locale },
): Promise<Outcome<Sent>> {
	const { token, hash } = newToken()
	const expiresAt = expiry()
	const renewed = await database().transaction(async (tx) => {
		const open = await openInvitation(tx, scope, invitationId)
		if (!open.ok) return open
		const { invitation } = open
		await tx
			.update(invitations)
			.set({ tokenHash: hash, expiresAt })
			.where(scope.where(invitations, eq(invitations.id, invitation.id)))
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'invitation.resent',
			targetType: 'invitation',
			targetId: invitation.id,
			detail: { email: invitation.email, role: invitation.role },
			ip,
		})
		return { ok: true as const, invitation }
	})
	if (!renewed.ok) return renewed
	const { email, role } = renewed.invitation
	const emailSent = await deliver(scope, { email, role, token, expiresAt, locale })
	return { ok: true, email, emailSent }
}

/** Emails the link; a failed delivery is reported (the invitation stands and can be resent), never thrown. */
async function deliver(
	scope: WorkspaceScope,
	invitation: { email: string; role: Role; token: string; expiresAt: Date; locale: Locale },
): Promise<boolean> {
	const props = {
		inviterName: scope.user.name,
		workspaceName: scope.workspace.name,
		roleName: translator(invitation.locale)(`workspace.role.${invitation.role}`),
		url: invitationUrl(invitation.token),
		expiresAt: invitation.expiresAt,
		locale: invitation.locale,
	}
	const result = await sendEmail({
		to: invitation.email,
		subject: invitationSubject(props),
		template: createElement(Invitation, props),
	})
	return result.status !== 'failed'
}

export type InvitationView = {
	id: string
	email: string
	role: Role
	expiresAt: Date
	workspaceId: string
	workspaceName: string
	inviterName: string | null
	state: InvitationState
}

/**
 * The invitation behind a link. Found by the token's hash, not through a workspace scope: holding
 * the token is what lets a not-yet-member see which workspace invited them.
 */
export async function findInvitationByToken(token: string): Promise<InvitationView | null> {
	const rows = await database()
		.select({
			id: invitations.id,
			email: invitations.email,
			role: invitations.role,
			expiresAt: invitations.expiresAt,
			acceptedAt: invitations.acceptedAt,
			revokedAt: invitations.revokedAt,
			workspaceId: invitations.workspaceId,
			workspaceName: workspaces.name,
			inviterName: users.name,
		})
		.from(invitations)
		.innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
		.leftJoin(users, eq(users.id, invitations.invitedBy))
		.where(eq(invitations.tokenHash, hashToken(token)))
	const row = rows[0]
	if (!row) return null
	const { acceptedAt: _acceptedAt, revokedAt: _revokedAt, ...view } = row
	return { ...view, state: invitationState(row) }
}

export async function isMember(userId: string, workspaceId: string): Promise<boolean> {
	const rows = await database()
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
	return rows.length > 0
}

export type AcceptRefusal =
	| { ok: false; reason: 'invalid' | 'expired' | 'revoked' | 'accepted' | 'wrongEmail' }
	| { ok: false; reason: 'alreadyMember'; workspaceId: string }

/**
 * Joins the workspace with the invited role. Only the account whose email was invited may accept,
 * and only once: the state is re-read inside the write transaction, so two tabs cannot both join.
 */
export async function acceptInvitation(
	user: { id: string; email: string; name: string },
	token: string,
	ip: string,
): Promise<{ ok: true; workspaceId: string } | AcceptRefusal> {
	return database().transaction(async (tx) => {
		const [invitation] = await tx
			.select()
			.from(invitations)
			.where(eq(invitations.tokenHash, hashToken(token)))
		if (!invitation) return { ok: false, reason: 'invalid' }
		const state = invitationState(invitation)
		if (state !== 'pending') return { ok: false, reason: state }
		if (invitation.email !== user.email.toLowerCase()) return { ok: false, reason: 'wrongEmail' }
		const { workspaceId } = invitation
		const existing = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, user.id)))
		if (existing.length) return { ok: false, reason: 'alreadyMember', workspaceId }
		await tx.insert(memberships).values({ workspaceId, userId: user.id, role: invitation.role })
		await tx
			.update(invitations)
			.set({ acceptedAt: new Date() })
			.where(and(eq(invitations.id, invitation.id), eq(invitations.workspaceId, workspaceId)))
		await recordAudit(tx, {
			workspaceId,
			actorUserId: user.id,
			action: 'invitation.accepted',
			targetType: 'invitation',
			targetId: invitation.id,
			detail: { email: invitation.email, role: invitation.role, name: user.name },
			ip,
		})
		return { ok: true, workspaceId }
	})
}
