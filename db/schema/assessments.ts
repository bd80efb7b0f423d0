import { relations } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ScoreResult } from '#app/domain/scoring/types.ts'
import { users } from './accounts.ts'
import { createdAt, id } from './columns.ts'
import { workspaces } from './workspaces.ts'

const workspaceId = () =>
	text('workspace_id')
		.notNull()
		.references(() => workspaces.id, { onDelete: 'cascade' })

const assessmentId = () =>
	text('assessment_id')
		.notNull()
		.references(() => assessments.id, { onDelete: 'cascade' })

const updatedAt = () =>
	integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date())

/** One self-assessment of a workspace against one scheme for one period. */
export const assessments = sqliteTable(
	'assessments',
	{
		id: id(),
		workspaceId: workspaceId(),
		schemeId: text('scheme_id').notNull(),
		/** the scheme data version answered against; a submitted result never changes with the data */
		schemeVersion: text('scheme_version').notNull(),
		title: text('title').notNull(),
		period: text('period').notNull(),
		scopeSites: text('scope_sites').notNull().default(''),
		scopeProducts: text('scope_products').notNull().default(''),
		scopeNotes: text('scope_notes').notNull().default(''),
		status: text('status', { enum: ['in_progress', 'submitted'] })
			.notNull()
			.default('in_progress'),
		copiedFromId: text('copied_from_id'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
		/** the result as scored at submission: the immutable record */
		submittedResult: text('submitted_result', { mode: 'json' }).$type<ScoreResult>(),
		/**
		 * Counts every change to the assessment's answers, DNI ratings and special items. Database
		 * triggers keep it (migration 0003), so no write path can forget it: a score computed at a
		 * revision stays right for as long as the revision is the same (answer-snapshot.server.ts).
		 */
		revision: integer('revision').notNull().default(0),
	},
	(t) => [index('assessments_workspace_idx').on(t.workspaceId, t.schemeId, t.period)],
)

/**
 * The answer to one indicator. `value` holds the v1 answer shape without note/evidence
 * ({"fraction"}, {"samples"}, {"checks"}, {"na", "reason"}); DNI percentages live per assessor in
 * assessor_ratings, except those a v1 import stored here as {"percent"}: nobody's, kept by
 * members' saves until an owner or admin removes them. `version` increases with every save: a save
 * names the version it started from, and a newer one on the server is a conflict (409), never
 * silently overwritten.
 */
export const answers = sqliteTable(
	'answers',
	{
		id: id(),
		workspaceId: workspaceId(),
		assessmentId: assessmentId(),
		indicatorId: text('indicator_id').notNull(),
		value: text('value', { mode: 'json' }).$type<Record<string, unknown> | null>(),
		note: text('note').notNull().default(''),
		/** "to_review" after copying from an earlier assessment with statuses reset */
		status: text('status', { enum: ['answered', 'to_review'] })
			.notNull()
			.default('answered'),
		version: integer('version').notNull().default(1),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: updatedAt(),
	},
	(t) => [uniqueIndex('answers_assessment_indicator_idx').on(t.assessmentId, t.indicatorId)],
)

/** DNI: each assessor's own maturity percentage; the indicator scores the mean (seed 001 §6.1.4). */
export const assessorRatings = sqliteTable(
	'assessor_ratings',
	{
		id: id(),
		workspaceId: workspaceId(),
		assessmentId: assessmentId(),
		indicatorId: text('indicator_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** decimal text, exact (e.g. "72.5") */
		percent: text('percent').notNull(),
		version: integer('version').notNull().default(1),
		updatedAt: updatedAt(),
	},
	(t) => [uniqueIndex('ratings_unique_idx').on(t.assessmentId, t.indicatorId, t.userId)],
)

/** 特别扣分项 and 特别加分项 (at most one bonus per assessment). */
export const specialItems = sqliteTable(
	'special_items',
	{
		id: id(),
		workspaceId: workspaceId(),
		assessmentId: assessmentId(),
		kind: text('kind', { enum: ['deduction', 'bonus'] }).notNull(),
		/** deduction: what was found; bonus: the justification */
		description: text('description').notNull(),
		correctiveAction: text('corrective_action').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
	},
	(t) => [index('special_items_assessment_idx').on(t.assessmentId)],
)

/** Who answers what: a whole section or a single indicator. */
export const assignments = sqliteTable(
	'assignments',
	{
		id: id(),
		workspaceId: workspaceId(),
		assessmentId: assessmentId(),
		targetType: text('target_type', { enum: ['section', 'indicator'] }).notNull(),
		targetId: text('target_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex('assignments_target_idx').on(t.assessmentId, t.targetType, t.targetId)],
)

export const comments = sqliteTable(
	'comments',
	{
		id: id(),
		workspaceId: workspaceId(),
		assessmentId: assessmentId(),
		indicatorId: text('indicator_id').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: createdAt(),
	},
	(t) => [index('comments_indicator_idx').on(t.assessmentId, t.indicatorId)],
)

/** Evidence files: stored under a generated name outside the web root; removal is soft and audited. */
export const evidence = sqliteTable(
	'evidence',
	{
		id: id(),
		workspaceId: workspaceId(),
		assessmentId: assessmentId(),
		indicatorId: text('indicator_id').notNull(),
		originalName: text('original_name').notNull(),
		storedName: text('stored_name').notNull().unique(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
	},
	(t) => [index('evidence_indicator_idx').on(t.assessmentId, t.indicatorId)],
)

export const assessmentsRelations = relations(assessments, ({ many, one }) => ({
	workspace: one(workspaces, { fields: [assessments.workspaceId], references: [workspaces.id] }),
	answers: many(answers),
	ratings: many(assessorRatings),
	specialItems: many(specialItems),
	assignments: many(assignments),
	evidence: many(evidence),
}))

export const answersRelations = relations(answers, ({ one }) => ({
	assessment: one(assessments, { fields: [answers.assessmentId], references: [assessments.id] }),
}))
export const assessorRatingsRelations = relations(assessorRatings, ({ one }) => ({
	assessment: one(assessments, {
		fields: [assessorRatings.assessmentId],
		references: [assessments.id],
	}),
}))
export const specialItemsRelations = relations(specialItems, ({ one }) => ({
	assessment: one(assessments, {
		fields: [specialItems.assessmentId],
		references: [assessments.id],
	}),
}))
export const assignmentsRelations = relations(assignments, ({ one }) => ({
	assessment: one(assessments, {
		fields: [assignments.assessmentId],
		references: [assessments.id],
	}),
}))
export const evidenceRelations = relations(evidence, ({ one }) => ({
	assessment: one(assessments, { fields: [evidence.assessmentId], references: [assessments.id] }),
}))
