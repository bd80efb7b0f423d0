import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, id } from './columns.ts'

/**
 * Every email the portal sends: kept as the local outbox when no RESEND_API_KEY is set
 * (development and tests), and as a record with the provider's id when it is.
 */
export const emailOutbox = sqliteTable('email_outbox', {
	id: id(),
	to: text('to').notNull(),
	subject: text('subject').notNull(),
	html: text('html').notNull(),
	text: text('text').notNull(),
	template: text('template').notNull(),
	status: text('status', { enum: ['outbox', 'sent', 'failed'] }).notNull(),
	providerId: text('provider_id'),
	error: text('error'),
	createdAt: createdAt(),
})
