import { getScheme } from '../schemes/index.ts'
import { scoreAssessment } from './score.ts'
import type { ScoreResult } from './types.ts'
import {
	parseAssessmentJson as parseWith,
	validateAssessment as validateWith,
	type ValidationResult,
} from './validate.ts'

/** `validateAssessment` from validate.ts, bound to the schemes the portal offers. */
export function validateAssessment(input: unknown): ValidationResult {
	return validateWith(input, getScheme)
}

export function parseAssessmentJson(text: string): ValidationResult {
	return parseWith(text, getScheme)
}

/** Validates, then scores: the result, or the one error the scoring command prints. */
export function scoreJson(
	text: string,
): { ok: true; result: ScoreResult } | { ok: false; error: string } {
	const validated = parseAssessmentJson(text)
	if (!validated.ok) return validated
	return { ok: true, result: scoreAssessment(validated.scheme, validated.assessment) }
}

export { explainPass, levelForScore, scoreAssessment, type PassReason } from './score.ts'
export { FORMAT_V1, type SchemeLookup, type ValidationResult } from './validate.ts'
export type * from './types.ts'
