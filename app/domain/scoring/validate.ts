import { z } from 'zod'
import { schemeIndicators } from '../schemes/load-scheme.ts'
import type { Indicator, Scheme } from '../schemes/scheme-schema.ts'
import type { AnswerV1, AssessmentV1 } from './types.ts'

export const FORMAT_V1 = 'aftersales-assessment/v1'

export type SchemeLookup = (id: string) => Scheme | undefined

export type ValidationResult =
	{ ok: true; assessment: AssessmentV1; scheme: Scheme } | { ok: false; error: string }

const extras = {
	note: z.string().optional(),
	evidence: z.array(z.string()).optional(),
}

/** A required text whose absence gets a message naming the rule, not just "expected string". */
function required(rule: string) {
	return z.string({
		error: (issue) => (issue.input === undefined ? `missing: ${rule}` : `must be text: ${rule}`),
	})
}

const AnswerShapes = {
	na: z.strictObject({
		na: z.literal(true, {
			error: '"na" can only be true: an exclusion is {"na": true, "reason": …}',
		}),
		reason: required('an exclusion needs a reason (删减须说明理由)'),
		...extras,
	}),
	fraction: z.strictObject({ fraction: z.number(), ...extras }),
	samples: z.strictObject({
		samples: z.strictObject({
			checked: z.number(),
			nonconforming: z.number(),
			population: z.number().optional(),
			allSitesCovered: z.boolean().optional(),
		}),
		...extras,
	}),
	percent: z.strictObject({
		percent: z.union([z.number(), z.array(z.number())], {
			error: 'percent is a number or a list of numbers, one per assessor (每名评价人员一个百分比)',
		}),
		...extras,
	}),
	checks: z.strictObject({
		checks: z.array(
			z.union([z.literal(true), z.literal(false), z.literal('na')], {
				error: 'each check is true, false or "na" (每项为 true、false 或 "na")',
			}),
		),
		reason: z.string().optional(),
		...extras,
	}),
}
type Shape = keyof typeof AnswerShapes
const SHAPES: readonly Shape[] = ['na', 'fraction', 'samples', 'percent', 'checks']

const AssessmentShapeSchema = z.strictObject({
	format: z.literal(FORMAT_V1),
	scheme: z.string(),
	organisation: z.strictObject({ name: z.string() }).optional(),
	period: z.string().optional(),
	// a custom check instead of z.record: the answers are checked one by one below, and copying
	// an 80-key record first cost a quarter of the validation time
	answers: z.custom<Record<string, unknown>>(
		isRecord,
		'answers must be an object keyed by indicator id',
	),
	specialDeductions: z
		.array(
			z.strictObject({
				description: required('every special deduction needs a description (特别扣分项须有描述)'),
				correctiveAction: required(
					'every special deduction needs a corrective action (特别扣分项须有整改措施)',
				),
			}),
		)
		.optional(),
	specialBonus: z
		.strictObject({
			justification: required('the special bonus needs a justification (特别加分项须说明理由)'),
		})
		.optional(),
})

class Invalid extends Error {}

function fail(message: string): never {
	throw new Invalid(message)
}

