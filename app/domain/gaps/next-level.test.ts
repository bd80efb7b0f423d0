import { describe, expect, it } from 'vitest'
import { scoreAssessment } from '../scoring/score.ts'
import { analyseGaps } from './gaps.ts'
import { applyPath, pathToNextLevel, type NextLevelPath } from './next-level.ts'
import {
	assessment,
	checksWithUnmet,
	fullAnswers,
	indicatorById,
	schemeById,
} from './test-support.ts'
import type { AnswerV1 } from '../scoring/types.ts'
import type { Scheme } from '../schemes/scheme-schema.ts'

const bac = schemeById('bac-fr01-2021')
const gbt = schemeById('gbt27922-2011')
const green = schemeById('green-aftersales-2025')
const dni = schemeById('dni-cts-0301-2025')
const xbht = schemeById('xbht-s04-2025')
const checklist = schemeById('gbt-aftersales-general-draft')

function path(result: NextLevelPath) {
	if (result.kind !== 'path') throw new Error(`expected a path, got ${result.kind}`)
	return result
}

function unmet(scheme: Scheme, answers: Record<string, AnswerV1>, id: string, numbers: number[]) {
	answers[id] = checksWithUnmet(indicatorById(scheme, id), numbers)
}

describe('pathToNextLevel on BAC-FR01-2021', () => {
	it('brings an all-or-nothing indicator to full marks where greedy fixing picks three', () => {
		// Lost: 5.1.3 all-or-nothing 6 (2) and 5) unmet: fixing one of them alone gains nothing),
		// 5.3.1 3 (one unmet, −3), and 2 each on 5.2.1 (2 per met), 5.2.2, 5.2.4, 5.2.5 (−2 per
		// unmet). Earned 100 − 17 = 83: 三星级, 7 short of 四星级 at 90.
		// Greedy by points per fixed sub-requirement never touches 5.1.3 (a single fix earns 0):
		// it fixes 5.3.1 (+3 → 86), then 5.2.1 (+2 → 88), then 5.2.2 (+2 → 90): three indicators.
		// Two suffice: 5.1.3 (+6) with any +2; the least total is 8, and 5.2.1 comes first.
		const answers = fullAnswers(bac)
		unmet(bac, answers, '5.1.3', [2, 5])
		unmet(bac, answers, '5.2.1', [3])
		unmet(bac, answers, '5.2.2', [3])
		unmet(bac, answers, '5.2.4', [1])
		unmet(bac, answers, '5.2.5', [2])
		unmet(bac, answers, '5.3.1', [4])
		const input = assessment(bac, answers)
		const result = path(pathToNextLevel(bac, input))
		expect(result.score).toBe(83)
		expect(result.level).toEqual({ key: 'star-3', name: '三星级', nameEn: 'Three-star' })
		expect(result.summary).toEqual({
			zh: '三星级通过；距四星级还差 7 分',
			en: 'passes at 三星级; 7 points short of 四星级',
		})
		expect(result.steps.map((step) => [step.id, step.lost, step.gain])).toEqual([
			['5.1.3', 6, 6],
			['5.2.1', 2, 2],
		])
		expect(result.steps[0]?.text.en).toBe(
			'2 of 7 sub-requirements not met: 2), 5) (all must be met to score)',
		)
		expect(result.steps[0]?.answer).toEqual({ checks: [true, true, true, true, true, true, true] })
		expect(result.recovered).toBe(8)
		expect(result.scoreAfter).toBe(91)
		expect(result.levelAfter.key).toBe('star-4')
		expect(result.advice).toEqual({
			zh: '将 2 个指标（5.1.3、5.2.1）提升到满分，可达到四星级（91 分）',
			en: 'Bring 2 indicators to full marks (5.1.3, 5.2.1) to reach 四星级 with 91',
		})
		const walked = scoreAssessment(bac, applyPath(input, result))
		expect(walked.score).toBe(91)
		expect(walked.level?.key).toBe('star-4')
	})

	it('prefers the least improvement over the largest gain when one indicator is enough', () => {
		// 5.1.3 loses 6 (one unmet), 5.2.4 loses 4, 5.3.1 loses 3: 87, 3 short of 90.
		// Greedy by the largest gain takes 5.1.3 (+6); 5.3.1 (+3) is enough and less work.
		const answers = fullAnswers(bac)
		unmet(bac, answers, '5.1.3', [1])
		unmet(bac, answers, '5.2.4', [1, 2])
		unmet(bac, answers, '5.3.1', [2])
		const result = path(pathToNextLevel(bac, assessment(bac, answers)))
		expect(result.steps.map((step) => step.id)).toEqual(['5.3.1'])
		expect(result.scoreAfter).toBe(90)
	})

	it('counts 5.3.2 only at its full 10 and renormalises around excluded indicators', () => {
		// 5.2.6 (2) excluded: involved 98. 5.3.2 [met, met, unmet] earns 6 of 10; 5.1.1 (4)
		// unanswered. Earned 98 − 4 − 4 = 90, normalised 90/98 × 100 = 91.836… → 91.84 四星级;
		// 五星级 needs 95 − 0.005 = 94.995 ≥ (90 + G) × 100/98, G ≥ 3.0951: either indicator
		// (+4 raw, +4.0816 normalised); 5.1.1 comes first in clause order.
		const answers = fullAnswers(bac)
		answers['5.2.6'] = { na: true, reason: '不销售需回收的商品' }
		answers['5.3.2'] = { checks: [true, true, false] }
		delete answers['5.1.1']
		const result = path(pathToNextLevel(bac, assessment(bac, answers)))
		expect(result.score).toBe(91.84)
		expect(result.pointsShort).toBe(3.16)
		expect(result.steps.map((step) => [step.id, step.lost, step.gain])).toEqual([
			['5.1.1', 4, 200 / 49],
		])
		expect(result.steps[0]?.text.en).toBe('not answered')
		expect(result.scoreAfter).toBe(95.92)
		expect(result.levelAfter.key).toBe('star-5')
	})

	it('says so at the top level, also with special deductions', () => {
		const answers = fullAnswers(bac)
		unmet(bac, answers, '5.2.4', [1])
		const result = pathToNextLevel(bac, assessment(bac, answers, { deductions: 2 }))
		expect(result).toEqual({
			kind: 'top',
			scheme: 'bac-fr01-2021',
			score: 96,
			passed: true,
			level: { key: 'star-5', name: '五星级', nameEn: 'Five-star' },
			summary: { zh: '五星级通过，已是最高等级', en: 'passes at 五星级, the top level' },
		})
	})
})

