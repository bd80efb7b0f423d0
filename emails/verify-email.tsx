import type { Locale } from '#app/i18n/i18n.ts'
import { ActionButton, EmailLayout, Paragraph } from './_components/layout.tsx'

const copy = {
	'zh-CN': {
		subject: '请验证您的邮箱 · 售后服务认证自评门户',
		heading: '验证您的邮箱',
		greeting: (name: string) => `${name}，您好：`,
		body: '感谢您注册售后服务认证自评门户。请点击下方按钮，确认这是您的邮箱地址。',
		button: '验证邮箱',
		expiry: '该链接 48 小时内有效，且只能使用一次。',
	},
	en: {
		subject: 'Verify your email · After-sales Service Certification Self-assessment',
		heading: 'Verify your email address',
		greeting: (name: string) => `Hello ${name},`,
		body: 'Thank you for signing up. Please confirm that this is your email address with the button below.',
		button: 'Verify email',
		expiry: 'The link is valid for 48 hours and can be used once.',
	},
} satisfies Record<Locale, unknown>

export function verifyEmailSubject(locale: Locale): string {
	return copy[locale].subject
}

export function VerifyEmail({ name, url, locale }: { name: string; url: string; locale: Locale }) {
	const c = copy[locale]
	return (
		<EmailLayout locale={locale} preview={c.body} heading={c.heading}>
			<Paragraph>{c.greeting(name)}</Paragraph>
			<Paragraph>{c.body}</Paragraph>
			<ActionButton locale={locale} url={url} label={c.button} />
			<Paragraph>{c.expiry}</Paragraph>
		</EmailLayout>
	)
}

VerifyEmail.PreviewProps = {
	name: '张伟',
	url: 'http://localhost:3000/verify-email?token=preview',
	locale: 'zh-CN',
} satisfies Parameters<typeof VerifyEmail>[0]

export default VerifyEmail
