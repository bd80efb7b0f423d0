import type { Translate } from '#app/i18n/i18n.ts'

/**
 * How answers look in the questionnaire's forms, shared by the server (parsing a post) and the
 * browser (filling the controls, summing up a version in a conflict). Pure, no I/O.
 */

export type AnswerMode = 'fraction' | 'percent' | 'checks' | 'checklist'
export type AnswerValue = Record<string, unknown> | null

export type ChecksRule =
	| { kind: 'all-or-nothing' }
	| { kind: 'per-met' | 'deduct-per-unmet' | 'per-met-full-when-all'; pointsEach: number }

/** What the page needs of an indicator (the scheme's data, trimmed to one section). */
export type QuestionIndicator = {
	id: string
	code?: string
	title: string
	titleEn: string
	text: string
	guidance?: string
	scoringRule?: string
	points: number
	green?: boolean
	excludable: boolean
	sampling?: boolean
	assessmentType?: 'qualitative' | 'quantitative' | 'sampled'
	subRequirements?: { n: number; text: string }[]
	subRequirementsExcludable?: boolean
	rule?: ChecksRule
	modal?: '应' | '宜' | '不可' | null
	maturityBands?: { min: number; max: number; label: string; description: string }[]
}

export type Choice = '' | 'met' | 'partly' | 'not' | 'na' | 'conform' | 'partial' | 'notConform'
export type CheckState = { met: boolean; na: boolean }

/** The state of one indicator's controls; strings as typed, so nothing is lost on a round trip. */
export type FormState = {
	choice: Choice
	partlyBy: 'share' | 'samples'
	share: string
	checked: string
	nonconforming: string
	population: string
	allSitesCovered: boolean
	checks: CheckState[]
	excluded: boolean
	reason: string
	percent: string
	note: string
}

function numberText(value: unknown): string {
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
}

/** Share as a percentage without binary noise: 0.3333 → "33.33". */
function shareText(fraction: number): string {
	return String(Math.round(fraction * 1e6) / 1e4)
}

export function formStateOf(
	mode: AnswerMode,
	indicator: QuestionIndicator,
	value: AnswerValue,
	note: string,
	percent: string | null,
): FormState {
	const state: FormState = {
		choice: '',
		partlyBy: 'share',
		share: '',
		checked: '',
		nonconforming: '',
		population: '',
		allSitesCovered: false,
		checks: (indicator.subRequirements ?? []).map(() => ({ met: false, na: false })),
		excluded: false,
		reason: '',
		percent: percent ?? '',
		note,
	}
	if (!value) return state
	if (value.na === true) {
		state.reason = typeof value.reason === 'string' ? value.reason : ''
		if (mode === 'fraction' || mode === 'checklist') state.choice = 'na'
		else state.excluded = true
		return state
	}
	if (typeof value.fraction === 'number') {
		const fraction = value.fraction
		if (mode === 'checklist')
			state.choice = fraction === 1 ? 'conform' : fraction === 0 ? 'notConform' : 'partial'
		else if (fraction === 1) state.choice = 'met'
		else if (fraction === 0) state.choice = 'not'
		else {
			state.choice = 'partly'
			state.share = shareText(fraction)
		}
		return state
	}
	const samples = value.samples
	if (samples && typeof samples === 'object' && !Array.isArray(samples)) {
		const counts: Record<string, unknown> = { ...samples }
		state.choice = 'partly'
		state.partlyBy = 'samples'
		state.checked = numberText(counts.checked)
		state.nonconforming = numberText(counts.nonconforming)
		state.population = numberText(counts.population)
		state.allSitesCovered = counts.allSitesCovered === true
		return state
	}
	if (Array.isArray(value.checks)) {
		const checks: unknown[] = value.checks
		state.checks = state.checks.map((_, i) => ({ met: checks[i] === true, na: checks[i] === 'na' }))
		state.reason = typeof value.reason === 'string' ? value.reason : ''
	}
	return state
}