describe('pathToNextLevel on a failing GB/T 27922 assessment', () => {
	// Lost: 5.3.2.2 7, 5.1.5.2 6, 5.1.7.3 3, 5.3.1.1 3, 5.2.3.2 3 (all not met), 5.1.2.2 2.5
	// (half of 5), 5.3.1.5 1.5 (half of 3), 5.1.4.1 1 (0.75 of 4), 5.3.1.4 1 (0.8 of 5):
	// 28 lost, earned 72.
	function failing(deductions: number) {
		const answers = fullAnswers(gbt)
		for (const id of ['5.3.2.2', '5.1.5.2', '5.1.7.3', '5.3.1.1', '5.2.3.2'])
			answers[id] = { fraction: 0 }
		answers['5.1.2.2'] = { fraction: 0.5 }
		answers['5.3.1.5'] = { fraction: 0.5 }
		answers['5.1.4.1'] = { fraction: 0.75 }
		answers['5.3.1.4'] = { fraction: 0.8 }
		return assessment(gbt, answers, { deductions })
	}

	it('clears the one special deduction too many and adds the cheapest indicator that passes', () => {
		// 72 − 5 = 67 fails twice over. Clearing one deduction gives 68; 2 more are needed, and
		// the least gain of at least 2 is 5.1.2.2's 2.5: 72 − 4 + 2.5 = 70.5.
		const input = failing(5)
		const result = path(pathToNextLevel(gbt, input))
		expect(result.score).toBe(67)
		expect(result.passed).toBe(false)
		expect(result.level.key).toBe('fail')
		expect(result.target).toEqual({ key: 'standard', name: '达标级', nameEn: 'Compliant' })
		expect(result.threshold).toBe(70)
		expect(result.pointsShort).toBe(3)
		expect(result.deductions).toEqual({ count: 5, limit: 5, toClear: 1 })
		expect(result.summary).toEqual({
			zh: '不通过：得分 67 低于及格分 70，5 个特别扣分项（5 个及以上不通过）；距达标级还差 3 分；须消除 1 个特别扣分项',
			en: 'fails: 67 is below the pass mark 70, 5 special deductions; 3 points short of 达标级; 1 special deduction must be cleared',
		})
		expect(result.steps.map((step) => [step.id, step.lost, step.text.en])).toEqual([
			['5.1.2.2', 2.5, 'partly met: 50 % achieved'],
		])
		expect(result.scoreAfter).toBe(70.5)
		expect(result.levelAfter.key).toBe('standard')
		expect(result.advice).toEqual({
			zh: '消除 1 个特别扣分项，并将 1 个指标（5.1.2.2）提升到满分，可达到达标级（70.5 分）',
			en: 'Clear 1 special deduction and bring 1 indicator to full marks (5.1.2.2) to reach 达标级 with 70.5',
		})
		const walked = applyPath(input, result)
		expect(walked.specialDeductions).toHaveLength(4)
		const rescored = scoreAssessment(gbt, walked)
		expect([rescored.score, rescored.passed, rescored.level?.key]).toEqual([70.5, true, 'standard'])
	})

	it('needs only the deductions cleared when the score itself passes', () => {
		// Lost 7 + 6 + 3 + 1.5 + 1 + 1.5 = 20: 80 earned with 5 deductions is 75, yet it fails;
		// one cleared gives 76.
		const answers = fullAnswers(gbt)
		answers['5.3.2.2'] = { fraction: 0 }
		answers['5.1.5.2'] = { fraction: 0 }
		answers['5.1.7.3'] = { fraction: 0 }
		answers['5.3.1.5'] = { fraction: 0.5 }
		answers['5.1.4.1'] = { fraction: 0.75 }
		answers['5.3.1.4'] = { fraction: 0.7 }
		const result = path(pathToNextLevel(gbt, assessment(gbt, answers, { deductions: 5 })))
		expect(result.score).toBe(75)
		expect(result.summary.en).toBe(
			'fails: 5 special deductions; 1 special deduction must be cleared',
		)
		expect(result.pointsShort).toBe(0)
		expect(result.steps).toEqual([])
		expect(result.scoreAfter).toBe(76)
		expect(result.advice.en).toBe('Clear 1 special deduction to reach 达标级 with 76')
		expect(result.advice.zh).toBe('消除 1 个特别扣分项，可达到达标级（76 分）')
	})

	it('clears three of seven deductions', () => {
		// 72 − 7 = 65; with three cleared 72 − 4 = 68, and 5.1.2.2 (+2.5) is again the least
		// single gain of at least 2.
		const result = path(pathToNextLevel(gbt, failing(7)))
		expect(result.deductions).toEqual({ count: 7, limit: 5, toClear: 3 })
		expect(result.pointsShort).toBe(5)
		expect(result.steps.map((step) => step.id)).toEqual(['5.1.2.2'])
		expect(result.scoreAfter).toBe(70.5)
	})

	it('counts the rounded score: 89.996 rounds to 四星级', () => {
		// Lost: 5.1.2.2 0.004 (0.9992 of 5), 5.3.2.2 7, 5.1.7.3 3, 5.3.1.1 3: 86.996 → 87. Bringing
		// 5.1.7.3 to full marks gives 89.996, which rounds to 90.00; an exact 90 would need 7.
		const answers = fullAnswers(gbt)
		answers['5.1.2.2'] = { fraction: 0.9992 }
		answers['5.3.2.2'] = { fraction: 0 }
		answers['5.1.7.3'] = { fraction: 0 }
		answers['5.3.1.1'] = { fraction: 0 }
		const result = path(pathToNextLevel(gbt, assessment(gbt, answers)))
		expect(result.score).toBe(87)
		expect(result.steps.map((step) => step.id)).toEqual(['5.1.7.3'])
		expect(result.scoreAfter).toBe(90)
		expect(result.levelAfter.key).toBe('star-4')
	})

	it('moves a passing assessment on to the next star', () => {
		// 72 with no deductions is 达标级; 三星级 needs 8: 5.3.2.2 (7) + 5.1.4.1 (1) is the least
		// of the 2-sets that reach it.
		const result = path(pathToNextLevel(gbt, failing(0)))
		expect(result.summary.en).toBe('passes at 达标级; 8 points short of 三星级')
		expect(result.steps.map((step) => step.id)).toEqual(['5.3.2.2', '5.1.4.1'])
		expect(result.scoreAfter).toBe(80)
	})
})

