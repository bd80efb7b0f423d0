import { describe, expect, test } from 'vitest'
import { loadScheme, schemeGroups, schemeIndicators } from '../load-scheme.ts'
import definition from './green-aftersales-2025.ts'

const scheme = loadScheme(definition)
const indicators = schemeIndicators(scheme)

function sum(values: number[]): number {
	return values.reduce((total, value) => total + value, 0)
}

function pointsOf(predicate: (id: string) => boolean): number {
	return sum(indicators.filter((e) => predicate(e.indicator.id)).map((e) => e.indicator.points))
}

// Decision 4: the "+16" and "+34" of table 1.
const expectedGreen = [
	'5.1.1.4',
	'5.1.2.3',
	'5.1.3.4',
	'5.1.3.5',
	'5.1.3.6',
	'5.1.4.3',
	'5.1.5.3',
	'5.1.6.5',
	'5.1.7.4',
	'5.1.7.5',
	'5.1.7.6',
	'5.2.1.6',
	'5.2.2.5',
	'5.2.2.6',
	'5.2.2.7',
	'5.2.2.8',
	'5.2.2.9',
	'5.2.3.3',
	'5.2.3.4',
	'5.2.4.7',
	'5.2.4.8',
	'5.2.4.9',
	'5.2.4.10',
	'5.2.4.11',
	'5.2.4.12',
	'5.2.4.13',
	'5.2.5.6',
	'5.2.5.7',
	'5.2.5.8',
	'5.2.6.3',
	'5.2.6.4',
	'5.2.6.5',
]

