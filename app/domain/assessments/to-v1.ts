import { schemeIndicators } from '../schemes/load-scheme.ts'
import type { Scheme } from '../schemes/scheme-schema.ts'
import { FORMAT_V1 } from '../scoring/validate.ts'
import type { AssessmentV1 } from '../scoring/types.ts'

/** An answers row as stored: `value` is the v1 answer shape without note and evidence. */
export type StoredAnswer = {
	indicatorId: string
	value: Record<string, unknown> | null
	note: string
	status: 'answered' | 'to_review'
}

/** One assessor's DNI maturity percentage, exact decimal text. */
export type StoredRating = { indicatorId: string; userId: string; percent: string }

export type StoredSpecialItem = {
	kind: 'deduction' | 'bonus'
	description: string
	correctiveAction: string
}

export type StoredEvidence = { indicatorId: string; name: string }

/** Everything stored about one assessment's answers, as the scoring engine needs it. */
export type StoredAssessment = {
	answers: readonly StoredAnswer[]
	ratings: readonly StoredRating[]
	specialItems: readonly StoredSpecialItem[]
	evidence: readonly StoredEvidence[]
}

/**
 * A v1 document built from stored rows, before validation: the stored values are not trusted to
 * be valid answers (the scheme data may have changed since), so `validateAssessment` types them.
 */
export type AssessmentV1Draft = Omit<AssessmentV1, 'answers'> & {
	answers: Record<string, Record<string, unknown>>
}

export const EMPTY_STORED: StoredAssessment = {
	answers: [],
	ratings: [],
	specialItems: [],
	evidence: [],
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>()
	for (const item of items) {
		const k = key(item)
		const list = out.get(k)
		if (list) list.push(item)
		else out.set(k, [item])
	}
	return out
}

function percentList(value: unknown): number[] {
	if (typeof value === 'number') return [value]
	if (Array.isArray(value))
		return value.filter((entry): entry is number => typeof entry === 'number')
	return []
}

/**
 * DNI: the percentages a v1 import stored in an answer's value. The file does not say who rated
 * what, so they belong to no member; they score beside the members' own ratings until an owner or
 * admin removes them.
 */
export function importedPercents(value: Record<string, unknown> | null): number[] {
	return percentList(value?.percent)
}

/** An answer's value without the imported percentages: the part a member's form edits. */
export function withoutImported(
	value: Record<string, unknown> | null,
): Record<string, unknown> | null {
	if (!value || !Object.hasOwn(value, 'percent')) return value
	const { percent: _imported, ...rest } = value
	return Object.keys(rest).length ? rest : null
}

/** A member's new value with the imported percentages the stored value holds carried over. */
export function keepImported(
	next: Record<string, unknown> | null,
	stored: Record<string, unknown> | null,
): Record<string, unknown> | null {
	if (!stored || !Object.hasOwn(stored, 'percent')) return next
	return { ...next, percent: stored.percent }
}

/**
 * DNI: the percentages one indicator scores, in the order the v1 document lists them: the
 * imported ones, then each assessor's own rating ordered by user id (so the document is stable).
 */
export function indicatorPercents(
	value: Record<string, unknown> | null,
	ratings: readonly Pick<StoredRating, 'userId' | 'percent'>[],
): number[] {
	return [
		...importedPercents(value),
		...[...ratings]
			.sort((a, b) => a.userId.localeCompare(b.userId))
			.map((rating) => Number(rating.percent)),
	]
}

/**
 * The v1 answer shape of one indicator, or null when it is unanswered. DNI: an exclusion in the
 * stored value wins (imported percentages kept beside it are not scored while it stands);
 * otherwise the indicator scores the mean of `indicatorPercents` (seed 001 §6.1.4).
 */
function answerShape(
	scheme: Scheme,
	stored: StoredAnswer | undefined,
	ratings: readonly StoredRating[],
): Record<string, unknown> | null {
	const { note: _note, evidence: _evidence, ...value } = stored?.value ?? {}
	if (scheme.answerMode !== 'percent') return Object.keys(value).length ? value : null
	if ('na' in value) return withoutImported(value)
	const percents = indicatorPercents(value, ratings)
	if (percents.length === 0) return Object.keys(value).length ? value : null
	return { ...value, percent: percents }
}

