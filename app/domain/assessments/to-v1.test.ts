import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { getScheme, schemeIndicators, type Scheme } from '../schemes/index.ts'
import { scoreJson, validateAssessment } from '../scoring/index.ts'
import { assessmentTemplate } from '../scoring/template.ts'
import { panelScheme, scoreStored } from './live-score.ts'
import {
	EMPTY_STORED,
	fromV1,
	importedPercents,
	indicatorPercents,
	indicatorStates,
	keepImported,
	missingForSubmit,
	overallProgress,
	sectionProgress,
	toV1,
	withoutImported,
	type StoredAnswer,
	type StoredAssessment,
} from './to-v1.ts'

function scheme(id: string): Scheme {
	const found = getScheme(id)
	if (!found) throw new Error(`no scheme ${id}`)
	return found
}

const gbt = scheme('gbt27922-2011')
const dni = scheme('dni-cts-0301-2025')
const bac = scheme('bac-fr01-2021')
const xbht = scheme('xbht-s04-2025')

function answer(
	indicatorId: string,
	value: Record<string, unknown> | null,
	extra: Partial<StoredAnswer> = {},
): StoredAnswer {
	return { indicatorId, value, note: '', status: 'answered', ...extra }
}

function stored(partial: Partial<StoredAssessment>): StoredAssessment {
	return { ...EMPTY_STORED, ...partial }
}

