import { describe, expect, test } from 'vitest'
import { loadScheme, schemeIndicators } from '../load-scheme.ts'
import generalInput from './gbt-aftersales-general-draft.ts'

const scheme = loadScheme(generalInput)
const entries = schemeIndicators(scheme)
const indicators = entries.map((e) => e.indicator)

// Decision 12, in printed order (5.7.x printed 5.1.7.x in the draft).
const requirementIds = [
	'4.1.1',
	'4.1.2',
	'4.1.3',
	'4.2.3',
	'5.1',
	'5.2.1',
	'5.2.2',
	'5.2.3',
	'5.2.4',
	'5.3.1',
	'5.3.2',
	'5.4.1',
	'5.4.2',
	'5.5.1',
	'5.5.2',
	'5.6.1.1',
	'5.6.1.2',
	'5.6.1.3',
	'5.6.2.1',
	'5.6.2.2',
	'5.6.2.3',
	'5.6.2.4',
	'5.7.1',
	'5.7.2',
	'5.7.3',
	'6.1.1',
	'6.1.2',
	'6.2.2',
	'6.2.3',
	'7.1',
	'7.2',
	'7.3',
	'8.2.1',
	'8.2.2',
	'8.3.1',
	'8.3.2',
	'8.4.1',
	'8.4.2',
	'8.4.3',
	'9.1.1',
	'9.1.2',
	'9.1.3',
	'9.2',
]

describe('gbt-aftersales-general-draft', () => {
	test('is a checklist with no pass mark, no levels and no cycle', () => {
		expect(scheme.id).toBe('gbt-aftersales-general-draft')
		expect(scheme.source.seed).toBe('004_775cf35b284d7ac2.txt')
		expect(scheme.answerMode).toBe('checklist')
		expect(scheme.fullMarks).toBe(100)
		expect(scheme.passMark).toBeNull()
		expect(scheme.failAtSpecialDeductions).toBeNull()
		expect(scheme.specialItems).toBe(false)
		expect(scheme.samplingWarning).toBe(false)
		expect(scheme.levels).toEqual([])
		expect(scheme.cycle).toBeNull()
	})

	test('has exactly the 43 requirements of decision 12, in printed order', () => {
		expect(requirementIds).toHaveLength(43)
		expect(indicators.map((i) => i.id)).toEqual(requirementIds)
	})

	test('each requirement is worth 1 and may be marked not applicable', () => {
		for (const indicator of indicators) {
			expect(indicator.points).toBe(1)
			expect(indicator.excludable).toBe(true)
			expect(indicator.sampling).toBeUndefined()
		}
	})

	test('requirements sit in the section of their chapter', () => {
		expect(scheme.sections.map((s) => [s.id, s.title])).toEqual([
			['4', '总则'],
			['5', '服务提供者'],
			['6', '服务人员'],
			['7', '服务资源'],
			['8', '服务交付'],
			['9', '服务结果'],
		])
		for (const { indicator, section, group } of entries) {
			expect(indicator.id.split('.')[0]).toBe(section.id)
			if (group) expect(indicator.id.startsWith(`${group.id}.`)).toBe(true)
		}
		const grouped = Object.fromEntries(entries.map((e) => [e.indicator.id, e.group?.id ?? null]))
		expect(grouped['5.1']).toBeNull()
		expect(grouped['7.2']).toBeNull()
		expect(grouped['9.2']).toBeNull()
		expect(grouped['5.6.1.3']).toBe('5.6.1')
		expect(grouped['5.6.2.4']).toBe('5.6.2')
		expect(grouped['5.7.3']).toBe('5.7')
	})

	test('modal verbs: 宜 for 5.6.1.2 and 8.4.2, 不可 for 5.4.2, none for 5.2.4 and 5.6.1.3, else 应', () => {
		const modal = Object.fromEntries(indicators.map((i) => [i.id, i.modal]))
		const expected = Object.fromEntries(
			requirementIds.map((id) => [
				id,
				id === '5.6.1.2' || id === '8.4.2'
					? '宜'
					: id === '5.4.2'
						? '不可'
						: id === '5.2.4' || id === '5.6.1.3'
							? null
							: '应',
			]),
		)
		expect(modal).toEqual(expected)
		for (const indicator of indicators) {
			if (indicator.modal) expect(indicator.text).toContain(indicator.modal)
		}
	})

	test('clause text is transcribed whole, with PDF line breaks joined', () => {
		const text = Object.fromEntries(indicators.map((i) => [i.id, i.text]))
		expect(text['5.1']).toBe(
			'售后服务提供者应建立并不断完善售后服务管理制度，明确售后服务业务处理规范，配备与所提供服务匹配的人力资源、设施设备、服务环境。',
		)
		expect(text['4.2.3']).toContain(
			'当售后服务为有偿服务时，服务提供者应提前告知顾客服务所需的全部费用及明细。',
		)
		expect(text['5.7.3']).toContain('应定期对供应商服务能力进行评估，择优筛选供应商。')
		expect(text['6.1.2']?.split('\n')).toHaveLength(7)
		expect(text['8.4.3']).toBe('如果发生退款行为，售后服务提供者应于5个工作日内将退款返还顾客。')
	})

	test('4.2.1, 4.2.2, 6.2.1 and 8.1 are context, not answered', () => {
		const context = scheme.sections.flatMap((section) =>
			section.children.flatMap((child) => {
				if (child.type === 'context') return [child]
				if (child.type === 'group') return child.children.filter((c) => c.type === 'context')
				return []
			}),
		)
		expect(context.map((c) => c.id)).toEqual(['4.2.1', '4.2.2', '6.2.1', '8.1'])
		expect(context.find((c) => c.id === '8.1')?.text).toBe(
			'售后服务流程一般包括预约、受理、处理、答复、归档、回访、评价等环节，不同类型的售后服务具体服务流程有所区别。',
		)
		for (const c of context) expect(indicators.map((i) => i.id)).not.toContain(c.id)
	})

	test('notes explain decision 12, including the 5.1.7.x misprint', () => {
		const decision12 = scheme.notes.filter((n) => n.decision === 12)
		expect(decision12.length).toBeGreaterThanOrEqual(3)
		const misprint = decision12.find((n) => n.appliesTo.includes('5.7.1'))
		expect(misprint?.appliesTo).toEqual(['5.7.1', '5.7.2', '5.7.3'])
		expect(misprint?.zh).toContain('5.1.7.1–5.1.7.3')
		expect(decision12.find((n) => n.appliesTo.includes('5.2.4'))?.appliesTo).toEqual([
			'5.2.4',
			'5.6.1.3',
		])
	})
})
