import { describe, expect, it } from 'vitest'
import { scoreAssessment } from '../scoring/score.ts'
import {
	calendarDate,
	compareAssessments,
	nextSelfReviewDue,
	selfReviewDue,
} from './annual-cycle.ts'
import {
	assessment,
	checksWithUnmet,
	fullAnswers,
	indicatorById,
	schemeById,
} from './test-support.ts'

const bac = schemeById('bac-fr01-2021')
const gbt = schemeById('gbt27922-2011')

describe('the annual self-review', () => {
	it('is due 12 months after the last submitted one, at the month end when the day is missing', () => {
		expect(nextSelfReviewDue('2025-03-15')).toBe('2026-03-15')
		expect(nextSelfReviewDue('2024-02-29')).toBe('2025-02-28')
		expect(nextSelfReviewDue('2025-12-31')).toBe('2026-12-31')
		expect(() => nextSelfReviewDue('2025-02-30')).toThrow(/calendar date/)
		expect(() => nextSelfReviewDue('15.03.2025')).toThrow(/calendar date/)
	})

	it('counts from the latest submission, whatever the order, and says when to remind', () => {
		const submitted = ['2024-05-10', '2025-04-01', '2023-12-01']
		expect(selfReviewDue(submitted, '2026-03-10')).toEqual({
			lastSubmitted: '2025-04-01',
			due: '2026-04-01',
			daysLeft: 22,
			overdue: false,
			dueSoon: true,
		})
		expect(selfReviewDue(submitted, '2026-01-01')).toMatchObject({ daysLeft: 90, dueSoon: false })
		expect(selfReviewDue(submitted, '2026-04-01')).toMatchObject({
			daysLeft: 0,
			overdue: false,
			dueSoon: true,
		})
		expect(selfReviewDue(submitted, '2026-04-02')).toMatchObject({
			daysLeft: -1,
			overdue: true,
			dueSoon: false,
		})
		expect(selfReviewDue(submitted, '2026-01-01', 120)?.dueSoon).toBe(true)
		expect(selfReviewDue([], '2026-01-01')).toBeNull()
	})

	it('reads a submission instant as the date it was in China', () => {
		const instant = new Date('2025-03-31T17:30:00Z')
		expect(calendarDate(instant)).toBe('2025-04-01')
		expect(calendarDate(instant, 'UTC')).toBe('2025-03-31')
		expect(nextSelfReviewDue(calendarDate(instant))).toBe('2026-04-01')
	})
})

describe('compareAssessments', () => {
	// 2025: 5.1.3 (2) unmet: 0 of 6; 5.2.4 (1) unmet: 8 of 10; 5.2.6 (2) excluded; one special
	// deduction. Involved 98, earned 90: 91.84 − 1 = 90.84, 四星级.
	const earlierAnswers = fullAnswers(bac)
	earlierAnswers['5.1.3'] = checksWithUnmet(indicatorById(bac, '5.1.3'), [2])
	earlierAnswers['5.2.4'] = checksWithUnmet(indicatorById(bac, '5.2.4'), [1])
	earlierAnswers['5.2.6'] = { na: true, reason: '不销售需回收的商品' }
	const earlier = scoreAssessment(bac, assessment(bac, earlierAnswers, { deductions: 1 }))
	// 2026: 5.1.3 met; 5.2.4 (1) and (2) unmet: 6; 5.2.6 answered and met; 5.2.1 (6) excluded.
	// Involved 94, earned 90: 95.74, 五星级.
	const laterAnswers = fullAnswers(bac)
	laterAnswers['5.2.4'] = checksWithUnmet(indicatorById(bac, '5.2.4'), [1, 2])
	laterAnswers['5.2.1'] = { na: true, reason: '仅提供服务，不销售商品' }
	const later = scoreAssessment(bac, assessment(bac, laterAnswers))
	const comparison = compareAssessments(earlier, later)

	it('compares score, level and pass', () => {
		expect(comparison.score).toEqual({ before: 90.84, after: 95.74, change: 4.9 })
		expect(comparison.level).toEqual({
			before: { key: 'star-4', name: '四星级' },
			after: { key: 'star-5', name: '五星级' },
			direction: 'up',
		})
		expect(comparison.specialDeductions).toEqual({ before: 1, after: 0 })
		expect(comparison.summary).toEqual({
			zh: '得分 90.84 → 95.74（+4.9），四星级 → 五星级；1 个指标提升，1 个下降',
			en: 'score 90.84 → 95.74 (+4.9), 四星级 → 五星级; 1 indicator improved, 1 declined',
		})
	})

	it('gives each indicator its change', () => {
		const changed = comparison.indicators.filter((entry) => entry.status !== 'unchanged')
		expect(changed.map((entry) => [entry.id, entry.status, entry.change])).toEqual([
			['5.1.3', 'improved', 6],
			['5.2.1', 'now-excluded', 0],
			['5.2.4', 'declined', -2],
			['5.2.6', 'no-longer-excluded', 0],
		])
		expect(comparison.counts).toEqual({
			improved: 1,
			declined: 1,
			unchanged: 11,
			excluded: 0,
			'now-excluded': 1,
			'no-longer-excluded': 1,
			added: 0,
			removed: 0,
		})
	})

	it('gives each section its change and its share of the involved marks', () => {
		expect(
			comparison.sections.map((entry) => [
				entry.id,
				entry.change,
				entry.shareBefore,
				entry.shareAfter,
			]),
		).toEqual([
			['5.1', 6, 85, 100],
			['5.2', -6, 93.94, 86.21],
			['5.3', 0, 100, 100],
		])
	})

	it('marks indicators only one scheme version has, and refuses two schemes', () => {
		const older = {
			...earlier,
			indicators: earlier.indicators.filter((entry) => entry.id !== '5.1.1'),
		}
		const newer = { ...later, indicators: later.indicators.filter((entry) => entry.id !== '5.3.2') }
		const across = compareAssessments(older, newer)
		expect(
			across.indicators.filter((entry) => entry.status === 'added').map((entry) => entry.id),
		).toEqual(['5.1.1'])
		expect(across.indicators.at(-1)).toEqual({
			id: '5.3.2',
			status: 'removed',
			before: { id: '5.3.2', full: 10, involved: 10, earned: 10, excluded: false },
			after: null,
			change: 0,
		})
		const other = scoreAssessment(gbt, assessment(gbt, fullAnswers(gbt)))
		expect(() => compareAssessments(earlier, other)).toThrow(/cannot compare/)
	})

	it('subtracts the printed decimals exactly', () => {
		// 0.1 → 0.3 is +0.2, where 0.3 − 0.1 in doubles is 0.19999999999999998
		const a = { ...earlier, score: 80.1 }
		const b = { ...later, score: 80.3 }
		expect(compareAssessments(a, b).score.change).toBe(0.2)
	})
})
