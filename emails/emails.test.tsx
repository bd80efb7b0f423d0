import { render } from '@react-email/render'
import type { ReactElement } from 'react'
import { describe, expect, test } from 'vitest'
import { Invitation, invitationSubject } from './invitation.tsx'
import { ResetPassword, resetPasswordSubject } from './reset-password.tsx'
import { VerifyEmail, verifyEmailSubject } from './verify-email.tsx'

async function both(element: ReactElement) {
	return { html: await render(element), text: await render(element, { plainText: true }) }
}

const verifyUrl = 'https://portal.example/verify-email?token=abc_DEF-123'
const resetUrl = 'https://portal.example/reset-password?token=xyz_789'
const inviteUrl = 'https://portal.example/invitations/tok_456'

describe('verify email', () => {
	test('Chinese: greeting, call to action and the link in HTML and text', async () => {
		const { html, text } = await both(<VerifyEmail name="张伟" url={verifyUrl} locale="zh-CN" />)
		expect(html).toContain('lang="zh-CN"')
		expect(html).toContain(`href="${verifyUrl}"`)
		expect(text).toContain('张伟，您好')
		expect(text).toContain('验证邮箱')
		expect(text).toContain('48 小时')
		expect(text.match(/https?:\/\/\S+/)?.[0]).toBe(verifyUrl)
		expect(verifyEmailSubject('zh-CN')).toContain('验证')
	})

	test('English: the same link, English text only', async () => {
		const { html, text } = await both(<VerifyEmail name="Wei Zhang" url={verifyUrl} locale="en" />)
		expect(html).toContain('lang="en"')
		expect(html).toContain(`href="${verifyUrl}"`)
		expect(text).toContain('Hello Wei Zhang,')
		expect(text).toContain('valid for 48 hours')
		expect(text).not.toMatch(/[\u4e00-\u9fff]/)
		expect(text.match(/https?:\/\/\S+/)?.[0]).toBe(verifyUrl)
		expect(verifyEmailSubject('en')).toMatch(/^Verify your email/)
	})

	test('a name with markup is escaped in the HTML', async () => {
		const { html } = await both(
			<VerifyEmail name={'<script>x</script>'} url={verifyUrl} locale="en" />,
		)
		expect(html).not.toContain('<script>x</script>')
		expect(html).toContain('&lt;script&gt;')
	})
})

describe('reset password', () => {
	test.each([
		['zh-CN', '重置您的密码', '1 小时'],
		['en', 'Reset your password', 'valid for 1 hour'],
	] as const)('%s: heading, expiry and link', async (locale, heading, expiry) => {
		const { html, text } = await both(<ResetPassword name="Li" url={resetUrl} locale={locale} />)
		expect(html).toContain(`href="${resetUrl}"`)
		expect(html).toContain(heading)
		expect(text).toContain(expiry)
		expect(text.match(/https?:\/\/\S+/)?.[0]).toBe(resetUrl)
		expect(resetPasswordSubject(locale)).toContain(locale === 'en' ? 'Reset' : '重置密码')
	})
})

describe('invitation', () => {
	const base = {
		inviterName: '王芳',
		workspaceName: '示例电器有限公司',
		url: inviteUrl,
		expiresAt: new Date('2026-03-08T02:00:00Z'),
	}

	test('Chinese: who invites, to which workspace, in which role, until when (Beijing time)', async () => {
		const props = { ...base, roleName: '评估员', locale: 'zh-CN' } as const
		const { html, text } = await both(<Invitation {...props} />)
		expect(html).toContain(`href="${inviteUrl}"`)
		expect(text).toContain('王芳 邀请您以「评估员」身份加入「示例电器有限公司」')
		expect(text).toContain('2026年3月8日')
		expect(text).toContain('10:00')
		expect(text.match(/https?:\/\/\S+/)?.[0]).toBe(inviteUrl)
		expect(invitationSubject(props)).toBe(
			'王芳 邀请您加入「示例电器有限公司」· 售后服务认证自评门户',
		)
	})

	test('English', async () => {
		const props = { ...base, inviterName: 'Fang Wang', roleName: 'Assessor', locale: 'en' } as const
		const { text } = await both(<Invitation {...props} />)
		expect(text).toContain('Fang Wang invited you to join')
		expect(text).toContain('as Assessor')
		expect(text).toContain('Mar 8, 2026')
		expect(text.match(/https?:\/\/\S+/)?.[0]).toBe(inviteUrl)
		expect(invitationSubject(props)).toMatch(/^Fang Wang invited you to 示例电器有限公司/)
	})
})
