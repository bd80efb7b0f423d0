import { relations } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, id } from './columns.ts'

export const users = sqliteTable('users', {
	id: id(),
	/** stored lower-cased */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
	locale: text('locale', { enum: ['zh-CN', 'en'] })
		.notNull()
		.default('zh-CN'),
	createdAt: createdAt(),
})

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		ip: text('ip'),
		userAgent: text('user_agent'),
		createdAt: createdAt(),
	},
	(t) => [index('sessions_user_idx').on(t.userId)],
)

/** Single-use expiring tokens sent by email (verification, password reset). */
export const userTokens = sqliteTable(
	'user_tokens',
	{
		id: id(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text('purpose', { enum: ['verify-email', 'reset-password'] }).notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
	},
	(t) => [index('user_tokens_user_idx').on(t.userId, t.purpose)],
)

/** Fixed-window counters for rate limits, keyed by action and client address. */
export const rateLimits = sqliteTable('rate_limits', {
	key: text('key').primaryKey(),
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
	count: integer('count').notNull(),
})

export const usersRelations = relations(users, ({ many }) => ({
	sessions: many(sessions),
}))

export const sessionsRelations = relations(sessions, ({ one }) => ({
	user: one(users, { fields: [sessions.userId], references: [users.id] }),
}))
