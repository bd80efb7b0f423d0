import type { LevelKey } from '../schemes/scheme-schema.ts'

/** Interchange format v1 (../shared/docs/assessment-format.md). A public contract. */
export type AnswerV1 =
	| { na: true; reason: string; note?: string; evidence?: string[] }
	| { fraction: number; note?: string; evidence?: string[] }
	| {
			samples: { checked: number; nonconforming: number; population?: number; allSitesCovered?: boolean }
			note?: string
			evidence?: string[]
	  }
	| { percent: number | number[]; note?: string; evidence?: string[] }
	| { checks: (true | false | 'na')[]; reason?: string; note?: string; evidence?: string[] }

export type AssessmentV1 = {
	format: 'aftersales-assessment/v1'
	scheme: string
	organisation?: { name: string }
	period?: string
	answers: Record<string, AnswerV1>
	specialDeductions?: { description: string; correctiveAction: string }[]
	specialBonus?: { justification: string }
}

export type IndicatorResult = {
	id: string
	full: number
	involved: number
	earned: number
	excluded: boolean
}

export type SectionResult = {
	id: string
	name: string
	full: number
	involved: number
	earned: number
}

/** The result of `npm run score`, field for field (assessment-format.md). */
export type ScoreResult = {
	scheme: string
	fullMarks: number
	involvedMarks: number
	earned: number
	normalised: number
	specialDeductions: number
	specialBonus: number
	score: number
	passed: boolean | null
	level: { key: LevelKey; name: string } | null
	complete: boolean
	sections: SectionResult[]
	indicators: IndicatorResult[]
	warnings: string[]
}
