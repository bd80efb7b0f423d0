import { describe, expect, test } from 'vitest'
import { scoreAssessment } from '../scoring/score.ts'
import type { AssessmentV1 } from '../scoring/types.ts'
import { validateAssessment } from '../scoring/validate.ts'
import { getScheme, schemeIndicators } from './index.ts'
import {
	carryOverAnswers,
	correspondence,
	correspondingIndicators,
	MAPPED_SCHEME_IDS,
} from './mapping.ts'
import type { Scheme } from './scheme-schema.ts'

function scheme(id: string): Scheme {
	const found = getScheme(id)
	if (!found) throw new Error(`no scheme ${id}`)
	return found
}

const gbt = scheme('gbt27922-2011')
const green = scheme('green-aftersales-2025')
const dni = scheme('dni-cts-0301-2025')
const bac = scheme('bac-fr01-2021')
const xbht = scheme('xbht-s04-2025')
const general = scheme('gbt-aftersales-general-draft')
const mapped = [gbt, green, dni, bac]

function doc(
	on: Scheme,
	answers: AssessmentV1['answers'],
	extra: Partial<AssessmentV1> = {},
): AssessmentV1 {
	return { format: 'aftersales-assessment/v1', scheme: on.id, answers, ...extra }
}

describe('correspondingIndicators', () => {
	test('a GB/T leaf item: the same id, and its middle-level indicator in BAC', () => {
		expect(correspondingIndicators(gbt, '5.2.4.3', green)).toEqual(['5.2.4.3'])
		expect(correspondingIndicators(gbt, '5.2.4.3', dni)).toEqual(['5.2.4.3'])
		expect(correspondingIndicators(gbt, '5.2.4.3', bac)).toEqual(['5.2.4'])
		expect(correspondingIndicators(dni, '5.3.2.2', bac)).toEqual(['5.3.2'])
	})

	test("BAC's middle level: the leaf items under it, without green-only ones", () => {
		const leaves = ['5.2.4.1', '5.2.4.2', '5.2.4.3', '5.2.4.4', '5.2.4.5', '5.2.4.6']
		expect(correspondingIndicators(bac, '5.2.4', gbt)).toEqual(leaves)
		expect(correspondingIndicators(bac, '5.2.4', green)).toEqual(leaves)
		expect(correspondingIndicators(bac, '5.2.4', dni)).toEqual(leaves)
		expect(correspondingIndicators(bac, '5.1.1', gbt)).toEqual(['5.1.1.1', '5.1.1.2', '5.1.1.3'])
		expect(correspondingIndicators(bac, '5.1.1', dni)).toEqual(['5.1.1.1', '5.1.1.2'])
	})

	test('green-only items have no counterpart outside the green scheme', () => {
		for (const id of ['5.1.1.4', '5.2.4.7', '5.2.4.13', '5.2.6.5']) {
			expect(correspondingIndicators(green, id, gbt)).toEqual([])
			expect(correspondingIndicators(green, id, dni)).toEqual([])
			expect(correspondingIndicators(green, id, bac)).toEqual([])
			expect(correspondingIndicators(green, id, green)).toEqual([id])
		}
	})

	test('5.1.1.3 (0 points) is in GB/T and green but not in DNI (decision 4)', () => {
		expect(correspondingIndicators(gbt, '5.1.1.3', green)).toEqual(['5.1.1.3'])
		expect(correspondingIndicators(gbt, '5.1.1.3', dni)).toEqual([])
		expect(correspondingIndicators(gbt, '5.1.1.3', bac)).toEqual(['5.1.1'])
	})

	test('XBHT and the checklist number their own clauses: nothing maps', () => {
		expect(correspondingIndicators(gbt, '5.1.1.1', xbht)).toEqual([])
		expect(correspondingIndicators(xbht, '5.1.1.1', gbt)).toEqual([])
		expect(correspondingIndicators(general, '5.2.1', gbt)).toEqual([])
		expect(MAPPED_SCHEME_IDS).toEqual(mapped.map((entry) => entry.id))
	})

	test('an id the source scheme does not have maps to nothing', () => {
		expect(correspondingIndicators(gbt, '5.2.4', bac)).toEqual([])
		expect(correspondingIndicators(gbt, '9.9', green)).toEqual([])
	})

	test('every GB/T item has exactly one BAC indicator and every BAC indicator some GB/T items', () => {
		for (const [id, targets] of correspondence(gbt, bac)) {
			expect(targets, id).toEqual([id.split('.').slice(0, 3).join('.')])
		}
		for (const [id, targets] of correspondence(bac, gbt))
			expect(targets.length, id).toBeGreaterThan(0)
	})

	test('the correspondence is symmetric between all four schemes', () => {
		for (const from of mapped) {
			for (const to of mapped) {
				for (const [id, targets] of correspondence(from, to)) {
					for (const target of targets)
						expect(
							correspondingIndicators(to, target, from),
							`${from.id} ${id} → ${to.id} ${target}`,
						).toContain(id)
				}
			}
		}
	})

	test('GB/T and DNI share their 50 scored items one to one', () => {
		const pairs = [...correspondence(dni, gbt)]
		expect(pairs).toHaveLength(50)
		for (const [id, targets] of pairs) expect(targets).toEqual([id])
	})
})

