import type { Scheme } from '../schemes/scheme-schema.ts'
import {
	explainPass,
	scoreAssessment,
	validateAssessment,
	type PassReason,
	type ScoreResult,
} from '../scoring/index.ts'
import {
	overallProgress,
	sectionProgress,
	toV1,
	type Progress,
	type SectionProgress,
	type StoredAssessment,
} from './to-v1.ts'

/**
 * The score panel's data: the engine's result on the current answers (the same validation and
 * scoring `npm run score` runs), or the validator's message when the answers cannot be scored as
 * they stand (e.g. every indicator excluded). `submitted` marks the locked snapshot.
 */
export type LiveScore =
	| {
			ok: true
			result: ScoreResult
			reasons: PassReason[]
			submitted: boolean
			progress: Progress
			sections: SectionProgress[]
	  }
	| { ok: false; error: string; progress: Progress; sections: SectionProgress[] }

/** Scores stored answers through the validator and the engine. */
export function scoreStored(scheme: Scheme, stored: StoredAssessment): LiveScore {
	const sections = sectionProgress(scheme, stored)
	const progress = overallProgress(sections)
	const validated = validateAssessment(toV1(scheme, stored))
	if (!validated.ok) return { ok: false, error: validated.error, progress, sections }
	const result = scoreAssessment(validated.scheme, validated.assessment)
	return {
		ok: true,
		result,
		reasons: explainPass(result, validated.scheme),
		submitted: false,
		progress,
		sections,
	}
}

/** The panel for a submitted assessment: its snapshot, never re-scored. */
export function submittedScore(
	scheme: Scheme,
	result: ScoreResult,
	stored: StoredAssessment,
): LiveScore {
	const sections = sectionProgress(scheme, stored)
	return {
		ok: true,
		result,
		reasons: explainPass(result, scheme),
		submitted: true,
		progress: overallProgress(sections),
		sections,
	}
}

/**
 * What the score panel shows: the score, level, reasons and overall progress. Each indicator's
 * arithmetic and each section's lists of open indicators stay on the server.
 */
export type PanelScore =
	| (Omit<Extract<LiveScore, { ok: true }>, 'result' | 'sections'> & {
			ok: true
			result: Omit<ScoreResult, 'indicators'>
	  })
	| Omit<Extract<LiveScore, { ok: false }>, 'sections'>

/** The live score as the panel needs it (see PanelScore). */
export function forPanel(live: LiveScore): PanelScore {
	if (!live.ok) {
		const { sections: _sections, ...rest } = live
		return rest
	}
	const { indicators: _indicators, ...result } = live.result
	const { sections: _sections, ...rest } = live
	return { ...rest, result }
}

export { panelScheme, starsBesideName, type PanelScheme } from './panel.ts'