describe('pathToNextLevel on the green scheme', () => {
	it('counts gains after renormalisation: 2.4 raw points are 2.54 on the 150 scale', () => {
		// 5.2.6.1–5.2.6.5 (8 points) excluded: involved 142. Lost: 5.1.1.2 2.4 (0.2 of 3), nine
		// 2-point items not met (18), 5.1.7.2 0.9 (0.55 of 2): 21.3, earned 120.7, normalised
		// 120.7 × 150/142 = 127.5: 八星级, 2.5 short of 九星级 at 130. A raw 2.4 is short of
		// 2.5, yet it adds 2.4 × 150/142 = 2.535 to the normalised score: one indicator is enough.
		const answers = fullAnswers(green)
		for (const id of ['5.2.6.1', '5.2.6.2', '5.2.6.3', '5.2.6.4', '5.2.6.5'])
			answers[id] = { na: true, reason: '不销售需回收的商品' }
		answers['5.1.1.2'] = { fraction: 0.2 }
		for (const id of [
			'5.1.3.1',
			'5.1.3.2',
			'5.1.3.3',
			'5.1.3.4',
			'5.1.3.5',
			'5.1.3.6',
			'5.1.4.2',
			'5.1.5.3',
			'5.1.6.1',
		])
			answers[id] = { fraction: 0 }
		answers['5.1.7.2'] = { fraction: 0.55 }
		const result = path(pathToNextLevel(green, assessment(green, answers)))
		expect(result.score).toBe(127.5)
		expect(result.level.name).toBe('八星级')
		expect(result.summary.en).toBe('passes at 八星级; 2.5 points short of 九星级')
		expect(result.steps.map((step) => [step.id, step.lost, step.gain])).toEqual([
			['5.1.1.2', 2.4, 180 / 71],
		])
		expect(result.scoreAfter).toBe(130.04)
		expect(result.levelAfter.name).toBe('九星级')
	})

	it('keeps the minimum count when the tie-break search runs out of budget', () => {
		// 83 indicators each at a different share between 0 and 0.164: 12.07, far below the pass
		// mark. The fewest indicators is still proven (the 19 largest gains fall short); which
		// 20 are the cheapest among astronomically many near-equal sets is not searched to the end.
		const answers = fullAnswers(green)
		Object.keys(answers).forEach((id, i) => {
			answers[id] = { fraction: ((i * 37) % 83) / 500 }
		})
		const input = assessment(green, answers)
		const result = path(pathToNextLevel(green, input))
		expect(result.score).toBe(12.07)
		expect(result.steps).toHaveLength(20)
		expect(result.tieBreakExact).toBe(false)
		const gains = analyseGaps(green, input).gaps.map((gap) => gap.recoverable)
		const nineteen = gains.slice(0, 19).reduce((total, gain) => total + gain, 0)
		expect(result.score + nineteen).toBeLessThan(69.99)
		const walked = scoreAssessment(green, applyPath(input, result))
		expect(walked.passed).toBe(true)
		expect(walked.score).toBe(result.scoreAfter)
		expect(result.scoreAfter).toBeGreaterThanOrEqual(70)
	})

	it('is at the top with full marks', () => {
		const result = pathToNextLevel(green, assessment(green, fullAnswers(green)))
		expect(result.kind).toBe('top')
		expect(result.kind === 'top' && result.summary.en).toBe('passes at 十星级, the top level')
	})
})

