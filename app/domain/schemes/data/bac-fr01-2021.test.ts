import { describe, expect, it } from 'vitest'
import { loadScheme, schemeIndicators } from '../load-scheme.ts'
import bac from './bac-fr01-2021.ts'

const scheme = loadScheme(bac)
const indicators = schemeIndicators(scheme).map((e) => ({ ...e.indicator, section: e.section.id }))
const byId = new Map(indicators.map((i) => [i.id, i]))

function get(id: string) {
	const indicator = byId.get(id)
	if (!indicator) throw new Error(`no indicator ${id}`)
	return indicator
}

// Annex 1 §4 table, read row by row: points, number of numbered sub-requirements, rule.
const table = [
	['5.1.1', '组织架构', 4, 2, 'all-or-nothing', null],
	['5.1.2', '人员配置', 6, 2, 'all-or-nothing', null],
	['5.1.3', '资源配置', 6, 7, 'all-or-nothing', null],
	['5.1.4', '规范要求', 6, 3, 'all-or-nothing', null],
	['5.1.5', '监督', 7, 4, 'all-or-nothing', null],
	['5.1.6', '改进', 5, 3, 'all-or-nothing', null],
	['5.1.7', '服务文化', 6, 2, 'all-or-nothing', null],
	['5.2.1', '商品信息', 6, 3, 'per-met', 2],
	['5.2.2', '技术支持', 6, 4, 'deduct-per-unmet', 2],
	['5.2.3', '配送', 4, 2, 'per-met', 2],
	['5.2.4', '维修', 10, 7, 'deduct-per-unmet', 2],
	['5.2.5', '质量保证', 7, 5, 'deduct-per-unmet', 2],
	['5.2.6', '废弃商品回收', 2, 2, 'per-met', 1],
	['5.3.1', '顾客关系', 15, 6, 'deduct-per-unmet', 3],
	['5.3.2', '投诉处理', 10, 3, 'per-met-full-when-all', 3],
] as const

