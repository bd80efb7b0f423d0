import { z } from 'zod'
import type { AnswerValue, QuestionIndicator } from '#app/components/questionnaire/answer-model.ts'
import { applyPath, pathToNextLevel, whatIf, type WhatIfChanges } from '#app/domain/gaps/index.ts'
import { schemeIndicators, type Indicator, type Scheme } from '#app/domain/schemes/index.ts'
import {
	scoreAssessment,
	validateAssessment,
	type AnswerV1,
	type AssessmentV1,
	type IndicatorResult,
	type ScoreResult,
} from '#app/domain/scoring/index.ts'
import type { Translate } from '#app/i18n/i18n.ts'
import { parseAnswerForm } from '#app/routes/questionnaire/answer-post.server.ts'
import { pathView, type ResultsBasis } from '#app/services/results.server.ts'
import {
	DEDUCTIONS_MAX,
	EMPTY_STATE,
	WHAT_IF_INTENTS,
	type AnswerShape,
	type WhatIfState,
} from './what-if-model.ts'

/**
 * What-if: answers changed hypothetically, scored by the engine, never stored. The changes
 * travel with every form of the page as one JSON field, so the page works as plain posts that
 * re-render with the hypothetical result; the server checks them again on every post.
 */

const STATE_MAX_CHARS = 200_000

const StateSchema = z.strictObject({
	answers: z.record(z.string().max(50), z.record(z.string(), z.unknown()).nullable()),
	deductions: z.number().int().min(0).max(DEDUCTIONS_MAX).optional(),
	bonus: z.boolean().optional(),
})

export function readState(text: unknown): WhatIfState | null {
	if (typeof text !== 'string' || text.length > STATE_MAX_CHARS) return null
	if (text === '') return EMPTY_STATE
	let json: unknown
	try {
		json = JSON.parse(text)
	} catch {
		return null
	}
	const parsed = StateSchema.safeParse(json)
	return parsed.success ? parsed.data : null
}

function shapeOf(answer: AnswerV1 | undefined): AnswerShape | null {
	if (!answer) return null
	const { note: _note, evidence: _evidence, ...value } = answer
	return value
}

function same(a: AnswerShape | null, b: AnswerShape | null): boolean {
	return JSON.stringify(a) === JSON.stringify(b)
}

type Marks = Pick<IndicatorResult, 'earned' | 'involved' | 'excluded'>

export type WhatIfIndicator = QuestionIndicator & {
	sectionId: string
	/** the stored answer as scored, without note and evidence (null too while hidden) */
	real: AnswerShape | null
	/** null: the assessors' ratings are hidden until the viewer has rated */
	marks: Marks | null
}

/** The page before any change: every indicator with its real answer and marks, by section. */
export function whatIfBaseline(basis: ResultsBasis) {
	const { scheme, answers, hidden } = basis
	if (!answers) return null
	const result = scoreAssessment(scheme, answers)
	const marks = new Map(result.indicators.map((entry) => [entry.id, entry]))
	const indicators: WhatIfIndicator[] = schemeIndicators(scheme).map(({ indicator, section }) => {
		const entry = marks.get(indicator.id)
		const concealed = hidden.has(indicator.id)
		return {
			...questionOf(indicator),
			sectionId: section.id,
			real: concealed ? null : shapeOf(answers.answers[indicator.id]),
			marks: concealed
				? null
				: {
						earned: entry?.earned ?? 0,
						involved: entry?.involved ?? 0,
						excluded: entry?.excluded ?? false,
					},
		}
	})
	return {
		mode: scheme.answerMode,
		specialItems: scheme.specialItems,
		deductionLimit: scheme.failAtSpecialDeductions,
		sections: scheme.sections.map(({ id, title, titleEn }) => ({ id, title, titleEn })),
		indicators,
		real: {
			...outcomeOf(result),
			deductions: answers.specialDeductions?.length ?? 0,
			bonus: answers.specialBonus !== undefined,
			path: pathView(pathToNextLevel(scheme, answers), hidden),
		},
	}
}

/** The answering controls need no clause text or guidance here; sub-requirements keep theirs. */
function questionOf(indicator: Indicator): QuestionIndicator {
	return {
		id: indicator.id,
		code: indicator.code,
		title: indicator.title,
		titleEn: indicator.titleEn,
		text: '',
		points: indicator.points,
		excludable: indicator.excludable,
		sampling: indicator.sampling,
		subRequirements: indicator.subRequirements,
		subRequirementsExcludable: indicator.subRequirementsExcludable,
		rule: indicator.rule,
	}
}

function outcomeOf(result: ScoreResult) {
	return { score: result.score, passed: result.passed, level: result.level?.key ?? null }
}

