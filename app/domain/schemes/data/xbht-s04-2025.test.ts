import { describe, expect, test } from 'vitest'
import { loadScheme, schemeGroups, schemeIndicators } from '../load-scheme.ts'
import xbhtInput from './xbht-s04-2025.ts'

const scheme = loadScheme(xbhtInput)
const indicators = schemeIndicators(scheme).map((e) => e.indicator)

function sum(values: number[]) {
	return values.reduce((total, value) => total + Math.round(value * 1000), 0) / 1000
}

describe('xbht-s04-2025', () => {
	test('loads with 100 full marks, pass mark 60 and no special items', () => {
		expect(scheme.id).toBe('xbht-s04-2025')
		expect(scheme.source.seed).toBe('002_d0feb01be6b147e1.txt')
		expect(scheme.fullMarks).toBe(100)
		expect(scheme.passMark).toBe(60)
		expect(scheme.failAtSpecialDeductions).toBeNull()
		expect(scheme.answerMode).toBe('fraction')
		expect(scheme.specialItems).toBe(false)
		expect(scheme.samplingWarning).toBe(true)
		expect(sum(indicators.map((i) => i.points))).toBe(100)
	})

	test('sections are 35 + 15 + 25 + 25 by the sum of their indicators', () => {
		const bySection = scheme.sections.map((section) => [
			section.id,
			section.title,
			sum(schemeIndicators({ ...scheme, sections: [section] }).map((e) => e.indicator.points)),
		])
		expect(bySection).toEqual([
			['5.1', '售后服务体系', 35],
			['5.2', '商品管理', 15],
			['5.3', '商品服务', 25],
			['5.4', '顾客服务', 25],
		])
	})

	test('every group adds up to its printed subtotal', () => {
		const groups = schemeGroups(scheme).map(({ group }) => [
			group.id,
			group.title,
			sum(group.children.flatMap((c) => (c.type === 'indicator' ? [c.points] : []))),
			group.children.length,
		])
		expect(groups).toEqual([
			['5.1.1', '组织架构', 5, 5],
			['5.1.2', '人员配置', 6, 7],
			['5.1.3', '资源配置', 6, 2],
			['5.1.4', '规范要求', 6, 3],
			['5.1.5', '监督', 3, 2],
			['5.1.6', '改进', 4, 4],
			['5.1.7', '服务文化', 5, 3],
			['5.2.1', '商品采购质量管理', 6, 2],
			['5.2.2', '商品运输质量管理', 3, 2],
			['5.2.3', '商品贮存质量管理', 6, 2],
			['5.3.1', '商品信息', 4, 5],
			['5.3.2', '技术支持', 5, 4],
			['5.3.3', '配送', 3, 2],
			['5.3.4', '维修', 6, 6],
			['5.3.5', '质量保证', 6, 5],
			['5.3.6', '废弃商品回收', 1, 2],
			['5.4.1', '顾客关系', 6, 5],
			['5.4.2', '服务管理', 10, 7],
			['5.4.3', '投诉处理', 6, 3],
			['5.4.4', '服务跟踪', 3, 2],
		])
		for (const { group } of schemeGroups(scheme))
			expect(group.points).toBe(groups.find((g) => g[0] === group.id)?.[2])
	})

	test('has 73 leaf indicators, numbered under their group', () => {
		expect(indicators).toHaveLength(73)
		for (const { indicator, group } of schemeIndicators(scheme)) {
			expect(group).not.toBeNull()
			expect(indicator.id.startsWith(`${group?.id}.`)).toBe(true)
		}
		expect(indicators.map((i) => i.id).slice(0, 3)).toEqual(['5.1.1.1', '5.1.1.2', '5.1.1.3'])
		expect(indicators.at(-1)?.id).toBe('5.4.4.2')
	})

	test('odd point values are transcribed exactly', () => {
		const points = Object.fromEntries(indicators.map((i) => [i.id, i.points]))
		expect(points['5.1.2.2']).toBe(1.5)
		expect(points['5.1.3.1']).toBe(3.5)
		expect(points['5.1.6.3']).toBe(0.7)
		expect(points['5.1.6.4']).toBe(0.8)
		expect(points['5.3.1.2']).toBe(1.2)
		expect(points['5.4.1.3']).toBe(1.3)
		expect(points['5.4.2.4']).toBe(2)
		expect(points['5.4.3.2']).toBe(2.5)
	})

	test('every leaf is excludable and may be sampled, with the §6.2.2 rule and no preset type', () => {
		for (const indicator of indicators) {
			expect(indicator.excludable).toBe(true)
			expect(indicator.sampling).toBe(true)
			expect(indicator.assessmentType).toBeUndefined()
			expect(indicator.scoringRule).toContain('定性指标：完全符合要求得满分')
			expect(indicator.scoringRule).toContain('抽样数量不少于总样本的 2/3 或覆盖全部服务网点')
			expect(indicator.text).toBe(indicator.title)
		}
	})

	test('levels follow §6.3.3: 60 ★, 70 ★★, 75 ★★★, 80 ★★★★, 90 ★★★★★', () => {
		expect(scheme.levels).toEqual([
			{ key: 'star-1', name: '★', nameEn: '1 star', min: 60, stars: 1 },
			{ key: 'star-2', name: '★★', nameEn: '2 stars', min: 70, stars: 2 },
			{ key: 'star-3', name: '★★★', nameEn: '3 stars', min: 75, stars: 3 },
			{ key: 'star-4', name: '★★★★', nameEn: '4 stars', min: 80, stars: 4 },
			{ key: 'star-5', name: '★★★★★', nameEn: '5 stars', min: 90, stars: 5 },
		])
	})

	test('cycle: 3 years, surveillance within every 12 months from the certificate date', () => {
		expect(scheme.cycle?.certificateValidityYears).toBe(3)
		expect(scheme.cycle?.surveillanceIntervalMonths).toBe(12)
		expect(scheme.cycle?.surveillance.zh).toContain('自发证之日起每 12 个月内')
	})

	test('carries interpretation notes for decisions 5, 6, 7, 8, 10 and 13', () => {
		expect([...new Set(scheme.notes.map((n) => n.decision))].sort((a, b) => a - b)).toEqual([
			5, 6, 7, 8, 10, 13,
		])
		for (const note of scheme.notes) {
			expect(note.zh.length).toBeGreaterThan(0)
			expect(note.en.length).toBeGreaterThan(0)
		}
	})
})