describe('toV1', () => {
	test('writes stored values with their note and evidence names, skips unanswered rows, keeps printed order', () => {
		const doc = toV1(
			gbt,
			stored({
				answers: [
					answer('5.1.2.1', { fraction: 0.5 }, { note: '  ' }),
					answer(
						'5.1.1.2',
						{ samples: { checked: 10, nonconforming: 2 } },
						{ note: '抽查 10 份记录' },
					),
					answer('5.2.1.1', { na: true, reason: '不销售大件商品' }, { status: 'to_review' }),
					answer('5.1.1.1', null, { note: '只有备注，尚未作答' }),
				],
				evidence: [
					{ indicatorId: '5.1.1.2', name: '记录.pdf' },
					{ indicatorId: '5.1.1.2', name: '照片.jpg' },
					{ indicatorId: '5.1.1.1', name: '无答案的证据.pdf' },
				],
			}),
			{ organisation: '示例电器有限公司', period: '2026' },
		)
		expect(doc).toEqual({
			format: 'aftersales-assessment/v1',
			scheme: 'gbt27922-2011',
			organisation: { name: '示例电器有限公司' },
			period: '2026',
			answers: {
				'5.1.1.2': {
					samples: { checked: 10, nonconforming: 2 },
					note: '抽查 10 份记录',
					evidence: ['记录.pdf', '照片.jpg'],
				},
				'5.1.2.1': { fraction: 0.5 },
				'5.2.1.1': { na: true, reason: '不销售大件商品' },
			},
		})
		expect(Object.keys(doc.answers)).toEqual(['5.1.1.2', '5.1.2.1', '5.2.1.1'])
		expect(validateAssessment(doc).ok).toBe(true)
	})

	test('a note or evidence key inside a stored value never overrides the columns', () => {
		const doc = toV1(
			gbt,
			stored({ answers: [answer('5.1.1.1', { fraction: 1, note: 'old', evidence: ['x'] })] }),
		)
		expect(doc.answers['5.1.1.1']).toEqual({ fraction: 1 })
	})

	test('special items become specialDeductions and specialBonus', () => {
		const doc = toV1(
			gbt,
			stored({
				specialItems: [
					{ kind: 'deduction', description: '投诉未处理', correctiveAction: '建立投诉台账' },
					{ kind: 'bonus', description: '获得省级服务奖', correctiveAction: '' },
					{ kind: 'deduction', description: '超期维修', correctiveAction: '增加备件' },
				],
			}),
		)
		expect(doc.specialDeductions).toEqual([
			{ description: '投诉未处理', correctiveAction: '建立投诉台账' },
			{ description: '超期维修', correctiveAction: '增加备件' },
		])
		expect(doc.specialBonus).toEqual({ justification: '获得省级服务奖' })
		expect(toV1(gbt, EMPTY_STORED)).toEqual({
			format: 'aftersales-assessment/v1',
			scheme: gbt.id,
			answers: {},
		})
	})

	test('DNI: each assessor rating is one percentage, after any imported ones; an exclusion wins', () => {
		const doc = toV1(
			dni,
			stored({
				answers: [
					answer('5.3.1.1', null, { note: '讨论后定' }),
					answer('5.3.1.2', { percent: [50, 60] }),
					answer('5.2.1.1', { na: true, reason: '无安装服务' }),
					answer('5.3.1.3', { percent: 40 }),
				],
				ratings: [
					{ indicatorId: '5.3.1.1', userId: 'b', percent: '72.5' },
					{ indicatorId: '5.3.1.1', userId: 'a', percent: '80' },
					{ indicatorId: '5.3.1.2', userId: 'a', percent: '70' },
					{ indicatorId: '5.2.1.1', userId: 'a', percent: '90' },
				],
			}),
		)
		expect(doc.answers).toEqual({
			'5.2.1.1': { na: true, reason: '无安装服务' },
			'5.3.1.1': { percent: [80, 72.5], note: '讨论后定' },
			'5.3.1.2': { percent: [50, 60, 70] },
			'5.3.1.3': { percent: [40] },
		})
		const live = scoreStored(
			dni,
			stored({
				ratings: [
					{ indicatorId: '5.3.1.1', userId: 'a', percent: '80' },
					{ indicatorId: '5.3.1.1', userId: 'b', percent: '60' },
				],
			}),
		)
		expect(live.ok && live.result.indicators.find((i) => i.id === '5.3.1.1')?.earned).toBe(2.1)
	})

	test('DNI: imported percentages kept beside an exclusion are not scored while it stands', () => {
		const value = { na: true, reason: '无安装服务', percent: [40, 90] }
		const doc = toV1(
			dni,
			stored({
				answers: [answer('5.2.1.1', value)],
				ratings: [{ indicatorId: '5.2.1.1', userId: 'a', percent: '70' }],
			}),
		)
		expect(doc.answers['5.2.1.1']).toEqual({ na: true, reason: '无安装服务' })
		expect(validateAssessment(doc).ok).toBe(true)
		const lifted = toV1(
			dni,
			stored({
				answers: [answer('5.2.1.1', keepImported(null, value))],
				ratings: [{ indicatorId: '5.2.1.1', userId: 'a', percent: '70' }],
			}),
		)
		expect(lifted.answers['5.2.1.1']).toEqual({ percent: [40, 90, 70] })
	})

	test('imported percentages: read, carried over a member’s value, left out of the form', () => {
		expect(importedPercents({ percent: 55 })).toEqual([55])
		expect(importedPercents({ percent: [70, 80] })).toEqual([70, 80])
		expect(importedPercents({ na: true, reason: '无' })).toEqual([])
		expect(importedPercents(null)).toEqual([])
		expect(keepImported(null, { percent: [70, 80] })).toEqual({ percent: [70, 80] })
		expect(keepImported({ na: true, reason: '无' }, { percent: 55 })).toEqual({
			na: true,
			reason: '无',
			percent: 55,
		})
		expect(keepImported(null, { na: true, reason: '无' })).toBeNull()
		expect(keepImported({ na: true, reason: '无' }, null)).toEqual({ na: true, reason: '无' })
		expect(withoutImported({ percent: [70, 80] })).toBeNull()
		expect(withoutImported({ na: true, reason: '无', percent: 55 })).toEqual({
			na: true,
			reason: '无',
		})
		expect(withoutImported({ fraction: 1 })).toEqual({ fraction: 1 })
		expect(
			indicatorPercents({ percent: [70, 80] }, [
				{ userId: 'b', percent: '85' },
				{ userId: 'a', percent: '60' },
			]),
		).toEqual([70, 80, 60, 85])
	})

	test('BAC checks with a not-applicable sub-requirement keep their reason', () => {
		const checks = [true, true, false, 'na', true, true, true]
		const doc = toV1(
			bac,
			stored({ answers: [answer('5.2.4', { checks, reason: '不提供代用品' })] }),
		)
		expect(doc.answers['5.2.4']).toEqual({ checks, reason: '不提供代用品' })
		expect(validateAssessment(doc).ok).toBe(true)
	})
})

