import { getScheme, schemeIndicators } from '../schemes/index.ts'
import {
	carryOverAnswers,
	correspondingIndicators,
	MAPPED_SCHEME_IDS,
	type NotCarriedReason,
} from '../schemes/mapping.ts'
import type { Scheme } from '../schemes/scheme-schema.ts'
import { scoreAssessment } from '../scoring/score.ts'
import type { AssessmentV1, ScoreResult } from '../scoring/types.ts'
import { validateAssessment, type SchemeLookup } from '../scoring/validate.ts'
import { fullMarksAnswer, type Bilingual } from './marks.ts'

export type NotCarried = {
	/** the indicator of the assessment's own scheme */
	id: string
	reason: NotCarriedReason
	/** the corresponding indicators of the other scheme, if any */
	counterparts: string[]
	text: Bilingual
	/** mapping.ts's own explanation (English) */
	detail: string
}

export type SchemeComparison = {
	scheme: string
	shortTitle: string
	title: string
	titleEn: string
	fullMarks: number
	/** indicators whose answers carried over */
	carried: string[]
	/** answered indicators whose answers could not be carried over, and why */
	notCarried: NotCarried[]
	/** indicators of the other scheme left without an answer, which count as unanswered */
	toAnswer: { id: string; title: string; titleEn: string; points: number }[]
	/** the other scheme's result for the carried answers (null when they are not a valid assessment) */
	result: ScoreResult | null
	error: string | null
	/** the result if every indicator left to answer were met in full: the most the answers allow */
	bestCase: Pick<ScoreResult, 'score' | 'passed' | 'level'> | null
}

export type CrossSchemeView = {
	source: ScoreResult
	comparisons: SchemeComparison[]
}

function reasonText(
	reason: NotCarriedReason,
	id: string,
	counterparts: readonly string[],
	green: boolean,
	to: Scheme,
): Bilingual {
	const name = to.shortTitle
	switch (reason) {
		case 'no-counterpart':
			return green
				? {
						zh: `绿色专属指标，${name} 中无对应指标`,
						en: `a green-only item with no counterpart in ${name}`,
					}
				: { zh: `${name} 中无对应指标`, en: `no corresponding indicator in ${name}` }
		case 'not-derivable':
			return counterparts.length && counterparts.join() !== id
				? {
						zh: `对应 ${name} 的 ${counterparts.join('、')}，评价层级不同，答案无法换算`,
						en: `corresponds to ${counterparts.join(', ')} in ${name}, assessed at another level; the answer does not convert`,
					}
				: {
						zh: `${name} 对此项的评价方式不同，答案无法换算`,
						en: `${name} assesses it another way; the answer does not convert`,
					}
		case 'not-excludable':
			return { zh: `${name} 不允许删减此项`, en: `${name} does not allow excluding it` }
		case 'inexact':
			return {
				zh: `换算到 ${name} 的数值无法精确表示`,
				en: `its value has no exact equivalent in ${name}`,
			}
	}
}

function compareWith(from: Scheme, assessment: AssessmentV1, to: Scheme): SchemeComparison {
	const carryOver = carryOverAnswers(from, assessment, to)
	const green = new Set(
		schemeIndicators(from).flatMap(({ indicator }) => (indicator.green ? [indicator.id] : [])),
	)
	const notCarried = carryOver.notCarried.map(({ id, reason, detail }) => {
		const counterparts = correspondingIndicators(from, id, to)
		return {
			id,
			reason,
			counterparts,
			text: reasonText(reason, id, counterparts, green.has(id), to),
			detail,
		}
	})
	const open = schemeIndicators(to).filter(
		({ indicator }) => !Object.hasOwn(carryOver.assessment.answers, indicator.id),
	)
	const base = {
		scheme: to.id,
		shortTitle: to.shortTitle,
		title: to.title,
		titleEn: to.titleEn,
		fullMarks: to.fullMarks,
		carried: carryOver.carried,
		notCarried,
		toAnswer: open.map(({ indicator }) => ({
			id: indicator.id,
			title: indicator.title,
			titleEn: indicator.titleEn,
			points: indicator.points,
		})),
	}
	const lookup: SchemeLookup = (id) => (id === to.id ? to : undefined)
	const validated = validateAssessment(carryOver.assessment, lookup)
	if (!validated.ok) return { ...base, result: null, error: validated.error, bestCase: null }
	const filled = { ...validated.assessment.answers }
	for (const { indicator } of open) filled[indicator.id] = fullMarksAnswer(to, indicator, undefined)
	const best = scoreAssessment(to, { ...validated.assessment, answers: filled })
	return {
		...base,
		result: scoreAssessment(to, validated.assessment),
		error: null,
		bestCase: { score: best.score, passed: best.passed, level: best.level },
	}
}

/**
 * What the same answers would score and rate under each other scheme of the GB/T 27922
 * family (mapping.ts): the carried answers scored as they stand (what could not be carried
 * counts as unanswered, so as 0), and the best case with everything left to answer met.
 * Null for a scheme outside the family (XBHT and the checklist number their own clauses).
 */
export function crossSchemeView(
	scheme: Scheme,
	assessment: AssessmentV1,
	lookup: SchemeLookup = getScheme,
): CrossSchemeView | null {
	if (!MAPPED_SCHEME_IDS.includes(scheme.id)) return null
	const others = MAPPED_SCHEME_IDS.filter((id) => id !== scheme.id).flatMap((id) => {
		const other = lookup(id)
		return other ? [other] : []
	})
	return {
		source: scoreAssessment(scheme, assessment),
		comparisons: others.map((other) => compareWith(scheme, assessment, other)),
	}
}
