import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { memberships, workspaces, type Role } from '#db/schema/index.ts'
import { preparedQuery } from '#app/utils/db.server.ts'
import { invariantForbidden, invariantNotFound } from '#app/utils/http.server.ts'
import { requireUser, type SessionUser } from '#app/utils/session.server.ts'

/** A table owned by a workspace: it carries the workspace id. */
export type TenantTable = SQLiteTable & { workspaceId: SQLiteColumn }

const ROLE_RANK: Record<Role, number> = { viewer: 0, assessor: 1, admin: 2, owner: 3 }

export function roleAtLeast(role: Role, minimum: Role): boolean {
	return ROLE_RANK[role] >= ROLE_RANK[minimum]
}

/**
 * The one place that scopes tenant data. Obtained only through requireWorkspace(), so holding a
 * WorkspaceScope proves the user is a member; every tenant query builds its WHERE with `where()`,
 * which always includes the workspace id.
 */
export type WorkspaceScope = {
	user: SessionUser
	workspace: typeof workspaces.$inferSelect
	role: Role
	where: <T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]) => SQL
	/** the values of a prepared query built with `scopedPlaceholder`, with this workspace's id */
	bind: <P extends Record<string, unknown>>(values: P) => P & { workspaceId: string }
}

export function scopeTo(workspaceId: string) {
	return <T extends TenantTable>(table: T, ...conditions: (SQL | undefined)[]): SQL =>
		and(eq(table.workspaceId, workspaceId), ...conditions)!
}

/**
 * `where()` for a prepared query (preparedQuery): the workspace id is the `workspaceId`
 * placeholder, so the query can only be run with `scope.bind(values)`, which fills it.
 */
export function scopedPlaceholder<T extends TenantTable>(
	table: T,
	...conditions: (SQL | undefined)[]
): SQL {
	return and(eq(table.workspaceId, sql.placeholder('workspaceId')), ...conditions)!
}

const membershipOf = preparedQuery((db) =>
	db
		.select({ workspace: workspaces, role: memberships.role })
		.from(memberships)
		.innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
		.where(
			and(
				eq(memberships.workspaceId, sql.placeholder('workspaceId')),
				eq(memberships.userId, sql.placeholder('userId')),
			),
		)
		.prepare(),
)

/**
 * Requires a signed-in member of the workspace. Anyone else gets 404 — never a hint that the
 * workspace exists. With `minimumRole`, a member below it gets 403.
 */
export async function requireWorkspace(
	request: Request,
	workspaceId: string | undefined,
	minimumRole: Role = 'viewer',
): Promise<WorkspaceScope> {
	const user = await requireUser(request)
	invariantNotFound(workspaceId)
	const rows = await membershipOf().all({ workspaceId, userId: user.id })
	const row = rows[0]
	invariantNotFound(row)
	invariantForbidden(roleAtLeast(row.role, minimumRole))
	return {
		user,
		workspace: row.workspace,
		role: row.role,
		where: scopeTo(workspaceId),
		bind: (values) => ({ ...values, workspaceId }),
	}
}
