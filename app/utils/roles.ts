import type { Role } from '#db/schema/workspaces.ts'

// requireWorkspace's order, in a module the browser bundle may import (the schema module may not be).
const RANK: Record<Role, number> = { viewer: 0, assessor: 1, admin: 2, owner: 3 }

/** Highest first, the order roles are offered in. */
export const ROLE_ORDER = [
	'owner',
	'admin',
	'assessor',
	'viewer',
] as const satisfies readonly Role[]

export function hasRole(role: Role, minimum: Role): boolean {
	return RANK[role] >= RANK[minimum]
}

export type { Role }

/** Roles a member may hand out, when inviting or changing a role: only owners make owners. */
export function assignableRoles(actorRole: Role): Role[] {
	return ROLE_ORDER.filter((role) => role !== 'owner' || actorRole === 'owner')
}