describe('green-aftersales-2025 (seed 000)', () => {
	test('scheme facts', () => {
		expect(scheme.id).toBe('green-aftersales-2025')
		expect(scheme.fullMarks).toBe(150)
		expect(scheme.passMark).toBe(70)
		expect(scheme.failAtSpecialDeductions).toBe(5)
		expect(scheme.answerMode).toBe('fraction')
		expect(scheme.specialItems).toBe(true)
		expect(scheme.samplingWarning).toBe(false)
		expect(scheme.source.seed).toBe('000_ec29b37ee5aa9e88.txt')
	})

	test('sections add up to 56 + 69 + 25 = 150 (6.2.1)', () => {
		expect(scheme.sections.map((s) => [s.id, s.title, s.points])).toEqual([
			['5.1', '售后服务体系', 56],
			['5.2', '商品服务', 69],
			['5.3', '顾客服务', 25],
		])
		expect(pointsOf((id) => id.startsWith('5.1.'))).toBe(56)
		expect(pointsOf((id) => id.startsWith('5.2.'))).toBe(69)
		expect(pointsOf((id) => id.startsWith('5.3.'))).toBe(25)
		expect(pointsOf(() => true)).toBe(150)
	})

	test('every group subtotal is table 1’s base + green', () => {
		const printed: [string, string, number, number][] = [
			['5.1.1', '组织架构', 4, 1],
			['5.1.2', '人员配置', 6, 1],
			['5.1.3', '资源配置', 6, 6],
			['5.1.4', '规范要求', 6, 1],
			['5.1.5', '监督', 7, 2],
			['5.1.6', '改进', 5, 2],
			['5.1.7', '服务文化', 6, 3],
			['5.2.1', '商品信息', 6, 1],
			['5.2.2', '技术支持', 6, 5],
			['5.2.3', '配送', 4, 4],
			['5.2.4', '维修', 10, 12],
			['5.2.5', '质量保证', 7, 6],
			['5.2.6', '废弃商品回收', 2, 6],
			['5.3.1', '顾客关系', 15, 0],
			['5.3.2', '投诉处理', 10, 0],
		]
		expect(schemeGroups(scheme).map(({ group }) => [group.id, group.title, group.points])).toEqual(
			printed.map(([id, title, base, green]) => [id, title, base + green]),
		)
		for (const [id, , base, green] of printed) {
			const inGroup = indicators.filter((e) => e.group?.id === id).map((e) => e.indicator)
			expect(sum(inGroup.map((i) => i.points))).toBe(base + green)
			expect(sum(inGroup.filter((i) => i.green).map((i) => i.points))).toBe(green)
		}
	})

	test('83 indicators, every one a leaf clause inside its group', () => {
		expect(indicators).toHaveLength(83)
		const perGroup = Object.fromEntries(
			schemeGroups(scheme).map(({ group }) => [group.id, group.children.length]),
		)
		expect(perGroup).toEqual({
			'5.1.1': 4,
			'5.1.2': 3,
			'5.1.3': 6,
			'5.1.4': 3,
			'5.1.5': 3,
			'5.1.6': 5,
			'5.1.7': 6,
			'5.2.1': 6,
			'5.2.2': 9,
			'5.2.3': 4,
			'5.2.4': 13,
			'5.2.5': 8,
			'5.2.6': 5,
			'5.3.1': 5,
			'5.3.2': 3,
		})
		for (const { indicator, group } of indicators) {
			expect(indicator.id.startsWith(`${group?.id}.`)).toBe(true)
			expect(indicator.id.split('.')).toHaveLength(4)
		}
	})

	test('exactly the decision-4 items are green, worth 16 + 34', () => {
		const greenIds = indicators.filter((e) => e.indicator.green).map((e) => e.indicator.id)
		expect(greenIds).toEqual(expectedGreen)
		expect(pointsOf((id) => expectedGreen.includes(id) && id.startsWith('5.1.'))).toBe(16)
		expect(pointsOf((id) => expectedGreen.includes(id) && id.startsWith('5.2.'))).toBe(34)
	})

	test('5.1.1.3 is an answerable 0-point indicator with guidance', () => {
		const entry = indicators.find((e) => e.indicator.id === '5.1.1.3')
		expect(entry?.indicator.points).toBe(0)
		expect(entry?.indicator.text).toBe('可通过自建或委托设立服务网点。')
		expect(entry?.indicator.guidance).toContain('0 分')
		expect(indicators.filter((e) => e.indicator.points === 0).map((e) => e.indicator.id)).toEqual([
			'5.1.1.3',
		])
	})

	test('only leaf items under 5.2 may be excluded; every item may be sampled', () => {
		for (const { indicator, section } of indicators) {
			expect([indicator.id, indicator.excludable]).toEqual([indicator.id, section.id === '5.2'])
			expect(indicator.sampling).toBe(true)
		}
		expect(indicators.filter((e) => e.indicator.excludable)).toHaveLength(45)
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

	test('ten-star level bands (decision 2)', () => {
		expect(scheme.levels).toEqual([
			{ key: 'standard', name: '达标级', nameEn: 'Compliant', min: 70, stars: 0 },
			{ key: 'star-3', name: '三星级', nameEn: '3 stars', min: 80, stars: 3 },
			{ key: 'star-4', name: '四星级', nameEn: '4 stars', min: 90, stars: 4 },
			{ key: 'star-5', name: '五星级', nameEn: '5 stars', min: 95, stars: 5 },
			{ key: 'star-6', name: '六星级', nameEn: '6 stars', min: 100, stars: 6 },
			{ key: 'star-7', name: '七星级', nameEn: '7 stars', min: 110, stars: 7 },
			{ key: 'star-8', name: '八星级', nameEn: '8 stars', min: 120, stars: 8 },
			{ key: 'star-9', name: '九星级', nameEn: '9 stars', min: 130, stars: 9 },
			{ key: 'star-10', name: '十星级', nameEn: '10 stars', min: 140, stars: 10 },
		])
	})

	test('clause text keeps sub-points and notes, with the extraction artefacts repaired', () => {
		const text = (id: string) => indicators.find((e) => e.indicator.id === id)?.indicator.text
		expect(text('5.1.3.1')).toBe(
			'应提供充足的经费保障，并能提前准备应对特定问题的专项经费。\n注：当商品涉及安全问题或批次质量问题时，需要提供专项经费，例如赔偿准备金、保险等。',
		)
		expect(text('5.1.3.2')?.split('\n')).toEqual([
			'售后服务组织应提供内部保证，具体包括：',
			'a）长期保持服务专业技术培训和业务人员的业务技能培训，使其有良好的素质和能力；',
			'b）定期或不定期的服务文化的培训；',
			'c）有效的评优、奖励、晋升和员工关怀机制。',
		])
		expect(text('5.1.4.1')).toContain('组织分工、运转机制，并以企业文件形式体现')
		expect(text('5.3.1.4')).toBe(
			'定期进行顾客满意度调查（包括售后服务满意度调查），及时掌握顾客意见。顾客满意度调查可按照 SB/T 10409 执行。',
		)
		for (const { indicator } of indicators) {
			expect(indicator.text).toMatch(/。$/)
			expect(indicator.text).not.toMatch(/[査満釆岀,.]|同题|适转/)
			expect(indicator.title.length).toBeGreaterThan(0)
			expect(indicator.titleEn).toMatch(/^[A-Z]/)
		}
	})

	test('interpretation notes cover decisions 2–8 and 13 and point at real ids', () => {
		expect([...new Set(scheme.notes.map((n) => n.decision))]).toEqual([2, 3, 4, 5, 6, 7, 8, 13])
		const ids = new Set([
			...scheme.sections.map((s) => s.id),
			...schemeGroups(scheme).map((g) => g.group.id),
			...indicators.map((e) => e.indicator.id),
		])
		for (const note of scheme.notes) {
			for (const id of note.appliesTo) expect(ids.has(id)).toBe(true)
		}
		const greenNote = scheme.notes.find((n) => n.decision === 4 && n.appliesTo.length > 1)
		expect(greenNote?.appliesTo).toEqual(expectedGreen)
		expect(scheme.notes.find((n) => n.decision === 3)?.appliesTo).toHaveLength(8)
		expect(scheme.notes.find((n) => n.decision === 7)?.appliesTo).toEqual(['5.2'])
	})

	test('certification cycle (4.2, decision 13)', () => {
		expect(scheme.cycle?.certificateValidityYears).toBe(3)
		expect(scheme.cycle?.surveillanceIntervalMonths).toBe(12)
		expect(scheme.cycle?.suspensionMaxMonths).toBe(6)
		expect(scheme.cycle?.surveillance.zh).toContain('至少按年度进行监督评价')
		expect(scheme.cycle?.recertification.zh).toContain('至少每三年重新评价一次')
	})
})
