import {
	add,
	div,
	fromDecimal,
	mul,
	rational,
	sub,
	toExactNumber,
	ZERO,
	type Rational,
} from '../scoring/rational.ts'
import type { AnswerV1, AssessmentV1 } from '../scoring/types.ts'
import { schemeIndicators } from './load-scheme.ts'
import type { Indicator, Scheme } from './scheme-schema.ts'

/**
 * The schemes built on GB/T 27922's clause numbers: an indicator id means the same requirement in
 * each of them. XBHT and the general-spec checklist number their own clauses and map to nothing.
 */
export const MAPPED_SCHEME_IDS: readonly string[] = [
	'gbt27922-2011',
	'green-aftersales-2025',
	'dni-cts-0301-2025',
	'bac-fr01-2021',
]

const byScheme = new WeakMap<Scheme, Map<string, Indicator>>()

function indicatorsOf(scheme: Scheme): Map<string, Indicator> {
	let indicators = byScheme.get(scheme)
	if (!indicators) {
		indicators = new Map(schemeIndicators(scheme).map(({ indicator }) => [indicator.id, indicator]))
		byScheme.set(scheme, indicators)
	}
	return indicators
}

function isMapped(scheme: Scheme): boolean {
	return MAPPED_SCHEME_IDS.includes(scheme.id)
}

function parentId(id: string): string {
	return id.slice(0, id.lastIndexOf('.'))
}

/**
 * The indicators of `to` that correspond to indicator `id` of `from`: the same leaf id; BAC's
 * middle-level 5.2.4 ↔ the leaf items 5.2.4.x; a green-only item has no counterpart outside the
 * green scheme. Empty when there is none or the schemes are not mapped to each other.
 */
export function correspondingIndicators(from: Scheme, id: string, to: Scheme): string[] {
	if (!isMapped(from) || !isMapped(to)) return []
	const source = indicatorsOf(from).get(id)
	if (!source) return []
	if (from.id === to.id) return [id]
	if (source.green) return []
	const targets = [...indicatorsOf(to).values()].filter((indicator) => !indicator.green)
	if (targets.some((indicator) => indicator.id === id)) return [id]
	const parent = parentId(id)
	if (targets.some((indicator) => indicator.id === parent)) return [parent]
	return targets
		.filter((indicator) => parentId(indicator.id) === id)
		.map((indicator) => indicator.id)
}

/** correspondingIndicators for every indicator of `from`, in printed order. */
export function correspondence(from: Scheme, to: Scheme): Map<string, string[]> {
	return new Map(
		schemeIndicators(from).map(({ indicator }) => [
			indicator.id,
			correspondingIndicators(from, indicator.id, to),
		]),
	)
}

export type NotCarriedReason =
	/** the target scheme has no corresponding indicator */
	| 'no-counterpart'
	/** the schemes assess it at different levels (BAC checks ↔ GB/T leaf items) */
	| 'not-derivable'
	/** the target scheme does not allow excluding the indicator */
	| 'not-excludable'
	/** the converted value has no exact JSON number (e.g. 2/3 × 100 %) */
	| 'inexact'

export type CarryOver = {
	assessment: AssessmentV1
	carried: string[]
	notCarried: { id: string; reason: NotCarriedReason; detail: string }[]
}

type Conversion = { answer: AnswerV1 } | { reason: NotCarriedReason; detail: string }

function achieved(answer: AnswerV1): Rational | null {
	if ('fraction' in answer) return fromDecimal(answer.fraction)
	if ('samples' in answer) {
		const { checked, nonconforming } = answer.samples
		return sub(rational(1), rational(nonconforming, checked))
	}
	if ('percent' in answer) {
		const values = Array.isArray(answer.percent) ? answer.percent : [answer.percent]
		const total = values.reduce((sum, value) => add(sum, fromDecimal(value)), ZERO)
		return div(div(total, rational(values.length)), rational(100))
	}
	return null
}