describe('fromV1', () => {
	test('stores each answer without note and evidence, the note in its column, and the special items', () => {
		const validated = validateAssessment({
			format: 'aftersales-assessment/v1',
			scheme: 'bac-fr01-2021',
			answers: {
				'5.2.4': {
					checks: [true, true, false, 'na', true, true, true],
					reason: '不提供代用品',
					note: '见台账',
					evidence: ['a.pdf'],
				},
				'5.2.6': { na: true, reason: '不销售需回收的商品' },
			},
			specialDeductions: [{ description: '投诉未处理', correctiveAction: '建立台账' }],
			specialBonus: { justification: '服务创新' },
		})
		if (!validated.ok) throw new Error(validated.error)
		expect(fromV1(validated.assessment)).toEqual({
			answers: [
				{
					indicatorId: '5.2.4',
					value: { checks: [true, true, false, 'na', true, true, true], reason: '不提供代用品' },
					note: '见台账',
				},
				{ indicatorId: '5.2.6', value: { na: true, reason: '不销售需回收的商品' }, note: '' },
			],
			specialItems: [
				{ kind: 'deduction', description: '投诉未处理', correctiveAction: '建立台账' },
				{ kind: 'bonus', description: '服务创新', correctiveAction: '' },
			],
		})
	})

	test('round trip: rows → v1 → rows → v1 gives the same document (evidence names aside)', () => {
		const schemes = [
			gbt,
			dni,
			bac,
			xbht,
			scheme('green-aftersales-2025'),
			scheme('gbt-aftersales-general-draft'),
		]
		fc.assert(
			fc.property(
				fc.constantFrom(...schemes),
				fc.array(fc.boolean(), { minLength: 100, maxLength: 100 }),
				fc.string({ maxLength: 8 }),
				(chosen, keep, note) => {
					const template = assessmentTemplate(chosen)
					const answers = Object.entries(template.answers)
						.filter((_, i) => keep[i % keep.length])
						.map(([id, value]) => answer(id, { ...value }, { note }))
					const first = toV1(chosen, stored({ answers }))
					const validated = validateAssessment(first)
					expect(validated.ok).toBe(true)
					if (!validated.ok) return
					const rows = fromV1(validated.assessment)
					const second = toV1(
						chosen,
						stored({
							answers: rows.answers.map((row) =>
								answer(row.indicatorId, row.value, { note: row.note }),
							),
						}),
					)
					expect(second).toEqual(first)
				},
			),
			{ numRuns: 60 },
		)
	})
})

