import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm'
import { createElement } from 'react'
import {
	actionReminders,
	assessments,
	improvementActions,
	memberships,
	selfReviewReminders,
	users,
	workspaces,
	type ActionReminderKind,
} from '#db/schema/index.ts'
import { ActionReminder, actionReminderSubject } from '#emails/action-reminder.tsx'
import { SelfReviewDue, selfReviewDueSubject } from '#emails/self-review-due.tsx'
import { calendarDate, selfReviewDue } from '#app/domain/gaps/index.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import { isLocale, type Locale } from '#app/i18n/i18n.ts'
import { ACTIVE_STATUSES, actionPath } from '#app/utils/actions.ts'
import { newAssessmentPath } from '#app/utils/assessment-paths.ts'
import { database } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { sendEmail, type SendEmailResult } from './email.server.ts'
import { scopeTo } from './workspace-scope.server.ts'

/** An action's owner hears from the job this many days before its due date, and once it is overdue. */
export const DUE_SOON_DAYS = 3
/** Owners and admins hear this many days before the annual self-review is due (or once overdue). */
export const SELF_REVIEW_SOON_DAYS = 30

export type ReminderReport = {
	/** the job's "today": the calendar date in China at `now` */
	today: string
	actions: { sent: number; failed: number }
	selfReviews: { reminders: number; sent: number; failed: number }
}

/** Whole days from one calendar date to another. */
function daysBetween(from: string, to: string): number {
	return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
}

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function localeOf(value: string): Locale {
	return isLocale(value) ? value : 'zh-CN'
}

function link(path: string): string {
	return new URL(path, env().APP_URL).toString()
}

const delivered = (result: SendEmailResult) => result.status !== 'failed'

/**
 * The scheduled job (`npm run reminders`): reminds owners of actions due within DUE_SOON_DAYS
 * ("due-soon") or overdue ("overdue"), and owners and admins of an annual self-review that is due.
 *
 * Each reminder is claimed before it is sent, by inserting its row under a unique key in a
 * transaction that also re-reads what the reminder is about; a run that loses the insert (run
 * twice, or two at once, in this process or another) sends nothing. The email goes out after
 * the claim commits, so a crash in between loses a reminder rather than sending one twice; a
 * provider failure is recorded on the claim (status "failed") and not retried.
 */
export async function runReminders(now: Date): Promise<ReminderReport> {
	const today = calendarDate(now)
	const actions = await remindActions(today)
	const selfReviews = await remindSelfReviews(today)
	return { today, actions, selfReviews }
}

async function remindActions(today: string): Promise<ReminderReport['actions']> {
	const db = database()
	// owners who are still members of the action's workspace; nobody else is emailed about it
	const candidates = await db
		.select({
			id: improvementActions.id,
			workspaceId: improvementActions.workspaceId,
			title: improvementActions.title,
			dueDate: improvementActions.dueDate,
			ownerUserId: improvementActions.ownerUserId,
			ownerName: users.name,
			ownerEmail: users.email,
			ownerLocale: users.locale,
			workspaceName: workspaces.name,
		})
		.from(improvementActions)
		.innerJoin(users, eq(users.id, improvementActions.ownerUserId))
		.innerJoin(
			memberships,
			and(
				eq(memberships.workspaceId, improvementActions.workspaceId),
				eq(memberships.userId, improvementActions.ownerUserId),
			),
		)
		.innerJoin(workspaces, eq(workspaces.id, improvementActions.workspaceId))
		.where(
			and(
				inArray(improvementActions.status, ACTIVE_STATUSES),
				isNotNull(improvementActions.dueDate),
				lte(improvementActions.dueDate, addDays(today, DUE_SOON_DAYS)),
			),
		)
	const tally = { sent: 0, failed: 0 }
	for (const candidate of candidates) {
		const dueDate = candidate.dueDate!
		const kind: ActionReminderKind = dueDate < today ? 'overdue' : 'due-soon'
		const claim = await claimActionReminder(candidate, kind, dueDate)
		if (!claim) continue
		const props = {
			name: candidate.ownerName,
			kind,
			title: candidate.title,
			workspaceName: candidate.workspaceName,
			dueDate,
			days: Math.abs(daysBetween(today, dueDate)),
			url: link(actionPath(candidate.workspaceId, candidate.id)),
			locale: localeOf(candidate.ownerLocale),
		}
		const result = await sendEmail({
			to: candidate.ownerEmail,
			subject: actionReminderSubject(props),
			template: createElement(ActionReminder, props),
		})
		await db
			.update(actionReminders)
			.set({
				status: result.status,
				emailId: result.id,
				error: result.status === 'failed' ? result.error : null,
			})
			.where(scopeTo(candidate.workspaceId)(actionReminders, eq(actionReminders.id, claim)))
		tally[delivered(result) ? 'sent' : 'failed']++
	}
	return tally
}

