import { data } from 'react-router'
import { z } from 'zod'
import { type Locale, type Translate } from '#app/i18n/i18n.ts'
import { translator } from '#app/i18n/translator.ts'
import type { Refusal } from '#app/services/collaboration.server.ts'
import { ACTION_INDICATORS_MAX, STATUSES, type ActionStatus } from '#app/utils/actions.ts'
import { parseFormData, type FieldErrors, type FormResult } from '#app/utils/forms.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'

/** What a refused or invalid form gives back to its page: the messages and what was typed. */
export type FormReply = {
	intent: string | null
	errors: FieldErrors
	values: Record<string, string>
	indicatorIds?: string[]
}

export function formError(
	intent: string | null,
	errors: FieldErrors,
	values: Record<string, string>,
	status = 400,
	indicatorIds?: string[],
) {
	return data<FormReply>({ intent, errors, values, indicatorIds }, { status })
}

/** A refused change beside its field with the refusal's status; not found is thrown (404). */
export function refusedForm(
	intent: string | null,
	refusal: Refusal,
	t: Translate,
	values: Record<string, string> = {},
	indicatorIds?: string[],
) {
	invariantNotFound(refusal.status !== 404)
	return formError(
		intent,
		{ [refusal.field ?? '']: [t(refusal.message, refusal.vars)] },
		values,
		refusal.status,
		indicatorIds,
	)
}

/** Parsed action fields back as the form's text, to refill it after a refusal. */
export function fieldValues(fields: {
	title: string
	description: string
	ownerUserId: string
	dueDate: string | null
	priority: string
}): Record<string, string> {
	return { ...fields, dueDate: fields.dueDate ?? '' }
}

export async function readFormData(request: Request): Promise<FormData | null> {
	try {
		return await request.formData()
	} catch {
		return null
	}
}

export function unreadableForm(locale: Locale) {
	return formError(null, { '': [translator(locale)('form.invalid')] }, {})
}

/** The intent a form names, if it is one of the page's. */
export function intentOf<const I extends readonly string[]>(
	formData: FormData,
	intents: I,
): I[number] | null {
	const intent = formData.get('intent')
	return typeof intent === 'string' && intents.includes(intent) ? intent : null
}

/**
 * A form with a repeated `indicatorIds` field (one per ticked gap): those are read as a list and
 * the rest strictly, as parseFormData does (unknown fields refused).
 */
export function parseWithIndicators<S extends z.ZodObject>(
	formData: FormData,
	schema: S,
	locale: Locale,
): FormResult<z.infer<S>> & { indicatorIds: string[] } {
	const t = translator(locale)
	const rest = new FormData()
	const indicatorIds: string[] = []
	const errors: FieldErrors = {}
	for (const [key, value] of formData.entries()) {
		if (key !== 'indicatorIds') rest.append(key, value)
		else if (typeof value !== 'string' || value.length > 50)
			errors.indicatorIds = [t('form.invalid')]
		else indicatorIds.push(value)
	}
	if (indicatorIds.length > ACTION_INDICATORS_MAX)
		errors.indicatorIds = [t('actions.error.tooManyIndicators', { max: ACTION_INDICATORS_MAX })]
	const parsed = parseFormData(rest, schema, locale)
	if (parsed.ok && Object.keys(errors).length === 0) return { ...parsed, indicatorIds }
	return {
		ok: false,
		errors: { ...(parsed.ok ? {} : parsed.errors), ...errors },
		values: parsed.ok ? {} : parsed.values,
		indicatorIds,
	}
}

const StatusFilter = z.enum(STATUSES)

/**
 * The list filters from a URL. A value the list does not know (an old bookmark, a typo) is
 * ignored rather than refused: filters only narrow what the member may see anyway.
 */
export function readFilters(url: URL): {
	status: ActionStatus | undefined
	owner: string
	overdue: boolean
} {
	const status = StatusFilter.safeParse(url.searchParams.get('status'))
	const owner = url.searchParams.get('owner')?.trim() ?? ''
	return {
		status: status.success ? status.data : undefined,
		owner: owner.length <= 100 ? owner : '',
		overdue: url.searchParams.get('overdue') === '1',
	}
}
