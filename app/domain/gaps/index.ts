export {
	calendarDate,
	compareAssessments,
	nextSelfReviewDue,
	selfReviewDue,
	SELF_REVIEW_INTERVAL_MONTHS,
	type AssessmentComparison,
	type IndicatorComparison,
	type IndicatorStatus,
	type SectionComparison,
	type SelfReviewDue,
} from './annual-cycle.ts'
export { COVER_BUDGET, smallestCover, type Cover, type CoverItem } from './cover.ts'
export {
	crossSchemeView,
	type CrossSchemeView,
	type NotCarried,
	type SchemeComparison,
} from './cross-scheme.ts'
export {
	analyseGaps,
	describeReason,
	filterGaps,
	type Gap,
	type GapAnalysis,
	type GapFilter,
	type GapReason,
	type SectionGaps,
} from './gaps.ts'
export { fullMarksAnswer, type Bilingual, type Direction } from './marks.ts'
export {
	applyPath,
	FAIL_REF,
	pathToNextLevel,
	type DeductionsNeed,
	type LevelRef,
	type NextLevelPath,
	type PathStep,
} from './next-level.ts'
export { whatIf, type IndicatorChange, type WhatIf, type WhatIfChanges } from './what-if.ts'
