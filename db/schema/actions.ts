import { relations } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts.ts'
import { assessments } from './assessments.ts'
import { createdAt, id } from './columns.ts'
import { workspaces } from './workspaces.ts'

export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const
export const ACTION_REMINDER_KINDS = ['due-soon', 'overdue'] as const
export type ActionPriority = (typeof ACTION_PRIORITIES)[number]
export type ActionStatus = (typeof ACTION_STATUSES)[number]
export type ActionReminderKind = (typeof ACTION_REMINDER_KINDS)[number]

const workspaceId = () =>
	text('workspace_id')
		.notNull()
		.references(() => workspaces.id, { onDelete: 'cascade' })

const actionId = () =>
	text('action_id')
		.notNull()
		.references(() => improvementActions.id, { onDelete: 'cascade' })

/**
 * An improvement action: from gaps of an assessment (linked indicators) or free (no assessment).
 * `dueDate` is a calendar date ("2026-03-15") in China, so no time zone moves a deadline by a day.
 */
export const improvementActions = sqliteTable(
	'improvement_actions',
	{
		id: id(),
		workspaceId: workspaceId(),
		assessmentId: text('assessment_id').references(() => assessments.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** a member; null only once that user's account is gone */
		ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
		dueDate: text('due_date'),
		priority: text('priority', { enum: ACTION_PRIORITIES }).notNull().default('medium'),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.$defaultFn(() => new Date()),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		index('actions_workspace_idx').on(t.workspaceId, t.status, t.dueDate),
		index('actions_assessment_idx').on(t.assessmentId),
		index('actions_owner_idx').on(t.ownerUserId),
	],
)

/** The indicators (of the action's assessment's scheme) an action closes the gap of. */
export const actionIndicators = sqliteTable(
	'action_indicators',
	{
		id: id(),
		workspaceId: workspaceId(),
		actionId: actionId(),
		indicatorId: text('indicator_id').notNull(),
	},
	(t) => [uniqueIndex('action_indicators_unique_idx').on(t.actionId, t.indicatorId)],
)

export const actionComments = sqliteTable(
	'action_comments',
	{
		id: id(),
		workspaceId: workspaceId(),
		actionId: actionId(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('action_comments_action_idx').on(t.actionId, t.createdAt)],
)

/** Files proving an action was carried out: stored as assessment evidence is (evidence.server.ts). */
export const actionEvidence = sqliteTable(
	'action_evidence',
	{
		id: id(),
		workspaceId: workspaceId(),
		actionId: actionId(),
		originalName: text('original_name').notNull(),
		storedName: text('stored_name').notNull().unique(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
	},
	(t) => [index('action_evidence_action_idx').on(t.actionId)],
)

/**
 * One row per reminder ever claimed: the unique key is what keeps a job run twice (or two at
 * once) from emailing the same reminder twice. Claimed first, then sent, then marked.
 */
export const actionReminders = sqliteTable(
	'action_reminders',
	{
		id: id(),
		workspaceId: workspaceId(),
		actionId: actionId(),
		kind: text('kind', { enum: ACTION_REMINDER_KINDS }).notNull(),
		/** the due date the reminder was about */
		dueDate: text('due_date').notNull(),
		recipientUserId: text('recipient_user_id').references(() => users.id, {
			onDelete: 'set null',
		}),
		emailId: text('email_id'),
		status: text('status', { enum: ['claimed', 'outbox', 'sent', 'failed'] })
			.notNull()
			.default('claimed'),
		error: text('error'),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('action_reminders_unique_idx').on(t.actionId, t.kind)],
)

/** The annual self-review reminder to a workspace's owners and admins, once per due date. */
export const selfReviewReminders = sqliteTable(
	'self_review_reminders',
	{
		id: id(),
		workspaceId: workspaceId(),
		schemeId: text('scheme_id').notNull(),
		dueDate: text('due_date').notNull(),
		/** how many owners and admins it went to, and how many of those emails failed */
		recipients: integer('recipients').notNull().default(0),
		failed: integer('failed').notNull().default(0),
		status: text('status', { enum: ['claimed', 'done'] })
			.notNull()
			.default('claimed'),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('self_review_reminders_unique_idx').on(t.workspaceId, t.schemeId, t.dueDate)],
)

export const improvementActionsRelations = relations(improvementActions, ({ many, one }) => ({
	workspace: one(workspaces, {
		fields: [improvementActions.workspaceId],
		references: [workspaces.id],
	}),
	assessment: one(assessments, {
		fields: [improvementActions.assessmentId],
		references: [assessments.id],
	}),
	indicators: many(actionIndicators),
	comments: many(actionComments),
	evidence: many(actionEvidence),
	reminders: many(actionReminders),
}))

export const actionIndicatorsRelations = relations(actionIndicators, ({ one }) => ({
	action: one(improvementActions, {
		fields: [actionIndicators.actionId],
		references: [improvementActions.id],
	}),
}))
export const actionCommentsRelations = relations(actionComments, ({ one }) => ({
	action: one(improvementActions, {
		fields: [actionComments.actionId],
		references: [improvementActions.id],
	}),
}))
export const actionEvidenceRelations = relations(actionEvidence, ({ one }) => ({
	action: one(improvementActions, {
		fields: [actionEvidence.actionId],
		references: [improvementActions.id],
	}),
}))
export const actionRemindersRelations = relations(actionReminders, ({ one }) => ({
	action: one(improvementActions, {
		fields: [actionReminders.actionId],
		references: [improvementActions.id],
	}),
}))
