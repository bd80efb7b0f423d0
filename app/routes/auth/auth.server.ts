import { data, redirect, type AppLoadContext } from 'react-router'
import { z } from 'zod'
import type { FieldErrors, FormResult } from '#app/utils/forms.server.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { createSession } from '#app/utils/session.server.ts'

/** Fields shared by the account forms. The messages are catalogue keys (see parseForm). */
export const EmailSchema = z
	.string()
	.trim()
	.min(1)
	.max(254)
	.toLowerCase()
	.pipe(z.email({ error: 'auth.email.invalid' }))

// scrypt cost grows with the input, so very long "passwords" are refused before hashing
export const NewPasswordSchema = z.string().min(10, { error: 'auth.password.tooShort' }).max(200)
export const PasswordSchema = z.string().min(1).max(200)
export const RedirectToSchema = z.string().max(2000).optional()

export type FormFailure = { errors: FieldErrors; values: Record<string, string> }

/** A 4xx answer to a form: messages per field ('' for the whole form) and what to show again. */
export function formFailure(
	errors: FieldErrors,
	values: Record<string, string> = {},
	status = 400,
) {
	const body: FormFailure = { errors, values }
	return data(body, { status })
}

/** The 400 for input that failed parsing: the errors, and what was typed except passwords. */
export function invalidForm(result: Extract<FormResult<unknown>, { ok: false }>) {
	const values = Object.fromEntries(
		Object.entries(result.values).filter(([key]) => !key.toLowerCase().includes('password')),
	)
	return formFailure(result.errors, values)
}

/** Starts a session for the user and redirects, setting the cookie. */
export async function signIn(
	request: Request,
	context: AppLoadContext,
	userId: string,
	to: string,
) {
	const cookie = await createSession(userId, {
		ip: clientIp(context),
		userAgent: request.headers.get('User-Agent'),
	})
	return redirect(to, { headers: { 'Set-Cookie': cookie } })
}
