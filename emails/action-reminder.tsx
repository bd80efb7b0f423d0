import type { Locale } from '#app/i18n/i18n.ts'
import { ActionButton, EmailLayout, Paragraph } from './_components/layout.tsx'

type ActionReminderProps = {
	name: string
	kind: 'due-soon' | 'overdue'
	title: string
	workspaceName: string
	/** the calendar date, "2026-12-03" */
	dueDate: string
	/** due-soon: days left (0 = today); overdue: days past the due date */
	days: number
	url: string
	locale: Locale
}

const copy = {
	'zh-CN': {
		subject: (p: ActionReminderProps) =>
			p.kind === 'overdue'
				? `改进措施已逾期：${p.title} · ${p.workspaceName}`
				: `改进措施将于 ${p.dueDate} 到期：${p.title} · ${p.workspaceName}`,
		heading: (p: ActionReminderProps) =>
			p.kind === 'overdue' ? '改进措施已逾期' : '改进措施即将到期',
		greeting: (p: ActionReminderProps) => `${p.name}，您好：`,
		body: (p: ActionReminderProps) =>
			p.kind === 'overdue'
				? `您负责的「${p.workspaceName}」改进措施「${p.title}」的完成期限是 ${p.dueDate}，已逾期 ${p.days} 天，尚未完成。`
				: p.days === 0
					? `您负责的「${p.workspaceName}」改进措施「${p.title}」今天（${p.dueDate}）到期。`
					: `您负责的「${p.workspaceName}」改进措施「${p.title}」将在 ${p.days} 天后（${p.dueDate}）到期。`,
		next: '如果已经完成，请在门户中把它标记为“已完成”并上传完成证据；如需延期，请修改完成期限并在讨论中说明原因。',
		button: '查看改进措施',
	},
	en: {
		subject: (p: ActionReminderProps) =>
			p.kind === 'overdue'
				? `Overdue action: ${p.title} · ${p.workspaceName}`
				: `Action due ${p.dueDate}: ${p.title} · ${p.workspaceName}`,
		heading: (p: ActionReminderProps) =>
			p.kind === 'overdue'
				? 'An improvement action is overdue'
				: 'An improvement action is due soon',
		greeting: (p: ActionReminderProps) => `Hello ${p.name},`,
		body: (p: ActionReminderProps) =>
			p.kind === 'overdue'
				? `The improvement action “${p.title}” of ${p.workspaceName} that you own was due on ${p.dueDate} and is ${p.days} ${p.days === 1 ? 'day' : 'days'} overdue.`
				: p.days === 0
					? `The improvement action “${p.title}” of ${p.workspaceName} that you own is due today (${p.dueDate}).`
					: `The improvement action “${p.title}” of ${p.workspaceName} that you own is due in ${p.days} ${p.days === 1 ? 'day' : 'days'} (${p.dueDate}).`,
		next: 'If it is done, mark it as done in the portal and upload the evidence; if it needs more time, change the due date and say why in the discussion.',
		button: 'Open the action',
	},
} satisfies Record<Locale, unknown>

export function actionReminderSubject(props: ActionReminderProps): string {
	return copy[props.locale].subject(props)
}

export function ActionReminder(props: ActionReminderProps) {
	const c = copy[props.locale]
	return (
		<EmailLayout locale={props.locale} preview={c.body(props)} heading={c.heading(props)}>
			<Paragraph>{c.greeting(props)}</Paragraph>
			<Paragraph>{c.body(props)}</Paragraph>
			<Paragraph>{c.next}</Paragraph>
			<ActionButton locale={props.locale} url={props.url} label={c.button} />
		</EmailLayout>
	)
}

ActionReminder.PreviewProps = {
	name: '张伟',
	kind: 'due-soon',
	title: '5.2.1 服务网点：部分满足：达成 50%',
	workspaceName: '示例电器有限公司',
	dueDate: '2026-12-03',
	days: 2,
	url: 'http://localhost:3000/w/preview/actions/preview',
	locale: 'zh-CN',
} satisfies ActionReminderProps

export default ActionReminder
