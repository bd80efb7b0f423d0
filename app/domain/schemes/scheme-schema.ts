import { z } from 'zod'

/**
 * A certification scheme as data. Every scheme file under `data/` is validated against this
 * schema when it is loaded, so a typo in a point value or an id cannot reach a score.
 *
 * Tree: scheme → sections (the breakdown shown in results, e.g. 5.1 售后服务体系)
 *   → groups (a clause heading such as 5.1.1 组织架构, optional) → indicators (what is answered).
 * Context clauses are shown to the user but never answered or scored.
 */

export const AnswerModeSchema = z.enum([
	/** share achieved 0–1, or sampled counts (GB/T 27922, green, XBHT) */
	'fraction',
	/** maturity percentage per assessor, averaged (DNI) */
	'percent',
	/** one check per numbered sub-requirement with a per-indicator rule (BAC) */
	'checks',
	/** conform / partial / not / n.a. (general-spec draft) */
	'checklist',
])
export type AnswerMode = z.infer<typeof AnswerModeSchema>

/** BAC Annex 1 §4 评分要求, see scheme-decisions.md decision 11. */
export const ChecksRuleSchema = z.discriminatedUnion('kind', [
	/** all sub-requirements met → full points, else 0 */
	z.object({ kind: z.literal('all-or-nothing') }),
	/** pointsEach per met sub-requirement; n.a. ones leave the involved total */
	z.object({ kind: z.literal('per-met'), pointsEach: z.number().positive() }),
	/** max(0, points − pointsEach × unmet) ("每项2分，扣完为止"); n.a. counts as neither */
	z.object({ kind: z.literal('deduct-per-unmet'), pointsEach: z.number().positive() }),
	/** pointsEach per met sub-requirement, the full points when all are met (0/3/6/10) */
	z.object({ kind: z.literal('per-met-full-when-all'), pointsEach: z.number().positive() }),
])
export type ChecksRule = z.infer<typeof ChecksRuleSchema>

export const SubRequirementSchema = z.object({
	/** printed number: 1 for "1)" */
	n: z.number().int().positive(),
	text: z.string().min(1),
})

/** A maturity band of DNI Annex C (0–20 %, 20–40 % …) with its description. */
export const MaturityBandSchema = z.object({
	min: z.number().min(0).max(100),
	max: z.number().min(0).max(100),
	label: z.string().min(1),
	description: z.string().min(1),
})
export type MaturityBand = z.infer<typeof MaturityBandSchema>

export const IndicatorSchema = z.object({
	type: z.literal('indicator'),
	/** the clause number exactly as the seed prints it, e.g. "5.2.4.3" */
	id: z.string().regex(/^\d+(\.\d+)*$/),
	/** code printed by the scheme, e.g. DNI "B16" */
	code: z.string().optional(),
	/** short Chinese title for lists */
	title: z.string().min(1),
	/** short English title */
	titleEn: z.string().min(1),
	/** the clause text in full, in Chinese, as the seed prints it (extraction artefacts repaired) */
	text: z.string().min(1),
	/** guidance / criteria text (DNI 评价准则, BAC 评价细则, …) where the seed has it */
	guidance: z.string().optional(),
	/** how the scheme scores this indicator, in the seed's words (BAC 评分要求, XBHT 6.2 …) */
	scoringRule: z.string().optional(),
	points: z.number().min(0),
	/** green "+N" item of seed 000 */
	green: z.boolean().optional(),
	/** 删减 allowed (with a reason) */
	excludable: z.boolean(),
	/** may be answered with sample counts (fraction schemes) */
	sampling: z.boolean().optional(),
	/** XBHT 6.2: qualitative, quantitative or sampled indicator */
	assessmentType: z.enum(['qualitative', 'quantitative', 'sampled']).optional(),
	/** BAC numbered sub-requirements, in printed order */
	subRequirements: z.array(SubRequirementSchema).optional(),
	/** BAC: may single sub-requirements be marked n.a.? */
	subRequirementsExcludable: z.boolean().optional(),
	rule: ChecksRuleSchema.optional(),
	/** checklist: the modal verb that makes the clause a requirement (应, 宜, 不可) or null */
	modal: z.enum(['应', '宜', '不可']).nullable().optional(),
	/** DNI Annex C bands specific to this indicator, when the seed gives them */
	maturityBands: z.array(MaturityBandSchema).optional(),
})
export type Indicator = z.infer<typeof IndicatorSchema>

export const ContextClauseSchema = z.object({
	type: z.literal('context'),
	id: z.string().regex(/^\d+(\.\d+)*$/),
	title: z.string().min(1),
	titleEn: z.string().min(1),
	text: z.string().min(1),
})
export type ContextClause = z.infer<typeof ContextClauseSchema>

