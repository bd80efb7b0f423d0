import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
	actionReminders,
	assessments,
	emailOutbox,
	improvementActions,
	memberships,
	selfReviewReminders,
	users,
} from '#db/schema/index.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import { runReminders } from '#app/services/reminders.server.ts'
import { database } from '#app/utils/db.server.ts'
import { actionIn } from './actions-support.ts'
import { person, team } from './collaboration-support.ts'
import { createWorkspace } from './helpers.ts'

type Team = Awaited<ReturnType<typeof team>>
let t: Team
let workspaceId: string

/** 09:00 in China on that day: the job's "today" is that calendar date */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`)

async function emailsTo(email: string) {
	return database()
		.select()
		.from(emailOutbox)
		.where(eq(emailOutbox.to, email.toLowerCase()))
		.orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
}

async function allEmails() {
	return database()
		.select()
		.from(emailOutbox)
		.orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
}

async function remindersOf(actionId: string) {
	return database()
		.select()
		.from(actionReminders)
		.where(eq(actionReminders.actionId, actionId))
		.orderBy(asc(actionReminders.kind))
}

/** Emails the job sent during `run`. */
async function sentDuring(run: () => Promise<unknown>) {
	const before = new Set((await allEmails()).map((email) => email.id))
	await run()
	return (await allEmails()).filter((email) => !before.has(email.id))
}

beforeAll(async () => {
	t = await team()
	workspaceId = t.workspace.id
})

// the fake clock moves forward from test to test: what one test left open would be overdue in the next
afterEach(async () => {
	await database().update(improvementActions).set({ status: 'done' })
})

describe('action reminders', () => {
	test('due within 3 days and overdue, once each, to the owner; none before, none for done or cancelled', async () => {
		const owner = t.assessor.user
		const soon = await actionIn(workspaceId, {
			title: '完善备件库存',
			ownerUserId: owner.id,
			dueDate: '2026-12-04',
		})
		const later = await actionIn(workspaceId, {
			title: '建立回访制度',
			ownerUserId: owner.id,
			dueDate: '2026-12-05',
		})
		const late = await actionIn(workspaceId, {
			title: '修订投诉处理流程',
			ownerUserId: owner.id,
			dueDate: '2026-11-30',
			status: 'in_progress',
		})
		const done = await actionIn(workspaceId, {
			title: '已完成的措施',
			ownerUserId: owner.id,
			dueDate: '2026-12-02',
			status: 'done',
		})
		const cancelled = await actionIn(workspaceId, {
			title: '已取消的措施',
			ownerUserId: owner.id,
			dueDate: '2026-11-01',
			status: 'cancelled',
		})
		const undated = await actionIn(workspaceId, { title: '无期限的措施', ownerUserId: owner.id })

		const first = await sentDuring(() => runReminders(at('2026-12-01')))
		expect(first.map((email) => [email.to, email.subject]).sort()).toEqual(
			[
				[owner.email, '改进措施将于 2026-12-04 到期：完善备件库存 · 甲电器有限公司'],
				[owner.email, '改进措施已逾期：修订投诉处理流程 · 甲电器有限公司'],
			].sort(),
		)
		const soonEmail = first.find((email) => email.subject.includes('完善备件库存'))!
		expect(soonEmail.template).toBe('ActionReminder')
		expect(soonEmail.text).toContain('将在 3 天后（2026-12-04）到期')
		expect(soonEmail.text).toContain(`/w/${workspaceId}/actions/${soon.id}`)
		expect(first.find((email) => email.subject.includes('修订'))!.text).toContain('已逾期 1 天')

		// run again the same day, and again later that day: nothing new
		expect(await sentDuring(() => runReminders(at('2026-12-01')))).toEqual([])
		expect(await sentDuring(() => runReminders(at('2026-12-01', '18:00')))).toEqual([])

		// the next day the later one is 3 days away; the overdue one was already reminded
		const second = await sentDuring(() => runReminders(at('2026-12-02')))
		expect(second.map((email) => email.subject)).toEqual([
			'改进措施将于 2026-12-05 到期：建立回访制度 · 甲电器有限公司',
		])

		// once overdue, the one reminded as due soon is reminded as overdue, once
		const third = await sentDuring(() => runReminders(at('2026-12-05')))
		expect(third.map((email) => email.subject)).toEqual([
			'改进措施已逾期：完善备件库存 · 甲电器有限公司',
		])
		expect(await sentDuring(() => runReminders(at('2026-12-09')))).toHaveLength(1)
		expect(await sentDuring(() => runReminders(at('2026-12-20')))).toEqual([])

		expect((await remindersOf(soon.id)).map((r) => [r.kind, r.dueDate, r.status])).toEqual([
			['due-soon', '2026-12-04', 'outbox'],
			['overdue', '2026-12-04', 'outbox'],
		])
		expect((await remindersOf(late.id)).map((r) => r.kind)).toEqual(['overdue'])
		for (const quiet of [done, cancelled, undated]) expect(await remindersOf(quiet.id)).toEqual([])
		expect((await remindersOf(later.id)).map((r) => r.kind)).toEqual(['due-soon', 'overdue'])
	})

	test('run twice at once: one email per action and threshold', async () => {
		const owner = t.otherAssessor.user
		const actions = await Promise.all(
			['2027-03-01', '2027-03-02', '2027-02-20'].map((dueDate, i) =>
				actionIn(workspaceId, { title: `并发措施 ${i + 1}`, ownerUserId: owner.id, dueDate }),
			),
		)
		const sent = await sentDuring(() =>
			Promise.all([runReminders(at('2027-02-27')), runReminders(at('2027-02-27'))]),
		)
		expect(sent.map((email) => email.subject).sort()).toEqual(
			[
				'改进措施将于 2027-03-01 到期：并发措施 1 · 甲电器有限公司',
				'改进措施将于 2027-03-02 到期：并发措施 2 · 甲电器有限公司',
				'改进措施已逾期：并发措施 3 · 甲电器有限公司',
			].sort(),
		)
		const reports = await Promise.all([
			runReminders(at('2027-03-03')),
			runReminders(at('2027-03-03')),
			runReminders(at('2027-03-03')),
		])
		// both others became overdue: claimed once between the three runs
		expect(reports.reduce((total, report) => total + report.actions.sent, 0)).toBe(2)
		for (const action of actions)
			expect((await remindersOf(action.id)).length).toBeLessThanOrEqual(2)
		expect((await emailsTo(owner.email)).length).toBe(5)
	})

	test("China's date decides: 20:00 UTC on 1 December is already 2 December there", async () => {
		const owner = t.admin.user
		const action = await actionIn(workspaceId, {
			title: '跨时区的措施',
			ownerUserId: owner.id,
			dueDate: '2027-05-05',
		})
		expect(await sentDuring(() => runReminders(new Date('2027-05-01T15:00:00Z')))).toEqual([])
		const sent = await sentDuring(() => runReminders(new Date('2027-05-01T20:00:00Z')))
		expect(sent.map((email) => email.subject)).toEqual([
			'改进措施将于 2027-05-05 到期：跨时区的措施 · 甲电器有限公司',
		])
		expect(await remindersOf(action.id)).toHaveLength(1)
	})

	test("in the owner's language; nobody is emailed about an action whose owner left the workspace", async () => {
		const english = await person('Jane Doe', { workspaceId, role: 'assessor' })
		await database().update(users).set({ locale: 'en' }).where(eq(users.id, english.user.id))
		await actionIn(workspaceId, {
			title: 'Spare parts stock',
			ownerUserId: english.user.id,
			dueDate: '2027-08-03',
		})
		const leaver = await person('已离职 陈', { workspaceId, role: 'assessor' })
		const orphan = await actionIn(workspaceId, {
			title: '离职者的措施',
			ownerUserId: leaver.user.id,
			dueDate: '2027-08-02',
		})
		await database()
			.delete(memberships)
			.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, leaver.user.id)))

		const sent = await sentDuring(() => runReminders(at('2027-08-01')))
		expect(sent).toHaveLength(1)
		expect(sent[0]).toMatchObject({
			to: english.user.email,
			subject: 'Action due 2027-08-03: Spare parts stock · 甲电器有限公司',
		})
		expect(sent[0]!.text).toContain('is due in 2 days (2027-08-03)')
		expect(sent[0]!.text.replaceAll(t.workspace.name, '')).not.toMatch(/[\u4e00-\u9fff]/)
		expect(await remindersOf(orphan.id)).toEqual([])
	})
})

describe('annual self-review reminder', () => {
	let wsId: string
	let ownerEmail: string
	let adminEmail: string
	beforeAll(async () => {
		const owner = await person('负责人 吴')
		wsId = (await createWorkspace(owner.user.id, '丁家居有限公司')).id
		const admin = await person('管理员 郑', { workspaceId: wsId, role: 'admin' })
		await person('评价员 冯', { workspaceId: wsId, role: 'assessor' })
		await person('查看者 陈', { workspaceId: wsId, role: 'viewer' })
		ownerEmail = owner.user.email
		adminEmail = admin.user.email
		const scheme = getScheme('gbt27922-2011')!
		const submitted = (title: string, submittedAt: Date) =>
			database()
				.insert(assessments)
				.values({
					workspaceId: wsId,
					schemeId: scheme.id,
					schemeVersion: scheme.version,
					title,
					period: title.slice(0, 4),
					status: 'submitted',
					submittedAt,
				})
		// the later submission counts; late in the evening in China is still that day there
		await submitted('2024 年度自评', new Date('2024-12-10T10:00:00+08:00'))
		await submitted('2025 年度自评', new Date('2025-12-20T23:30:00+08:00'))
		// an assessment in progress does not count as done
		await database().insert(assessments).values({
			workspaceId: wsId,
			schemeId: scheme.id,
			schemeVersion: scheme.version,
			title: '2026 年度自评',
			period: '2026',
		})
	})

	async function selfReviewEmails() {
		return database()
			.select()
			.from(emailOutbox)
			.where(
				and(
					eq(emailOutbox.template, 'SelfReviewDue'),
					inArray(emailOutbox.to, [ownerEmail, adminEmail]),
				),
			)
	}

	test('not before 30 days ahead; then once to each owner and admin, even when run twice at once', async () => {
		expect(await sentDuring(() => runReminders(at('2026-11-19')))).toEqual([])
		expect(await selfReviewEmails()).toEqual([])

		const [a, b] = await Promise.all([
			runReminders(at('2026-11-20')),
			runReminders(at('2026-11-20')),
		])
		expect(a.selfReviews.reminders + b.selfReviews.reminders).toBe(1)
		const sent = await selfReviewEmails()
		expect(sent.map((email) => email.to).sort()).toEqual([ownerEmail, adminEmail].sort())
		for (const email of sent) {
			expect(email.subject).toBe('年度自评将于 2026-12-20 到期：丁家居有限公司 · GB/T 27922-2011')
			expect(email.text).toContain('于 2025-12-20 提交')
			expect(email.text).toContain('还有 30 天')
			expect(email.text).toContain(`/w/${wsId}/assessments/new?scheme=gbt27922-2011`)
		}

		await runReminders(at('2026-12-01'))
		await runReminders(at('2026-12-25'))
		expect(await selfReviewEmails()).toHaveLength(2)
		expect(
			await database()
				.select()
				.from(selfReviewReminders)
				.where(eq(selfReviewReminders.workspaceId, wsId)),
		).toMatchObject([
			{
				schemeId: 'gbt27922-2011',
				dueDate: '2026-12-20',
				recipients: 2,
				failed: 0,
				status: 'done',
			},
		])
	})
})

describe('npm run reminders', () => {
	const run = (...args: string[]) =>
		promisify(execFile)('node', ['--import', 'tsx', 'scripts/run-reminders.ts', ...args], {
			env: { ...process.env },
		})

	test('another process claims only what this one has not: no reminder twice', async () => {
		const owner = t.owner.user
		const action = await actionIn(workspaceId, {
			title: '命令行的措施',
			ownerUserId: owner.id,
			dueDate: '2028-01-03',
		})
		const { stdout } = await run('--now', '2028-01-01T09:00:00+08:00')
		expect(stdout).toContain('reminders for 2028-01-01: actions 1 sent, 0 failed')
		expect(await remindersOf(action.id)).toMatchObject([{ kind: 'due-soon', status: 'outbox' }])
		expect(await sentDuring(() => runReminders(at('2028-01-01')))).toEqual([])
		const again = await run('--now', '2028-01-02T09:00:00+08:00')
		expect(again.stdout).toContain('actions 0 sent')
	})

	test('a --now it cannot read is refused before anything is sent', async () => {
		const before = await allEmails()
		for (const now of ['yesterday', '2028-01-01', '2028-01-01T09:00:00']) {
			const failure = await run('--now', now).then(
				() => null,
				(error: { code: number; stderr: string }) => error,
			)
			expect(failure?.code).toBe(2)
			expect(failure?.stderr).toContain('--now must be an ISO 8601 instant')
		}
		expect(await allEmails()).toEqual(before)
	})
})