/** The scoring rule in words when the scheme prints none, or the portal's arithmetic for BAC. */
export function ruleSentence(t: Translate, mode: AnswerMode, indicator: QuestionIndicator): string {
	const points = indicator.points
	if (mode === 'checks' && indicator.rule) {
		const each = 'pointsEach' in indicator.rule ? indicator.rule.pointsEach : 0
		return t(`questionnaire.rule.${indicator.rule.kind}`, { points, each })
	}
	if (mode === 'percent') return t('questionnaire.rule.percent', { points })
	if (mode === 'checklist') return t('questionnaire.rule.checklist')
	return t('questionnaire.rule.fraction', { points })
}

/** One line saying what an answer is, for the compact list and for comparing versions. */
export function summariseValue(t: Translate, mode: AnswerMode, value: AnswerValue): string {
	if (!value) return t('questionnaire.summary.unanswered')
	if (value.na === true)
		return t('questionnaire.summary.na', { reason: String(value.reason ?? '') })
	if (typeof value.fraction === 'number') {
		const fraction = value.fraction
		if (mode === 'checklist')
			return t(
				fraction === 1
					? 'questionnaire.summary.conform'
					: fraction === 0
						? 'questionnaire.summary.notConform'
						: 'questionnaire.summary.partial',
			)
		if (fraction === 1) return t('questionnaire.summary.met')
		if (fraction === 0) return t('questionnaire.summary.not')
		return t('questionnaire.summary.share', { share: shareText(fraction) })
	}
	const samples = value.samples
	if (samples && typeof samples === 'object' && !Array.isArray(samples)) {
		const counts: Record<string, unknown> = { ...samples }
		let text = t('questionnaire.summary.samples', {
			checked: numberText(counts.checked),
			nonconforming: numberText(counts.nonconforming),
		})
		if (typeof counts.population === 'number')
			text += t('questionnaire.summary.population', { population: counts.population })
		if (counts.allSitesCovered === true) text += t('questionnaire.summary.allSites')
		return text
	}
	if (Array.isArray(value.checks)) {
		const checks: unknown[] = value.checks
		const na = checks.filter((check) => check === 'na').length
		let text = t('questionnaire.summary.checks', {
			met: checks.filter((check) => check === true).length,
			total: checks.length - na,
		})
		if (na > 0) text += t('questionnaire.summary.checksNa', { count: na })
		return text
	}
	return t('questionnaire.summary.unanswered')
}

/** A version of an indicator as the conflict panel compares it. */
export type AnswerVersion = {
	value: AnswerValue
	note: string
	/** DNI: the signed-in assessor's own rating in this version */
	percent?: string | null
}

export function summariseVersion(t: Translate, mode: AnswerMode, version: AnswerVersion): string[] {
	const lines: string[] = []
	const excluded = version.value?.na === true
	if (mode === 'percent' && !excluded)
		lines.push(
			version.percent
				? t('questionnaire.summary.percent', { percent: version.percent })
				: t('questionnaire.summary.noRating'),
		)
	else lines.push(summariseValue(t, mode, version.value))
	lines.push(
		version.note.trim()
			? t('questionnaire.summary.note', { note: version.note })
			: t('questionnaire.summary.noNote'),
	)
	return lines
}

const CHOICES: readonly Choice[] = [
	'met',
	'partly',
	'not',
	'na',
	'conform',
	'partial',
	'notConform',
]

/** The controls as a person submitted them, to show again next to the errors. */
export function formStateFromValues(
	values: Record<string, string>,
	indicator: QuestionIndicator,
): FormState {
	const choice = CHOICES.find((entry) => entry === values.choice) ?? ''
	return {
		choice,
		partlyBy: values.partlyBy === 'samples' ? 'samples' : 'share',
		share: values.share ?? '',
		checked: values.checked ?? '',
		nonconforming: values.nonconforming ?? '',
		population: values.population ?? '',
		allSitesCovered: values.allSitesCovered === 'on',
		checks: (indicator.subRequirements ?? []).map(({ n }) => ({
			met: values[`check-${n}`] === 'met',
			na: values[`na-${n}`] === 'na',
		})),
		excluded: values.excluded === 'on',
		reason: values.reason ?? '',
		percent: values.percent ?? '',
		note: values.note ?? '',
	}
}
