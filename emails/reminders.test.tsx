import { render } from '@react-email/render'
import { expect, test } from 'vitest'
import { ActionReminder, actionReminderSubject } from './action-reminder.tsx'
import { SelfReviewDue, selfReviewDueSubject } from './self-review-due.tsx'

const url = 'https://portal.example/w/ws/actions/a1'
const action = {
	name: '张伟',
	title: '完善备件库存',
	workspaceName: '甲电器有限公司',
	dueDate: '2026-12-04',
	url,
}

test.each([
	['zh-CN', 'due-soon', 3, '将在 3 天后（2026-12-04）到期'],
	['zh-CN', 'due-soon', 0, '今天（2026-12-04）到期'],
	['zh-CN', 'overdue', 2, '已逾期 2 天'],
	['en', 'due-soon', 1, 'is due in 1 day (2026-12-04)'],
	['en', 'due-soon', 0, 'is due today (2026-12-04)'],
	['en', 'overdue', 5, 'is 5 days overdue'],
] as const)('action reminder, %s %s %i days', async (locale, kind, days, sentence) => {
	const props = { ...action, kind, days, locale }
	const text = await render(<ActionReminder {...props} />, { plainText: true })
	const html = await render(<ActionReminder {...props} />)
	expect(text).toContain(sentence)
	expect(text.match(/https?:\/\/\S+/)?.[0]).toBe(url)
	expect(html).toContain(`href="${url}"`)
	expect(html).toContain(`lang="${locale}"`)
	expect(actionReminderSubject(props)).toContain('完善备件库存')
})

test('a title with markup is escaped', async () => {
	const html = await render(
		<ActionReminder {...action} title="<b>x</b>" kind="overdue" days={1} locale="en" />,
	)
	expect(html).not.toContain('<b>x</b>')
})

const review = {
	name: 'Li Na',
	workspaceName: 'Acme Appliances',
	schemeTitle: 'GB/T 27922-2011',
	lastSubmitted: '2025-12-20',
	url: 'https://portal.example/w/ws/assessments/new?scheme=gbt27922-2011',
}

test.each([
	['zh-CN', 19, '年度自评将于 2026-12-20 到期', '还有 19 天'],
	['zh-CN', -3, '年度自评已到期', '现已逾期 3 天'],
	['en', 1, 'Annual self-review due 2026-12-20', 'in 1 day.'],
	['en', 0, 'Annual self-review due 2026-12-20', 'which is today.'],
	['en', -1, 'Annual self-review overdue', 'it is 1 day overdue.'],
] as const)('self-review due, %s, %i days left', async (locale, daysLeft, subject, sentence) => {
	const props = { ...review, dueDate: '2026-12-20', daysLeft, locale }
	const text = await render(<SelfReviewDue {...props} />, { plainText: true })
	expect(selfReviewDueSubject(props)).toContain(subject)
	expect(text).toContain(sentence)
	expect(text).toContain('2025-12-20')
	expect(text.match(/https?:\/\/\S+/)?.[0]).toBe(review.url)
})
