import { describe, expect, test } from 'vitest'
import greenInput from '../../schemes/data/green-aftersales-2025.ts'
import { loadScheme, schemeIndicators } from '../../schemes/load-scheme.ts'
import { scoreJson } from '../index.ts'
import { scoreAssessment } from '../score.ts'
import type { AnswerV1, AssessmentV1 } from '../types.ts'
import { validateAssessment } from '../validate.ts'

const scheme = loadScheme(greenInput)
const ids = schemeIndicators(scheme).map((e) => e.indicator.id)

/** Indicator ids equal to or under the given clause numbers. */
function under(...clauses: string[]): string[] {
	return ids.filter((id) => clauses.some((clause) => id === clause || id.startsWith(`${clause}.`)))
}

/** Every indicator met, those in `zero` not met, then the given answers on top. */
function answers(zero: string[] = [], overrides: Record<string, AnswerV1> = {}) {
	const base = ids.map((id): [string, AnswerV1] => [id, { fraction: zero.includes(id) ? 0 : 1 }])
	return { ...Object.fromEntries(base), ...overrides }
}

function validate(input: unknown) {
	return validateAssessment(input, (id) => (id === scheme.id ? scheme : undefined))
}

/** Validates first, as every caller does, then scores. */
function score(
	answered: Record<string, AnswerV1>,
	special: Pick<AssessmentV1, 'specialDeductions' | 'specialBonus'> = {},
) {
	const input: AssessmentV1 = {
		format: 'aftersales-assessment/v1',
		scheme: 'green-aftersales-2025',
		organisation: { name: '示例电器有限公司' },
		period: '2026',
		answers: answered,
		...special,
	}
	const checked = validate(input)
	if (!checked.ok) throw new Error(checked.error)
	return scoreAssessment(checked.scheme, checked.assessment)
}

function deductions(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		description: `特别扣分项 ${i + 1}：服务记录不符合企业服务制度`,
		correctiveAction: '修订服务记录模板并培训服务人员',
	}))
}

const bonus = { justification: '提供高于国家三包规定的免费保修期，行业领先' }

function sections(
	earned: [number, number, number],
	involved: [number, number, number] = [56, 69, 25],
) {
	return [
		{ id: '5.1', name: '售后服务体系', full: 56, involved: involved[0], earned: earned[0] },
		{ id: '5.2', name: '商品服务', full: 69, involved: involved[1], earned: earned[1] },
		{ id: '5.3', name: '顾客服务', full: 25, involved: involved[2], earned: earned[2] },
	]
}

const notForSale = (reason: string): AnswerV1 => ({ na: true, reason })

