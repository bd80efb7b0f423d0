import { render } from '@react-email/render'
import type { ReactElement } from 'react'
import { Resend } from 'resend'
import { emailOutbox } from '#db/schema/index.ts'
import { database } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'

export type SendEmailResult =
	| { status: 'outbox'; id: string }
	| { status: 'sent'; id: string; providerId: string }
	| { status: 'failed'; id: string; error: string }

type Delivery = { status: 'sent'; providerId: string } | { status: 'failed'; error: string }

/**
 * Renders a React Email template to HTML and text and sends it. Without RESEND_API_KEY (development,
 * tests) nothing leaves the machine: the email is kept in the outbox table. With a key it goes
 * through Resend and the outcome is recorded; a provider failure is returned, never thrown, so the
 * user's action (sign-up, reset) still completes.
 */
export async function sendEmail({
	to,
	subject,
	template,
}: {
	to: string
	subject: string
	template: ReactElement
}): Promise<SendEmailResult> {
	const [html, text] = await Promise.all([render(template), render(template, { plainText: true })])
	const address = to.trim().toLowerCase()
	const row = { to: address, subject, html, text, template: templateName(template) }
	const { RESEND_API_KEY, RESEND_BASE_URL, EMAIL_FROM } = env()

	if (!RESEND_API_KEY) {
		const [saved] = await database()
			.insert(emailOutbox)
			.values({ ...row, status: 'outbox' })
			.returning({ id: emailOutbox.id })
		return { status: 'outbox', id: saved!.id }
	}

	const delivery = await deliver({
		key: RESEND_API_KEY,
		baseUrl: RESEND_BASE_URL,
		from: EMAIL_FROM,
		to: address,
		subject,
		html,
		text,
	})
	const [saved] = await database()
		.insert(emailOutbox)
		.values(
			delivery.status === 'sent'
				? { ...row, status: 'sent', providerId: delivery.providerId }
				: { ...row, status: 'failed', error: delivery.error },
		)
		.returning({ id: emailOutbox.id })
	const id = saved!.id
	if (delivery.status === 'failed') {
		console.error(`Email ${id} to ${address} failed: ${delivery.error}`)
		return { status: 'failed', id, error: delivery.error }
	}
	return { status: 'sent', id, providerId: delivery.providerId }
}

async function deliver(message: {
	key: string
	baseUrl: string | undefined
	from: string
	to: string
	subject: string
	html: string
	text: string
}): Promise<Delivery> {
	try {
		const resend = new Resend(message.key, { baseUrl: message.baseUrl })
		const { data, error } = await resend.emails.send({
			from: message.from,
			to: message.to,
			subject: message.subject,
			html: message.html,
			text: message.text,
		})
		if (error) return { status: 'failed', error: `${error.name}: ${error.message}` }
		if (!data?.id) return { status: 'failed', error: 'no message id in the response' }
		return { status: 'sent', providerId: data.id }
	} catch (error) {
		return { status: 'failed', error: error instanceof Error ? error.message : String(error) }
	}
}

function templateName(template: ReactElement): string {
	return typeof template.type === 'function' && template.type.name ? template.type.name : 'email'
}
