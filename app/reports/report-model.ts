import { formatDate, type Locale } from '#app/i18n/i18n.ts'
import { schemeIndicators } from '#app/domain/schemes/load-scheme.ts'
import type { Indicator, Level, LevelKey, Scheme } from '#app/domain/schemes/scheme-schema.ts'
import { explainPass } from '#app/domain/scoring/score.ts'
import type { AnswerV1, AssessmentV1, ScoreResult } from '#app/domain/scoring/types.ts'
import { numberFormat } from './format.ts'
import { reportText, type ReportText } from './messages.ts'

/**
 * Everything a self-assessment report shows (seed 002 §7.1), already worded in the report's
 * language, so the PDF and the workbook are plain layouts of the same facts.
 */

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled'

export type ReportActionInput = {
	title: string
	owner: string | null
	dueDate: Date | null
	status: ActionStatus
	/** indicator ids the action addresses */
	indicators: string[]
}

export type BuildReportInput = {
	scheme: Scheme
	assessment: AssessmentV1
	result: ScoreResult
	organisation: { name: string; logo?: Buffer }
	scope: string
	period: string
	assessors: string[]
	consultant?: string
	actions: ReportActionInput[]
	generatedAt: Date
	locale: Locale
}

export type IndicatorStatus = 'met' | 'partial' | 'not-met' | 'excluded' | 'unanswered'

export type ReportIndicator = {
	id: string
	code: string | null
	sectionId: string
	title: string
	full: number
	involved: number
	earned: number
	/** involved − earned: what the indicator lost within the involved marks */
	lost: number
	status: IndicatorStatus
	statusLabel: string
	/** why points were lost, why it is excluded, or why part of it left the involved total */
	reason: string | null
	note: string | null
	evidence: string[]
}

export type ReportSection = {
	id: string
	title: string
	full: number
	involved: number
	earned: number
	lost: number
	/** earned ÷ involved in %, null when the whole section is excluded */
	rate: number | null
}

export type ReportLevel = {
	key: LevelKey
	name: string
	stars: number
	/** the name with its stars, as printed: "三星级 ★★★" */
	label: string
}

export type ReportWeakness = {
	id: string
	title: string
	lost: number
	/** points the final score gains if the indicator is fully met (after normalisation) */
	recoverable: number
	reason: string | null
	/** one of the fewest indicators whose recovery reaches the next level (or the pass mark) */
	forNextLevel: boolean
}

export type ReportLogo = { data: Buffer; format: 'png' | 'jpeg'; width: number; height: number }

export type ReportModel = {
	locale: Locale
	title: string
	disclaimer: string
	/** as printed, in the report's language and China's time zone */
	generatedAt: string
	generatedAtIso: string
	organisation: { name: string; logo: ReportLogo | null }
	basic: {
		organisation: string
		scope: string
		period: string
		scheme: { id: string; title: string; code: string; edition: string; version: string }
		assessors: string[]
		consultant: string | null
	}
	process: string[]
	summary: {
		fullMarks: number
		involvedMarks: number
		earned: number
		normalised: number
		specialDeductions: number
		specialBonus: number
		score: number
		passMark: number | null
		passed: boolean | null
		level: ReportLevel | null
		complete: boolean
		completeness: string
		/** "通过，等级：三星级 ★★★" */
		verdict: string
		/** pass/fail and next-level sentences */
		reasons: string[]
		nextLevel: { key: LevelKey; name: string; min: number; gap: number } | null
		calculation: string[]
	}
	sections: ReportSection[]
	indicators: ReportIndicator[]
	strengths: {
		id: string
		title: string
		kind: 'section' | 'group' | 'indicator'
		kindLabel: string
		full: number
	}[]
	weaknesses: { summary: string; items: ReportWeakness[] }
	special: {
		applies: boolean
		deductions: { description: string; correctiveAction: string }[]
		bonus: string | null
	}
	actions: {
		title: string
		owner: string | null
		dueDate: string | null
		/** the due day in China's time zone, YYYY-MM-DD */
		dueDay: string | null
		status: ActionStatus
		statusLabel: string
		indicators: string[]
	}[]
	warnings: string[]
}

