import { describe, expect, test } from 'vitest'
import gbtInput from '../../schemes/data/gbt27922-2011.ts'
import { loadScheme, schemeIndicators } from '../../schemes/load-scheme.ts'
import { scoreJson } from '../index.ts'
import { scoreAssessment } from '../score.ts'
import type { AnswerV1, AssessmentV1 } from '../types.ts'
import { validateAssessment } from '../validate.ts'

const scheme = loadScheme(gbtInput)
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
		scheme: 'gbt27922-2011',
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
		description: `特别扣分项 ${i + 1}：维修收费未事先明示`,
		correctiveAction: '在服务网点和网站公示收费标准',
	}))
}

const bonus = { justification: '投诉 24 小时内全部闭环，处于行业领先' }

function sections(
	earned: [number, number, number],
	involved: [number, number, number] = [40, 35, 25],
) {
	return [
		{ id: '5.1', name: '售后服务体系', full: 40, involved: involved[0], earned: earned[0] },
		{ id: '5.2', name: '商品服务', full: 35, involved: involved[1], earned: earned[1] },
		{ id: '5.3', name: '顾客服务', full: 25, involved: involved[2], earned: earned[2] },
	]
}

const notInvolved = (reason: string): AnswerV1 => ({ na: true, reason })

describe('gbt27922-2011 worked examples', () => {
	// All 51 indicators met: earned = 40 + 35 + 25 = 100, involved = 100,
	// normalised = 100 / 100 × 100 = 100 → 100.00 ≥ 95 → 五星级.
	test('all met', () => {
		const result = score(answers())
		expect(result).toMatchObject({
			scheme: 'gbt27922-2011',
			fullMarks: 100,
			involvedMarks: 100,
			earned: 100,
			normalised: 100,
			specialDeductions: 0,
			specialBonus: 0,
			score: 100,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
			complete: true,
			warnings: [],
		})
		expect(result.sections).toEqual(sections([40, 35, 25]))
		expect(result.indicators).toHaveLength(51)
		expect(result.indicators.some((i) => i.id === '5.1.1.4')).toBe(false)
	})

	// Excluded: 5.2.6.1 (1), 5.2.6.2 (1), 5.2.4.6 代用品 (1) → involved = 100 − 3 = 97.
	// Not met: 5.1.2.2 (5); 5.3.1.4 (5) at 0.5 → loses 2.5. earned = 97 − 7.5 = 89.5.
	// normalised = 89.5 / 97 × 100 = 8950 / 97 = 92.268041… → 92.27 → 四星级
	// (89.5 without renormalisation would be 三星级).
	// Sections: 5.1 = 40 − 5 = 35; 5.2 involved 35 − 3 = 32, earned 32; 5.3 = 25 − 2.5 = 22.5.
	test('exclusions leave the involved total and the score is renormalised to 100', () => {
		const result = score(
			answers(['5.1.2.2'], {
				'5.2.6.1': notInvolved('商品无需回收（软件授权）'),
				'5.2.6.2': notInvolved('商品无需回收（软件授权）'),
				'5.2.4.6': notInvolved('远程维修，不存在维修期间的代用需求'),
				'5.3.1.4': { fraction: 0.5 },
			}),
		)
		expect(result).toMatchObject({
			fullMarks: 100,
			involvedMarks: 97,
			earned: 89.5,
			normalised: 8950 / 97,
			score: 92.27,
			passed: true,
			level: { key: 'star-4', name: '四星级' },
			complete: true,
		})
		expect(result.sections).toEqual(sections([35, 32, 22.5], [40, 32, 25]))
		expect(result.indicators.find((i) => i.id === '5.2.4.6')).toEqual({
			id: '5.2.4.6',
			full: 1,
			involved: 0,
			earned: 0,
			excluded: true,
		})
	})

	// 5.3 may not be excluded (6.2.2: exclusions only in 5.2).
	test('an exclusion outside 5.2 is refused', () => {
		const checked = validate({
			format: 'aftersales-assessment/v1',
			scheme: 'gbt27922-2011',
			answers: answers([], { '5.3.1.2': notInvolved('没有网站') }),
		})
		expect(checked.ok).toBe(false)
		if (!checked.ok) expect(checked.error).toContain('5.3.1.2')
	})

	// Sampled (6.2.3 b, decision 8), everything else met:
	// 5.2.4.3 (3): 12 checked, 3 nonconforming → 3 × 9/12 = 2.25 (loses 0.75);
	// 5.3.2.2 (7): 9 checked, 2 nonconforming → 7 × 7/9 = 49/9 (loses 14/9);
	// 5.1.2.1 (1): 5 checked, 5 nonconforming → 0 (loses 1).
	// earned = 100 − 3/4 − 14/9 − 1 = (3600 − 27 − 56 − 36) / 36 = 3481 / 36 = 96.69444…
	// → 96.69 → 五星级. Sections: 5.1 = 39; 5.2 = 34.25; 5.3 = 25 − 14/9 = 211/9.
	test('sampling: fraction = 1 − nonconforming / checked', () => {
		const result = score(
			answers([], {
				'5.2.4.3': { samples: { checked: 12, nonconforming: 3 } },
				'5.3.2.2': { samples: { checked: 9, nonconforming: 2 } },
				'5.1.2.1': { samples: { checked: 5, nonconforming: 5 } },
			}),
		)
		expect(result).toMatchObject({
			involvedMarks: 100,
			earned: 3481 / 36,
			normalised: 3481 / 36,
			score: 96.69,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
			warnings: [],
		})
		expect(result.sections).toEqual(sections([39, 34.25, 211 / 9]))
		expect(result.indicators.find((i) => i.id === '5.3.2.2')?.earned).toBe(49 / 9)
	})

	// Not met: 5.3.1.1 (3) and 5.2.4.6 (1) → earned = normalised = 96 (五星级 on its own).
	// Two special deductions: 96 − 2 = 94.00 → 四星级.
	// Two deductions and the bonus: 96 − 2 + 1 = 95.00 → 五星级.
	// Sections: 5.1 = 40; 5.2 = 34; 5.3 = 22.
	test('special deductions drop a level; the bonus adds 1 back', () => {
		const answered = answers(['5.3.1.1', '5.2.4.6'])
		const dropped = score(answered, { specialDeductions: deductions(2) })
		expect(dropped).toMatchObject({
			involvedMarks: 100,
			earned: 96,
			normalised: 96,
			specialDeductions: 2,
			specialBonus: 0,
			score: 94,
			passed: true,
			level: { key: 'star-4', name: '四星级' },
		})
		expect(dropped.sections).toEqual(sections([40, 34, 22]))

		const withBonus = score(answered, { specialDeductions: deductions(2), specialBonus: bonus })
		expect(withBonus).toMatchObject({
			earned: 96,
			specialDeductions: 2,
			specialBonus: 1,
			score: 95,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
		})
	})

	// All met: normalised 100. Five special deductions: 100 − 5 = 95.00 (a 五星级 score), but
	// 5 or more deductions fail (6.3.2, decision 6) → passed false, 不合格.
	// Four: 100 − 4 = 96.00 → 五星级.
	test('five special deductions fail a high score', () => {
		const failed = score(answers(), { specialDeductions: deductions(5) })
		expect(failed).toMatchObject({
			involvedMarks: 100,
			earned: 100,
			normalised: 100,
			specialDeductions: 5,
			score: 95,
			passed: false,
			level: { key: 'fail', name: '不合格' },
		})
		expect(failed.sections).toEqual(sections([40, 35, 25]))

		const four = score(answers(), { specialDeductions: deductions(4) })
		expect(four).toMatchObject({
			specialDeductions: 4,
			score: 96,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
		})
	})

	// Not met: 5.2.4 维修 (10), 5.2.5 质量保证 (7), 5.2.3.2 (3) → 100 − 20 = 80.
	// 5.3.2.3 (1) met → 80.00 → 三星级; at 0.99 → 79.99 → 达标级.
	// Sections: 5.1 = 40; 5.2 = 35 − 20 = 15; 5.3 = 25 or 24.99.
	test('level boundary 79.99 | 80.00', () => {
		const zero = [...under('5.2.4', '5.2.5'), '5.2.3.2']
		const below = score(answers(zero, { '5.3.2.3': { fraction: 0.99 } }))
		expect(below).toMatchObject({
			involvedMarks: 100,
			earned: 79.99,
			normalised: 79.99,
			score: 79.99,
			passed: true,
			level: { key: 'standard', name: '达标级' },
		})
		expect(below.sections).toEqual(sections([40, 15, 24.99]))

		const at = score(answers(zero))
		expect(at).toMatchObject({
			involvedMarks: 100,
			earned: 80,
			normalised: 80,
			score: 80,
			passed: true,
			level: { key: 'star-3', name: '三星级' },
		})
		expect(at.sections).toEqual(sections([40, 15, 25]))
	})

	// The other band edges: the listed clauses not met bring earned to the edge B; 5.3.2.3 (1)
	// at 0.99 takes 0.01 off → B − 0.01, one band lower.
	// 70 = 100 − 5.2.4 (10) − 5.2.5 (7) − 5.2.1 (6) − 5.2.2 (6) − 5.2.6.1 (1)
	// 90 = 100 − 5.2.4 (10)
	// 95 = 100 − 5.1.2.2 (5)
	test.each<[number, string[], string, string, string, string]>([
		[70, ['5.2.4', '5.2.5', '5.2.1', '5.2.2', '5.2.6.1'], 'fail', '不合格', 'standard', '达标级'],
		[90, ['5.2.4'], 'star-3', '三星级', 'star-4', '四星级'],
		[95, ['5.1.2.2'], 'star-4', '四星级', 'star-5', '五星级'],
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

	// Not met: 5.2.4 (10) → 90; 5.3.2.3 at 0.995 → −0.005 → earned 89.995 → half up → 90.00
	// → 四星级 (the level is read from the rounded score). At 0.9949 → 89.9949 → 89.99 → 三星级.
	// Sections: 5.1 = 40; 5.2 = 25; 5.3 = 24.995 or 24.9949.
	test('rounding half-up to 2 decimals decides the level', () => {
		const zero = under('5.2.4')
		const up = score(answers(zero, { '5.3.2.3': { fraction: 0.995 } }))
		expect(up).toMatchObject({
			involvedMarks: 100,
			earned: 89.995,
			normalised: 89.995,
			score: 90,
			passed: true,
			level: { key: 'star-4', name: '四星级' },
		})
		expect(up.sections).toEqual(sections([40, 25, 24.995]))

		const down = score(answers(zero, { '5.3.2.3': { fraction: 0.9949 } }))
		expect(down).toMatchObject({
			earned: 89.9949,
			normalised: 89.9949,
			score: 89.99,
			level: { key: 'star-3', name: '三星级' },
		})
		expect(down.sections).toEqual(sections([40, 25, 24.9949]))
	})

	// Decision 5's example after renormalisation. Excluded 5.2.6.1 + 5.2.6.2 (2) → involved 98.
	// Not met: 5.2.4 (10), 5.1.3.1 (2), 5.1.3.2 (2); 5.3.2.3 at 0.0109 → loses 0.9891.
	// earned = 98 − 14 − 0.9891 = 83.0109; normalised = 83.0109 / 98 × 100 = 84.705 exactly
	// → half up → 84.71 → 三星级.
	// Sections: 5.1 = 40 − 4 = 36; 5.2 involved 33, earned 33 − 10 = 23; 5.3 = 24.0109.
	test('rounding half-up of x.xx5 after renormalisation', () => {
		const result = score(
			answers(under('5.2.4', '5.1.3.1', '5.1.3.2'), {
				'5.2.6.1': notInvolved('商品无需回收（软件授权）'),
				'5.2.6.2': notInvolved('商品无需回收（软件授权）'),
				'5.3.2.3': { fraction: 0.0109 },
			}),
		)
		expect(result).toMatchObject({
			involvedMarks: 98,
			earned: 83.0109,
			normalised: 84.705,
			score: 84.71,
			passed: true,
			level: { key: 'star-3', name: '三星级' },
		})
		expect(result.sections).toEqual(sections([36, 23, 24.0109], [40, 33, 25]))
	})

	// The same all-met assessment as JSON text, through the registered scheme (what the scoring
	// command and the API do): the same result as scoring the definition directly.
	test('as JSON text through the scheme registry', () => {
		const text = JSON.stringify({
			format: 'aftersales-assessment/v1',
			scheme: 'gbt27922-2011',
			answers: answers(),
		})
		const scored = scoreJson(text)
		expect(scored.ok && scored.result).toEqual(score(answers()))
		expect(scored.ok && scored.result.level).toEqual({ key: 'star-5', name: '五星级' })
		expect(scored.ok && scored.result.score).toBe(100)
	})
})
