import { formatDate, type Locale } from '#app/i18n/i18n.ts'
import { ActionButton, EmailLayout, Paragraph } from './_components/layout.tsx'

type InvitationProps = {
	inviterName: string
	workspaceName: string
	/** the role's name, already in the email's language */
	roleName: string
	url: string
	expiresAt: Date
	locale: Locale
}

const copy = {
	'zh-CN': {
		subject: (p: InvitationProps) =>
			`${p.inviterName} 邀请您加入「${p.workspaceName}」· 售后服务认证自评门户`,
		heading: (p: InvitationProps) => `加入「${p.workspaceName}」`,
		body: (p: InvitationProps) =>
			`${p.inviterName} 邀请您以「${p.roleName}」身份加入「${p.workspaceName}」的售后服务认证自评工作区。`,
		button: '接受邀请',
		expiry: (date: string) =>
			`邀请在 ${date}（北京时间）前有效，且只能使用一次。如果还没有账号，可以在接受邀请时注册。`,
	},
	en: {
		subject: (p: InvitationProps) =>
			`${p.inviterName} invited you to ${p.workspaceName} · After-sales Service Certification Self-assessment`,
		heading: (p: InvitationProps) => `Join ${p.workspaceName}`,
		body: (p: InvitationProps) =>
			`${p.inviterName} invited you to join the after-sales service self-assessment workspace of ${p.workspaceName} as ${p.roleName}.`,
		button: 'Accept invitation',
		expiry: (date: string) =>
			`The invitation is valid until ${date} (China Standard Time) and can be used once. If you have no account yet, you can sign up when you accept.`,
	},
} satisfies Record<Locale, unknown>

export function invitationSubject(props: InvitationProps): string {
	return copy[props.locale].subject(props)
}

export function Invitation(props: InvitationProps) {
	const c = copy[props.locale]
	return (
		<EmailLayout locale={props.locale} preview={c.body(props)} heading={c.heading(props)}>
			<Paragraph>{c.body(props)}</Paragraph>
			<ActionButton locale={props.locale} url={props.url} label={c.button} />
			<Paragraph>{c.expiry(formatDate(props.locale, props.expiresAt, true))}</Paragraph>
		</EmailLayout>
	)
}

Invitation.PreviewProps = {
	inviterName: '张伟',
	workspaceName: '示例电器有限公司',
	roleName: '评估员',
	url: 'http://localhost:3000/invitations/preview',
	expiresAt: new Date('2026-01-08T10:00:00+08:00'),
	locale: 'zh-CN',
} satisfies InvitationProps

export default Invitation
