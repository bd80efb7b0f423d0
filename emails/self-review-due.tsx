import type { Locale } from '#app/i18n/i18n.ts'
import { ActionButton, EmailLayout, Paragraph } from './_components/layout.tsx'

type SelfReviewDueProps = {
	name: string
	workspaceName: string
	/** the scheme's short title, e.g. "GB/T 27922-2011" */
	schemeTitle: string
	/** calendar dates, "2025-12-20" */
	lastSubmitted: string
	dueDate: string
	/** days to the due date; negative once it has passed */
	daysLeft: number
	url: string
	locale: Locale
}

const copy = {
	'zh-CN': {
		subject: (p: SelfReviewDueProps) =>
			p.daysLeft < 0
				? `年度自评已到期：${p.workspaceName} · ${p.schemeTitle}`
				: `年度自评将于 ${p.dueDate} 到期：${p.workspaceName} · ${p.schemeTitle}`,
		heading: (p: SelfReviewDueProps) => (p.daysLeft < 0 ? '年度自评已到期' : '年度自评即将到期'),
		greeting: (p: SelfReviewDueProps) => `${p.name}，您好：`,
		body: (p: SelfReviewDueProps) =>
			`「${p.workspaceName}」按 ${p.schemeTitle} 的上一次自评于 ${p.lastSubmitted} 提交。按照认证的年度监督要求，每 12 个月至少进行一次自评，下一次应在 ${p.dueDate} 前完成` +
			(p.daysLeft < 0
				? `，现已逾期 ${-p.daysLeft} 天。`
				: p.daysLeft === 0
					? '，也就是今天。'
					: `，还有 ${p.daysLeft} 天。`),
		next: '可以从上一次自评复制答案开始，并把所有答案标记为“待复核”，由各负责人确认或修改。',
		button: '开始年度自评',
	},
	en: {
		subject: (p: SelfReviewDueProps) =>
			p.daysLeft < 0
				? `Annual self-review overdue: ${p.workspaceName} · ${p.schemeTitle}`
				: `Annual self-review due ${p.dueDate}: ${p.workspaceName} · ${p.schemeTitle}`,
		heading: (p: SelfReviewDueProps) =>
			p.daysLeft < 0 ? 'The annual self-review is overdue' : 'The annual self-review is due soon',
		greeting: (p: SelfReviewDueProps) => `Hello ${p.name},`,
		body: (p: SelfReviewDueProps) =>
			`The last ${p.schemeTitle} self-assessment of ${p.workspaceName} was submitted on ${p.lastSubmitted}. Annual surveillance asks for a self-review at least every 12 months, so the next one is due by ${p.dueDate}` +
			(p.daysLeft < 0
				? `; it is ${-p.daysLeft} ${p.daysLeft === -1 ? 'day' : 'days'} overdue.`
				: p.daysLeft === 0
					? ', which is today.'
					: `, in ${p.daysLeft} ${p.daysLeft === 1 ? 'day' : 'days'}.`),
		next: 'You can start from last year’s answers with every answer marked “to review”, for each owner to confirm or change.',
		button: 'Start the annual self-review',
	},
} satisfies Record<Locale, unknown>

export function selfReviewDueSubject(props: SelfReviewDueProps): string {
	return copy[props.locale].subject(props)
}

export function SelfReviewDue(props: SelfReviewDueProps) {
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

SelfReviewDue.PreviewProps = {
	name: '李娜',
	workspaceName: '示例电器有限公司',
	schemeTitle: 'GB/T 27922-2011',
	lastSubmitted: '2025-12-20',
	dueDate: '2026-12-20',
	daysLeft: 19,
	url: 'http://localhost:3000/w/preview/assessments/new?scheme=gbt27922-2011',
	locale: 'zh-CN',
} satisfies SelfReviewDueProps

export default SelfReviewDue
