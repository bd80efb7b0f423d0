import { describe, expect, it } from 'vitest'
import { scoreAssessment } from '../scoring/score.ts'
import { analyseGaps, filterGaps } from './gaps.ts'
import {
	assessment,
	checksWithUnmet,
	fullAnswers,
	indicatorById,
	schemeById,
} from './test-support.ts'

const bac = schemeById('bac-fr01-2021')
const gbt = schemeById('gbt27922-2011')
const dni = schemeById('dni-cts-0301-2025')
const xbht = schemeById('xbht-s04-2025')
const checklist = schemeById('gbt-aftersales-general-draft')

describe('analyseGaps on BAC-FR01-2021', () => {
	// 5.1.3 all-or-nothing (6) with 2) unmet: 0 of 6; 5.2.1 (6) unanswered: 0 of 6;
	// 5.2.4 deduct 2 per unmet (10) with 3) and 5) unmet, 4) n.a.: 6 of 10;
	// 5.3.2 3 per met, 10 when all (10) with 3) unmet: 6 of 10; 5.2.6 (2) excluded.
	// Involved 100 − 2 = 98, earned 98 − 6 − 6 − 4 − 4 = 78, so a lost point is worth 100/98.
	const answers = fullAnswers(bac)
	answers['5.1.3'] = checksWithUnmet(indicatorById(bac, '5.1.3'), [2])
	delete answers['5.2.1']
	answers['5.2.4'] = {
		checks: [true, true, false, 'na', false, true, true],
		reason: '不提供代用品',
	}
	answers['5.2.6'] = { na: true, reason: '不销售需回收的商品' }
	answers['5.3.2'] = { checks: [true, true, false] }
	const input = assessment(bac, answers)
	const analysis = analyseGaps(bac, input)

	it('ranks the gaps by recoverable points, ties in clause order', () => {
		expect(analysis.gaps.map((gap) => [gap.id, gap.lost, gap.recoverable])).toEqual([
			['5.1.3', 6, 300 / 49],
			['5.2.1', 6, 300 / 49],
			['5.2.4', 4, 200 / 49],
			['5.3.2', 4, 200 / 49],
		])
		expect(analysis.involvedMarks).toBe(98)
		expect(analysis.earned).toBe(78)
		expect(analysis.lost).toBe(20)
		// closing every gap brings the normalised score to the full 100
		expect(analysis.recoverable).toBe(1000 / 49)
	})

	it('says why each point was lost, in Chinese and English', () => {
		expect(analysis.gaps.map((gap) => gap.text)).toEqual([
			{
				zh: '7 项子要求中 1 项未满足：2)（须全部满足才得分）',
				en: '1 of 7 sub-requirements not met: 2) (all must be met to score)',
			},
			{ zh: '未作答', en: 'not answered' },
			{
				zh: '7 项子要求中 2 项未满足：3)、5)；1 项不适用：4)（每项未满足扣 2 分，扣完为止）',
				en: '2 of 7 sub-requirements not met: 3), 5); 1 not applicable: 4) (2 off per unmet sub-requirement, down to 0)',
			},
			{
				zh: '3 项子要求中 1 项未满足：3)（每项满足得 3 分，全部满足得 10 分）',
				en: '1 of 3 sub-requirements not met: 3) (3 per met sub-requirement, 10 when all are met)',
			},
		])
		expect(analysis.gaps[2]?.reason).toEqual({
			kind: 'checks',
			rule: { kind: 'deduct-per-unmet', pointsEach: 2 },
			total: 7,
			unmet: [3, 5],
			na: [4],
		})
		expect(analysis.gaps[1]?.unanswered).toBe(true)
	})

	it('sums the gaps per section', () => {
		expect(analysis.sections).toEqual([
			{
				id: '5.1',
				title: '售后服务体系',
				titleEn: expect.any(String),
				lost: 6,
				recoverable: 300 / 49,
				gaps: 1,
			},
			{
				id: '5.2',
				title: '商品服务',
				titleEn: expect.any(String),
				lost: 10,
				recoverable: 500 / 49,
				gaps: 2,
			},
			{
				id: '5.3',
				title: '顾客服务',
				titleEn: expect.any(String),
				lost: 4,
				recoverable: 200 / 49,
				gaps: 1,
			},
		])
	})

	it('takes the engine result of the same assessment and refuses a stale one', () => {
		expect(analyseGaps(bac, input, scoreAssessment(bac, input))).toEqual(analysis)
		const stale = scoreAssessment(bac, assessment(bac, fullAnswers(bac)))
		expect(() => analyseGaps(bac, input, stale)).toThrow(/not the result of this/)
	})

	it('lists nothing for a full-marks assessment', () => {
		const full = analyseGaps(bac, assessment(bac, fullAnswers(bac)))
		expect(full.gaps).toEqual([])
		expect(full.lost).toBe(0)
	})
})

