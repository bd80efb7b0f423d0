import { count, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { auditLog, memberships, users, workspaces, type Role } from '#db/schema/index.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import { database } from '#app/utils/db.server.ts'
import { text } from '#app/utils/forms.server.ts'
import { recordAudit } from './audit.server.ts'
import type { WorkspaceScope } from './workspace-scope.server.ts'

/** The company details form, shared by "create workspace" and "edit details". */
export const WorkspaceDetailsSchema = z.object({
	name: text(100),
	industry: z.string().trim().max(100),
	productCategories: z.string().trim().max(500),
	sites: z.string().trim().max(500),
})

export type WorkspaceDetails = z.infer<typeof WorkspaceDetailsSchema>

const DETAIL_FIELDS = ['name', 'industry', 'productCategories', 'sites'] as const

export type WorkspaceSummary = {
	id: string
	name: string
	industry: string
	role: Role
	memberCount: number
	createdAt: Date
}

/**
 * Every workspace the user belongs to: a consultant's portfolio, sorted by name the way the reader
 * sorts (pinyin in Chinese). Scoped by the user's own memberships rather than one workspace, so this
 * is the one query that spans workspaces.
 */
export async function listUserWorkspaces(
	userId: string,
	locale: Locale,
): Promise<WorkspaceSummary[]> {
	// the inner "memberships" shadows the outer one, so this counts the members of each listed workspace
	const memberCount = database().$count(memberships, eq(memberships.workspaceId, workspaces.id))
	const rows = await database()
		.select({
			id: workspaces.id,
			name: workspaces.name,
			industry: workspaces.industry,
			role: memberships.role,
			memberCount,
			createdAt: workspaces.createdAt,
		})
		.from(memberships)
		.innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
		.where(eq(memberships.userId, userId))
	const collator = new Intl.Collator(locale)
	return rows.sort(
		(a, b) => collator.compare(a.name, b.name) || a.createdAt.getTime() - b.createdAt.getTime(),
	)
}

/** Creates a workspace with its creator as the owner. */
export async function createWorkspace(
	user: { id: string },
	details: WorkspaceDetails,
	ip: string,
): Promise<{ id: string }> {
	return database().transaction(async (tx) => {
		const [workspace] = await tx
			.insert(workspaces)
			.values({ ...details, createdBy: user.id })
			.returning({ id: workspaces.id })
		const workspaceId = workspace!.id
		await tx.insert(memberships).values({ workspaceId, userId: user.id, role: 'owner' })
		await recordAudit(tx, {
			workspaceId,
			actorUserId: user.id,
			action: 'workspace.created',
			targetType: 'workspace',
			targetId: workspaceId,
			detail: { name: details.name },
			ip,
		})
		return { id: workspaceId }
	})
}

/** Saves the changed details; returns the names of the fields that changed (none: nothing written). */
export async function updateWorkspace(
	scope: WorkspaceScope,
	details: WorkspaceDetails,
	ip: string,
): Promise<string[]> {
	return database().transaction(async (tx) => {
		const [current] = await tx
			.select()
			.from(workspaces)
			.where(eq(workspaces.id, scope.workspace.id))
		if (!current) return []
		const changed = DETAIL_FIELDS.filter((field) => current[field] !== details[field])
		if (changed.length === 0) return []
		await tx.update(workspaces).set(details).where(eq(workspaces.id, scope.workspace.id))
		await recordAudit(tx, {
			workspaceId: scope.workspace.id,
			actorUserId: scope.user.id,
			action: 'workspace.updated',
			targetType: 'workspace',
			targetId: scope.workspace.id,
			detail: {
				fields: changed,
				before: Object.fromEntries(changed.map((f) => [f, current[f]])),
				after: Object.fromEntries(changed.map((f) => [f, details[f]])),
			},
			ip,
		})
		return changed
	})
}

export async function countMembers(scope: WorkspaceScope): Promise<number> {
	const [row] = await database()
		.select({ value: count() })
		.from(memberships)
		.where(scope.where(memberships))
	return row?.value ?? 0
}

export type AuditRow = {
	id: string
	action: string
	actorName: string | null
	detail: Record<string, unknown> | null
	ip: string | null
	createdAt: Date
}

/** One page of the workspace's audit log, newest first. */
export async function auditPage(
	scope: WorkspaceScope,
	{ page, pageSize }: { page: number; pageSize: number },
): Promise<{ rows: AuditRow[]; total: number }> {
	const [total] = await database()
		.select({ value: count() })
		.from(auditLog)
		.where(scope.where(auditLog))
	const rows = await database()
		.select({
			id: auditLog.id,
			action: auditLog.action,
			actorName: users.name,
			detail: auditLog.detail,
			ip: auditLog.ip,
			createdAt: auditLog.createdAt,
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorUserId))
		.where(scope.where(auditLog))
		// ids are random, so insertion order (rowid) breaks ties between rows of the same millisecond
		.orderBy(desc(auditLog.createdAt), desc(sql`${auditLog}.rowid`))
		.limit(pageSize)
		.offset((page - 1) * pageSize)
	return { rows, total: total?.value ?? 0 }
}