/** The hypothetical special items the state asks for, built from the recorded ones. */
function specialChanges(
	real: AssessmentV1,
	state: WhatIfState,
	t: Translate,
): Pick<WhatIfChanges, 'specialDeductions' | 'specialBonus'> {
	const changes: Pick<WhatIfChanges, 'specialDeductions' | 'specialBonus'> = {}
	if (state.deductions !== undefined) {
		const recorded = real.specialDeductions ?? []
		const assumed = {
			description: t('results.whatIf.assumed'),
			correctiveAction: t('results.whatIf.assumed'),
		}
		changes.specialDeductions = Array.from(
			{ length: state.deductions },
			(_, i) => recorded[i] ?? assumed,
		)
	}
	if (state.bonus !== undefined)
		changes.specialBonus = state.bonus
			? (real.specialBonus ?? { justification: t('results.whatIf.assumed') })
			: null
	return changes
}

/**
 * The state's answers as the engine types them: each is validated in the whole hypothetical
 * assessment, so a shape the scheme refuses is an error, never a score.
 */
function changesOf(
	scheme: Scheme,
	real: AssessmentV1,
	state: WhatIfState,
	t: Translate,
): { ok: true; changes: WhatIfChanges } | { ok: false; error: string } {
	const known = new Set(schemeIndicators(scheme).map(({ indicator }) => indicator.id))
	const unknown = Object.keys(state.answers).find((id) => !known.has(id))
	if (unknown)
		return { ok: false, error: t('results.whatIf.unknownIndicator', { id: unknown.slice(0, 50) }) }
	const draft: Record<string, unknown> = { ...real.answers }
	for (const [id, value] of Object.entries(state.answers)) {
		if (value === null) delete draft[id]
		else draft[id] = value
	}
	const validated = validateAssessment({ ...real, answers: draft })
	if (!validated.ok) return validated
	const answers: Record<string, AnswerV1 | null> = {}
	for (const [id, value] of Object.entries(state.answers))
		answers[id] = value === null ? null : (validated.assessment.answers[id] ?? null)
	return { ok: true, changes: { answers, ...specialChanges(real, state, t) } }
}

export type WhatIfOutcome = {
	before: ReturnType<typeof outcomeOf>
	after: ReturnType<typeof outcomeOf>
	scoreChange: number
	levelChange: 'up' | 'down' | 'same'
	passChange: 'up' | 'down' | 'same'
	deductions: number
	bonus: boolean
	/** before is null while the indicator's ratings are hidden from the viewer */
	changed: { id: string; before: Marks | null; after: Marks }[]
	path: ReturnType<typeof pathView>
}

function evaluate(
	scheme: Scheme,
	real: AssessmentV1,
	state: WhatIfState,
	t: Translate,
	hidden: ReadonlySet<string>,
): { ok: true; outcome: WhatIfOutcome; assessment: AssessmentV1 } | { ok: false; error: string } {
	const built = changesOf(scheme, real, state, t)
	if (!built.ok) return built
	const result = whatIf(scheme, real, built.changes)
	if (!result.ok) return result
	const marks = ({ earned, involved, excluded }: IndicatorResult): Marks => ({
		earned,
		involved,
		excluded,
	})
	return {
		ok: true,
		assessment: result.assessment,
		outcome: {
			before: outcomeOf(result.before),
			after: outcomeOf(result.after),
			scoreChange: result.scoreChange,
			levelChange: result.levelChange,
			passChange: result.passChange,
			deductions: result.after.specialDeductions,
			bonus: result.after.specialBonus > 0,
			changed: result.indicators.map((entry) => ({
				id: entry.id,
				before: hidden.has(entry.id) ? null : marks(entry.before),
				after: marks(entry.after),
			})),
			path: pathView(pathToNextLevel(scheme, result.assessment), hidden),
		},
	}
}

export type WhatIfResponse = {
	state: WhatIfState
	outcome: WhatIfOutcome | null
	/** the indicator form that was refused, its messages and what was typed */
	invalid: {
		indicatorId: string
		errors: Record<string, string[]>
		values: Record<string, string>
	} | null
	/** a refusal of the whole post, in words */
	message: string | null
	status: 200 | 400
}

function formValues(formData: FormData): Record<string, string> | null {
	const values: Record<string, string> = {}
	for (const [key, value] of formData.entries()) {
		if (typeof value !== 'string' || key in values) return null
		values[key] = value
	}
	return values
}

function percentAnswer(value: AnswerValue, percent: string | null | undefined): AnswerShape | null {
	if (value) return value
	return percent === null || percent === undefined ? null : { percent: Number(percent) }
}

/**
 * One post of the what-if page: try an indicator's hypothetical answer, put one back, assume
 * special items, or walk the path to the next level. Answers a new state and its score, or
 * the refusal with the state as it was. Nothing is written anywhere.
 */