/** The claim's id, or null when it was already claimed or the action no longer qualifies. */
async function claimActionReminder(
	candidate: { id: string; workspaceId: string; ownerUserId: string | null },
	kind: ActionReminderKind,
	dueDate: string,
): Promise<string | null> {
	const where = scopeTo(candidate.workspaceId)
	return database().transaction(async (tx) => {
		// the scan read outside this transaction: the action may have been done, moved or reassigned since
		const [current] = await tx
			.select({
				status: improvementActions.status,
				dueDate: improvementActions.dueDate,
				ownerUserId: improvementActions.ownerUserId,
			})
			.from(improvementActions)
			.where(where(improvementActions, eq(improvementActions.id, candidate.id)))
		if (
			!current ||
			!(ACTIVE_STATUSES as readonly string[]).includes(current.status) ||
			current.dueDate !== dueDate ||
			current.ownerUserId !== candidate.ownerUserId
		)
			return null
		const id = crypto.randomUUID()
		const inserted = await tx
			.insert(actionReminders)
			.values({
				id,
				workspaceId: candidate.workspaceId,
				actionId: candidate.id,
				kind,
				dueDate,
				recipientUserId: candidate.ownerUserId,
			})
			.onConflictDoNothing({ target: [actionReminders.actionId, actionReminders.kind] })
		return inserted.rowsAffected === 1 ? id : null
	})
}

async function remindSelfReviews(today: string): Promise<ReminderReport['selfReviews']> {
	const db = database()
	const submitted = await db
		.select({
			workspaceId: assessments.workspaceId,
			schemeId: assessments.schemeId,
			submittedAt: assessments.submittedAt,
			workspaceName: workspaces.name,
		})
		.from(assessments)
		.innerJoin(workspaces, eq(workspaces.id, assessments.workspaceId))
		.where(and(eq(assessments.status, 'submitted'), isNotNull(assessments.submittedAt)))
	const groups = new Map<
		string,
		{ workspaceId: string; schemeId: string; workspaceName: string; dates: string[] }
	>()
	for (const row of submitted) {
		const key = `${row.workspaceId} ${row.schemeId}`
		const group = groups.get(key) ?? {
			workspaceId: row.workspaceId,
			schemeId: row.schemeId,
			workspaceName: row.workspaceName,
			dates: [],
		}
		group.dates.push(calendarDate(row.submittedAt!))
		groups.set(key, group)
	}
	const tally = { reminders: 0, sent: 0, failed: 0 }
	for (const group of groups.values()) {
		const scheme = getScheme(group.schemeId)
		const due = selfReviewDue(group.dates, today, SELF_REVIEW_SOON_DAYS)
		if (!scheme || !due || !(due.dueSoon || due.overdue)) continue
		const claim = await claimSelfReviewReminder(group, due.due)
		if (!claim) continue
		tally.reminders++
		const where = scopeTo(group.workspaceId)
		const recipients = await db
			.select({ name: users.name, email: users.email, locale: users.locale })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(where(memberships, inArray(memberships.role, ['owner', 'admin'])))
		let failed = 0
		for (const recipient of recipients) {
			const props = {
				name: recipient.name,
				workspaceName: group.workspaceName,
				schemeTitle: scheme.shortTitle,
				lastSubmitted: due.lastSubmitted,
				dueDate: due.due,
				daysLeft: due.daysLeft,
				url: link(newAssessmentPath(group.workspaceId, scheme.id)),
				locale: localeOf(recipient.locale),
			}
			const result = await sendEmail({
				to: recipient.email,
				subject: selfReviewDueSubject(props),
				template: createElement(SelfReviewDue, props),
			})
			if (delivered(result)) tally.sent++
			else failed++
		}
		tally.failed += failed
		await db
			.update(selfReviewReminders)
			.set({ status: 'done', recipients: recipients.length, failed })
			.where(where(selfReviewReminders, eq(selfReviewReminders.id, claim)))
	}
	return tally
}

async function claimSelfReviewReminder(
	group: { workspaceId: string; schemeId: string },
	dueDate: string,
): Promise<string | null> {
	const id = crypto.randomUUID()
	const inserted = await database()
		.insert(selfReviewReminders)
		.values({ id, workspaceId: group.workspaceId, schemeId: group.schemeId, dueDate })
		.onConflictDoNothing({
			target: [
				selfReviewReminders.workspaceId,
				selfReviewReminders.schemeId,
				selfReviewReminders.dueDate,
			],
		})
	return inserted.rowsAffected === 1 ? id : null
}