describe('bac-fr01-2021 scheme data', () => {
	it('loads with the scheme facts of the decision table', () => {
		expect(scheme.id).toBe('bac-fr01-2021')
		expect(scheme.fullMarks).toBe(100)
		expect(scheme.answerMode).toBe('checks')
		expect(scheme.specialItems).toBe(true)
		expect(scheme.passMark).toBe(70)
		expect(scheme.failAtSpecialDeductions).toBe(5)
		expect(scheme.samplingWarning).toBe(false)
		expect(scheme.source.seed).toBe('003_534078ad3264fc23.txt')
	})

	it('has the three sections of Annex 1 §2.1 with their totals 40 / 35 / 25', () => {
		expect(scheme.sections.map((s) => [s.id, s.title, s.points])).toEqual([
			['5.1', '售后服务体系', 40],
			['5.2', '商品服务', 35],
			['5.3', '顾客服务', 25],
		])
		for (const section of scheme.sections) {
			const sum = indicators
				.filter((i) => i.section === section.id)
				.reduce((t, i) => t + i.points, 0)
			expect(sum).toBe(section.points)
		}
	})

	it('has the 15 indicators of the table, in printed order, directly in their sections', () => {
		expect(indicators.map((i) => [i.id, i.title])).toEqual(table.map(([id, title]) => [id, title]))
		for (const section of scheme.sections) {
			expect(section.children.every((c) => c.type === 'indicator')).toBe(true)
		}
	})

	it.each(table)(
		'%s %s: %i points, %i sub-requirements, rule %s',
		(id, _title, points, count, kind, each) => {
			const indicator = get(id)
			expect(indicator.points).toBe(points)
			expect(indicator.subRequirements?.map((s) => s.n)).toEqual(
				Array.from({ length: count }, (_, i) => i + 1),
			)
			expect(indicator.rule?.kind).toBe(kind)
			expect(
				indicator.rule && 'pointsEach' in indicator.rule ? indicator.rule.pointsEach : null,
			).toBe(each)
			expect(indicator.guidance).toContain(`${count}) `)
			expect(indicator.guidance).not.toContain(`${count + 1}) `)
		},
	)

	it('per-met indicators pay exactly their points when every sub-requirement is met', () => {
		const perMet = indicators.filter((i) => i.rule?.kind === 'per-met')
		expect(perMet.map((i) => i.id)).toEqual(['5.2.1', '5.2.3', '5.2.6'])
		for (const i of perMet) {
			if (i.rule?.kind !== 'per-met') throw new Error('unreachable')
			expect(i.rule.pointsEach * (i.subRequirements?.length ?? 0)).toBe(i.points)
		}
		// 3 × 2, 2 × 2, 2 × 1
		expect(perMet.map((i) => i.points)).toEqual([6, 4, 2])
	})

	it('deduct rules take less than the whole indicator per unmet item and can reach zero', () => {
		const deduct = indicators.filter((i) => i.rule?.kind === 'deduct-per-unmet')
		expect(deduct.map((i) => i.id)).toEqual(['5.2.2', '5.2.4', '5.2.5', '5.3.1'])
		for (const i of deduct) {
			if (i.rule?.kind !== 'deduct-per-unmet') throw new Error('unreachable')
			const count = i.subRequirements?.length ?? 0
			expect(i.rule.pointsEach).toBeLessThan(i.points)
			expect(i.rule.pointsEach * count).toBeGreaterThanOrEqual(i.points)
		}
		// 4 × 2 = 8 ≥ 6, 7 × 2 = 14 ≥ 10, 5 × 2 = 10 ≥ 7, 6 × 3 = 18 ≥ 15
	})

	it('5.3.2 pays 3 per met item and the full 10 only when all three are met', () => {
		const complaints = get('5.3.2')
		expect(complaints.rule).toEqual({ kind: 'per-met-full-when-all', pointsEach: 3 })
		expect(complaints.subRequirements).toHaveLength(3)
		// 2 × 3 = 6 < 10 = points < 3 × 3 + 1: the bonus for all three is 1 point
		expect(3 * 3).toBeLessThan(complaints.points)
	})

	it('allows exclusions only under 5.2, for whole indicators and single sub-requirements', () => {
		for (const i of indicators) {
			const under52 = i.section === '5.2'
			expect(i.excludable).toBe(under52)
			expect(i.subRequirementsExcludable).toBe(under52)
		}
	})

	it('keeps the printed rule text and repairs the extraction artefacts', () => {
		expect(get('5.1.4').scoringRule).toBe('任何 1 项不符合得 0 分')
		expect(get('5.2.3').scoringRule).toBe('每项 2 分')
		expect(get('5.2.3').subRequirements?.[1]?.text).toBe('在规定的交付范围和时间内提供交付')
		expect(get('5.2.4').scoringRule).toBe('每项 2 分，扣完为止')
		expect(get('5.3.1').subRequirements?.[4]?.text).toContain('并用于改进服务评价体系')
		expect(get('5.3.2').subRequirements?.[1]?.text).toBe('制定投诉管理流程和制度，及时解决顾客投诉')
		expect(get('5.1.3').subRequirements?.[6]?.text).toBe(
			'提供充足的服务专项经费，如赔偿保证金、保险等',
		)
		for (const i of indicators) {
			for (const s of i.subRequirements ?? []) expect(s.text).not.toMatch(/[,;()]|\s$/)
		}
	})

	it('shows the 可选择理由 of 商品服务 with every indicator under 5.2', () => {
		for (const i of indicators) {
			expect(i.guidance?.includes('可选择理由') ?? false).toBe(i.section === '5.2')
		}
	})

	it('rates per decision 1: 达标级 70, 三星级 80, 四星级 90, 五星级 95', () => {
		expect(scheme.levels.map((l) => [l.key, l.name, l.min, l.stars])).toEqual([
			['standard', '达标级', 70, 0],
			['star-3', '三星级', 80, 3],
			['star-4', '四星级', 90, 4],
			['star-5', '五星级', 95, 5],
		])
	})

	it('carries interpretation notes for decisions 1, 5, 6, 7, 11, 13 and 14 on known ids', () => {
		expect([...new Set(scheme.notes.map((n) => n.decision))]).toEqual([1, 5, 6, 7, 11, 13, 14])
		const known = new Set([...indicators.map((i) => i.id), ...scheme.sections.map((s) => s.id)])
		for (const note of scheme.notes)
			for (const id of note.appliesTo) expect(known.has(id)).toBe(true)
		const ruleNotes = scheme.notes.filter((n) => n.decision === 11)
		for (const i of indicators) {
			expect(ruleNotes.some((n) => n.appliesTo.includes(i.id))).toBe(true)
		}
	})

	it('describes the certification cycle of §4, §5.7.1, §5.10.2.2 and the modes A–I of §5.2.1.3', () => {
		expect(scheme.cycle?.certificateValidityYears).toBe(3)
		expect(scheme.cycle?.surveillanceIntervalMonths).toBe(12)
		expect(scheme.cycle?.surveillance.zh).toContain('15 个月')
		expect(scheme.cycle?.suspensionMaxMonths).toBe(6)
		expect(scheme.cycle?.modes?.map((m) => m.key)).toEqual([
			'A',
			'B',
			'C',
			'D',
			'E',
			'F',
			'G',
			'H',
			'I',
		])
		expect(scheme.cycle?.modes?.find((m) => m.key === 'I')?.zh).toBe('服务管理审核')
	})
})
