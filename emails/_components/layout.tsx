import {
	Body,
	Button,
	Container,
	Head,
	Heading,
	Hr,
	Html,
	Preview,
	Section,
	Text,
} from '@react-email/components'
import type { ReactNode } from 'react'
import type { Locale } from '#app/i18n/i18n.ts'

const copy = {
	'zh-CN': {
		brand: '售后服务认证自评门户',
		fallback: '如果按钮无法点击，请将以下链接复制到浏览器中打开：',
		footer: '这是一封系统邮件，请勿直接回复。如果这不是您本人的操作，请忽略本邮件。',
	},
	en: {
		brand: 'After-sales Service Certification Self-assessment',
		fallback: 'If the button does not work, copy this link into your browser:',
		footer:
			'This is an automated message, please do not reply. If this was not you, you can ignore it.',
	},
} satisfies Record<Locale, Record<string, string>>

const fontFamily =
	"'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', system-ui, -apple-system, 'Segoe UI', sans-serif"

/** The frame every portal email shares: brand line, heading, body, footer. */
export function EmailLayout({
	locale,
	preview,
	heading,
	children,
}: {
	locale: Locale
	preview: string
	heading: string
	children: ReactNode
}) {
	const c = copy[locale]
	return (
		<Html lang={locale}>
			<Head />
			<Preview>{preview}</Preview>
			<Body style={{ backgroundColor: '#f8fafc', fontFamily, margin: 0, padding: '24px 0' }}>
				<Container
					style={{
						backgroundColor: '#ffffff',
						border: '1px solid #e2e8f0',
						borderRadius: '8px',
						maxWidth: '560px',
						padding: '32px',
					}}
				>
					<Text style={{ color: '#1e3a8a', fontSize: '14px', fontWeight: 600, margin: 0 }}>
						{c.brand}
					</Text>
					<Heading as="h1" style={{ color: '#0f172a', fontSize: '22px', margin: '16px 0' }}>
						{heading}
					</Heading>
					{children}
					<Hr style={{ borderColor: '#e2e8f0', margin: '24px 0' }} />
					<Text style={{ color: '#64748b', fontSize: '12px', lineHeight: '20px', margin: 0 }}>
						{c.footer}
					</Text>
				</Container>
			</Body>
		</Html>
	)
}

export function Paragraph({ children }: { children: ReactNode }) {
	return <Text style={{ color: '#334155', fontSize: '15px', lineHeight: '24px' }}>{children}</Text>
}

/** The one call to action, followed by the same URL spelled out for clients that block buttons. */
export function ActionButton({
	locale,
	url,
	label,
}: {
	locale: Locale
	url: string
	label: string
}) {
	return (
		<>
			<Section style={{ margin: '24px 0' }}>
				<Button
					href={url}
					style={{
						backgroundColor: '#1e40af',
						borderRadius: '6px',
						color: '#ffffff',
						fontSize: '15px',
						fontWeight: 600,
						padding: '12px 20px',
						textDecoration: 'none',
					}}
				>
					{label}
				</Button>
			</Section>
			<Text style={{ color: '#64748b', fontSize: '13px', lineHeight: '20px' }}>
				{copy[locale].fallback}
				<br />
				<span style={{ color: '#1e40af', wordBreak: 'break-all' }}>{url}</span>
			</Text>
		</>
	)
}