export function runWhatIf(
	basis: ResultsBasis,
	formData: FormData | null,
	t: Translate,
): WhatIfResponse {
	const { scheme, answers: real, hidden } = basis
	const refuse = (message: string, state: WhatIfState = EMPTY_STATE): WhatIfResponse => ({
		state,
		outcome: null,
		invalid: null,
		message,
		status: 400,
	})
	if (!real) return refuse(t('assessment.score.notScorable'))
	const values = formData && formValues(formData)
	if (!values) return refuse(t('questionnaire.error.malformed'))
	const { intent, state: stateText, ...fields } = values
	const previous = readState(stateText ?? '')
	if (!previous) return refuse(t('results.whatIf.badState'))
	const known = WHAT_IF_INTENTS.find((entry) => entry === intent)
	if (!known) return refuse(t('results.whatIf.badIntent'), previous)
	const state: WhatIfState = { ...previous, answers: { ...previous.answers } }
	const indicators = new Map(
		schemeIndicators(scheme).map(({ indicator }) => [indicator.id, indicator]),
	)

	if (known === 'try' || known === 'reset') {
		const indicator = indicators.get(fields.indicatorId ?? '')
		if (!indicator)
			return refuse(
				t('results.whatIf.unknownIndicator', { id: (fields.indicatorId ?? '').slice(0, 50) }),
				previous,
			)
		if (known === 'reset') delete state.answers[indicator.id]
		else {
			const parsed = parseAnswerForm(
				{ ...fields, intent: 'save', version: '0' },
				scheme.answerMode,
				indicator,
				t,
			)
			if (!parsed.ok)
				return {
					state: previous,
					outcome: evaluateOrNull(scheme, real, previous, t, hidden),
					invalid: { indicatorId: indicator.id, errors: parsed.errors, values: fields },
					message: null,
					status: 400,
				}
			const value =
				scheme.answerMode === 'percent'
					? percentAnswer(parsed.parsed.value, parsed.parsed.percent)
					: parsed.parsed.value
			if (same(value, shapeOf(real.answers[indicator.id]))) delete state.answers[indicator.id]
			else state.answers[indicator.id] = value
		}
	} else if (known === 'special') {
		if (!scheme.specialItems) return refuse(t('results.whatIf.noSpecialItems'), previous)
		const { deductions = '', bonus, ...rest } = fields
		if (Object.keys(rest).length || (bonus !== undefined && bonus !== 'on'))
			return refuse(t('questionnaire.error.malformed'), previous)
		const count = deductions.trim()
		if (!/^\d{1,2}$/.test(count) || Number(count) > DEDUCTIONS_MAX)
			return {
				state: previous,
				outcome: evaluateOrNull(scheme, real, previous, t, hidden),
				invalid: {
					indicatorId: 'special',
					errors: { deductions: [t('results.whatIf.deductionsRange', { max: DEDUCTIONS_MAX })] },
					values: fields,
				},
				message: null,
				status: 400,
			}
		const recorded = real.specialDeductions?.length ?? 0
		state.deductions = Number(count) === recorded ? undefined : Number(count)
		state.bonus =
			(bonus === 'on') === (real.specialBonus !== undefined) ? undefined : bonus === 'on'
	} else {
		const current = evaluate(scheme, real, previous, t, hidden)
		if (!current.ok) return refuse(current.error, EMPTY_STATE)
		const path = pathToNextLevel(scheme, current.assessment)
		if (path.kind !== 'path') return refuse(t('results.whatIf.noPath'), previous)
		const walked = applyPath(current.assessment, path)
		for (const step of path.steps) state.answers[step.id] = shapeOf(walked.answers[step.id])
		if (path.deductions.toClear > 0) state.deductions = (walked.specialDeductions ?? []).length
	}

	const evaluated = evaluate(scheme, real, state, t, hidden)
	if (!evaluated.ok)
		return {
			state: previous,
			outcome: evaluateOrNull(scheme, real, previous, t, hidden),
			invalid: null,
			message: t('results.whatIf.refused', { detail: evaluated.error }),
			status: 400,
		}
	// everything put back: the page is as it was before any change
	const unchanged =
		Object.keys(state.answers).length === 0 &&
		state.deductions === undefined &&
		state.bonus === undefined
	return {
		state,
		outcome: unchanged ? null : evaluated.outcome,
		invalid: null,
		message: null,
		status: 200,
	}
}

function evaluateOrNull(
	scheme: Scheme,
	real: AssessmentV1,
	state: WhatIfState,
	t: Translate,
	hidden: ReadonlySet<string>,
) {
	const evaluated = evaluate(scheme, real, state, t, hidden)
	return evaluated.ok ? evaluated.outcome : null
}