function describe(answer: AnswerV1): string {
	return JSON.stringify(
		'na' in answer ? { na: true } : { ...answer, note: undefined, evidence: undefined },
	)
}

function convert(from: Scheme, to: Scheme, target: Indicator, answer: AnswerV1): Conversion {
	const extras = {
		...(answer.note === undefined ? {} : { note: answer.note }),
		...(answer.evidence === undefined ? {} : { evidence: answer.evidence }),
	}
	if ('na' in answer) {
		if (!target.excludable)
			return {
				reason: 'not-excludable',
				detail: `${to.id} does not allow excluding ${target.id}: ${to.exclusionsRule.en}`,
			}
		return { answer: { na: true, reason: answer.reason, ...extras } }
	}
	if (from.answerMode === to.answerMode && ('samples' in answer ? target.sampling === true : true))
		return { answer }
	const share = achieved(answer)
	if (share === null || to.answerMode === 'checks' || to.answerMode === 'checklist')
		return {
			reason: 'not-derivable',
			detail: `${to.id} answers ${target.id} by ${to.answerMode}, which ${describe(answer)} does not determine`,
		}
	const value = to.answerMode === 'percent' ? mul(share, rational(100)) : share
	const exact = toExactNumber(value)
	if (exact === null)
		return {
			reason: 'inexact',
			detail: `${describe(answer)} is ${to.answerMode === 'percent' ? 'a percentage' : 'a share'} with no exact decimal`,
		}
	return {
		answer:
			to.answerMode === 'percent' ? { percent: exact, ...extras } : { fraction: exact, ...extras },
	}
}

/**
 * Starts an assessment for `to` from one for `from` (e.g. moving from GB/T 27922 to the green
 * scheme): answers carry over where an indicator has the same id in both and the value converts
 * exactly (fraction ↔ percent × 100, samples → either). BAC's sub-requirement checks and GB/T's
 * leaf items assess at different levels, so neither is derived from the other. Special items
 * carry over when `to` has them. The result is not validated: excluding everything left in `to`,
 * for one, is for the caller to catch with validateAssessment.
 */
export function carryOverAnswers(from: Scheme, assessment: AssessmentV1, to: Scheme): CarryOver {
	const targets = indicatorsOf(to)
	const answers: Record<string, AnswerV1> = {}
	const carried: string[] = []
	const notCarried: CarryOver['notCarried'] = []

	for (const { indicator } of schemeIndicators(from)) {
		const answer = assessment.answers[indicator.id]
		if (answer === undefined) continue
		const id = indicator.id
		const counterparts = correspondingIndicators(from, id, to)
		const target = targets.get(id)
		if (counterparts.length === 0) {
			notCarried.push({
				id,
				reason: 'no-counterpart',
				detail: indicator.green
					? `${id} is a green-only item with no counterpart in ${to.id}`
					: `${to.id} has no indicator corresponding to ${id}`,
			})
		} else if (!target || counterparts[0] !== id) {
			notCarried.push({
				id,
				reason: 'not-derivable',
				detail: `${from.id} ${id} corresponds to ${to.id} ${counterparts.join(', ')}, assessed at another level; its answer does not determine theirs`,
			})
		} else {
			const conversion = convert(from, to, target, answer)
			if ('answer' in conversion) {
				answers[id] = conversion.answer
				carried.push(id)
			} else {
				notCarried.push({ id, ...conversion })
			}
		}
	}

	const special = to.specialItems
		? {
				...(assessment.specialDeductions
					? { specialDeductions: assessment.specialDeductions }
					: {}),
				...(assessment.specialBonus ? { specialBonus: assessment.specialBonus } : {}),
			}
		: {}
	return {
		assessment: {
			format: assessment.format,
			scheme: to.id,
			...(assessment.organisation ? { organisation: assessment.organisation } : {}),
			...(assessment.period === undefined ? {} : { period: assessment.period }),
			answers,
			...special,
		},
		carried,
		notCarried,
	}
}
