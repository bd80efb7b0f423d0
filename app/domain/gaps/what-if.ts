import type { Scheme } from '../schemes/scheme-schema.ts'
import { fromDecimal, sub, toNumber } from '../scoring/rational.ts'
import { scoreAssessment } from '../scoring/score.ts'
import type { AnswerV1, AssessmentV1, IndicatorResult, ScoreResult } from '../scoring/types.ts'
import { validateAssessment } from '../scoring/validate.ts'
import { direction, levelRank, type Direction } from './marks.ts'

export type WhatIfChanges = {
	/** hypothetical answers by indicator id; null makes the indicator unanswered */
	answers?: Record<string, AnswerV1 | null>
	/** replaces the special deductions (an empty list clears them) */
	specialDeductions?: NonNullable<AssessmentV1['specialDeductions']>
	/** sets the special bonus, or removes it with null */
	specialBonus?: NonNullable<AssessmentV1['specialBonus']> | null
}

export type IndicatorChange = {
	id: string
	before: IndicatorResult
	after: IndicatorResult
}

export type WhatIf =
	| {
			ok: true
			/** the hypothetical assessment: new objects where something changed, shared elsewhere */
			assessment: AssessmentV1
			before: ScoreResult
			after: ScoreResult
			/** after − before, of the rounded scores */
			scoreChange: number
			levelChange: Direction
			/** from failing to passing (up) or back (down) */
			passChange: Direction
			indicators: IndicatorChange[]
	  }
	| { ok: false; error: string }

function withChanges(assessment: AssessmentV1, changes: WhatIfChanges): AssessmentV1 {
	const changed = changes.answers ?? {}
	const answers: Record<string, AnswerV1> = {}
	for (const [id, answer] of Object.entries(assessment.answers)) {
		if (!Object.hasOwn(changed, id)) answers[id] = answer
	}
	for (const [id, answer] of Object.entries(changed)) {
		if (answer !== null) answers[id] = answer
	}
	const { specialBonus, specialDeductions, ...rest } = assessment
	const bonus = changes.specialBonus === undefined ? specialBonus : changes.specialBonus
	const deductions = changes.specialDeductions ?? specialDeductions
	return {
		...rest,
		answers,
		...(deductions ? { specialDeductions: deductions } : {}),
		...(bonus ? { specialBonus: bonus } : {}),
	}
}

/**
 * Scores an assessment with some answers (or special items) changed hypothetically. The
 * original is never touched: the hypothetical assessment is a new object that shares every
 * answer it does not change. Changes the scheme would refuse (a fraction of 1.5, an exclusion
 * where none is allowed, an unknown indicator) give the validation error instead of a score.
 */
export function whatIf(scheme: Scheme, assessment: AssessmentV1, changes: WhatIfChanges): WhatIf {
	const next = withChanges(assessment, changes)
	const validated = validateAssessment(next, (id) => (id === scheme.id ? scheme : undefined))
	if (!validated.ok) return validated
	const before = scoreAssessment(scheme, assessment)
	const after = scoreAssessment(scheme, next)
	const indicators = after.indicators.flatMap((entry, i) => {
		const previous = before.indicators[i]
		return previous &&
			(previous.earned !== entry.earned ||
				previous.involved !== entry.involved ||
				previous.excluded !== entry.excluded)
			? [{ id: entry.id, before: previous, after: entry }]
			: []
	})
	return {
		ok: true,
		assessment: next,
		before,
		after,
		scoreChange: toNumber(sub(fromDecimal(after.score), fromDecimal(before.score))),
		levelChange: direction(levelRank(before.level), levelRank(after.level)),
		passChange: direction(Number(before.passed === true), Number(after.passed === true)),
		indicators,
	}
}
