import { schemeIndicators } from '../schemes/load-scheme.ts'
import type { Indicator, Scheme } from '../schemes/scheme-schema.ts'
import type { AnswerV1, AssessmentV1 } from './types.ts'
import { FORMAT_V1 } from './validate.ts'

function fullMarksAnswer(scheme: Scheme, indicator: Indicator): AnswerV1 {
	switch (scheme.answerMode) {
		case 'fraction':
		case 'checklist':
			return { fraction: 1 }
		case 'percent':
			return { percent: 100 }
		case 'checks':
			return { checks: (indicator.subRequirements ?? []).map(() => true) }
	}
}

/**
 * A v1 document answering every indicator with full marks in the scheme's own shape. The
 * format reads an absent answer as unanswered, so a user edits down from this instead of
 * filling in blanks.
 */
export function assessmentTemplate(scheme: Scheme): AssessmentV1 {
	return {
		format: FORMAT_V1,
		scheme: scheme.id,
		organisation: { name: '' },
		period: '',
		answers: Object.fromEntries(
			schemeIndicators(scheme).map(({ indicator }) => [
				indicator.id,
				fullMarksAnswer(scheme, indicator),
			]),
		),
	}
}