/** Builds the v1 document of an assessment from its stored rows, indicators in printed order. */
export function toV1(
	scheme: Scheme,
	stored: StoredAssessment,
	meta: { organisation?: string; period?: string } = {},
): AssessmentV1Draft {
	const answersById = new Map(stored.answers.map((answer) => [answer.indicatorId, answer]))
	const ratingsById = groupBy(stored.ratings, (rating) => rating.indicatorId)
	const evidenceById = groupBy(stored.evidence, (file) => file.indicatorId)
	const answers: Record<string, Record<string, unknown>> = {}
	for (const { indicator } of schemeIndicators(scheme)) {
		const stored = answersById.get(indicator.id)
		const shape = answerShape(scheme, stored, ratingsById.get(indicator.id) ?? [])
		if (!shape) continue
		const answer: Record<string, unknown> = { ...shape }
		if (stored?.note.trim()) answer.note = stored.note
		const files = evidenceById.get(indicator.id)
		if (files?.length) answer.evidence = files.map((file) => file.name)
		answers[indicator.id] = answer
	}
	const draft: AssessmentV1Draft = {
		format: FORMAT_V1,
		scheme: scheme.id,
		...(meta.organisation ? { organisation: { name: meta.organisation } } : {}),
		...(meta.period ? { period: meta.period } : {}),
		answers,
	}
	const deductions = stored.specialItems.filter((item) => item.kind === 'deduction')
	if (deductions.length)
		draft.specialDeductions = deductions.map((item) => ({
			description: item.description,
			correctiveAction: item.correctiveAction,
		}))
	const bonus = stored.specialItems.find((item) => item.kind === 'bonus')
	if (bonus) draft.specialBonus = { justification: bonus.description }
	return draft
}

/** What a validated v1 document stores: one answer row per answered indicator and the special items. */
export type V1Rows = {
	answers: { indicatorId: string; value: Record<string, unknown>; note: string }[]
	specialItems: StoredSpecialItem[]
}

/**
 * The reverse of `toV1` for a document `validateAssessment` accepted. Evidence names are not
 * stored: evidence rows stand for uploaded files, and a name in a file is not a file.
 */
export function fromV1(assessment: AssessmentV1): V1Rows {
	const answers = Object.entries(assessment.answers).map(([indicatorId, answer]) => {
		const { note, evidence: _evidence, ...value } = answer
		const stored: Record<string, unknown> = value
		return { indicatorId, value: stored, note: note ?? '' }
	})
	const specialItems: StoredSpecialItem[] = (assessment.specialDeductions ?? []).map((item) => ({
		kind: 'deduction',
		description: item.description,
		correctiveAction: item.correctiveAction,
	}))
	if (assessment.specialBonus)
		specialItems.push({
			kind: 'bonus',
			description: assessment.specialBonus.justification,
			correctiveAction: '',
		})
	return { answers, specialItems }
}

export type IndicatorState = 'answered' | 'to_review' | 'unanswered'

/** Whether each indicator of the scheme is answered, answered but to review, or unanswered. */
export function indicatorStates(
	scheme: Scheme,
	stored: StoredAssessment,
): Map<string, IndicatorState> {
	const answersById = new Map(stored.answers.map((answer) => [answer.indicatorId, answer]))
	const rated = new Set(stored.ratings.map((rating) => rating.indicatorId))
	const states = new Map<string, IndicatorState>()
	for (const { indicator } of schemeIndicators(scheme)) {
		const answer = answersById.get(indicator.id)
		const hasValue = Boolean(answer?.value && Object.keys(answer.value).length > 0)
		const answered = hasValue || (scheme.answerMode === 'percent' && rated.has(indicator.id))
		states.set(
			indicator.id,
			!answered ? 'unanswered' : answer?.status === 'to_review' ? 'to_review' : 'answered',
		)
	}
	return states
}

export type SectionProgress = {
	id: string
	title: string
	titleEn: string
	total: number
	/** answered and confirmed */
	answered: number
	/** answered, copied from an earlier assessment and not yet confirmed */
	toReview: string[]
	unanswered: string[]
}

/** Progress and completeness per section, indicators in printed order. */
export function sectionProgress(scheme: Scheme, stored: StoredAssessment): SectionProgress[] {
	const states = indicatorStates(scheme, stored)
	const bySection = new Map<string, SectionProgress>(
		scheme.sections.map((section) => [
			section.id,
			{
				id: section.id,
				title: section.title,
				titleEn: section.titleEn,
				total: 0,
				answered: 0,
				toReview: [],
				unanswered: [],
			},
		]),
	)
	for (const { indicator, section } of schemeIndicators(scheme)) {
		const entry = bySection.get(section.id)
		if (!entry) continue
		entry.total++
		const state = states.get(indicator.id)
		if (state === 'answered') entry.answered++
		else if (state === 'to_review') entry.toReview.push(indicator.id)
		else entry.unanswered.push(indicator.id)
	}
	return [...bySection.values()]
}

export type Progress = { total: number; answered: number; toReview: number; unanswered: number }

/** The whole assessment's progress: answered counts confirmed answers only. */
export function overallProgress(sections: readonly SectionProgress[]): Progress {
	let total = 0
	let answered = 0
	let toReview = 0
	let unanswered = 0
	for (const section of sections) {
		total += section.total
		answered += section.answered
		toReview += section.toReview.length
		unanswered += section.unanswered.length
	}
	return { total, answered, toReview, unanswered }
}

/**
 * What stops a submission: per section, the unanswered indicators and those still to review
 * (copied answers must be confirmed, not rubber-stamped). Empty when complete.
 */
export function missingForSubmit(sections: readonly SectionProgress[]): SectionProgress[] {
	return sections.filter((section) => section.unanswered.length > 0 || section.toReview.length > 0)
}
