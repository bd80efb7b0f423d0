import { data } from 'react-router'
import { z } from 'zod'
import type { SectionProgress } from '#app/domain/assessments/to-v1.ts'
import { type Locale } from '#app/i18n/i18n.ts'
import { translator } from '#app/i18n/translator.ts'
import {
	addSpecialItem,
	BonusSchema,
	DeductionSchema,
	IMPORT_MAX_BYTES,
	importAssessment,
	removeSpecialItem,
	reopenAssessment,
	ReopenSchema,
	submitAssessment,
	type Refusal,
} from '#app/services/assessments.server.ts'
import type { WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { parseFormData, type FieldErrors } from '#app/utils/forms.server.ts'
import { intents, type Intent } from './intents.ts'

export type MissingSection = { id: string; title: string; unanswered: string[]; toReview: string[] }

/** One shape for every outcome, so the page reads `actionData` the same way for each form. */
export type ActionResult = {
	intent: Intent | null
	ok: boolean
	/** the outcome in the person's language: what was done, or why not */
	message: string | null
	errors: FieldErrors | null
	values: Record<string, string> | null
	missing: MissingSection[] | null
	/** changes after every success, so the page can clear the form that succeeded */
	done: number | null
}

const blank: ActionResult = {
	intent: null,
	ok: false,
	message: null,
	errors: null,
	values: null,
	missing: null,
	done: null,
}

function missingView(sections: SectionProgress[], locale: Locale): MissingSection[] {
	return sections.map((section) => ({
		id: section.id,
		title: locale === 'en' ? section.titleEn : section.title,
		unanswered: section.unanswered,
		toReview: section.toReview,
	}))
}

function refused(
	intent: Intent,
	refusal: Refusal,
	locale: Locale,
	values: Record<string, string> | null = null,
) {
	const t = translator(locale)
	const message = t(refusal.message, refusal.params)
	return data<ActionResult>(
		{
			...blank,
			intent,
			message: refusal.field ? null : message,
			errors: refusal.field ? { [refusal.field]: [message] } : null,
			values,
			missing: refusal.missing ? missingView(refusal.missing, locale) : null,
		},
		{ status: refusal.status },
	)
}

function invalid(intent: Intent | null, errors: FieldErrors, values: Record<string, string>) {
	return data<ActionResult>({ ...blank, intent, errors, values }, { status: 400 })
}

function done(intent: Intent, message: string) {
	return data<ActionResult>({ ...blank, intent, ok: true, message, done: Date.now() })
}

/** room for the form's other fields and the multipart framing, on top of an import file */
const FRAMING_BYTES = 64 * 1024

/**
 * The submitted form, read with a size limit so no post (an import file above all) is held in
 * memory beyond it: null when the body is larger, or is not a form.
 */
export async function readForm(request: Request): Promise<FormData | 'tooLarge' | null> {
	const limit = IMPORT_MAX_BYTES + FRAMING_BYTES
	const declared = Number(request.headers.get('Content-Length') ?? '0')
	if (declared > limit) return 'tooLarge'
	const chunks: Uint8Array[] = []
	let size = 0
	if (request.body) {
		const reader = request.body.getReader()
		for (;;) {
			const { done, value } = await reader.read()
			if (done) break
			size += value.byteLength
			if (size > limit) {
				await reader.cancel()
				return 'tooLarge'
			}
			chunks.push(value)
		}
	}
	try {
		return await new Request(request.url, {
			method: 'POST',
			headers: { 'Content-Type': request.headers.get('Content-Type') ?? '' },
			body: Buffer.concat(chunks),
		}).formData()
	} catch {
		return null
	}
}

/** The answer to a post whose body could not be read as a form. */
export function unreadable(reason: 'tooLarge' | null, locale: Locale) {
	const t = translator(locale)
	return reason === 'tooLarge'
		? invalid(
				'import',
				{ file: [t('assessment.error.importTooLarge', { max: IMPORT_MAX_BYTES / 1024 / 1024 })] },
				{},
			)
		: invalid(null, { '': [t('form.invalid')] }, {})
}

function asValues(parsed: Record<string, string>): Record<string, string> {
	return { ...parsed }
}

const IntentSchema = z.enum(intents)
const RemoveSchema = z.object({
	intent: z.literal('remove-special'),
	itemId: z.string().min(1).max(100),
})

/**
 * Runs one intent of the assessment page. Field errors come back with 400 and the values typed;
 * refusals with their status (409 locked, 422 incomplete …) and a message; 404/403 are thrown by
 * the service.
 */
export async function runIntent(
	formData: FormData,
	scope: WorkspaceScope,
	assessmentId: string,
	locale: Locale,
	ip: string,
) {
	const t = translator(locale)
	const parsedIntent = IntentSchema.safeParse(formData.get('intent'))
	if (!parsedIntent.success) return invalid(null, { '': [t('assessment.error.unknownIntent')] }, {})
	const intent = parsedIntent.data
	switch (intent) {
		case 'submit': {
			const form = parseFormData(formData, z.object({ intent: z.literal('submit') }), locale)
			if (!form.ok) return invalid(intent, form.errors, form.values)
			const outcome = await submitAssessment(scope, assessmentId, ip)
			return outcome.ok
				? done(intent, t('assessment.submit.done'))
				: refused(intent, outcome, locale)
		}
		case 'reopen': {
			const form = parseFormData(
				formData,
				ReopenSchema.extend({ intent: z.literal('reopen') }),
				locale,
			)
			if (!form.ok) return invalid(intent, form.errors, form.values)
			const outcome = await reopenAssessment(scope, assessmentId, form.data.reason, ip)
			return outcome.ok
				? done(intent, t('assessment.reopen.done'))
				: refused(intent, outcome, locale, asValues(form.data))
		}
		case 'add-deduction': {
			const form = parseFormData(
				formData,
				DeductionSchema.extend({ intent: z.literal('add-deduction') }),
				locale,
			)
			if (!form.ok) return invalid(intent, form.errors, form.values)
			const { intent: _intent, ...item } = form.data
			const outcome = await addSpecialItem(scope, assessmentId, { kind: 'deduction', ...item }, ip)
			return outcome.ok
				? done(intent, t('assessment.special.added'))
				: refused(intent, outcome, locale, asValues(form.data))
		}
		case 'add-bonus': {
			const form = parseFormData(
				formData,
				BonusSchema.extend({ intent: z.literal('add-bonus') }),
				locale,
			)
			if (!form.ok) return invalid(intent, form.errors, form.values)
			const outcome = await addSpecialItem(
				scope,
				assessmentId,
				{ kind: 'bonus', justification: form.data.justification },
				ip,
			)
			return outcome.ok
				? done(intent, t('assessment.special.added'))
				: refused(intent, outcome, locale, asValues(form.data))
		}
		case 'remove-special': {
			const form = parseFormData(formData, RemoveSchema, locale)
			if (!form.ok) return invalid(intent, form.errors, form.values)
			const outcome = await removeSpecialItem(scope, assessmentId, form.data.itemId, ip)
			return outcome.ok
				? done(intent, t('assessment.special.removed'))
				: refused(intent, outcome, locale)
		}
		case 'import': {
			const file = formData.get('file')
			const unexpected = [...formData.keys()].filter((key) => key !== 'intent' && key !== 'file')
			if (unexpected.length)
				return invalid(
					intent,
					Object.fromEntries(
						unexpected.map((key) => [key, [t('form.unexpectedField', { field: key })]]),
					),
					{},
				)
			if (!(file instanceof File) || file.size === 0)
				return invalid(intent, { file: [t('assessment.error.importNoFile')] }, {})
			if (file.size > IMPORT_MAX_BYTES)
				return invalid(
					intent,
					{ file: [t('assessment.error.importTooLarge', { max: IMPORT_MAX_BYTES / 1024 / 1024 })] },
					{},
				)
			let text: string
			try {
				text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
			} catch {
				return invalid(intent, { file: [t('assessment.error.importEncoding')] }, {})
			}
			const outcome = await importAssessment(scope, assessmentId, text.replace(/^\uFEFF/, ''), ip)
			if (!outcome.ok) {
				if (outcome.status === 400)
					return invalid(intent, { file: [t(outcome.message, outcome.params)] }, {})
				return refused(intent, outcome, locale)
			}
			return done(intent, t('assessment.import.done', { count: outcome.answered }))
		}
	}
}
