/**
 * What the what-if page and its server share: the intents, the bounds and the shape of the
 * hypothetical changes. Browser-safe: no server module or scheme registry.
 */

export const WHAT_IF_INTENTS = ['try', 'reset', 'special', 'apply-path'] as const
export type WhatIfIntent = (typeof WHAT_IF_INTENTS)[number]

/** More special deductions than this is no question anyone asks of a what-if. */
export const DEDUCTIONS_MAX = 20

/** An answer without its note and evidence: what the engine scores. */
export type AnswerShape = Record<string, unknown>

export type WhatIfState = {
	/** hypothetical answers by indicator id; null makes the indicator unanswered */
	answers: Record<string, AnswerShape | null>
	/** how many special deductions to assume (undefined: as recorded) */
	deductions?: number
	/** assume the special bonus (true), none (false), or as recorded (undefined) */
	bonus?: boolean
}

export const EMPTY_STATE: WhatIfState = { answers: {} }

/** DNI's mean of the assessors' percentages ("72.5"), as the what-if form's one field shows it. */
export function percentText(value: AnswerShape | null): string | null {
	const percent = value?.percent
	const list: unknown[] = Array.isArray(percent) ? percent : [percent]
	const numbers = list.filter((entry): entry is number => typeof entry === 'number')
	if (numbers.length === 0) return null
	const mean = numbers.reduce((total, entry) => total + entry, 0) / numbers.length
	return String(Math.round(mean * 100) / 100)
}