describe('carryOverAnswers', () => {
	test('GB/T → green: every answer carries as it is; green items stay unanswered', () => {
		const from = doc(
			gbt,
			{
				'5.1.1.1': { fraction: 0.7, note: '职责未覆盖网点', evidence: ['org.pdf'] },
				'5.1.2.1': { samples: { checked: 12, nonconforming: 3 } },
				'5.2.6.1': { na: true, reason: '不销售需回收的商品' },
			},
			{
				organisation: { name: '示例电器有限公司' },
				period: '2026',
				specialDeductions: [{ description: '超时', correctiveAction: '整改' }],
				specialBonus: { justification: '行业领先' },
			},
		)
		const result = carryOverAnswers(gbt, from, green)
		expect(result).toEqual({
			assessment: { ...from, scheme: green.id },
			carried: ['5.1.1.1', '5.1.2.1', '5.2.6.1'],
			notCarried: [],
		})
		const validated = validateAssessment(result.assessment, getScheme)
		expect(validated.ok).toBe(true)
		if (validated.ok) expect(scoreAssessment(green, validated.assessment).complete).toBe(false)
	})

	test('green → GB/T: green-only items are reported, the rest carries', () => {
		const result = carryOverAnswers(
			green,
			doc(green, {
				'5.2.4.1': { fraction: 1 },
				'5.2.4.9': { fraction: 0.5 },
				'5.1.1.4': { fraction: 1 },
			}),
			gbt,
		)
		expect(result.carried).toEqual(['5.2.4.1'])
		expect(result.notCarried).toEqual([
			{
				id: '5.1.1.4',
				reason: 'no-counterpart',
				detail: '5.1.1.4 is a green-only item with no counterpart in gbt27922-2011',
			},
			{
				id: '5.2.4.9',
				reason: 'no-counterpart',
				detail: '5.2.4.9 is a green-only item with no counterpart in gbt27922-2011',
			},
		])
		expect(result.assessment.answers).toEqual({ '5.2.4.1': { fraction: 1 } })
	})

	test('GB/T → DNI: a fraction becomes percent × 100, exactly', () => {
		const result = carryOverAnswers(
			gbt,
			doc(gbt, {
				'5.1.1.1': { fraction: 0.7, note: '抽查' },
				'5.1.1.2': { fraction: 0.07 },
				'5.1.1.3': { fraction: 1 },
				'5.1.2.1': { samples: { checked: 12, nonconforming: 3 } },
				'5.1.2.2': { samples: { checked: 3, nonconforming: 1 } },
				'5.2.3.1': { na: true, reason: '无配送' },
			}),
			dni,
		)
		expect(result.assessment.answers).toEqual({
			'5.1.1.1': { percent: 70, note: '抽查' },
			'5.1.1.2': { percent: 7 },
			'5.1.2.1': { percent: 75 },
			'5.2.3.1': { na: true, reason: '无配送' },
		})
		expect(result.carried).toEqual(['5.1.1.1', '5.1.1.2', '5.1.2.1', '5.2.3.1'])
		expect(result.notCarried).toEqual([
			{
				id: '5.1.1.3',
				reason: 'no-counterpart',
				detail: 'dni-cts-0301-2025 has no indicator corresponding to 5.1.1.3',
			},
			{
				id: '5.1.2.2',
				reason: 'inexact',
				detail: '{"samples":{"checked":3,"nonconforming":1}} is a percentage with no exact decimal',
			},
		])
	})

	test('DNI → GB/T: the mean percentage / 100 becomes the fraction, when it is exact', () => {
		const result = carryOverAnswers(
			dni,
			doc(dni, {
				'5.2.1.1': { percent: [70, 80] },
				'5.2.1.2': { percent: 72.5 },
				'5.2.1.3': { percent: [70, 80, 65] },
			}),
			gbt,
		)
		expect(result.assessment.answers).toEqual({
			'5.2.1.1': { fraction: 0.75 },
			'5.2.1.2': { fraction: 0.725 },
		})
		expect(result.notCarried).toEqual([
			{
				id: '5.2.1.3',
				reason: 'inexact',
				detail: '{"percent":[70,80,65]} is a share with no exact decimal',
			},
		])
	})

	test('carried answers score the same on both sides', () => {
		const from = doc(gbt, {
			'5.1.1.1': { fraction: 0.5 },
			'5.1.1.2': { fraction: 0.25 },
			'5.2.4.5': { samples: { checked: 8, nonconforming: 2 } },
			'5.2.6.1': { na: true, reason: '不回收' },
		})
		const { assessment } = carryOverAnswers(gbt, from, dni)
		const marks = (on: Scheme, scored: AssessmentV1) =>
			Object.fromEntries(
				scoreAssessment(on, scored)
					.indicators.filter((entry) => entry.id in assessment.answers)
					.map(({ id, earned, excluded }) => [id, { earned, excluded }]),
			)
		expect(marks(dni, assessment)).toEqual(marks(gbt, from))
		expect(Object.keys(marks(dni, assessment))).toHaveLength(4)
	})

	test('to and from BAC nothing is derived, but special items carry', () => {
		const toBac = carryOverAnswers(
			gbt,
			doc(
				gbt,
				{ '5.2.4.1': { fraction: 1 }, '5.2.4.2': { fraction: 1 } },
				{ specialBonus: { justification: '领先' } },
			),
			bac,
		)
		expect(toBac.assessment).toEqual({
			format: 'aftersales-assessment/v1',
			scheme: 'bac-fr01-2021',
			answers: {},
			specialBonus: { justification: '领先' },
		})
		expect(toBac.notCarried).toEqual([
			{
				id: '5.2.4.1',
				reason: 'not-derivable',
				detail:
					'gbt27922-2011 5.2.4.1 corresponds to bac-fr01-2021 5.2.4, assessed at another level; its answer does not determine theirs',
			},
			{
				id: '5.2.4.2',
				reason: 'not-derivable',
				detail:
					'gbt27922-2011 5.2.4.2 corresponds to bac-fr01-2021 5.2.4, assessed at another level; its answer does not determine theirs',
			},
		])
		const fromBac = carryOverAnswers(
			bac,
			doc(bac, { '5.2.6': { na: true, reason: '不回收' }, '5.1.1': { checks: [true, true] } }),
			green,
		)
		expect(fromBac.carried).toEqual([])
		expect(fromBac.notCarried.map(({ id, reason }) => [id, reason])).toEqual([
			['5.1.1', 'not-derivable'],
			['5.2.6', 'not-derivable'],
		])
		expect(fromBac.notCarried[0]?.detail).toBe(
			'bac-fr01-2021 5.1.1 corresponds to green-aftersales-2025 5.1.1.1, 5.1.1.2, 5.1.1.3, assessed at another level; its answer does not determine theirs',
		)
	})

	test('an exclusion the target does not allow is reported', () => {
		const strict: Scheme = {
			...dni,
			sections: dni.sections.map((section) => ({
				...section,
				children: section.children.map((child) =>
					child.type === 'group'
						? {
								...child,
								children: child.children.map((leaf) =>
									leaf.type === 'indicator' && leaf.id === '5.2.3.1'
										? { ...leaf, excludable: false }
										: leaf,
								),
							}
						: child,
				),
			})),
		}
		const result = carryOverAnswers(
			gbt,
			doc(gbt, { '5.2.3.1': { na: true, reason: '无配送' } }),
			strict,
		)
		expect(result.notCarried).toEqual([
			{
				id: '5.2.3.1',
				reason: 'not-excludable',
				detail: `dni-cts-0301-2025 does not allow excluding 5.2.3.1: ${dni.exclusionsRule.en}`,
			},
		])
	})

	test('within one scheme everything carries; unmapped schemes carry nothing', () => {
		const from = doc(bac, {
			'5.1.1': { checks: [true, false] },
			'5.2.6': { na: true, reason: '不回收' },
		})
		expect(carryOverAnswers(bac, from, bac)).toEqual({
			assessment: from,
			carried: ['5.1.1', '5.2.6'],
			notCarried: [],
		})
		const toXbht = carryOverAnswers(gbt, doc(gbt, { '5.1.1.1': { fraction: 1 } }), xbht)
		expect(toXbht.carried).toEqual([])
		expect(toXbht.notCarried).toEqual([
			{
				id: '5.1.1.1',
				reason: 'no-counterpart',
				detail: 'xbht-s04-2025 has no indicator corresponding to 5.1.1.1',
			},
		])
	})

	test('the template of each mapped scheme carries into the others and stays valid', () => {
		for (const from of mapped) {
			const full = doc(
				from,
				Object.fromEntries(
					schemeIndicators(from).map(({ indicator }) => [
						indicator.id,
						from.answerMode === 'percent'
							? { percent: 100 }
							: from.answerMode === 'checks'
								? { checks: (indicator.subRequirements ?? []).map(() => true) }
								: { fraction: 1 },
					]),
				),
			)
			for (const to of mapped) {
				const { assessment, carried, notCarried } = carryOverAnswers(from, full, to)
				expect(carried.length + notCarried.length).toBe(Object.keys(full.answers).length)
				expect(validateAssessment(assessment, getScheme).ok, `${from.id} → ${to.id}`).toBe(true)
			}
		}
	})
})