describe('green-aftersales-2025 worked examples', () => {
	// All 83 indicators met (5.1.1.3 too, which carries 0 points):
	// earned = 56 + 69 + 25 = 150, involved = 150, normalised = 150 / 150 × 150 = 150
	// → 150.00 ≥ 140 → 十星级.
	test('all met', () => {
		const result = score(answers())
		expect(result).toMatchObject({
			scheme: 'green-aftersales-2025',
			fullMarks: 150,
			involvedMarks: 150,
			earned: 150,
			normalised: 150,
			specialDeductions: 0,
			specialBonus: 0,
			score: 150,
			passed: true,
			level: { key: 'star-10', name: '十星级' },
			complete: true,
			warnings: [],
		})
		expect(result.sections).toEqual(sections([56, 69, 25]))
		expect(result.indicators).toHaveLength(83)
		expect(result.indicators.find((i) => i.id === '5.1.1.3')).toEqual({
			id: '5.1.1.3',
			full: 0,
			involved: 0,
			earned: 0,
			excluded: false,
		})
	})

	// Excluded (删减): 5.2.6.1–5.2.6.5 废弃商品回收, 1 + 1 + 2 + 2 + 2 = 8 → involved = 150 − 8 = 142.
	// Not met: 5.1.2.2 (5) and 5.2.4.9 (2) → earned = 142 − 7 = 135.
	// normalised = 135 / 142 × 150 = 20250 / 142 = 10125 / 71 = 142.605633… → 142.61 → 十星级
	// (135 without renormalisation would be 九星级).
	// Sections: 5.1 earned 56 − 5 = 51; 5.2 involved 69 − 8 = 61, earned 61 − 2 = 59; 5.3 25.
	test('an exclusion leaves the involved total and the score is renormalised to 150', () => {
		const reason = notForSale('只销售软件授权，不涉及废弃商品回收')
		const excluded = Object.fromEntries(under('5.2.6').map((id) => [id, reason]))
		const result = score(answers(['5.1.2.2', '5.2.4.9'], excluded))
		expect(result).toMatchObject({
			fullMarks: 150,
			involvedMarks: 142,
			earned: 135,
			normalised: 10125 / 71,
			score: 142.61,
			passed: true,
			level: { key: 'star-10', name: '十星级' },
			complete: true,
		})
		expect(result.sections).toEqual(sections([51, 59, 25], [56, 61, 25]))
		expect(result.indicators.find((i) => i.id === '5.2.6.3')).toEqual({
			id: '5.2.6.3',
			full: 2,
			involved: 0,
			earned: 0,
			excluded: true,
		})
	})

	// Excluding outside 5.2 (here the 0-point 5.1.1.3) is refused, naming the indicator.
	test('an exclusion outside 5.2 is refused', () => {
		const checked = validate({
			format: 'aftersales-assessment/v1',
			scheme: 'green-aftersales-2025',
			answers: answers([], { '5.1.1.3': notForSale('全部网点自建') }),
		})
		expect(checked.ok).toBe(false)
		if (!checked.ok) expect(checked.error).toContain('5.1.1.3')
	})

	// Sampled (6.2.3 b, decision 8), everything else met:
	// 5.2.4.3 (3): 12 checked, 3 nonconforming → 3 × (1 − 3/12) = 9/4 = 2.25 (loses 0.75);
	// 5.3.2.2 (7): 9 checked, 2 nonconforming → 7 × (1 − 2/9) = 49/9 (loses 14/9);
	// 5.1.2.1 (1): 8 checked, 0 nonconforming → 1.
	// earned = 150 − 3/4 − 14/9 = (5400 − 27 − 56) / 36 = 5317 / 36 = 147.69444… → 147.69 → 十星级.
	// Sections: 5.2 = 69 − 0.75 = 68.25; 5.3 = 25 − 14/9 = 211/9.
	test('sampling: fraction = 1 − nonconforming / checked', () => {
		const result = score(
			answers([], {
				'5.2.4.3': { samples: { checked: 12, nonconforming: 3 } },
				'5.3.2.2': { samples: { checked: 9, nonconforming: 2 } },
				'5.1.2.1': { samples: { checked: 8, nonconforming: 0 } },
			}),
		)
		expect(result).toMatchObject({
			involvedMarks: 150,
			earned: 5317 / 36,
			normalised: 5317 / 36,
			score: 147.69,
			passed: true,
			level: { key: 'star-10', name: '十星级' },
			warnings: [],
		})
		expect(result.sections).toEqual(sections([56, 68.25, 211 / 9]))
		expect(result.indicators.find((i) => i.id === '5.2.4.3')?.earned).toBe(2.25)
		expect(result.indicators.find((i) => i.id === '5.3.2.2')?.earned).toBe(49 / 9)
	})

	// Not met: 5.1.2.2 (5), 5.2.4.9 (2), 5.2.4.10 (2); 5.2.2.9 (1) at 0.5 → loses 0.5.
	// earned = 150 − 9.5 = 140.5 = normalised (no exclusion).
	// One special deduction: 140.5 − 1 = 139.50 → 九星级 (十星级 without it).
	// One deduction and the special bonus: 140.5 − 1 + 1 = 140.50 → 十星级.
	// Sections: 5.1 = 56 − 5 = 51; 5.2 = 69 − 4.5 = 64.5; 5.3 = 25.
	test('a special deduction drops a level; the bonus adds 1 back', () => {
		const answered = answers(['5.1.2.2', '5.2.4.9', '5.2.4.10'], {
			'5.2.2.9': { fraction: 0.5 },
		})
		const dropped = score(answered, { specialDeductions: deductions(1) })
		expect(dropped).toMatchObject({
			involvedMarks: 150,
			earned: 140.5,
			normalised: 140.5,
			specialDeductions: 1,
			specialBonus: 0,
			score: 139.5,
			passed: true,
			level: { key: 'star-9', name: '九星级' },
		})
		expect(dropped.sections).toEqual(sections([51, 64.5, 25]))

		const withBonus = score(answered, { specialDeductions: deductions(1), specialBonus: bonus })
		expect(withBonus).toMatchObject({
			earned: 140.5,
			normalised: 140.5,
			specialDeductions: 1,
			specialBonus: 1,
			score: 140.5,
			passed: true,
			level: { key: 'star-10', name: '十星级' },
		})
	})

	// All met: normalised 150.
	// Five special deductions: 150 − 5 = 145.00, far above 70, but 5 or more deductions fail
	// (6.3.2, decision 6) → passed false, level 不合格.
	// Four: 150 − 4 = 146.00 → passes, 十星级.
	test('five special deductions fail a high score', () => {
		const failed = score(answers(), { specialDeductions: deductions(5) })
		expect(failed).toMatchObject({
			involvedMarks: 150,
			earned: 150,
			normalised: 150,
			specialDeductions: 5,
			score: 145,
			passed: false,
			level: { key: 'fail', name: '不合格' },
		})
		expect(failed.sections).toEqual(sections([56, 69, 25]))

		const four = score(answers(), { specialDeductions: deductions(4) })
		expect(four).toMatchObject({
			specialDeductions: 4,
			score: 146,
			passed: true,
			level: { key: 'star-10', name: '十星级' },
		})
	})

	// Not met: all of 5.2 (69) and 5.1.1.1 (1) → 150 − 70 = 80.
	// 5.3.2.3 (1) met → earned 80 → 80.00 → 三星级;
	// 5.3.2.3 at 0.99 → earned 79.99 → 79.99 → 达标级.
	// Sections: 5.1 = 55; 5.2 = 0; 5.3 = 25 or 24.99.
	test('level boundary 79.99 | 80.00', () => {
		const zero = [...under('5.2'), '5.1.1.1']
		const below = score(answers(zero, { '5.3.2.3': { fraction: 0.99 } }))
		expect(below).toMatchObject({
			involvedMarks: 150,
			earned: 79.99,
			normalised: 79.99,
			score: 79.99,
			passed: true,
			level: { key: 'standard', name: '达标级' },
		})
		expect(below.sections).toEqual(sections([55, 0, 24.99]))

		const at = score(answers(zero))
		expect(at).toMatchObject({
			involvedMarks: 150,
			earned: 80,
			normalised: 80,
			score: 80,
			passed: true,
			level: { key: 'star-3', name: '三星级' },
		})
		expect(at.sections).toEqual(sections([55, 0, 25]))
	})

	// Not met: 5.1.1 (1 + 3 + 0 + 1 = 5) and 5.1.2.2 (5) → 150 − 10 = 140.
	// 5.3.2.3 met → 140.00 → 十星级; 5.3.2.3 at 0.99 → 139.99 → 九星级.
	// Sections: 5.1 = 56 − 10 = 46; 5.2 = 69; 5.3 = 25 or 24.99.
	test('level boundary 139.99 | 140.00', () => {
		const zero = [...under('5.1.1'), '5.1.2.2']
		const below = score(answers(zero, { '5.3.2.3': { fraction: 0.99 } }))
		expect(below).toMatchObject({
			involvedMarks: 150,
			earned: 139.99,
			normalised: 139.99,
			score: 139.99,
			passed: true,
			level: { key: 'star-9', name: '九星级' },
		})
		expect(below.sections).toEqual(sections([46, 69, 24.99]))

		const at = score(answers(zero))
		expect(at).toMatchObject({
			earned: 140,
			normalised: 140,
			score: 140,
			passed: true,
			level: { key: 'star-10', name: '十星级' },
		})
		expect(at.sections).toEqual(sections([46, 69, 25]))
	})

	// Every other band edge the same way: the listed clauses not met bring earned to the edge B;
	// 5.3.2.3 (1) at 0.99 takes 0.01 off → B − 0.01, one band lower.
	// 70 = 150 − 5.2 (69) − 5.1.2 (7) − 5.1.1.2 (3) − 5.1.1.1 (1)
	// 90 = 150 − 5.1 (56) − 5.3.1.2 (2) − 5.3.1.3 (2)
	// 95 = 150 − 5.2.4 (22) − 5.2.5 (13) − 5.2.3 (8) − 5.1.2 (7) − 5.1.1 (5)
	// 100 = 150 − 5.2.4 (22) − 5.2.5 (13) − 5.2.3 (8) − 5.1.2 (7)
	// 110 = 150 − 5.2.4 (22) − 5.2.5 (13) − 5.1.1 (5)
	// 120 = 150 − 5.2.4 (22) − 5.2.3 (8)
	// 130 = 150 − 5.1.3 (12) − 5.2.3 (8)
	test.each<[number, string[], string, string, string, string]>([
		[70, ['5.2', '5.1.2', '5.1.1.2', '5.1.1.1'], 'fail', '不合格', 'standard', '达标级'],
		[90, ['5.1', '5.3.1.2', '5.3.1.3'], 'star-3', '三星级', 'star-4', '四星级'],
		[95, ['5.2.4', '5.2.5', '5.2.3', '5.1.2', '5.1.1'], 'star-4', '四星级', 'star-5', '五星级'],
		[100, ['5.2.4', '5.2.5', '5.2.3', '5.1.2'], 'star-5', '五星级', 'star-6', '六星级'],
		[110, ['5.2.4', '5.2.5', '5.1.1'], 'star-6', '六星级', 'star-7', '七星级'],
		[120, ['5.2.4', '5.2.3'], 'star-7', '七星级', 'star-8', '八星级'],
		[130, ['5.1.3', '5.2.3'], 'star-8', '八星级', 'star-9', '九星级'],
	])('level boundary %d', (edge, clauses, belowKey, belowName, atKey, atName) => {
		const zero = under(...clauses)
		const below = score(answers(zero, { '5.3.2.3': { fraction: 0.99 } }))
		expect([below.earned, below.score, below.passed, below.level]).toEqual([
			(edge * 100 - 1) / 100,
			(edge * 100 - 1) / 100,
			belowKey !== 'fail',
			{ key: belowKey, name: belowName },
		])
		const at = score(answers(zero))
		expect([at.earned, at.score, at.passed, at.level]).toEqual([
			edge,
			edge,
			true,
			{ key: atKey, name: atName },
		])
	})

	// Not met: 5.2.4 (22), 5.2.5 (13), 5.2.3 (8), 5.1.2 (7) → 100; 5.3.2.3 at 0.995 → −0.005.
	// earned = normalised = 99.995 → half up → 100.00 → 六星级 (the level is read from the rounded
	// score). 5.3.2.3 at 0.9949 → 99.9949 → 99.99 → 五星级.
	// Sections: 5.1 = 56 − 7 = 49; 5.2 = 69 − 43 = 26; 5.3 = 24.995 or 24.9949.
	test('rounding half-up to 2 decimals decides the level', () => {
		const zero = under('5.2.4', '5.2.5', '5.2.3', '5.1.2')
		const up = score(answers(zero, { '5.3.2.3': { fraction: 0.995 } }))
		expect(up).toMatchObject({
			involvedMarks: 150,
			earned: 99.995,
			normalised: 99.995,
			score: 100,
			passed: true,
			level: { key: 'star-6', name: '六星级' },
		})
		expect(up.sections).toEqual(sections([49, 26, 24.995]))

		const down = score(answers(zero, { '5.3.2.3': { fraction: 0.9949 } }))
		expect(down).toMatchObject({
			earned: 99.9949,
			normalised: 99.9949,
			score: 99.99,
			level: { key: 'star-5', name: '五星级' },
		})
		expect(down.sections).toEqual(sections([49, 26, 24.9949]))
	})

	// Decision 5's own example: not met 5.2.4 (22) and 5.1.2 (7) → 121; 5.3.2.3 at 0.705 → loses
	// 0.295 → earned 120.705; one special deduction → 119.705 → half up → 119.71 → 七星级.
	test('rounding half-up of x.xx5 after a special deduction', () => {
		const result = score(answers(under('5.2.4', '5.1.2'), { '5.3.2.3': { fraction: 0.705 } }), {
			specialDeductions: deductions(1),
		})
		expect(result).toMatchObject({
			involvedMarks: 150,
			earned: 120.705,
			normalised: 120.705,
			specialDeductions: 1,
			score: 119.71,
			passed: true,
			level: { key: 'star-7', name: '七星级' },
		})
		expect(result.sections).toEqual(sections([49, 47, 24.705]))
	})

	// The same all-met assessment as JSON text, through the registered scheme (what the scoring
	// command and the API do): the same result as scoring the definition directly.
	test('as JSON text through the scheme registry', () => {
		const text = JSON.stringify({
			format: 'aftersales-assessment/v1',
			scheme: 'green-aftersales-2025',
			answers: answers(),
		})
		const scored = scoreJson(text)
		expect(scored.ok && scored.result).toEqual(score(answers()))
		expect(scored.ok && scored.result.level).toEqual({ key: 'star-10', name: '十星级' })
		expect(scored.ok && scored.result.score).toBe(150)
	})
})
