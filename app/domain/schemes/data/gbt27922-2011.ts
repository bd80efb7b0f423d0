import type { SchemeInput } from '../scheme-schema.ts'
import green, { tableOneBasePoints } from './green-aftersales-2025.ts'

type SectionInput = SchemeInput['sections'][number]
type ChildInput = SectionInput['children'][number]

// Seed 000 is GB/T 27922 plus green items; this scheme is that text with the green items
// removed (decision 4), so the clause text lives in one place.
const source: SchemeInput = green

function basePoints(id: string): number {
	const points = tableOneBasePoints[id]
	if (points === undefined) throw new Error(`table 1 prints no base points for ${id}`)
	return points
}

function withoutGreen(section: SectionInput): SectionInput {
	return {
		...section,
		points: basePoints(section.id),
		children: section.children.flatMap((child): ChildInput[] => {
			if (child.type === 'indicator') return child.green ? [] : [child]
			if (child.type === 'context') return [child]
			return [
				{
					...child,
					points: basePoints(child.id),
					children: child.children.filter((leaf) => leaf.type !== 'indicator' || !leaf.green),
				},
			]
		}),
	}
}

// These notes say the same for both schemes; the others differ in scale, levels or items.
const sharedNotes = source.notes.filter(
	(note) =>
		[3, 6, 7, 8, 13].includes(note.decision) ||
		(note.decision === 4 && note.appliesTo.includes('5.1.1.3')),
)

export default {
	id: 'gbt27922-2011',
	version: '1.0.0',
	title: '商品售后服务评价体系',
	titleEn: 'Evaluating system for after-sales service of commodities',
	shortTitle: 'GB/T 27922-2011',
	issuer: {
		zh: '中华人民共和国国家质量监督检验检疫总局、中国国家标准化管理委员会',
		en: 'General Administration of Quality Supervision, Inspection and Quarantine (AQSIQ) and Standardization Administration of China (SAC)',
	},
	source: {
		document: 'GB/T 27922 商品售后服务评价体系（取自《商品售后绿色服务认证规则》中的基础分值）',
		code: 'GB/T 27922-2011',
		edition: '2011；条款文本和基础分值取自《商品售后绿色服务认证规则》2025-03-06 修订版',
		seed: '000_ec29b37ee5aa9e88.txt',
	},
	purpose: {
		zh: '按 GB/T 27922-2011 评价企业的售后服务：售后服务体系 40 分、商品服务 35 分、顾客服务 25 分，满分 100 分，评为达标级至五星级。',
		en: 'Evaluates a company’s after-sales service against GB/T 27922-2011: after-sales service system 40, product service 35, customer service 25, 100 points, rated from Compliant to five stars.',
	},
	fullMarks: 100,
	passMark: 70,
	failAtSpecialDeductions: 5,
	answerMode: 'fraction',
	specialItems: true,
	samplingWarning: false,
	exclusionsRule: source.exclusionsRule,
	levels: [
		{ key: 'standard', name: '达标级', nameEn: 'Compliant', min: 70, stars: 0 },
		{ key: 'star-3', name: '三星级', nameEn: '3 stars', min: 80, stars: 3 },
		{ key: 'star-4', name: '四星级', nameEn: '4 stars', min: 90, stars: 4 },
		{ key: 'star-5', name: '五星级', nameEn: '5 stars', min: 95, stars: 5 },
	],
	cycle: source.cycle,
	notes: [
		{
			decision: 1,
			appliesTo: [],
			zh: 'CTS DNISC0301-2025 §6.5 和 BAC-FR01-2021 附录 1 §3.3 把 80 分档写作“五星级”（排在 90 分四星级、95 分五星级之前），属笔误。本方案按 GB/T 27922 读作：70 分以下不合格；70.00–79.99 达标级；80.00–89.99 三星级；90.00–94.99 四星级；≥95 五星级。',
			en: 'CTS DNISC0301-2025 §6.5 and BAC-FR01-2021 Annex 1 §3.3 print the 80-point band as “five stars”, listed before 90 four stars and 95 five stars: a typo. This scheme reads it as GB/T 27922 does: below 70 fail; 70.00–79.99 Compliant; 80.00–89.99 3 stars; 90.00–94.99 4 stars; ≥95 5 stars.',
		},
		{
			decision: 4,
			appliesTo: [],
			zh: '本方案为《商品售后绿色服务认证规则》去掉其绿色服务条款（表 1 中的“+16”“+34”）后的 GB/T 27922 条款，分值按表 1 的基础分：售后服务体系 40 分（组织架构 4、人员配置 6、资源配置 6、规范要求 6、监督 7、改进 5、服务文化 6），商品服务 35 分（商品信息 6、技术支持 6、配送 4、维修 10、质量保证 7、废弃商品回收 2），顾客服务 25 分（顾客关系 15、投诉处理 10）。',
			en: 'This scheme is the GB/T 27922 part of the green after-sales certification rules, without their green items (the “+16” and “+34” of table 1), scored with table 1’s base points: after-sales service system 40 (organisational structure 4, staffing 6, resources 6, documented rules 6, supervision 7, improvement 5, service culture 6), product service 35 (product information 6, technical support 6, delivery 4, repair 10, quality assurance 7, take-back 2), customer service 25 (customer relations 15, complaint handling 10).',
		},
		{
			decision: 5,
			appliesTo: [],
			zh: '计算顺序：实际得分 → 涉及项总分值 → 换算分（实际得分 / 涉及项总分值 × 100，6.2.3 e）→ 每个特别扣分项减 1 分 → 特别加分项加 1 分（最多一个）→ 评分，四舍五入保留 2 位小数（0.005 一律向上进位：84.705 → 84.71，−1.005 → −1.00）。级别按舍入后的评分判定。评分不封顶于满分，也不低于 0 时截断。每个特别扣分项须写明情况和整改措施，特别加分项须写明理由（6.2.3 c、d）。',
			en: 'Order of operations: points earned → involved total → normalised (earned / involved × 100, 6.2.3 e) → minus 1 per special deduction → plus 1 for the special bonus (at most one) → score, rounded to 2 decimals with halves going up (84.705 → 84.71, −1.005 → −1.00). The level is read from the rounded score. The score is neither capped at full marks nor floored at 0. Each special deduction needs a description and a corrective action, the bonus a justification (6.2.3 c, d).',
		},
		...sharedNotes,
	],
	sections: source.sections.map(withoutGreen),
} satisfies SchemeInput
