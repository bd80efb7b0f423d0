import type { Locale } from '#app/i18n/i18n.ts'
import { ActionButton, EmailLayout, Paragraph } from './_components/layout.tsx'

const copy = {
	'zh-CN': {
		subject: '重置密码 · 售后服务认证自评门户',
		heading: '重置您的密码',
		greeting: (name: string) => `${name}，您好：`,
		body: '我们收到了重置您账号密码的请求。请点击下方按钮设置新密码。',
		button: '设置新密码',
		expiry: '该链接 1 小时内有效，且只能使用一次。设置新密码后，所有设备上的登录都会退出。',
		ignore: '如果您没有申请重置密码，请忽略本邮件，您的密码不会改变。',
	},
	en: {
		subject: 'Reset your password · After-sales Service Certification Self-assessment',
		heading: 'Reset your password',
		greeting: (name: string) => `Hello ${name},`,
		body: 'We received a request to reset the password of your account. Use the button below to set a new one.',
		button: 'Set a new password',
		expiry:
			'The link is valid for 1 hour and can be used once. Setting a new password signs you out on every device.',
		ignore:
			'If you did not ask to reset your password, ignore this email; your password stays unchanged.',
	},
} satisfies Record<Locale, unknown>

export function resetPasswordSubject(locale: Locale): string {
	return copy[locale].subject
}

export function ResetPassword({
	name,
	url,
	locale,
}: {
	name: string
	url: string
	locale: Locale
}) {
	const c = copy[locale]
	return (
		<EmailLayout locale={locale} preview={c.body} heading={c.heading}>
			<Paragraph>{c.greeting(name)}</Paragraph>
			<Paragraph>{c.body}</Paragraph>
			<ActionButton locale={locale} url={url} label={c.button} />
			<Paragraph>{c.expiry}</Paragraph>
			<Paragraph>{c.ignore}</Paragraph>
		</EmailLayout>
	)
}

ResetPassword.PreviewProps = {
	name: '张伟',
	url: 'http://localhost:3000/reset-password?token=preview',
	locale: 'zh-CN',
} satisfies Parameters<typeof ResetPassword>[0]

export default ResetPassword