/** Float noise from summing exact values converted to numbers stays far below this. */
const EPSILON = 1e-9

/** Weaknesses listed when fewer are needed for the next level. */
const WEAKNESSES_SHOWN = 10

function clean(value: number): number {
	return Math.round(value * 1e9) / 1e9
}

const chinaDays = new Intl.DateTimeFormat('en', {
	timeZone: 'Asia/Shanghai',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

/** The calendar day a date falls on in China, like formatDate shows it. */
function chinaDay(date: Date): string {
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		chinaDays.formatToParts(date).find((entry) => entry.type === type)?.value ?? ''
	return `${part('year')}-${part('month')}-${part('day')}`
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The image's size in pixels, read from its header, so layouts can reserve its width. */
function logoOf(data: Buffer | undefined): ReportLogo | null {
	if (!data) return null
	const logo = imageSize(data)
	if (!logo || logo.width === 0 || logo.height === 0)
		throw new Error('The workspace logo must be a PNG or JPEG image')
	return logo
}

function imageSize(data: Buffer): ReportLogo | null {
	if (data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE))
		return { data, format: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
	if (data[0] === 0xff && data[1] === 0xd8) {
		let offset = 2
		while (offset + 9 < data.length && data[offset] === 0xff) {
			const marker = data[offset + 1] ?? 0
			const length = data.readUInt16BE(offset + 2)
			// SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) do not
			if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
				return {
					data,
					format: 'jpeg',
					width: data.readUInt16BE(offset + 7),
					height: data.readUInt16BE(offset + 5),
				}
			offset += 2 + length
		}
	}
	return null
}

function levelOf(scheme: Scheme, key: LevelKey, locale: Locale, t: ReportText): ReportLevel {
	if (key === 'fail') return { key, name: t('level.fail'), stars: 0, label: t('level.fail') }
	const level = scheme.levels.find((entry) => entry.key === key)
	if (!level) throw new Error(`${scheme.id} has no level ${key}`)
	return labelled(level, locale)
}

function labelled(level: Level, locale: Locale): ReportLevel {
	const name = locale === 'en' ? level.nameEn : level.name
	const stars = '★'.repeat(level.stars)
	// XBHT names its levels with the stars themselves
	const label = level.stars > 0 && !name.includes('★') ? `${name} ${stars}` : name
	return { key: level.key, name, stars: level.stars, label }
}

function share(answer: AnswerV1): number {
	if ('fraction' in answer) return answer.fraction
	if ('samples' in answer) return 1 - answer.samples.nonconforming / answer.samples.checked
	if ('percent' in answer) {
		const values = Array.isArray(answer.percent) ? answer.percent : [answer.percent]
		return values.reduce((total, value) => total + value, 0) / values.length / 100
	}
	if ('checks' in answer) {
		const unmet = answer.checks.filter((check) => check === false).length
		const met = answer.checks.filter((check) => check === true).length
		return unmet === 0 ? 1 : met === 0 ? 0 : 0.5
	}
	return 0
}

function statusOf(
	answer: AnswerV1 | undefined,
	scored: { involved: number; earned: number; excluded: boolean },
): IndicatorStatus {
	if (!answer) return 'unanswered'
	if (scored.excluded) return 'excluded'
	// a zero-point indicator has nothing to compare, so its answer says how it went
	const achieved = scored.involved > 0 ? scored.earned / scored.involved : share(answer)
	if (achieved >= 1 - EPSILON) return 'met'
	if (achieved <= EPSILON) return 'not-met'
	return 'partial'
}

function reasonOf(
	indicator: Indicator,
	answer: AnswerV1 | undefined,
	status: IndicatorStatus,
	scored: { full: number; involved: number; lost: number },
	locale: Locale,
	t: ReportText,
): string | null {
	if (!answer) return t('reason.unanswered')
	const format = numberFormat(locale, 2)
	const lost = format(scored.lost)
	if ('na' in answer) return t('reason.excluded', { reason: answer.reason })
	if ('checks' in answer) {
		const unmet = answer.checks.filter((check) => check === false).length
		const na = answer.checks.filter((check) => check === 'na').length
		const reason = answer.reason ?? t('reason.noReasonGiven')
		if (status === 'excluded') return t('reason.allSubExcluded', { reason })
		const parts: string[] = []
		if (unmet > 0) {
			const rule = indicator.rule?.kind === 'all-or-nothing' ? t('reason.checksAllOrNothing') : ''
			parts.push(t('reason.checks', { total: answer.checks.length, unmet, rule, lost }))
		}
		// a partly n.a. indicator may keep its full points, or leave part of them out of the total
		if (na > 0) parts.push(t('reason.checksNa', { na, reason }))
		return parts.length ? parts.join(locale === 'en' ? '; ' : '；') : null
	}
	if (status === 'met') return null
	if (scored.full === 0) return t('reason.noPoints')
	if ('samples' in answer)
		return t('reason.samples', {
			checked: answer.samples.checked,
			nonconforming: answer.samples.nonconforming,
			lost,
		})
	if ('percent' in answer) {
		const values = Array.isArray(answer.percent) ? answer.percent : [answer.percent]
		if (values.length === 1) return t('reason.percent', { percent: format(values[0] ?? 0), lost })
		return t('reason.percentMean', {
			count: values.length,
			mean: format(share(answer) * 100),
			list: values.map((value) => `${format(value)}%`).join(locale === 'en' ? ', ' : '、'),
			lost,
		})
	}
	if ('fraction' in answer) {
		if (answer.fraction === 0) return t('reason.notMet', { lost })
		return t('reason.partial', { percent: format(answer.fraction * 100), lost })
	}
	return null
}

type Target = { name: string; key: LevelKey; min: number; toPass: boolean }

/** What the weaknesses aim at: a score to reach, nothing above, or the deductions alone. */
type Aim = Target | 'top' | 'deductions' | null

function targetOf(scheme: Scheme, result: ScoreResult, locale: Locale): Aim {
	if (scheme.passMark === null || scheme.levels.length === 0 || result.passed === null) return null
	const lowest = scheme.levels[0]
	if (!lowest) return null
	if (result.score < scheme.passMark) {
		const name = labelled(lowest, locale).label
		return { name, key: lowest.key, min: scheme.passMark, toPass: true }
	}
	// at or above the pass mark and still failing: only removing deductions helps
	if (!result.passed) return 'deductions'
	const next = scheme.levels.find((level) => level.min > result.score)
	if (!next) return 'top'
	return { name: labelled(next, locale).label, key: next.key, min: next.min, toPass: false }
}

export function buildReportModel(input: BuildReportInput): ReportModel {
	const { scheme, assessment, result, locale } = input
	if (result.scheme !== scheme.id || assessment.scheme !== scheme.id)
		throw new Error(`The report's scheme ${scheme.id} does not match the assessment and the result`)
	const t = reportText(locale)
	const en = locale === 'en'
	const points = numberFormat(locale, 2)
	const exactPoints = numberFormat(locale, 4)
	const score2 = numberFormat(locale, 2, 2)
	const list = (values: string[]) => (values.length ? values.join(en ? ', ' : '、') : t('none'))

	const entries = schemeIndicators(scheme)
	const scoredById = new Map(result.indicators.map((entry) => [entry.id, entry]))
	const indicators: ReportIndicator[] = entries.map(({ indicator, section }) => {
		const scored = scoredById.get(indicator.id)
		if (!scored) throw new Error(`The result has no indicator ${indicator.id}`)
		const answer = assessment.answers[indicator.id]
		const status = statusOf(answer, scored)
		const lost = clean(scored.involved - scored.earned)
		return {
			id: indicator.id,
			code: indicator.code ?? null,
			sectionId: section.id,
			title: en ? indicator.titleEn : indicator.title,
			full: scored.full,
			involved: scored.involved,
			earned: scored.earned,
			lost,
			status,
			statusLabel: t(`status.${status}`),
			reason: reasonOf(indicator, answer, status, { ...scored, lost }, locale, t),
			note: answer?.note ?? null,
			evidence: answer?.evidence ?? [],
		}
	})

	const sections: ReportSection[] = scheme.sections.map((section) => {
		const scored = result.sections.find((entry) => entry.id === section.id)
		if (!scored) throw new Error(`The result has no section ${section.id}`)
		return {
			id: section.id,
			title: en ? section.titleEn : section.title,
			full: scored.full,
			involved: scored.involved,
			earned: scored.earned,
			lost: clean(scored.involved - scored.earned),
			rate: scored.involved > 0 ? clean((scored.earned / scored.involved) * 100) : null,
		}
	})

	const strengths = strengthsOf(scheme, indicators, sections, en, t)

	const level = result.level ? levelOf(scheme, result.level.key, locale, t) : null
	const target = targetOf(scheme, result, locale)
	const reasons: string[] = []
	const failures = explainPass(result, scheme)
	const limit = scheme.failAtSpecialDeductions
	if (result.passed === true && scheme.passMark !== null) {
		reasons.push(t('pass.ok', { score: score2(result.score), passMark: points(scheme.passMark) }))
		if (limit !== null)
			reasons.push(t('pass.deductionsOk', { count: result.specialDeductions, limit }))
	}
	for (const failure of failures) {
		if (failure.kind === 'below-pass-mark')
			reasons.push(
				t('pass.belowPassMark', {
					score: score2(failure.score),
					passMark: points(failure.passMark),
				}),
			)
		else reasons.push(t('pass.tooManyDeductions', { count: failure.count, limit: failure.limit }))
	}
	let nextLevel: ReportModel['summary']['nextLevel'] = null
	if (target === 'top' && level) reasons.push(t('next.top', { level: level.label }))
	else if (typeof target === 'object' && target !== null) {
		const gap = clean(Math.round((target.min - result.score) * 100) / 100)
		nextLevel = { key: target.key, name: target.name, min: target.min, gap }
		if (target.toPass)
			reasons.push(
				t('next.toPass', { min: points(target.min), next: target.name, gap: points(gap) }),
			)
		else if (level)
			reasons.push(
				t('next.short', {
					level: level.label,
					next: target.name,
					min: points(target.min),
					gap: points(gap),
				}),
			)
	}
	if (limit !== null && result.specialDeductions >= limit)
		reasons.push(t('next.deductions', { limit, count: result.specialDeductions }))

	const weaknesses = weaknessesOf(result, indicators, target, points, t)

	const calculation: string[] = []
	if (scheme.passMark === null) {
		calculation.push(
			t('calc.checklist', {
				earned: exactPoints(result.earned),
				involved: exactPoints(result.involvedMarks),
				score: score2(result.score),
			}),
		)
	} else {
		calculation.push(
			t('calc.normalised', {
				earned: exactPoints(result.earned),
				involved: exactPoints(result.involvedMarks),
				full: points(result.fullMarks),
				normalised: exactPoints(result.normalised),
			}),
		)
		const exact = exactPoints(result.normalised - result.specialDeductions + result.specialBonus)
		calculation.push(
			scheme.specialItems
				? t('calc.special', {
						normalised: exactPoints(result.normalised),
						deductions: result.specialDeductions,
						bonus: result.specialBonus,
						exact,
						score: score2(result.score),
					})
				: t('calc.rounding', { exact, score: score2(result.score) }),
		)
		if (level) calculation.push(t('calc.level', { level: level.label }))
	}

	const verdict =
		result.passed === null
			? t('verdict.checklist', { score: score2(result.score) })
			: result.passed && level
				? t('verdict.passed', { level: level.label })
				: t('verdict.failed')

	const unanswered = indicators.filter((entry) => entry.status === 'unanswered').length
	const basic = {
		organisation: input.organisation.name,
		scope: input.scope,
		period: input.period,
		scheme: {
			id: scheme.id,
			title: en ? scheme.titleEn : scheme.title,
			code: scheme.source.code,
			edition: scheme.source.edition,
			version: scheme.version,
		},
		assessors: input.assessors,
		consultant: input.consultant ?? null,
	}

	return {
		locale,
		title: t('title'),
		disclaimer: t('disclaimer'),
		generatedAt: formatDate(locale, input.generatedAt, true),
		generatedAtIso: input.generatedAt.toISOString(),
		organisation: { name: input.organisation.name, logo: logoOf(input.organisation.logo) },
		basic,
		process: processOf(scheme, assessment, result, indicators, basic, list, t),
		summary: {
			fullMarks: result.fullMarks,
			involvedMarks: result.involvedMarks,
			earned: result.earned,
			normalised: result.normalised,
			specialDeductions: result.specialDeductions,
			specialBonus: result.specialBonus,
			score: result.score,
			passMark: scheme.passMark,
			passed: result.passed,
			level,
			complete: result.complete,
			completeness: result.complete ? t('complete') : t('incomplete', { count: unanswered }),
			verdict,
			reasons,
			nextLevel,
			calculation,
		},
		sections,
		indicators,
		strengths,
		weaknesses,
		special: {
			applies: scheme.specialItems,
			deductions: scheme.specialItems ? (assessment.specialDeductions ?? []) : [],
			bonus: scheme.specialItems ? (assessment.specialBonus?.justification ?? null) : null,
		},
		actions: input.actions.map((action) => ({
			title: action.title,
			owner: action.owner,
			dueDate: action.dueDate ? formatDate(locale, action.dueDate) : null,
			dueDay: action.dueDate ? chinaDay(action.dueDate) : null,
			status: action.status,
			statusLabel: t(`action.${action.status}`),
			indicators: action.indicators,
		})),
		warnings: result.warnings,
	}
}

function processOf(
	scheme: Scheme,
	assessment: AssessmentV1,
	result: ScoreResult,
	indicators: ReportIndicator[],
	basic: ReportModel['basic'],
	list: (values: string[]) => string,
	t: ReportText,
): string[] {
	const answers = Object.values(assessment.answers)
	const sampled = answers.flatMap((answer) => ('samples' in answer ? [answer.samples.checked] : []))
	const lines = [
		t('process.basis', {
			scheme: basic.scheme.title,
			code: basic.scheme.code,
			edition: basic.scheme.edition,
			version: basic.scheme.version,
			scope: basic.scope,
			period: basic.period,
		}),
		t('process.people', { assessors: list(basic.assessors) }) +
			(basic.consultant ? t('process.consultant', { consultant: basic.consultant }) : ''),
		t(`process.method.${scheme.answerMode}`),
		t('process.coverage', {
			total: indicators.length,
			answered: indicators.filter((entry) => entry.status !== 'unanswered').length,
			excluded: indicators.filter((entry) => entry.status === 'excluded').length,
			sampled: sampled.length,
			checked: sampled.reduce((total, checked) => total + checked, 0),
			unanswered: indicators.filter((entry) => entry.status === 'unanswered').length,
		}),
		t('process.evidence', {
			withEvidence: indicators.filter((entry) => entry.evidence.length > 0).length,
			evidence: indicators.reduce((total, entry) => total + entry.evidence.length, 0),
			withNotes: indicators.filter((entry) => entry.note).length,
		}),
	]
	if (scheme.specialItems)
		lines.push(
			t('process.special', { deductions: result.specialDeductions, bonus: result.specialBonus }),
		)
	if (result.warnings.length) lines.push(t('process.warnings', { count: result.warnings.length }))
	return lines
}

function atFullMarks(entries: ReportIndicator[]): boolean {
	const involved = entries.reduce((total, entry) => total + entry.involved, 0)
	return (
		involved > 0 && entries.every((entry) => entry.status === 'excluded' || entry.lost <= EPSILON)
	)
}

/** Full-mark sections, then full-mark clauses and loose indicators outside them. */
function strengthsOf(
	scheme: Scheme,
	indicators: ReportIndicator[],
	sections: ReportSection[],
	en: boolean,
	t: ReportText,
): ReportModel['strengths'] {
	const byId = new Map(indicators.map((entry) => [entry.id, entry]))
	const strengths: ReportModel['strengths'] = []
	scheme.sections.forEach((section, i) => {
		const leaves = schemeIndicators({ ...scheme, sections: [section] }).flatMap(
			({ indicator }) => byId.get(indicator.id) ?? [],
		)
		if (atFullMarks(leaves)) {
			strengths.push({
				id: section.id,
				title: sections[i]?.title ?? section.title,
				kind: 'section',
				kindLabel: t('kind.section'),
				full: sections[i]?.involved ?? 0,
			})
			return
		}
		for (const child of section.children) {
			if (child.type === 'group') {
				const groupLeaves = child.children.flatMap((leaf) => byId.get(leaf.id) ?? [])
				if (atFullMarks(groupLeaves))
					strengths.push({
						id: child.id,
						title: en ? child.titleEn : child.title,
						kind: 'group',
						kindLabel: t('kind.group'),
						full: clean(groupLeaves.reduce((total, entry) => total + entry.involved, 0)),
					})
			} else if (child.type === 'indicator') {
				const entry = byId.get(child.id)
				if (entry && entry.involved > 0 && atFullMarks([entry]))
					strengths.push({
						id: entry.id,
						title: entry.title,
						kind: 'indicator',
						kindLabel: t('kind.indicator'),
						full: entry.involved,
					})
			}
		}
	})
	return strengths
}

/**
 * The biggest losses first. Every indicator can be raised to its full involved points, so
 * taking them by size gives the fewest indicators whose recovery reaches the target.
 */
function weaknessesOf(
	result: ScoreResult,
	indicators: ReportIndicator[],
	target: Aim,
	points: (value: number) => string,
	t: ReportText,
): ReportModel['weaknesses'] {
	const factor = result.fullMarks / result.involvedMarks
	const losses = indicators
		.filter((entry) => entry.lost > EPSILON)
		.map((entry, order) => ({ entry, order, recoverable: clean(entry.lost * factor) }))
		.sort((a, b) => b.entry.lost - a.entry.lost || a.order - b.order)
	const item = (loss: (typeof losses)[number], forNextLevel: boolean): ReportWeakness => ({
		id: loss.entry.id,
		title: loss.entry.title,
		lost: loss.entry.lost,
		recoverable: loss.recoverable,
		reason: loss.entry.reason,
		forNextLevel,
	})
	if (losses.length === 0) return { summary: t('noWeaknesses'), items: [] }
	if (typeof target !== 'object' || target === null) {
		const summary = {
			top: 'plan.top',
			deductions: 'plan.deductions',
			none: 'plan.checklist',
		} as const
		return {
			summary: t(summary[target ?? 'none']),
			items: losses.slice(0, WEAKNESSES_SHOWN).map((loss) => item(loss, false)),
		}
	}
	// the rounded score reaches the target once the exact score is within half a hundredth of it
	const exact = result.normalised - result.specialDeductions + result.specialBonus
	const needed = target.min - 0.005 - exact
	let gained = 0
	let count = 0
	while (count < losses.length && gained < needed - EPSILON) {
		gained += losses[count]?.recoverable ?? 0
		count++
	}
	const reached = gained >= needed - EPSILON
	const summary = reached
		? t('plan.enough', { count, points: points(clean(gained)), target: target.name })
		: t('plan.notEnough', { points: points(clean(gained)), target: target.name })
	const shown = Math.max(count, WEAKNESSES_SHOWN)
	return {
		summary,
		items: losses.slice(0, shown).map((loss, i) => item(loss, reached && i < count)),
	}
}
