import { describe, expect, test } from 'vitest'
import { loadScheme, schemeGroups, schemeIndicators } from '../load-scheme.ts'
import definition from './gbt27922-2011.ts'
import greenDefinition from './green-aftersales-2025.ts'

const scheme = loadScheme(definition)
const indicators = schemeIndicators(scheme)
const greenIndicators = schemeIndicators(loadScheme(greenDefinition))

function sum(values: number[]): number {
	return values.reduce((total, value) => total + value, 0)
}

function pointsOf(predicate: (id: string) => boolean): number {
	return sum(indicators.filter((e) => predicate(e.indicator.id)).map((e) => e.indicator.points))
}

const expectedIds = [
	'5.1.1.1',
	'5.1.1.2',
	'5.1.1.3',
	'5.1.2.1',
	'5.1.2.2',
	'5.1.3.1',
	'5.1.3.2',
	'5.1.3.3',
	'5.1.4.1',
	'5.1.4.2',
	'5.1.5.1',
	'5.1.5.2',
	'5.1.6.1',
	'5.1.6.2',
	'5.1.6.3',
	'5.1.6.4',
	'5.1.7.1',
	'5.1.7.2',
	'5.1.7.3',
	'5.2.1.1',
	'5.2.1.2',
	'5.2.1.3',
	'5.2.1.4',
	'5.2.1.5',
	'5.2.2.1',
	'5.2.2.2',
	'5.2.2.3',
	'5.2.2.4',
	'5.2.3.1',
	'5.2.3.2',
	'5.2.4.1',
	'5.2.4.2',
	'5.2.4.3',
	'5.2.4.4',
	'5.2.4.5',
	'5.2.4.6',
	'5.2.5.1',
	'5.2.5.2',
	'5.2.5.3',
	'5.2.5.4',
	'5.2.5.5',
	'5.2.6.1',
	'5.2.6.2',
	'5.3.1.1',
	'5.3.1.2',
	'5.3.1.3',
	'5.3.1.4',
	'5.3.1.5',
	'5.3.2.1',
	'5.3.2.2',
	'5.3.2.3',
]

describe('gbt27922-2011 (seed 000 without its green items)', () => {
	test('scheme facts', () => {
		expect(scheme.id).toBe('gbt27922-2011')
		expect(scheme.shortTitle).toBe('GB/T 27922-2011')
		expect(scheme.fullMarks).toBe(100)
		expect(scheme.passMark).toBe(70)
		expect(scheme.failAtSpecialDeductions).toBe(5)
		expect(scheme.answerMode).toBe('fraction')
		expect(scheme.specialItems).toBe(true)
		expect(scheme.samplingWarning).toBe(false)
		expect(scheme.source.seed).toBe('000_ec29b37ee5aa9e88.txt')
	})

	test('sections add up to 40 + 35 + 25 = 100', () => {
		expect(scheme.sections.map((s) => [s.id, s.title, s.points])).toEqual([
			['5.1', '售后服务体系', 40],
			['5.2', '商品服务', 35],
			['5.3', '顾客服务', 25],
		])
		expect(pointsOf((id) => id.startsWith('5.1.'))).toBe(40)
		expect(pointsOf((id) => id.startsWith('5.2.'))).toBe(35)
		expect(pointsOf((id) => id.startsWith('5.3.'))).toBe(25)
		expect(pointsOf(() => true)).toBe(100)
	})

	test('every group subtotal is table 1’s base points', () => {
		const printed: [string, string, number][] = [
			['5.1.1', '组织架构', 4],
			['5.1.2', '人员配置', 6],
			['5.1.3', '资源配置', 6],
			['5.1.4', '规范要求', 6],
			['5.1.5', '监督', 7],
			['5.1.6', '改进', 5],
			['5.1.7', '服务文化', 6],
			['5.2.1', '商品信息', 6],
			['5.2.2', '技术支持', 6],
			['5.2.3', '配送', 4],
			['5.2.4', '维修', 10],
			['5.2.5', '质量保证', 7],
			['5.2.6', '废弃商品回收', 2],
			['5.3.1', '顾客关系', 15],
			['5.3.2', '投诉处理', 10],
		]
		expect(schemeGroups(scheme).map(({ group }) => [group.id, group.title, group.points])).toEqual(
			printed,
		)
		for (const [id, , base] of printed) {
			const inGroup = indicators.filter((e) => e.group?.id === id).map((e) => e.indicator.points)
			expect(sum(inGroup)).toBe(base)
		}
	})

	test('51 indicators: the green scheme’s non-green items, text unchanged', () => {
		expect(indicators.map((e) => e.indicator.id)).toEqual(expectedIds)
		expect(indicators.some((e) => e.indicator.green)).toBe(false)
		const greenById = new Map(greenIndicators.map((e) => [e.indicator.id, e.indicator]))
		for (const { indicator } of indicators) {
			expect(indicator).toEqual(greenById.get(indicator.id))
		}
		expect(greenIndicators.filter((e) => !e.indicator.green).map((e) => e.indicator.id)).toEqual(
			expectedIds,
		)
	})

	test('5.1.1.3 is a 0-point indicator', () => {
		const entry = indicators.find((e) => e.indicator.id === '5.1.1.3')
		expect(entry?.indicator.points).toBe(0)
		expect(entry?.group?.id).toBe('5.1.1')
	})

	test('only leaf items under 5.2 may be excluded', () => {
		for (const { indicator, section } of indicators) {
			expect([indicator.id, indicator.excludable]).toEqual([indicator.id, section.id === '5.2'])
		}
		expect(indicators.filter((e) => e.indicator.excludable)).toHaveLength(24)
	})

	test('customer-service item points follow decision 3', () => {
		const points = Object.fromEntries(
			indicators
				.filter((e) => e.section.id === '5.3')
				.map((e) => [e.indicator.id, e.indicator.points]),
		)
		expect(points).toEqual({
			'5.3.1.1': 3,
			'5.3.1.2': 2,
			'5.3.1.3': 2,
			'5.3.1.4': 5,
			'5.3.1.5': 3,
			'5.3.2.1': 2,
			'5.3.2.2': 7,
			'5.3.2.3': 1,
		})
	})

	test('level bands per decision 1', () => {
		expect(scheme.levels).toEqual([
			{ key: 'standard', name: '达标级', nameEn: 'Compliant', min: 70, stars: 0 },
			{ key: 'star-3', name: '三星级', nameEn: '3 stars', min: 80, stars: 3 },
			{ key: 'star-4', name: '四星级', nameEn: '4 stars', min: 90, stars: 4 },
			{ key: 'star-5', name: '五星级', nameEn: '5 stars', min: 95, stars: 5 },
		])
	})

	test('its own interpretation notes, none about green items or the 150-point scale', () => {
		expect(scheme.notes.map((n) => n.decision).sort((a, b) => a - b)).toEqual([
			1, 3, 4, 4, 5, 6, 7, 8, 13,
		])
		const ids = new Set([...scheme.sections.map((s) => s.id), ...expectedIds])
		for (const note of scheme.notes) {
			for (const id of note.appliesTo) expect(ids.has(id)).toBe(true)
			expect(note.zh).not.toContain('× 150')
		}
		expect(scheme.notes.find((n) => n.decision === 5)?.zh).toContain('× 100')
	})

	test('certification cycle (decision 13)', () => {
		expect(scheme.cycle?.certificateValidityYears).toBe(3)
		expect(scheme.cycle?.surveillanceIntervalMonths).toBe(12)
		expect(scheme.cycle?.suspensionMaxMonths).toBe(6)
	})
})
