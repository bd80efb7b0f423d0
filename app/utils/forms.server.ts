import { z } from 'zod'
import type { Locale } from '#app/i18n/i18n.ts'
import { translator } from '#app/i18n/translator.ts'

export type FieldErrors = Record<string, string[]>

export type FormResult<T> =
	| { ok: true; data: T }
	| { ok: false; errors: FieldErrors; values: Record<string, string> }

/**
 * Parses a submitted form against a strict zod object schema: unknown fields are an error, not
 * silently dropped, and every message is in the user's language. Files are not accepted here.
 * Use the result's `errors` with status 400 (`data({ errors, values }, { status: 400 })`).
 */
export async function parseForm<S extends z.ZodObject>(
	request: Request,
	schema: S,
	locale: Locale,
): Promise<FormResult<z.infer<S>>> {
	let formData: FormData
	try {
		formData = await request.formData()
	} catch {
		return { ok: false, errors: { '': [translator(locale)('form.invalid')] }, values: {} }
	}
	return parseFormData(formData, schema, locale)
}

export function parseFormData<S extends z.ZodObject>(
	formData: FormData,
	schema: S,
	locale: Locale,
): FormResult<z.infer<S>> {
	const t = translator(locale)
	const values: Record<string, string> = {}
	const errors: FieldErrors = {}
	const add = (field: string, message: string) => (errors[field] ??= []).push(message)
	for (const [key, value] of formData.entries()) {
		if (typeof value !== 'string') add(key, t('form.invalid'))
		else if (key in values) add(key, t('form.invalid'))
		else values[key] = value
	}
	const known = new Set(Object.keys(schema.shape))
	for (const key of Object.keys(values)) {
		if (!known.has(key)) add(key, t('form.unexpectedField', { field: key }))
	}
	const result = schema.safeParse(values)
	if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data }
	for (const issue of result.success ? [] : result.error.issues) {
		const field = issue.path.join('.')
		if (errors[field]) continue
		const given = values[field]
		if (given === undefined || (issue.code === 'too_small' && given.trim() === '')) {
			add(field, t('form.required'))
		} else if (issue.code === 'too_big' && typeof issue.maximum !== 'bigint') {
			add(field, t('form.tooLong', { max: Number(issue.maximum) }))
		} else {
			// schemas may carry their own i18n key as the message, e.g. z.email({ error: 'auth.email.invalid' })
			add(field, issue.message.includes('.') && !issue.message.includes(' ') ? t(issue.message as never) : t('form.invalid'))
		}
	}
	return { ok: false, errors, values }
}

/** Trimmed single-line text with a length limit (the common field). */
export function text(max: number) {
	return z.string().trim().min(1).max(max)
}