function issueText(error: z.ZodError, prefix: string): string {
	const issue = error.issues[0]
	if (!issue) return `${prefix}: invalid`
	const path = issue.path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`))
		.join('')
	return `${prefix}${path ? ` ${path}` : ''}: ${issue.message}`
}

function isBlank(text: string | undefined): boolean {
	return text === undefined || text.trim() === ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const FRACTION_SHAPES: readonly Shape[] = ['na', 'fraction']
const SAMPLED_SHAPES: readonly Shape[] = ['na', 'fraction', 'samples']
const PERCENT_SHAPES: readonly Shape[] = ['na', 'percent']
const CHECKS_SHAPES: readonly Shape[] = ['na', 'checks']

function shapesTaken(scheme: Scheme, indicator: Indicator): readonly Shape[] {
	switch (scheme.answerMode) {
		case 'fraction':
			return indicator.sampling ? SAMPLED_SHAPES : FRACTION_SHAPES
		case 'percent':
			return PERCENT_SHAPES
		case 'checks':
			return CHECKS_SHAPES
		case 'checklist':
			return FRACTION_SHAPES
	}
}

function describeShapes(shapes: readonly Shape[]): string {
	return shapes.map((shape) => `{"${shape}": …}`).join(', ')
}

/** Checks one answer against its indicator and says whether it takes the indicator out. */
function checkAnswer(
	scheme: Scheme,
	indicator: Indicator,
	raw: Record<string, unknown>,
): { answer: AnswerV1; excludes: boolean } {
	const answer = parseAnswer(scheme, indicator, raw)
	return { answer, excludes: answerExcludes(scheme, indicator, answer) }
}

function parseAnswer(scheme: Scheme, indicator: Indicator, raw: Record<string, unknown>): AnswerV1 {
	const where = `indicator ${indicator.id}`
	const taken = shapesTaken(scheme, indicator)
	let found: Shape | undefined
	for (const shape of SHAPES) {
		if (!Object.hasOwn(raw, shape)) continue
		if (found)
			fail(
				`${where}: an answer takes one shape, not ${found} and ${shape} together (答案只能有一种形式)`,
			)
		found = shape
	}
	if (!found) fail(`${where}: an answer needs one of ${describeShapes(taken)} (答案格式不符)`)
	const shape = found
	if (!taken.includes(shape)) {
		const why =
			shape === 'samples' && scheme.answerMode === 'fraction'
				? 'this indicator is not a sampled one'
				: `${scheme.id} is scored by ${scheme.answerMode}`
		fail(
			`${where}: ${scheme.id} does not take {"${shape}": …} here (${why}); use ${describeShapes(taken)} (该方案不接受此答案形式)`,
		)
	}
	const parsed = AnswerShapes[shape].safeParse(raw)
	if (!parsed.success) fail(issueText(parsed.error, `${where} answer`))
	return parsed.data
}

function answerExcludes(scheme: Scheme, indicator: Indicator, answer: AnswerV1): boolean {
	const where = `indicator ${indicator.id}`
	if ('na' in answer) {
		if (!indicator.excludable)
			fail(
				`${where}: ${scheme.id} does not allow excluding this indicator; ${scheme.exclusionsRule.en} (此项不可删减)`,
			)
		if (isBlank(answer.reason))
			fail(`${where}: an exclusion needs a reason, and it is blank (删减须说明理由)`)
		return true
	}
	if ('fraction' in answer) {
		const { fraction } = answer
		if (fraction < 0 || fraction > 1)
			fail(`${where}: fraction ${fraction} is outside 0–1 (得分比例须在 0–1 之间)`)
		if (scheme.answerMode === 'checklist' && fraction !== 0 && fraction !== 0.5 && fraction !== 1)
			fail(
				`${where}: a checklist answer is 1 (conform), 0.5 (partial) or 0 (not), not ${fraction} (符合 1、部分符合 0.5、不符合 0)`,
			)
		return false
	}
	if ('samples' in answer) {
		const { checked, nonconforming, population } = answer.samples
		if (!Number.isInteger(checked) || !Number.isInteger(nonconforming))
			fail(
				`${where}: sample counts must be whole numbers, got checked ${checked}, nonconforming ${nonconforming} (样本数须为整数)`,
			)
		if (checked < 1)
			fail(
				`${where}: samples.checked is ${checked}; at least 1 sample must be checked (抽样数至少为 1)`,
			)
		if (nonconforming < 0)
			fail(
				`${where}: samples.nonconforming is ${nonconforming}; it cannot be negative (不符合数不能为负)`,
			)
		if (nonconforming > checked)
			fail(
				`${where}: samples.nonconforming ${nonconforming} is more than samples.checked ${checked} (不符合数不能超过抽样数)`,
			)
		if (population !== undefined) {
			if (!Number.isInteger(population))
				fail(
					`${where}: samples.population must be a whole number, got ${population} (总样本数须为整数)`,
				)
			if (population < checked)
				fail(
					`${where}: samples.population ${population} is smaller than samples.checked ${checked} (总样本数不能小于抽样数)`,
				)
		}
		return false
	}
	if ('percent' in answer) {
		const values = Array.isArray(answer.percent) ? answer.percent : [answer.percent]
		if (values.length === 0)
			fail(
				`${where}: percent lists no assessor; give one percentage per assessor (至少一名评价人员的百分比)`,
			)
		for (const value of values) {
			if (value < 0 || value > 100)
				fail(`${where}: percent ${value} is outside 0–100 (成熟度百分比须在 0–100 之间)`)
		}
		return false
	}
	const subRequirements = indicator.subRequirements ?? []
	const { checks, reason } = answer
	if (checks.length !== subRequirements.length)
		fail(
			`${where}: ${checks.length} checks given, but it has ${subRequirements.length} sub-requirements (检查项数量应为 ${subRequirements.length})`,
		)
	if (reason !== undefined && isBlank(reason)) fail(`${where}: reason is blank (理由不能为空)`)
	const naCount = checks.filter((check) => check === 'na').length
	if (naCount === 0) return false
	const first = checks.indexOf('na') + 1
	if (!indicator.subRequirementsExcludable)
		fail(
			`${where}: sub-requirement ${first}) cannot be marked "na"; ${scheme.id} allows it only where exclusions are allowed (此项子要求不可删减)`,
		)
	if (isBlank(reason))
		fail(
			`${where}: sub-requirement ${first}) is marked "na" without a reason (标记不适用须说明理由)`,
		)
	if (naCount === checks.length) {
		if (!indicator.excludable)
			fail(
				`${where}: every sub-requirement is marked "na", which excludes the indicator, and it cannot be excluded (此项不可删减)`,
			)
		return true
	}
	return false
}

function unknownIndicator(scheme: Scheme, id: string): string {
	const headings = scheme.sections.flatMap((section) => [
		section,
		...section.children.filter((child) => child.type !== 'indicator'),
	])
	const heading = headings.find((entry) => entry.id === id)
	const hint = heading
		? `; ${id} is a heading or context clause, answer the indicators under it`
		: ''
	return `unknown indicator ${JSON.stringify(id)} for scheme ${scheme.id}${hint} (该方案无此指标)`
}

function check(
	input: unknown,
	getScheme: SchemeLookup,
): { assessment: AssessmentV1; scheme: Scheme } {
	if (!isRecord(input)) fail('an assessment must be a JSON object (评价文件须为 JSON 对象)')
	if (input.format !== FORMAT_V1)
		fail(
			`format must be "${FORMAT_V1}", got ${JSON.stringify(input.format) ?? 'nothing'} (不支持的格式)`,
		)
	if (typeof input.scheme !== 'string') fail('scheme must be a scheme id string (缺少评价方案)')
	const scheme = getScheme(input.scheme)
	if (!scheme) fail(`unknown scheme ${JSON.stringify(input.scheme)} (未知的评价方案)`)
	if (Array.isArray(input.specialBonus))
		fail(
			'specialBonus must be one object: at most one special bonus is allowed (特别加分项不超过 1 个)',
		)
	const parsed = AssessmentShapeSchema.safeParse(input)
	if (!parsed.success) fail(issueText(parsed.error, 'assessment'))
	const shape = parsed.data

	const deductions = shape.specialDeductions ?? []
	if (!scheme.specialItems && (deductions.length > 0 || shape.specialBonus))
		fail(`${scheme.id} has no special deductions or bonus (该方案无特别扣分项和特别加分项)`)
	deductions.forEach((deduction, i) => {
		if (isBlank(deduction.description))
			fail(`specialDeductions[${i}]: description is blank (特别扣分项须有描述)`)
		if (isBlank(deduction.correctiveAction))
			fail(
				`specialDeductions[${i}]: correctiveAction is blank; every special deduction needs one (特别扣分项须有整改措施)`,
			)
	})
	if (shape.specialBonus && isBlank(shape.specialBonus.justification))
		fail('specialBonus: justification is blank (特别加分项须说明理由)')

	const indicators = indicatorsById(scheme)
	const answers: Record<string, AnswerV1> = {}
	let excludedPoints = 0
	for (const id in shape.answers) {
		if (!Object.hasOwn(shape.answers, id)) continue
		const raw = shape.answers[id]
		const indicator = indicators.get(id)
		if (!indicator) fail(unknownIndicator(scheme, id))
		if (!isRecord(raw))
			fail(`indicator ${id}: an answer must be a JSON object (答案须为 JSON 对象)`)
		const { answer, excludes } = checkAnswer(scheme, indicator, raw)
		answers[id] = answer
		if (excludes && indicator.points > 0) excludedPoints++
	}
	if (excludedPoints === pointedCount(scheme))
		fail(
			`every indicator of ${scheme.id} that carries points is excluded, so the involved marks would be 0 (不能全部删减)`,
		)

	return { assessment: { ...shape, answers }, scheme }
}

const lookups = new WeakMap<Scheme, { byId: Map<string, Indicator>; pointed: number }>()

function lookup(scheme: Scheme) {
	let entry = lookups.get(scheme)
	if (!entry) {
		const all = schemeIndicators(scheme).map(({ indicator }) => indicator)
		entry = {
			byId: new Map(all.map((indicator) => [indicator.id, indicator])),
			pointed: all.filter((indicator) => indicator.points > 0).length,
		}
		lookups.set(scheme, entry)
	}
	return entry
}

function indicatorsById(scheme: Scheme): Map<string, Indicator> {
	return lookup(scheme).byId
}

function pointedCount(scheme: Scheme): number {
	return lookup(scheme).pointed
}

/**
 * Accepts an assessment only if it can be scored as written: the format's shape (zod), then
 * the scheme's rules. The error names the indicator and the rule, in English and Chinese.
 */
export function validateAssessment(input: unknown, getScheme: SchemeLookup): ValidationResult {
	try {
		return { ok: true, ...check(input, getScheme) }
	} catch (error) {
		if (error instanceof Invalid) return { ok: false, error: error.message }
		throw error
	}
}

export function parseAssessmentJson(text: string, getScheme: SchemeLookup): ValidationResult {
	let input: unknown
	try {
		input = JSON.parse(text)
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error)
		return { ok: false, error: `malformed JSON: ${detail} (JSON 格式错误)` }
	}
	return validateAssessment(input, getScheme)
}