describe('pathToNextLevel on DNI, XBHT and the checklist', () => {
	it('averages DNI assessors and counts the special items', () => {
		// Lost: A11 (6) mean of 50 and 70 = 60 %: 2.4; C7 (7) at 40 %: 4.2; B14 (3) mean 40 %:
		// 1.8; A4 (5) unanswered: 5. Earned 86.6, −1 deduction +1 bonus = 86.6, 3.4 short of
		// 四星级: the least single gain of at least 3.395 is C7's 4.2 → 90.8.
		const answers = fullAnswers(dni)
		answers['5.1.5.2'] = { percent: [50, 70] }
		answers['5.3.2.2'] = { percent: 40 }
		answers['5.2.4.3'] = { percent: [20, 40, 60] }
		delete answers['5.1.2.2']
		const result = path(
			pathToNextLevel(dni, assessment(dni, answers, { deductions: 1, bonus: true })),
		)
		expect(result.score).toBe(86.6)
		expect(result.pointsShort).toBe(3.4)
		expect(result.steps.map((step) => [step.code, step.lost, step.answer])).toEqual([
			['C7', 4.2, { percent: 100 }],
		])
		expect(result.scoreAfter).toBe(90.8)
		expect(result.levelAfter.key).toBe('star-4')
	})

	it('finds the cheapest of many equal XBHT paths and breaks the tie in clause order', () => {
		// 5.1 and 5.2 full (50), 5.3 and 5.4 unanswered: 50 fails the pass mark 60. Five
		// indicators add at most 2.5 + 2 + 2 + 1.5 + 1.5 = 9.5 < 9.995, so six are needed; the
		// least six-item total is 10 and many six-sets reach it. The first in clause order takes
		// 5.3.1.1 (0.8) and 5.3.1.2 (1.2), after which only 2.5 + 2 + 2 + 1.5 make up the 8 left.
		// Greedy by the largest gains would recover 11 where 10 is enough.
		const answers = fullAnswers(xbht)
		for (const id of Object.keys(answers))
			if (id.startsWith('5.3.') || id.startsWith('5.4.')) delete answers[id]
		const result = path(pathToNextLevel(xbht, assessment(xbht, answers)))
		expect(result.summary).toEqual({
			zh: '不通过：得分 50 低于及格分 60；距★还差 10 分',
			en: 'fails: 50 is below the pass mark 60; 10 points short of ★',
		})
		expect(result.deductions).toEqual({ count: 0, limit: null, toClear: 0 })
		expect(result.steps.map((step) => [step.id, step.lost])).toEqual([
			['5.4.3.2', 2.5],
			['5.4.2.4', 2],
			['5.4.3.1', 2],
			['5.3.2.1', 1.5],
			['5.3.1.2', 1.2],
			['5.3.1.1', 0.8],
		])
		expect(result.recovered).toBe(10)
		expect(result.scoreAfter).toBe(60)
		expect(result.levelAfter).toEqual({ key: 'star-1', name: '★', nameEn: '1 star' })
	})

	it('has no level to aim for on the checklist', () => {
		const answers = fullAnswers(checklist)
		answers['5.1'] = { fraction: 0 }
		expect(pathToNextLevel(checklist, assessment(checklist, answers))).toEqual({
			kind: 'no-levels',
			scheme: 'gbt-aftersales-general-draft',
			score: 97.67,
			summary: { zh: '符合度 97.67%', en: 'conformity 97.67 %' },
		})
	})
})