describe('progress and completeness', () => {
	test('states: a value answers, an empty or null value does not, a copied answer is to review; DNI ratings answer', () => {
		const states = indicatorStates(
			dni,
			stored({
				answers: [
					answer('5.3.1.2', {}),
					answer('5.3.1.3', { percent: 40 }, { status: 'to_review' }),
					answer('5.3.1.4', null, { status: 'to_review' }),
				],
				ratings: [
					{ indicatorId: '5.3.1.1', userId: 'a', percent: '0' },
					{ indicatorId: '5.3.1.4', userId: 'a', percent: '50' },
				],
			}),
		)
		expect(states.get('5.3.1.1')).toBe('answered')
		expect(states.get('5.3.1.2')).toBe('unanswered')
		expect(states.get('5.3.1.3')).toBe('to_review')
		expect(states.get('5.3.1.4')).toBe('to_review')
		expect(states.size).toBe(schemeIndicators(dni).length)
		// ratings on a non-DNI scheme do not answer anything
		expect(
			indicatorStates(
				gbt,
				stored({ ratings: [{ indicatorId: '5.1.1.1', userId: 'a', percent: '50' }] }),
			).get('5.1.1.1'),
		).toBe('unanswered')
	})

	test('per section: counts and the ids missing, in printed order', () => {
		const sections = sectionProgress(
			bac,
			stored({
				answers: [
					answer('5.1.1', { checks: [true, true] }),
					answer(
						'5.1.3',
						{ checks: [true, true, true, true, true, true, true] },
						{ status: 'to_review' },
					),
					answer('5.3.1', { checks: [true, true, true, true, true, true] }),
					answer('5.3.2', { checks: [true, true, true] }),
				],
			}),
		)
		expect(sections.map((s) => [s.id, s.total, s.answered, s.toReview, s.unanswered])).toEqual([
			['5.1', 7, 1, ['5.1.3'], ['5.1.2', '5.1.4', '5.1.5', '5.1.6', '5.1.7']],
			['5.2', 6, 0, [], ['5.2.1', '5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6']],
			['5.3', 2, 2, [], []],
		])
		expect(overallProgress(sections)).toEqual({
			total: 15,
			answered: 3,
			toReview: 1,
			unanswered: 11,
		})
		expect(missingForSubmit(sections).map((s) => s.id)).toEqual(['5.1', '5.2'])
	})

	test('a fully answered assessment misses nothing', () => {
		const template = assessmentTemplate(xbht)
		const answers = Object.entries(template.answers).map(([id, value]) => answer(id, { ...value }))
		const sections = sectionProgress(xbht, stored({ answers }))
		expect(missingForSubmit(sections)).toEqual([])
		expect(overallProgress(sections).answered).toBe(schemeIndicators(xbht).length)
	})
})

describe('scoreStored', () => {
	test('equals scoring the exported document with scoreJson, as the CLI does', () => {
		const doc = toV1(
			gbt,
			stored({
				answers: [
					answer('5.1.1.2', { fraction: 0.5 }),
					answer('5.2.1.1', { na: true, reason: '无' }),
				],
				specialItems: [{ kind: 'deduction', description: 'd', correctiveAction: 'c' }],
			}),
		)
		const live = scoreStored(
			gbt,
			stored({
				answers: [
					answer('5.1.1.2', { fraction: 0.5 }),
					answer('5.2.1.1', { na: true, reason: '无' }),
				],
				specialItems: [{ kind: 'deduction', description: 'd', correctiveAction: 'c' }],
			}),
		)
		const cli = scoreJson(JSON.stringify(doc))
		expect(live.ok && cli.ok).toBe(true)
		if (live.ok && cli.ok) {
			expect(live.result).toEqual(cli.result)
			expect(live.result.complete).toBe(false)
			expect(live.reasons).toEqual([
				{ kind: 'below-pass-mark', score: live.result.score, passMark: 70 },
			])
		}
	})

	test('answers the engine cannot score give the validator message, not a throw', () => {
		const excluded = schemeIndicators(scheme('gbt-aftersales-general-draft')).map(({ indicator }) =>
			answer(indicator.id, { na: true, reason: '不适用' }),
		)
		const live = scoreStored(scheme('gbt-aftersales-general-draft'), stored({ answers: excluded }))
		expect(live.ok).toBe(false)
		if (!live.ok) expect(live.error).toMatch(/excluded/)
		const bad = scoreStored(gbt, stored({ answers: [answer('5.1.1.1', { fraction: 2 })] }))
		expect(bad.ok ? null : bad.error).toMatch(/5\.1\.1\.1.*0–1/)
		expect(bad.progress.answered).toBe(1)
	})

	test('panelScheme keeps only what the panel shows', () => {
		expect(Object.keys(panelScheme(gbt)).sort()).toEqual([
			'answerMode',
			'fullMarks',
			'id',
			'levels',
			'passMark',
			'shortTitle',
		])
		expect(panelScheme(gbt).levels[1]).toEqual({
			key: 'star-3',
			name: '三星级',
			nameEn: '3 stars',
			min: 80,
			stars: 3,
		})
	})
})
