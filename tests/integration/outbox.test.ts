import { createElement } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { VerifyEmail } from '#emails/verify-email.tsx'
import * as outbox from '#app/routes/dev/outbox.tsx'
import { sendEmail } from '#app/services/email.server.ts'
import { respond } from './helpers.ts'

afterEach(() => {
	vi.unstubAllEnvs()
	vi.resetModules()
})

test('without RESEND_API_KEY an email is kept in the outbox and listed on /dev/outbox, newest first', async () => {
	const first = await sendEmail({
		to: 'first@example.com',
		subject: '第一封',
		template: createElement(VerifyEmail, {
			name: '甲',
			url: 'http://localhost:3000/verify-email?token=one',
			locale: 'zh-CN',
		}),
	})
	expect(first).toEqual({ status: 'outbox', id: expect.any(String) })
	await new Promise((r) => setTimeout(r, 5))
	await sendEmail({
		to: 'Second@Example.com',
		subject: 'Second',
		template: createElement(VerifyEmail, {
			name: 'B',
			url: 'http://localhost:3000/verify-email?token=two',
			locale: 'en',
		}),
	})

	const { emails } = await outbox.loader()
	expect(emails.map((e) => [e.to, e.subject, e.status])).toEqual([
		['second@example.com', 'Second', 'outbox'],
		['first@example.com', '第一封', 'outbox'],
	])
	expect(emails[0]!.links).toEqual(['http://localhost:3000/verify-email?token=two'])
	expect(emails[0]!.text).toContain('Hello B,')
	expect(emails[1]!.createdAt).toBeInstanceOf(Date)
})

test('/dev/outbox is a 404 in production unless ENABLE_DEV_ROUTES=true', async () => {
	vi.stubEnv('NODE_ENV', 'production')
	vi.stubEnv('ENABLE_DEV_ROUTES', 'false')
	vi.resetModules()
	const production = await import('#app/routes/dev/outbox.tsx')
	expect((await respond(() => production.loader())).status).toBe(404)

	vi.stubEnv('ENABLE_DEV_ROUTES', 'true')
	vi.resetModules()
	const enabled = await import('#app/routes/dev/outbox.tsx')
	expect((await respond(() => enabled.loader())).status).toBe(200)
})
