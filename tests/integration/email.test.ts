import { createElement } from 'react'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
// types only: erased from the build, so they load nothing before the environment is set
import type * as EmailService from '#app/services/email.server.ts'
import type * as Db from '#app/utils/db.server.ts'
import type * as Schema from '#db/schema/index.ts'
import type * as VerifyEmailTemplate from '#emails/verify-email.tsx'

// The real resend SDK against a capture server on 127.0.0.1: proves what would be posted to Resend
// without anything leaving the machine. The environment must be set before the app modules load
// (env() is read once), so they are imported dynamically below.
type Captured = {
	method: string
	url: string
	authorization: string | undefined
	body: Record<string, unknown>
}
const captured: Captured[] = []
let reply: { status: number; body: unknown } = { status: 200, body: { id: 'msg_captured_1' } }
let server: Server
let baseUrl: string

let app: {
	sendEmail: typeof EmailService.sendEmail
	database: typeof Db.database
	emailOutbox: typeof Schema.emailOutbox
	VerifyEmail: typeof VerifyEmailTemplate.VerifyEmail
}

function port(listening: Server): number {
	const address = listening.address()
	if (!address || typeof address === 'string') throw new Error('not listening on TCP')
	return address.port
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let body = ''
		req.setEncoding('utf8')
		req.on('data', (chunk: string) => (body += chunk))
		req.on('end', () => resolve(body))
		req.on('error', reject)
	})
}

beforeAll(async () => {
	server = createServer(async (req, res) => {
		const body: unknown = JSON.parse(await readBody(req))
		captured.push({
			method: req.method ?? '',
			url: req.url ?? '',
			authorization: req.headers.authorization,
			body: body && typeof body === 'object' ? { ...body } : {},
		})
		res.writeHead(reply.status, { 'Content-Type': 'application/json' })
		res.end(JSON.stringify(reply.body))
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	baseUrl = `http://127.0.0.1:${port(server)}`
	process.env.RESEND_API_KEY = 're_fake_test_key'
	process.env.RESEND_BASE_URL = baseUrl
	process.env.EMAIL_FROM = '售后服务自评门户 <no-reply@portal.example>'
	app = {
		sendEmail: (await import('#app/services/email.server.ts')).sendEmail,
		database: (await import('#app/utils/db.server.ts')).database,
		emailOutbox: (await import('#db/schema/index.ts')).emailOutbox,
		VerifyEmail: (await import('#emails/verify-email.tsx')).VerifyEmail,
	}
})

afterAll(async () => {
	delete process.env.RESEND_API_KEY
	delete process.env.RESEND_BASE_URL
	if (server.listening) await new Promise((resolve) => server.close(resolve))
})

function template(url: string) {
	return createElement(app.VerifyEmail, { name: '张伟', url, locale: 'zh-CN' })
}

test('with RESEND_API_KEY the resend SDK posts the rendered email to RESEND_BASE_URL and the row is recorded as sent', async () => {
	const fetchSpy = vi.spyOn(globalThis, 'fetch')
	const result = await app.sendEmail({
		to: 'Wei.Zhang@Example.com',
		subject: '请验证您的邮箱',
		template: template('http://localhost:3000/verify-email?token=abc'),
	})
	expect(result).toEqual({ status: 'sent', id: expect.any(String), providerId: 'msg_captured_1' })

	// every request the SDK made went to the capture server
	const urls = fetchSpy.mock.calls.map(([input]) =>
		String(input instanceof Request ? input.url : input),
	)
	fetchSpy.mockRestore()
	expect(urls).toEqual([`${baseUrl}/emails`])

	expect(captured).toHaveLength(1)
	const [request] = captured
	expect(request!.method).toBe('POST')
	expect(request!.url).toBe('/emails')
	expect(request!.authorization).toBe('Bearer re_fake_test_key')
	expect(request!.body).toMatchObject({
		from: '售后服务自评门户 <no-reply@portal.example>',
		to: 'wei.zhang@example.com',
		subject: '请验证您的邮箱',
	})
	expect(request!.body.html).toContain('href="http://localhost:3000/verify-email?token=abc"')
	expect(request!.body.text).toContain('http://localhost:3000/verify-email?token=abc')

	const rows = await app.database().select().from(app.emailOutbox)
	expect(rows).toHaveLength(1)
	expect(rows[0]).toMatchObject({
		id: result.id,
		status: 'sent',
		providerId: 'msg_captured_1',
		to: 'wei.zhang@example.com',
		template: 'VerifyEmail',
		error: null,
	})
})

test('a provider error is recorded as failed and returned, not thrown', async () => {
	reply = {
		status: 422,
		body: {
			name: 'validation_error',
			message: 'The from address is not verified',
			statusCode: 422,
		},
	}
	const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
	const result = await app.sendEmail({
		to: 'li@example.com',
		subject: 'x',
		template: template('http://localhost:3000/x'),
	})
	expect(result).toEqual({
		status: 'failed',
		id: expect.any(String),
		error: 'validation_error: The from address is not verified',
	})
	expect(logged).toHaveBeenCalledOnce()
	const rows = await app.database().select().from(app.emailOutbox)
	expect(rows.find((r) => r.id === result.id)).toMatchObject({
		status: 'failed',
		providerId: null,
		to: 'li@example.com',
	})
})

test('an unreachable provider is a failed result too, and the row is kept', async () => {
	await new Promise((resolve) => server.close(resolve))
	const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
	const result = await app.sendEmail({
		to: 'wang@example.com',
		subject: 'y',
		template: template('http://localhost:3000/y'),
	})
	expect(result.status).toBe('failed')
	expect(logged).toHaveBeenCalledOnce()
	const rows = await app.database().select().from(app.emailOutbox)
	expect(rows.find((r) => r.id === result.id)).toMatchObject({
		status: 'failed',
		to: 'wang@example.com',
	})
})
