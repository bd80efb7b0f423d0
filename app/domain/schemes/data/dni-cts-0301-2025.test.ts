import { describe, expect, test } from 'vitest'
import { loadScheme, schemeGroups, schemeIndicators } from '../load-scheme.ts'
import dni from './dni-cts-0301-2025.ts'

const scheme = loadScheme(dni)
const indicators = schemeIndicators(scheme).map((entry) => entry.indicator)

function range(prefix: string, count: number) {
	return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`)
}

describe('dni-cts-0301-2025 (seed 001)', () => {
	test('identity and scoring rules', () => {
		expect(scheme.id).toBe('dni-cts-0301-2025')
		expect(scheme.source.code).toBe('CTS DNISC0301-2025')
		expect(scheme.source.seed).toBe('001_afa737870f835029.txt')
		expect(scheme.fullMarks).toBe(100)
		expect(scheme.passMark).toBe(70)
		expect(scheme.failAtSpecialDeductions).toBe(5)
		expect(scheme.answerMode).toBe('percent')
		expect(scheme.specialItems).toBe(true)
		expect(scheme.samplingWarning).toBe(false)
	})

	test('Annex A first-level split: service requirements 60, management 40', () => {
		expect(scheme.sections.map((s) => [s.id, s.title, s.points])).toEqual([
			['4', '服务要求', 60],
			['5', '服务管理', 40],
		])
		for (const section of scheme.sections) {
			const sum = schemeIndicators({ ...scheme, sections: [section] }).reduce(
				(total, e) => total + e.indicator.points * 10,
				0,
			)
			expect(sum / 10).toBe(section.points)
		}
	})

	test('Annex A second-level weights, in printed order', () => {
		expect(
			schemeGroups(scheme).map(({ group, section }) => [
				section.id,
				group.id,
				group.title,
				group.points,
			]),
		).toEqual([
			['4', '5.2.1', '商品信息', 6],
			['4', '5.2.2', '技术支持', 6],
			['4', '5.2.3', '配送', 4],
			['4', '5.2.4', '维修', 10],
			['4', '5.2.5', '质量保证', 7],
			['4', '5.2.6', '废弃商品回收', 2],
			['4', '5.3.1', '顾客关系', 15],
			['4', '5.3.2', '投诉处理', 10],
			['5', '5.1.1', '组织架构', 4],
			['5', '5.1.2', '人员配置', 6],
			['5', '5.1.3', '资源配置', 6],
			['5', '5.1.4', '规范要求', 6],
			['5', '5.1.5', '监督', 7],
			['5', '5.1.6', '改进', 5],
			['5', '5.1.7', '服务文化', 6],
		])
	})

	test('50 indicators: A1–A18, B1–B24, C1–C8 once each; D1/D2 are not indicators', () => {
		expect(indicators).toHaveLength(50)
		const codes = indicators.map((i) => i.code)
		expect([...codes].sort()).toEqual(
			[...range('A', 18), ...range('B', 24), ...range('C', 8)].sort(),
		)
		expect(new Set(codes).size).toBe(50)
		expect(codes).not.toContain('D1')
		expect(codes).not.toContain('D2')
		expect(indicators.some((i) => i.id === '5.1.1.3')).toBe(false)
	})

	test('codes follow the GB/T 27922 clause order of Annex B', () => {
		const byPrefix = (p: string) => indicators.filter((i) => i.id.startsWith(p)).map((i) => i.code)
		expect(byPrefix('5.1.')).toEqual(range('A', 18))
		expect(byPrefix('5.2.')).toEqual(range('B', 24))
		expect(byPrefix('5.3.')).toEqual(range('C', 8))
	})

	test('Annex B points per indicator', () => {
		expect(Object.fromEntries(indicators.map((i) => [i.id, i.points]))).toEqual({
			'5.2.1.1': 1,
			'5.2.1.2': 2,
			'5.2.1.3': 1,
			'5.2.1.4': 1,
			'5.2.1.5': 1,
			'5.2.2.1': 1.5,
			'5.2.2.2': 1.5,
			'5.2.2.3': 1.5,
			'5.2.2.4': 1.5,
			'5.2.3.1': 1,
			'5.2.3.2': 3,
			'5.2.4.1': 1,
			'5.2.4.2': 1,
			'5.2.4.3': 3,
			'5.2.4.4': 1,
			'5.2.4.5': 3,
			'5.2.4.6': 1,
			'5.2.5.1': 1,
			'5.2.5.2': 1,
			'5.2.5.3': 2,
			'5.2.5.4': 1,
			'5.2.5.5': 2,
			'5.2.6.1': 1,
			'5.2.6.2': 1,
			'5.3.1.1': 3,
			'5.3.1.2': 2,
			'5.3.1.3': 2,
			'5.3.1.4': 5,
			'5.3.1.5': 3,
			'5.3.2.1': 2,
			'5.3.2.2': 7,
			'5.3.2.3': 1,
			'5.1.1.1': 1,
			'5.1.1.2': 3,
			'5.1.2.1': 1,
			'5.1.2.2': 5,
			'5.1.3.1': 2,
			'5.1.3.2': 2,
			'5.1.3.3': 2,
			'5.1.4.1': 4,
			'5.1.4.2': 2,
			'5.1.5.1': 1,
			'5.1.5.2': 6,
			'5.1.6.1': 2,
			'5.1.6.2': 1,
			'5.1.6.3': 1,
			'5.1.6.4': 1,
			'5.1.7.1': 1,
			'5.1.7.2': 2,
			'5.1.7.3': 3,
		})
	})

	test('only the product-service items (clauses 4.1–4.6 = 5.2.x) are excludable', () => {
		const excludable = indicators.filter((i) => i.excludable).map((i) => i.id)
		expect(excludable).toHaveLength(24)
		expect(excludable.every((id) => id.startsWith('5.2.'))).toBe(true)
		const note = scheme.notes.find((n) => n.decision === 7)
		expect(note?.appliesTo).toEqual(excludable)
	})

	test('every indicator has its clause text and Annex B guidance, free of markup and split cells', () => {
		for (const i of indicators) {
			expect(i.text.length, i.id).toBeGreaterThan(10)
			expect(i.guidance?.length ?? 0, i.id).toBeGreaterThan(10)
			for (const value of [i.text, i.guidance ?? '']) {
				expect(value, i.id).not.toMatch(/<\/?(p|ol|li)\b/)
				expect(value, i.id).not.toMatch(/\t/)
				// the one space between CJK characters the seed means is in a standard's title
				expect(value.replace('质量管理体系 要求', ''), i.id).not.toMatch(
					/[\u4e00-\u9fff] +[\u4e00-\u9fff]/,
				)
			}
		}
		const byId = new Map(indicators.map((i) => [i.id, i]))
		expect(byId.get('5.1.1.2')?.text).toBe(
			'根据需要，服务网点覆盖商品销售区域，能够对服务网点进行有效管理',
		)
		expect(byId.get('5.2.5.2')?.text).toBe('对顾客明示的质保期和保修期应符合国家相关规定的要求')
		expect(byId.get('5.1.3.2')?.text.startsWith('售后服务组织应提供内部保障，具体包括：\na)')).toBe(
			true,
		)
		expect(byId.get('5.1.3.3')?.guidance?.startsWith('a) 组织应设立必要的场所完成服务。')).toBe(
			true,
		)
		expect(
			byId
				.get('5.1.5.2')
				?.guidance?.startsWith('本条评价指标有四个方面的内容。\n1、以监督有效奖惩'),
		).toBe(true)
		expect(byId.get('5.3.2.1')?.guidance).toContain('挽回经济上或心理上的损失。')
		expect(byId.get('5.2.1.5')?.guidance).toContain(
			'对发现或可能出现的系统性缺陷及时通知顾客，该方案应形成有效制度。',
		)
		expect(byId.get('5.1.7.3')?.guidance?.endsWith('它们的服务大部分以文化方式来表现。')).toBe(true)
	})

	test('levels per decision 1 (the 80-point band is 三星级)', () => {
		expect(scheme.levels.map((l) => [l.key, l.name, l.min, l.stars])).toEqual([
			['standard', '达标级', 70, 0],
			['star-3', '三星级', 80, 3],
			['star-4', '四星级', 90, 4],
			['star-5', '五星级', 95, 5],
		])
	})

	test('Annex C maturity bands', () => {
		expect(scheme.maturityBands?.map((b) => [b.min, b.max, b.label])).toEqual([
			[0, 20, '0%~20%'],
			[20, 40, '20%~40%'],
			[40, 60, '40%~60%'],
			[60, 80, '60%~80%'],
			[80, 100, '80%~100%'],
		])
		for (const band of scheme.maturityBands ?? [])
			expect(band.description.split('\n')).toHaveLength(3)
		// Annex C prints one general table; no indicator has bands of its own.
		expect(indicators.some((i) => i.maturityBands)).toBe(false)
	})

	test('interpretation notes and the certification cycle', () => {
		expect(scheme.notes.map((n) => n.decision)).toEqual([1, 4, 5, 6, 7, 9, 13])
		for (const n of scheme.notes) {
			expect(n.zh.length).toBeGreaterThan(20)
			expect(n.en.length).toBeGreaterThan(20)
		}
		expect(scheme.cycle?.certificateValidityYears).toBe(3)
		expect(scheme.cycle?.surveillanceIntervalMonths).toBe(12)
		expect(scheme.cycle?.suspensionMaxMonths).toBe(6)
		expect(scheme.cycle?.modes?.map((m) => m.key)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G'])
		expect(scheme.cycle?.recertification.zh).toContain('模式 A+模式 G')
	})
})
