import { describe, expect, it } from 'vitest'
import { crossSchemeView, type SchemeComparison } from './cross-scheme.ts'
import { assessment, fullAnswers, schemeById } from './test-support.ts'

const gbt = schemeById('gbt27922-2011')
const green = schemeById('green-aftersales-2025')
const bac = schemeById('bac-fr01-2021')
const xbht = schemeById('xbht-s04-2025')

// GB/T 27922, one special deduction: 5.1.2.2 at 0.6 (loses 2), 5.2.4.3 sampled 3 of 12
// nonconforming (0.75), 5.2.4.5 sampled 1 of 3 (1), 5.3.2.2 not met (7), 5.2.6.1 (1) excluded,
// 5.1.1.3 (0 points) met. Involved 99, earned 88.25: 88.25/99 × 100 − 1 = 88.14, 三星级.
const answers = fullAnswers(gbt)
answers['5.1.2.2'] = { fraction: 0.6 }
answers['5.2.4.3'] = { samples: { checked: 12, nonconforming: 3 } }
answers['5.2.4.5'] = { samples: { checked: 3, nonconforming: 1 } }
answers['5.3.2.2'] = { fraction: 0 }
answers['5.2.6.1'] = { na: true, reason: '不销售需回收的商品' }
const source = assessment(gbt, answers, { deductions: 1 })
const view = crossSchemeView(gbt, source)

function comparison(id: string): SchemeComparison {
	const found = view?.comparisons.find((entry) => entry.scheme === id)
	if (!found) throw new Error(`no comparison with ${id}`)
	return found
}

describe('crossSchemeView from GB/T 27922', () => {
	it('scores the assessment itself and compares it with the three other schemes', () => {
		expect(view?.source.score).toBe(88.14)
		expect(view?.comparisons.map((entry) => entry.scheme)).toEqual([
			'green-aftersales-2025',
			'dni-cts-0301-2025',
			'bac-fr01-2021',
		])
	})

	it('carries everything to the green scheme, whose green items are left to answer', () => {
		// involved 150 − 1 = 149, earned 88.25: 88.25 × 150/149 − 1 = 87.84; with the 50 green
		// points met, 138.25 × 150/149 − 1 = 138.18, 九星级
		const green = comparison('green-aftersales-2025')
		expect(green.carried).toHaveLength(51)
		expect(green.notCarried).toEqual([])
		expect(green.toAnswer).toHaveLength(32)
		expect(green.toAnswer.reduce((total, item) => total + item.points, 0)).toBe(50)
		expect(green.toAnswer[0]).toEqual({
			id: '5.1.1.4',
			title: expect.any(String),
			titleEn: expect.any(String),
			points: 1,
		})
		expect(green.result?.score).toBe(87.84)
		expect(green.result?.level?.name).toBe('三星级')
		expect(green.result?.complete).toBe(false)
		expect(green.bestCase).toEqual({
			score: 138.18,
			passed: true,
			level: { key: 'star-9', name: '九星级' },
		})
	})

	it('converts shares to DNI percentages where they are exact, and says what is left out', () => {
		// 1 of 3 nonconforming is 66.66…%, which no JSON number holds; 5.1.1.3 is not a DNI
		// indicator. DNI: earned 99 − 2 − 0.75 − 7 − 3 (5.2.4.5 unanswered) = 86.25 of 99:
		// 87.12 − 1 = 86.12; with 5.2.4.5 met 89.25/99 × 100 − 1 = 89.15.
		const dni = comparison('dni-cts-0301-2025')
		expect(dni.notCarried).toEqual([
			{
				id: '5.1.1.3',
				reason: 'no-counterpart',
				counterparts: [],
				text: {
					zh: 'CTS DNISC0301-2025 中无对应指标',
					en: 'no corresponding indicator in CTS DNISC0301-2025',
				},
				detail: expect.any(String),
			},
			{
				id: '5.2.4.5',
				reason: 'inexact',
				counterparts: ['5.2.4.5'],
				text: {
					zh: '换算到 CTS DNISC0301-2025 的数值无法精确表示',
					en: 'its value has no exact equivalent in CTS DNISC0301-2025',
				},
				detail: expect.any(String),
			},
		])
		expect(dni.toAnswer.map((item) => item.id)).toEqual(['5.2.4.5'])
		expect(dni.carried).toHaveLength(49)
		expect(dni.result?.score).toBe(86.12)
		expect(dni.result?.specialDeductions).toBe(1)
		expect(dni.bestCase?.score).toBe(89.15)
	})

	it('carries nothing to BAC, which checks sub-requirements of the middle-level clauses', () => {
		const bac = comparison('bac-fr01-2021')
		expect(bac.carried).toEqual([])
		expect(bac.notCarried).toHaveLength(51)
		expect(bac.notCarried.find((entry) => entry.id === '5.2.4.3')).toEqual({
			id: '5.2.4.3',
			reason: 'not-derivable',
			counterparts: ['5.2.4'],
			text: {
				zh: '对应 BAC-FR01-2021 的 5.2.4，评价层级不同，答案无法换算',
				en: 'corresponds to 5.2.4 in BAC-FR01-2021, assessed at another level; the answer does not convert',
			},
			detail: expect.any(String),
		})
		expect(bac.toAnswer).toHaveLength(15)
		expect(bac.result?.score).toBe(-1)
		expect(bac.result?.level?.key).toBe('fail')
		expect(bac.bestCase).toEqual({
			score: 99,
			passed: true,
			level: { key: 'star-5', name: '五星级' },
		})
	})
})

describe('crossSchemeView elsewhere', () => {
	it('names green-only items when going from the green scheme to GB/T 27922', () => {
		const fromGreen = crossSchemeView(green, assessment(green, fullAnswers(green)))
		const toGbt = fromGreen?.comparisons.find((entry) => entry.scheme === 'gbt27922-2011')
		expect(toGbt?.notCarried).toHaveLength(32)
		expect(toGbt?.notCarried[0]?.text).toEqual({
			zh: '绿色专属指标，GB/T 27922-2011 中无对应指标',
			en: 'a green-only item with no counterpart in GB/T 27922-2011',
		})
		expect(toGbt?.result?.score).toBe(100)
		expect(toGbt?.toAnswer).toEqual([])
	})

	it('fails everywhere with five special deductions', () => {
		const failing = crossSchemeView(bac, assessment(bac, fullAnswers(bac), { deductions: 5 }))
		expect(failing?.source.passed).toBe(false)
		expect(failing?.comparisons.map((entry) => [entry.scheme, entry.bestCase?.passed])).toEqual([
			['gbt27922-2011', false],
			['green-aftersales-2025', false],
			['dni-cts-0301-2025', false],
		])
	})

	it('has nothing to compare for XBHT', () => {
		expect(crossSchemeView(xbht, assessment(xbht, fullAnswers(xbht)))).toBeNull()
	})
})