export const GroupSchema = z.object({
	type: z.literal('group'),
	id: z.string().regex(/^\d+(\.\d+)*$/),
	title: z.string().min(1),
	titleEn: z.string().min(1),
	/** printed subtotal; checked against the sum of its indicators */
	points: z.number().min(0).optional(),
	/** introductory text of the clause, if any */
	text: z.string().optional(),
	children: z.array(z.discriminatedUnion('type', [IndicatorSchema, ContextClauseSchema])).min(1),
})
export type Group = z.infer<typeof GroupSchema>

export const SectionSchema = z.object({
	id: z.string().regex(/^\d+(\.\d+)*$/),
	title: z.string().min(1),
	titleEn: z.string().min(1),
	/** printed subtotal; checked against the sum of its indicators */
	points: z.number().min(0).optional(),
	text: z.string().optional(),
	children: z
		.array(z.discriminatedUnion('type', [GroupSchema, IndicatorSchema, ContextClauseSchema]))
		.min(1),
})
export type Section = z.infer<typeof SectionSchema>

export const LevelKeySchema = z.enum([
	'fail',
	'standard',
	'star-1',
	'star-2',
	'star-3',
	'star-4',
	'star-5',
	'star-6',
	'star-7',
	'star-8',
	'star-9',
	'star-10',
])
export type LevelKey = z.infer<typeof LevelKeySchema>

export const LevelSchema = z.object({
	key: LevelKeySchema.exclude(['fail']),
	/** e.g. 达标级, 三星级, ★★ */
	name: z.string().min(1),
	nameEn: z.string().min(1),
	/** the lowest rounded score of the band (inclusive) */
	min: z.number(),
	/** stars shown for the band (0 for 达标级) */
	stars: z.number().int().min(0).max(10),
})
export type Level = z.infer<typeof LevelSchema>

export const InterpretationNoteSchema = z.object({
	/** the decision number in scheme-decisions.md */
	decision: z.number().int().positive(),
	/** indicator or section ids it applies to; empty = the whole scheme */
	appliesTo: z.array(z.string()),
	zh: z.string().min(1),
	en: z.string().min(1),
})
export type InterpretationNote = z.infer<typeof InterpretationNoteSchema>

export const CertificationCycleSchema = z.object({
	certificateValidityYears: z.number().int().positive(),
	/** surveillance rule in words (zh, en) */
	surveillance: z.object({ zh: z.string(), en: z.string() }),
	/** maximum months between the certificate date / last review and the next surveillance */
	surveillanceIntervalMonths: z.number().int().positive(),
	recertification: z.object({ zh: z.string(), en: z.string() }),
	suspensionMaxMonths: z.number().int().positive().optional(),
	/** certification modes offered, e.g. "A+G" */
	modes: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })).optional(),
})

export const SchemeSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** data version: bump when the definition changes; submitted assessments keep theirs */
	version: z.string().min(1),
	title: z.string().min(1),
	titleEn: z.string().min(1),
	/** short name for pickers, e.g. "GB/T 27922-2011" */
	shortTitle: z.string().min(1),
	issuer: z.object({ zh: z.string(), en: z.string() }),
	source: z.object({
		/** document title as printed */
		document: z.string().min(1),
		/** document number, e.g. CTS DNISC0301-2025 */
		code: z.string().min(1),
		/** edition or revision date as printed */
		edition: z.string().min(1),
		/** seed file the data was built from */
		seed: z.string().min(1),
	}),
	/** what the scheme is for, one or two sentences */
	purpose: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
	fullMarks: z.number().positive(),
	/** null for the checklist, which has no pass mark */
	passMark: z.number().nullable(),
	/** this many special deductions (or more) fail the assessment whatever the score */
	failAtSpecialDeductions: z.number().int().positive().nullable(),
	answerMode: AnswerModeSchema,
	specialItems: z.boolean(),
	/** XBHT: warn when checked < ⌈2/3 × population⌉ unless all sites are covered */
	samplingWarning: z.boolean(),
	/** where exclusions are allowed, in words (shown on the scheme page) */
	exclusionsRule: z.object({ zh: z.string(), en: z.string() }),
	/** ascending by min; a passing score below the first band cannot occur */
	levels: z.array(LevelSchema),
	/** DNI Annex C default bands */
	maturityBands: z.array(MaturityBandSchema).optional(),
	cycle: CertificationCycleSchema.nullable(),
	notes: z.array(InterpretationNoteSchema),
	sections: z.array(SectionSchema).min(1),
})
export type Scheme = z.infer<typeof SchemeSchema>
/** What scheme files export before validation (same shape). */
export type SchemeInput = z.input<typeof SchemeSchema>
