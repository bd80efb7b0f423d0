import type { AppLoadContext } from 'react-router'
import type { AnswerMode, AnswerValue } from '#app/components/questionnaire/answer-model.ts'
import { withoutImported } from '#app/domain/assessments/to-v1.ts'
import type { Indicator, Scheme } from '#app/domain/schemes/index.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { type Translate } from '#app/i18n/i18n.ts'
import { translator } from '#app/i18n/translator.ts'
import {
	indicatorOf,
	indicatorState,
	NOTE_MAX,
	saveAnswer,
	saveRating,
	type SaveOutcome,
	type StoredAnswer,
} from '#app/services/answers.server.ts'
import { requireAssessment, schemeOf } from '#app/services/assessments.server.ts'
import { requireWorkspace, type WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { clientIp } from '#app/utils/request-context.ts'

const REASON_MAX = 1000

export type FieldErrors = Record<string, string[]>

/** The server's version of an indicator, as a conflict shows it. */
export type ServerVersion = {
	value: AnswerValue
	note: string
	version: number
	/** who saved the answer last: null when nobody has (only a rating differs) */
	by: string | null
	byMe: boolean
	at: string | null
	percent: string | null
	ratingVersion: number
}

export type MyVersion = { value: AnswerValue; note: string; percent: string | null }

/** What a post to an indicator's form did; the page and the autosave endpoint answer with it. */
export type AnswerPostResult =
	| {
			kind: 'saved'
			indicatorId: string
			version: number
			ratingVersion: number
			at: string | null
			/** the answer's value and note as stored (an autosave compares them with the form) */
			value: AnswerValue
			note: string
	  }
	| {
			kind: 'invalid'
			indicatorId: string | null
			errors: FieldErrors
			values: Record<string, string>
	  }
	| {
			kind: 'conflict'
			indicatorId: string
			theirs: ServerVersion
			mine: MyVersion
			values: Record<string, string>
	  }
	| { kind: 'locked'; indicatorId: string; message: string }

export const statusOf: Record<AnswerPostResult['kind'], number> = {
	saved: 200,
	invalid: 400,
	conflict: 409,
	locked: 409,
}

const COMMON_FIELDS = ['intent', 'indicatorId', 'version', 'note', '_autosave']
/** The fields each answer mode's form sends; BAC adds check-N and na-N per sub-requirement. */
const fieldsOf: Record<AnswerMode, Set<string>> = {
	fraction: new Set([
		...COMMON_FIELDS,
		'choice',
		'partlyBy',
		'share',
		'checked',
		'nonconforming',
		'population',
		'allSitesCovered',
		'reason',
	]),
	checklist: new Set([...COMMON_FIELDS, 'choice', 'reason']),
	checks: new Set([...COMMON_FIELDS, 'excluded', 'reason']),
	percent: new Set([...COMMON_FIELDS, 'ratingVersion', 'percent', 'excluded', 'reason']),
}

type Parsed = {
	intent: 'save' | 'clear'
	indicatorId: string
	version: number
	ratingVersion: number
	note: string
	value: AnswerValue
	/** DNI only: the assessor's own rating (null withdraws it); undefined leaves it alone */
	percent?: string | null
}

const WHOLE = /^\d{1,9}$/

function multiline(text: string): string {
	return text.replace(/\r\n?/g, '\n')
}

/**
 * Reads an indicator form into an answer, with a message per field in the person's language.
 * The service checks the result again against the engine's rules; this layer makes the errors
 * point at the control that caused them.
 */
export function parseAnswerForm(
	values: Record<string, string>,
	mode: AnswerMode,
	indicator: Indicator,
	t: Translate,
	{ storedChecks = false }: { storedChecks?: boolean } = {},
): { ok: true; parsed: Parsed } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {}
	const add = (field: string, message: string) => (errors[field] ??= []).push(message)
	const intent = values.intent ?? 'save'
	const version = values.version ?? ''
	const ratingVersion = values.ratingVersion ?? '0'
	const malformed = { ok: false as const, errors: { '': [t('questionnaire.error.malformed')] } }
	if (
		(intent !== 'save' && intent !== 'clear') ||
		!WHOLE.test(version) ||
		!WHOLE.test(ratingVersion)
	)
		return malformed
	// every field must belong to this indicator's form: nothing another form would send is ignored
	const numbers = new Set((indicator.subRequirements ?? []).map(({ n }) => String(n)))
	for (const key of Object.keys(values)) {
		const box = /^(?:check|na)-(\d+)$/.exec(key)
		if (box ? mode !== 'checks' || !numbers.has(box[1]!) : !fieldsOf[mode].has(key))
			return malformed
	}
	const note = multiline(values.note ?? '')
	if (note.length > NOTE_MAX) add('note', t('questionnaire.error.tooLong', { max: NOTE_MAX }))
	const reason = multiline(values.reason ?? '').trim()
	if (reason.length > REASON_MAX)
		add('reason', t('questionnaire.error.tooLong', { max: REASON_MAX }))
	const base = {
		intent,
		indicatorId: indicator.id,
		version: Number(version),
		ratingVersion: Number(ratingVersion),
		note,
	} as const
	if (intent === 'clear') {
		if (Object.keys(errors).length) return { ok: false, errors }
		return {
			ok: true,
			parsed: { ...base, value: null, ...(mode === 'percent' ? { percent: null } : {}) },
		}
	}
	const exclusion = (field: string): AnswerValue => {
		if (!indicator.excludable) add(field, t('questionnaire.error.naNotAllowed'))
		if (!reason) add('reason', t('questionnaire.error.reason'))
		return { na: true, reason }
	}

	let value: AnswerValue = null
	let percent: string | null | undefined
	if (mode === 'fraction' || mode === 'checklist') {
		const choice = values.choice ?? ''
		const fixed: Record<string, number> =
			mode === 'fraction' ? { met: 1, not: 0 } : { conform: 1, partial: 0.5, notConform: 0 }
		// no choice yet: the note is saved and the indicator stays unanswered
		if (choice === '') value = null
		else if (choice in fixed) value = { fraction: fixed[choice]! }
		else if (choice === 'na') value = exclusion('choice')
		else if (choice === 'partly' && mode === 'fraction') value = partly(values, indicator, t, add)
		else add('choice', t('questionnaire.error.choice'))
	} else if (mode === 'checks') {
		if (values.excluded === 'on') value = exclusion('excluded')
		else {
			const checks = (indicator.subRequirements ?? []).map(({ n }): true | false | 'na' => {
				const met = values[`check-${n}`] === 'met'
				const na = values[`na-${n}`] === 'na'
				if (met && na) add(`check-${n}`, t('questionnaire.error.checkBoth'))
				if (na && !indicator.subRequirementsExcludable)
					add(`check-${n}`, t('questionnaire.error.subNaNotAllowed'))
				return na ? 'na' : met
			})
			if (checks.includes('na') && !reason) add('reason', t('questionnaire.error.reason'))
			// an empty box means "not met" once the indicator is answered, or when saved with the
			// button; an autosave of a note on an unanswered indicator must not answer it
			const untouched = checks.every((check) => check === false) && !reason
			if (untouched && values.intent !== 'save' && !storedChecks) value = null
			else value = reason ? { checks, reason } : { checks }
		}
	} else {
		if (values.excluded === 'on') value = exclusion('excluded')
		else {
			const text = (values.percent ?? '').trim()
			if (text === '') percent = null
			else if (/^\d{1,3}([.,]\d{1,2})?$/.test(text) && Number(text.replace(',', '.')) <= 100)
				percent = String(Number(text.replace(',', '.')))
			else add('percent', t('questionnaire.error.percent'))
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors }
	return { ok: true, parsed: { ...base, value, ...(percent !== undefined ? { percent } : {}) } }
}

function partly(
	values: Record<string, string>,
	indicator: Indicator,
	t: Translate,
	add: (field: string, message: string) => void,
): AnswerValue {
	if ((values.partlyBy ?? 'share') === 'samples' && indicator.sampling) {
		const checked = (values.checked ?? '').trim()
		const nonconforming = (values.nonconforming ?? '').trim()
		const population = (values.population ?? '').trim()
		const counts = { checked: Number(checked), nonconforming: Number(nonconforming) }
		if (!WHOLE.test(checked) || counts.checked < 1) add('checked', t('questionnaire.error.checked'))
		if (!WHOLE.test(nonconforming) || counts.nonconforming > counts.checked)
			add('nonconforming', t('questionnaire.error.nonconforming'))
		const samples: Record<string, unknown> = { ...counts }
		if (population !== '') {
			if (!WHOLE.test(population) || Number(population) < counts.checked)
				add('population', t('questionnaire.error.population'))
			samples.population = Number(population)
		}
		if (values.allSitesCovered === 'on') samples.allSitesCovered = true
		return { samples }
	}
	const share = (values.share ?? '').trim().replace(',', '.')
	if (!/^\d{1,3}(\.\d{1,4})?$/.test(share) || Number(share) > 100) {
		add('share', t('questionnaire.error.share'))
		return null
	}
	return { fraction: Math.round(Number(share) * 1e4) / 1e6 }
}

/** Form fields as strings, or null when the post cannot be an indicator form (files, repeats). */
function formValues(formData: FormData): Record<string, string> | null {
	const values: Record<string, string> = {}
	for (const [key, value] of formData.entries()) {
		if (typeof value !== 'string' || key in values) return null
		values[key] = value
	}
	return values
}

/** The value as the indicator's form shows it: DNI's imported percentages are not the member's. */
function formValue(scheme: Scheme, value: AnswerValue): AnswerValue {
	return scheme.answerMode === 'percent' ? withoutImported(value) : value
}

function serverVersion(
	scope: WorkspaceScope,
	scheme: Scheme,
	answer: StoredAnswer,
	rating: { percent: string; version: number } | null,
): ServerVersion {
	return {
		value: formValue(scheme, answer.value),
		note: answer.note,
		version: answer.version,
		by: answer.updatedBy?.name ?? null,
		byMe: answer.updatedBy?.id === scope.user.id,
		at: answer.updatedAt?.toISOString() ?? null,
		percent: rating?.percent ?? null,
		ratingVersion: rating?.version ?? 0,
	}
}

/**
 * Handles one indicator form: parse, save the answer (and for DNI the assessor's own rating),
 * and say what happened. Throws 404 for an assessment or indicator that is not this workspace's,
 * 403 for viewers, and the sign-in redirect for a missing session.
 */
export async function handleAnswerPost({
	request,
	params,
	context,
}: {
	request: Request
	params: { workspaceId?: string; assessmentId?: string }
	context: AppLoadContext
}): Promise<AnswerPostResult> {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await requireAssessment(scope, params.assessmentId)
	const assessmentId = assessment.id
	const scheme = schemeOf(assessment)
	const t = translator(await resolveLocale(request, scope.user))
	let formData: FormData
	try {
		formData = await request.formData()
	} catch {
		return {
			kind: 'invalid',
			indicatorId: null,
			errors: { '': [t('questionnaire.error.malformed')] },
			values: {},
		}
	}
	const values = formValues(formData)
	if (!values || !values.indicatorId)
		return {
			kind: 'invalid',
			indicatorId: null,
			errors: { '': [t('questionnaire.error.malformed')] },
			values: {},
		}
	const indicator = indicatorOf(scheme, values.indicatorId)
	invariantNotFound(indicator, `unknown indicator ${values.indicatorId}`)
	const indicatorId = indicator.id
	const storedChecks =
		scheme.answerMode === 'checks' &&
		Array.isArray((await indicatorState(scope, assessmentId, indicatorId)).answer.value?.checks)
	const form = parseAnswerForm(values, scheme.answerMode, indicator, t, { storedChecks })
	if (!form.ok) return { kind: 'invalid', indicatorId, errors: form.errors, values }
	return save(scope, scheme, assessmentId, form.parsed, values, t, clientIp(context))
}

async function save(
	scope: WorkspaceScope,
	scheme: Scheme,
	assessmentId: string,
	parsed: Parsed,
	values: Record<string, string>,
	t: Translate,
	ip: string,
): Promise<AnswerPostResult> {
	const { indicatorId } = parsed
	const mine: MyVersion = {
		value: parsed.value,
		note: parsed.note,
		percent: parsed.percent ?? null,
	}
	const refused = async (
		outcome: Exclude<SaveOutcome<unknown>, { ok: true }>,
	): Promise<AnswerPostResult> => {
		if (outcome.status === 400)
			return {
				kind: 'invalid',
				indicatorId,
				errors: { '': [t('questionnaire.error.rejected', { detail: outcome.message })] },
				values,
			}
		if (outcome.reason === 'submitted')
			return { kind: 'locked', indicatorId, message: t('questionnaire.state.locked') }
		const current = await indicatorState(scope, assessmentId, indicatorId)
		return {
			kind: 'conflict',
			indicatorId,
			theirs: serverVersion(scope, scheme, current.answer, current.rating),
			mine,
			values,
		}
	}
	const answer = await saveAnswer(
		scope,
		assessmentId,
		indicatorId,
		{ value: parsed.value, note: parsed.note, status: 'answered' },
		parsed.version,
		{ ip },
	)
	if (!answer.ok) return refused(answer)
	let ratingVersion = parsed.ratingVersion
	if (scheme.answerMode === 'percent' && parsed.percent !== undefined) {
		const rating = await saveRating(
			scope,
			assessmentId,
			indicatorId,
			parsed.percent,
			parsed.ratingVersion,
			{ ip },
		)
		if (!rating.ok) return refused(rating)
		ratingVersion = rating.saved.version
	}
	return {
		kind: 'saved',
		indicatorId,
		version: answer.saved.version,
		ratingVersion,
		at: answer.saved.updatedAt?.toISOString() ?? null,
		value: formValue(scheme, answer.saved.value),
		note: answer.saved.note,
	}
}
