import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts.ts'
import { createdAt, id } from './columns.ts'
import { workspaces } from './workspaces.ts'

/** One row per state change, written in the same transaction as the change. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: id(),
		/** null for account-level events (sign-up, password reset) */
		workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
		actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
		/** dotted verb, e.g. "member.role_changed" */
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id').notNull(),
		/** JSON with the before/after values that matter */
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
		ip: text('ip'),
		createdAt: createdAt(),
	},
	(t) => [index('audit_workspace_idx').on(t.workspaceId, t.createdAt)],
)