describe('analyseGaps on fraction schemes', () => {
	// GB/T 27922: 5.3.2.2 (7) not met, 5.1.2.2 (5) at 0.6, 5.2.4.3 (3) sampled 3 of 12
	// nonconforming (2.25), 5.1.1.3 (0 points) unanswered, 5.2.6.1–5.2.6.2 (1 + 1) excluded:
	// involved 98, earned 98 − 7 − 2 − 0.75 = 88.25.
	const answers = fullAnswers(gbt)
	answers['5.3.2.2'] = { fraction: 0 }
	answers['5.1.2.2'] = { fraction: 0.6 }
	answers['5.2.4.3'] = { samples: { checked: 12, nonconforming: 3 } }
	delete answers['5.1.1.3']
	answers['5.2.6.1'] = { na: true, reason: '不销售需回收的商品' }
	answers['5.2.6.2'] = { na: true, reason: '不销售需回收的商品' }
	const analysis = analyseGaps(gbt, assessment(gbt, answers))

	it('ranks by recoverable points, renormalised by involved marks, and keeps unanswered 0-point items', () => {
		expect(analysis.gaps.map((gap) => [gap.id, gap.lost, gap.recoverable, gap.text.en])).toEqual([
			['5.3.2.2', 7, 50 / 7, 'not met'],
			['5.1.2.2', 2, 100 / 49, 'partly met: 60 % achieved'],
			['5.2.4.3', 0.75, 75 / 98, 'sample: 3 of 12 nonconforming'],
			['5.1.1.3', 0, 0, 'not answered'],
		])
		expect(analysis.gaps.map((gap) => gap.text.zh)).toEqual([
			'未满足',
			'部分满足：达成 60%',
			'抽样 12 个，其中 3 个不符合',
			'未作答',
		])
		expect(analysis.earned).toBe(88.25)
		expect(analysis.involvedMarks).toBe(98)
	})

	it('filters by section, by indicator ids and by answered state, keeping the ranking', () => {
		expect(filterGaps(analysis.gaps, { section: '5.1' }).map((gap) => gap.id)).toEqual([
			'5.1.2.2',
			'5.1.1.3',
		])
		expect(
			filterGaps(analysis.gaps, { indicatorIds: ['5.2.4.3', '5.3.2.2'] }).map((gap) => gap.id),
		).toEqual(['5.3.2.2', '5.2.4.3'])
		expect(filterGaps(analysis.gaps, { unanswered: true }).map((gap) => gap.id)).toEqual([
			'5.1.1.3',
		])
		expect(
			filterGaps(analysis.gaps, { section: '5.1', unanswered: false }).map((gap) => gap.id),
		).toEqual(['5.1.2.2'])
		expect(filterGaps(analysis.gaps, { section: '5.2' }).map((gap) => gap.id)).toEqual(['5.2.4.3'])
	})

	it('adds lost points exactly', () => {
		// XBHT 5.1.6.3 (0.7) sampled 1 of 3 nonconforming loses 7/30; 5.1.1.2 at 0.8 loses 0.2,
		// 5.1.1.1 at 0.9 loses 0.1: 8/15 in all, where adding the doubles gives 0.5333333333333334
		const x = fullAnswers(xbht)
		x['5.1.6.3'] = { samples: { checked: 3, nonconforming: 1 } }
		x['5.1.1.2'] = { fraction: 0.8 }
		x['5.1.1.1'] = { fraction: 0.9 }
		const result = analyseGaps(xbht, assessment(xbht, x))
		expect(result.gaps.map((gap) => [gap.id, gap.lost])).toEqual([
			['5.1.6.3', 7 / 30],
			['5.1.1.2', 0.2],
			['5.1.1.1', 0.1],
		])
		expect(result.lost).toBe(8 / 15)
		expect(result.recoverable).toBe(8 / 15)
	})
})

describe('analyseGaps on DNI and the checklist', () => {
	it('gives the assessors’ mean for maturity answers', () => {
		const answers = fullAnswers(dni)
		answers['5.2.4.5'] = { percent: [70, 60, 65] }
		answers['5.2.4.3'] = { percent: [70, 60, 60] }
		answers['5.1.1.1'] = { percent: 40 }
		const analysis = analyseGaps(dni, assessment(dni, answers))
		expect(analysis.gaps.map((gap) => [gap.code, gap.lost, gap.text])).toEqual([
			[
				'B14',
				1.1,
				{
					zh: '3 名评价人员平均 63.33%（70%、60%、60%）',
					en: "assessors' mean 63.33 % (70, 60, 60)",
				},
			],
			[
				'B16',
				1.05,
				{ zh: '3 名评价人员平均 65%（70%、60%、65%）', en: "assessors' mean 65 % (70, 60, 65)" },
			],
			['A1', 0.6, { zh: '成熟度 40%', en: 'maturity 40 %' }],
		])
		expect(analysis.lost).toBe(2.75)
		expect(analysis.gaps[0]?.reason).toEqual({
			kind: 'percent',
			mean: 63.33,
			percents: [70, 60, 60],
		})
	})

	it('reads checklist answers as conformity', () => {
		const answers = fullAnswers(checklist)
		answers['4.1.1'] = { fraction: 0.5 }
		answers['5.1'] = { fraction: 0 }
		const analysis = analyseGaps(checklist, assessment(checklist, answers))
		expect(analysis.gaps.map((gap) => [gap.id, gap.lost, gap.recoverable, gap.text])).toEqual([
			['5.1', 1, 100 / 43, { zh: '不符合', en: 'does not conform' }],
			['4.1.1', 0.5, 50 / 43, { zh: '部分符合', en: 'partly conforms' }],
		])
	})
})
