import { relations } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts.ts'
import { createdAt, id } from './columns.ts'

export const ROLES = ['owner', 'admin', 'assessor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** A workspace is one organisation (the company being assessed). */
export const workspaces = sqliteTable('workspaces', {
	id: id(),
	name: text('name').notNull(),
	industry: text('industry').notNull().default(''),
	productCategories: text('product_categories').notNull().default(''),
	sites: text('sites').notNull().default(''),
	createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
})

export const memberships = sqliteTable(
	'memberships',
	{
		id: id(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex('memberships_workspace_user_idx').on(t.workspaceId, t.userId),
		index('memberships_user_idx').on(t.userId),
	],
)

export const invitations = sqliteTable(
	'invitations',
	{
		id: id(),
		workspaceId: text('workspace_id')
			.notNull()
			.references(() => workspaces.id, { onDelete: 'cascade' }),
		/** stored lower-cased */
		email: text('email').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('invitations_workspace_idx').on(t.workspaceId)],
)

export const workspacesRelations = relations(workspaces, ({ many }) => ({
	memberships: many(memberships),
	invitations: many(invitations),
}))

export const membershipsRelations = relations(memberships, ({ one }) => ({
	workspace: one(workspaces, { fields: [memberships.workspaceId], references: [workspaces.id] }),
	user: one(users, { fields: [memberships.userId], references: [users.id] }),
}))

export const invitationsRelations = relations(invitations, ({ one }) => ({
	workspace: one(workspaces, { fields: [invitations.workspaceId], references: [workspaces.id] }),
}))
