import { describe, expect, test } from 'vitest'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import type { Scheme } from '#app/domain/schemes/scheme-schema.ts'
import { validateAssessment } from '#app/domain/scoring/index.ts'
import { scoreAssessment } from '#app/domain/scoring/score.ts'
import type { AnswerV1, AssessmentV1 } from '#app/domain/scoring/types.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import { buildReportModel, type BuildReportInput } from '../report-model.ts'
import { greenAnswers, greenReportInput, greenScheme } from './green-assessment.ts'

function scheme(id: string): Scheme {
	const found = getScheme(id)
	if (!found) throw new Error(`${id} is not registered`)
	return found
}

/** Every indicator answered with `fallback`, then the given answers on top. */
function answersFor(id: string, fallback: AnswerV1 | null, answers: Record<string, AnswerV1>) {
	const all: Record<string, AnswerV1> = {}
	if (fallback)
		for (const { indicator } of schemeIndicators(scheme(id))) all[indicator.id] = fallback
	return { ...all, ...answers }
}

function input(
	schemeId: string,
	answers: Record<string, AnswerV1>,
	extra: Partial<Pick<AssessmentV1, 'specialDeductions' | 'specialBonus'>> = {},
	locale: Locale = 'zh-CN',
): BuildReportInput {
	const checked = validateAssessment({
		format: 'aftersales-assessment/v1',
		scheme: schemeId,
		answers,
		...extra,
	})
	if (!checked.ok) throw new Error(checked.error)
	return {
		...greenReportInput(locale),
		scheme: checked.scheme,
		assessment: checked.assessment,
		result: scoreAssessment(checked.scheme, checked.assessment),
		actions: [],
	}
}

function deductions(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		description: `服务记录不符合企业服务制度 ${i + 1}`,
		correctiveAction: '修订服务记录模板并培训服务人员',
	}))
}

describe('buildReportModel: the full green-scheme assessment', () => {
	const model = buildReportModel(greenReportInput())

	test('basic information, in Chinese', () => {
		expect(model.locale).toBe('zh-CN')
		expect(model.title).toBe('商品售后服务自评报告')
		expect(model.generatedAt).toBe('2026年11月22日 10:30')
		expect(model.generatedAtIso).toBe('2026-11-22T02:30:00.000Z')
		expect(model.basic).toEqual({
			organisation: '示例电器有限公司',
			scope: '家用空调的安装、维修与退换货服务（总部及 12 个服务网点）',
			period: '2026 年度',
			scheme: {
				id: 'green-aftersales-2025',
				title: '商品售后绿色服务认证规则',
				code: '未编号（以 GB/T 27922 为基础）',
				edition: '2025-03-06 修订（修订 6.3.3 评级要求；2020-12-09 新建）',
				version: '1.0.0',
			},
			assessors: ['张伟', '李娜'],
			consultant: '王芳',
		})
		expect(model.organisation.name).toBe('示例电器有限公司')
		expect(model.organisation.logo).toMatchObject({ format: 'png', width: 64, height: 64 })
	})

	test('process overview', () => {
		expect(model.process).toEqual([
			'本次自评依据《商品售后绿色服务认证规则》（未编号（以 GB/T 27922 为基础），2025-03-06 修订（修订 6.3.3 评级要求；2020-12-09 新建）；方案数据版本 1.0.0）进行。评价范围：家用空调的安装、维修与退换货服务（总部及 12 个服务网点）；评价期间：2026 年度。',
			'自评人员：张伟、李娜。顾问：王芳。',
			'评价方法：逐项对照指标核查文件与记录、访谈人员、观察服务过程；符合得满分，不符合不得分，部分符合按符合程度计分，需抽样验证的指标按样本不符合比例扣分。',
			'方案共 83 项指标：已作答 83 项，其中删减 4 项（理由见指标评分详情）、抽样验证 3 项（共抽查 42 个样本）；未作答 0 项。',
			'4 项指标附有证据材料（共 5 份），3 项附有说明。',
			'记录特别扣分项 1 项、特别加分项 1 项。',
		])
	})

	// hand computation in green-assessment.ts: 84.2 / 142 × 150 − 1 + 1 → 88.94
	test('final score, level with stars, pass reasons and the distance to the next level', () => {
		const { normalised, ...summary } = model.summary
		expect(normalised).toBeCloseTo(88.943661971831, 10)
		expect(summary).toEqual({
			fullMarks: 150,
			involvedMarks: 142,
			earned: 84.2,
			specialDeductions: 1,
			specialBonus: 1,
			score: 88.94,
			passMark: 70,
			passed: true,
			level: { key: 'star-3', name: '三星级', stars: 3, label: '三星级 ★★★' },
			complete: true,
			completeness: '全部指标已作答',
			verdict: '通过，等级：三星级 ★★★',
			reasons: [
				'得分 88.94 不低于合格线 70 分',
				'特别扣分项 1 项，少于 5 项',
				'达到三星级 ★★★；距四星级 ★★★★（90 分）还差 1.06 分',
			],
			nextLevel: { key: 'star-4', name: '四星级 ★★★★', min: 90, gap: 1.06 },
			calculation: [
				'折算得分 = 实际得分 84.2 ÷ 涉及项总分值 142 × 满分 150 = 88.9437',
				'最终得分 = 折算得分 88.9437 − 特别扣分 1 + 特别加分 1 = 88.9437，四舍五入保留两位小数：88.94',
				'等级按四舍五入后的得分判定：三星级 ★★★',
			],
		})
	})

	test('sections', () => {
		expect(model.sections).toEqual([
			{
				id: '5.1',
				title: '售后服务体系',
				full: 56,
				involved: 56,
				earned: 37.2,
				lost: 18.8,
				rate: 66.428571429,
			},
			{
				id: '5.2',
				title: '商品服务',
				full: 69,
				involved: 61,
				earned: 29.25,
				lost: 31.75,
				rate: 47.950819672,
			},
			{ id: '5.3', title: '顾客服务', full: 25, involved: 25, earned: 17.75, lost: 7.25, rate: 71 },
		])
	})

	test('every indicator in printed order, with the reason for each point lost', () => {
		expect(model.indicators.map((entry) => entry.id)).toEqual(
			schemeIndicators(greenScheme()).map((entry) => entry.indicator.id),
		)
		const count = (status: string) =>
			model.indicators.filter((entry) => entry.status === status).length
		expect([
			count('met'),
			count('partial'),
			count('not-met'),
			count('excluded'),
			count('unanswered'),
		]).toEqual([44, 6, 29, 4, 0])
		const byId = new Map(model.indicators.map((entry) => [entry.id, entry]))
		expect(byId.get('5.1.1.1')).toEqual({
			id: '5.1.1.1',
			code: null,
			sectionId: '5.1',
			title: '售后服务部门',
			full: 1,
			involved: 1,
			earned: 1,
			lost: 0,
			status: 'met',
			statusLabel: '符合',
			reason: null,
			note: null,
			evidence: [],
		})
		expect(byId.get('5.1.1.2')).toMatchObject({
			earned: 0,
			lost: 3,
			status: 'not-met',
			statusLabel: '不符合',
			reason: '不符合，扣除全部 3 分',
			note: '华南地区尚无服务网点',
		})
		// the zero-point item, met
		expect(byId.get('5.1.1.3')).toMatchObject({
			full: 0,
			involved: 0,
			earned: 0,
			lost: 0,
			status: 'met',
			reason: null,
		})
		expect(byId.get('5.1.2.2')).toMatchObject({
			full: 5,
			involved: 5,
			earned: 3,
			lost: 2,
			status: 'partial',
			statusLabel: '部分符合',
			reason: '符合程度 60%，扣 2 分',
			note: '5 名售后服务管理师中 3 名持证',
			evidence: ['管理师证书.pdf'],
		})
		expect(byId.get('5.1.5.2')).toMatchObject({
			earned: 4.2,
			lost: 1.8,
			reason: '抽样 10 个，3 个不符合，按比例扣 1.8 分',
		})
		expect(byId.get('5.2.3.2')).toMatchObject({
			full: 3,
			involved: 0,
			earned: 0,
			lost: 0,
			status: 'excluded',
			statusLabel: '删减',
			reason: '删减：商品由经销商负责配送，本企业不承担配送服务',
		})
		expect(byId.get('5.2.4.3')).toMatchObject({
			earned: 2.25,
			lost: 0.75,
			reason: '抽样 20 个，5 个不符合，按比例扣 0.75 分',
			evidence: ['维修记录抽样表.xlsx', 'https://example.com/records/2026'],
		})
		expect(model.indicators.reduce((total, entry) => total + entry.lost, 0)).toBeCloseTo(57.8, 9)
	})

	test('strengths: the clauses at full marks', () => {
		expect(model.strengths).toEqual([
			{ id: '5.1.6', title: '改进', kind: 'group', kindLabel: '条款', full: 7 },
			{ id: '5.1.7', title: '服务文化', kind: 'group', kindLabel: '条款', full: 9 },
			{ id: '5.2.1', title: '商品信息', kind: 'group', kindLabel: '条款', full: 7 },
		])
	})

	test('weaknesses: biggest losses first, marking the fewest that reach the next level', () => {
		// needed: 90 − 0.005 − 88.9437 = 1.0513; 5.1.1.2 alone gives 3 × 150 / 142 = 3.1690
		expect(model.weaknesses.summary).toBe(
			'补齐下表中标记 ● 的 1 项可恢复 3.17 分，足以达到四星级 ★★★★。',
		)
		expect(model.weaknesses.items.map((item) => [item.id, item.lost, item.forNextLevel])).toEqual([
			['5.1.1.2', 3, true],
			['5.3.1.4', 2.5, false],
			['5.1.2.2', 2, false],
			['5.1.3.4', 2, false],
			['5.1.3.5', 2, false],
			['5.1.3.6', 2, false],
			['5.1.5.3', 2, false],
			['5.2.4.9', 2, false],
			['5.2.4.10', 2, false],
			['5.2.4.11', 2, false],
		])
		expect(model.weaknesses.items[0]?.recoverable).toBeCloseTo(450 / 142, 9)
		expect(model.weaknesses.items[1]).toMatchObject({
			title: '顾客满意度调查',
			reason: '符合程度 50%，扣 2.5 分',
		})
	})

	test('special items and improvement actions', () => {
		expect(model.special).toEqual({
			applies: true,
			deductions: [
				{
					description: '一起维修质量投诉未在承诺时限内处理',
					correctiveAction: '修订投诉处理时限并对客服人员重新培训',
				},
			],
			bonus: '提供高于国家三包规定的免费保修期',
		})
		expect(model.actions).toEqual([
			{
				title: '在华南地区设立 2 个授权服务网点',
				owner: '张伟',
				dueDate: '2026年9月30日',
				dueDay: '2026-09-30',
				status: 'in_progress',
				statusLabel: '进行中',
				indicators: ['5.1.1.2'],
			},
			{
				title: '建立绿色维修管理制度并配置环保维修设备',
				owner: '李娜',
				dueDate: '2026年12月31日',
				dueDay: '2026-12-31',
				status: 'open',
				statusLabel: '待处理',
				indicators: ['5.2.4.7', '5.2.4.8', '5.2.4.10'],
			},
			{
				title: '上线售后服务网站',
				owner: null,
				dueDate: null,
				dueDay: null,
				status: 'done',
				statusLabel: '已完成',
				indicators: ['5.3.1.2'],
			},
		])
		expect(model.warnings).toEqual([])
	})

	test('in English', () => {
		const en = buildReportModel(greenReportInput('en'))
		expect(en.title).toBe('After-sales service self-assessment report')
		expect(en.generatedAt).toBe('Nov 22, 2026, 10:30 AM')
		expect(en.basic.scheme.title).toBe('Certification rules for green after-sales service of goods')
		expect(en.summary.level).toEqual({
			key: 'star-3',
			name: '3 stars',
			stars: 3,
			label: '3 stars ★★★',
		})
		expect(en.summary.verdict).toBe('Pass, level: 3 stars ★★★')
		expect(en.summary.reasons).toEqual([
			'score 88.94 is at least the pass mark 70',
			'special deductions: 1, fewer than 5',
			'passes at 3 stars ★★★; 1.06 points short of 4 stars ★★★★ (90)',
		])
		expect(en.sections.map((section) => section.title)).toEqual([
			'After-sales service system',
			'Product service',
			'Customer service',
		])
		const byId = new Map(en.indicators.map((entry) => [entry.id, entry]))
		expect(byId.get('5.1.2.2')).toMatchObject({
			statusLabel: 'Partly met',
			reason: '60% achieved: 2 points lost',
		})
		expect(byId.get('5.1.1.2')?.reason).toBe('not met: all 3 points lost')
		expect(byId.get('5.2.3.1')?.reason).toBe('excluded: 商品由经销商负责配送，本企业不承担配送服务')
		expect(en.process.slice(3)).toEqual([
			'Indicators in the scheme: 83. Answered: 83, of which excluded: 4 (reasons in the indicator scores) and sampled: 3 (samples checked: 42). Not answered: 0.',
			'Indicators with evidence: 4 (5 files); with notes: 3.',
			'Special deductions recorded: 1; special bonus: 1.',
		])
		expect(en.actions[0]).toMatchObject({ dueDate: 'Sep 30, 2026', statusLabel: 'In progress' })
		expect(en.weaknesses.summary).toBe(
			'Recovering the items marked ● below (1) gains 3.17 points, enough for 4 stars ★★★★.',
		)
	})
})

describe('buildReportModel: results at the edges', () => {
	test('fails on 5 special deductions although the score is above the pass mark', () => {
		const model = buildReportModel(
			input(
				'green-aftersales-2025',
				answersFor('green-aftersales-2025', { fraction: 1 }, greenAnswers),
				{
					specialDeductions: deductions(5),
				},
			),
		)
		// 84.2 / 142 × 150 − 5 = 83.94
		expect(model.summary).toMatchObject({
			score: 83.94,
			passed: false,
			level: { key: 'fail', name: '不合格', stars: 0, label: '不合格' },
			verdict: '不通过',
			nextLevel: null,
			reasons: ['特别扣分项 5 项，达到 5 项即不通过', '特别扣分项须少于 5 项（现有 5 项）才能通过'],
		})
		expect(model.summary.calculation[2]).toBe('等级按四舍五入后的得分判定：不合格')
		expect(model.weaknesses.summary).toBe(
			'下表列出失分最多的指标；不通过的原因是特别扣分项，须先完成整改。',
		)
		expect(model.weaknesses.items).toHaveLength(10)
		expect(model.weaknesses.items.some((item) => item.forNextLevel)).toBe(false)
		expect(model.special.deductions).toHaveLength(5)
	})

	test('below the pass mark: the fewest indicators that lift it to 达标级', () => {
		// every indicator at 0.4: 150 × 0.4 = 60, 10 short of 70
		const model = buildReportModel(
			input('green-aftersales-2025', answersFor('green-aftersales-2025', { fraction: 0.4 }, {})),
		)
		expect(model.summary).toMatchObject({
			score: 60,
			passed: false,
			level: { key: 'fail', label: '不合格' },
			verdict: '不通过',
			nextLevel: { key: 'standard', name: '达标级', min: 70, gap: 10 },
			reasons: ['得分 60.00 低于合格线 70 分', '距合格线 70 分（达标级）还差 10 分'],
		})
		// 7 × 0.6 = 4.2, 6 × 0.6 = 3.6, 5 × 0.6 = 3 → 10.8 ≥ 9.995; the tie at 3 goes by printed order
		expect(model.weaknesses.summary).toBe(
			'补齐下表中标记 ● 的 3 项可恢复 10.8 分，足以达到达标级。',
		)
		expect(
			model.weaknesses.items.slice(0, 5).map((item) => [item.id, item.lost, item.forNextLevel]),
		).toEqual([
			['5.3.2.2', 4.2, true],
			['5.1.5.2', 3.6, true],
			['5.1.2.2', 3, true],
			['5.3.1.4', 3, false],
			['5.1.4.1', 2.4, false],
		])
		expect(model.weaknesses.items[0]?.reason).toBe('符合程度 40%，扣 4.2 分')
		// the zero-point indicator at 0.4 loses nothing, yet is not met in full
		expect(model.indicators.find((entry) => entry.id === '5.1.1.3')).toMatchObject({
			status: 'partial',
			lost: 0,
			reason: '未完全符合（该指标不计分）',
		})
		expect(model.strengths).toEqual([])
	})

	test('already at the top level', () => {
		const model = buildReportModel(
			input('green-aftersales-2025', answersFor('green-aftersales-2025', { fraction: 1 }, {})),
		)
		expect(model.summary).toMatchObject({
			score: 150,
			passed: true,
			level: { key: 'star-10', label: '十星级 ★★★★★★★★★★' },
			nextLevel: null,
			reasons: [
				'得分 150.00 不低于合格线 70 分',
				'特别扣分项 0 项，少于 5 项',
				'已达到本方案最高等级十星级 ★★★★★★★★★★',
			],
		})
		expect(model.weaknesses).toEqual({ summary: '没有失分的指标。', items: [] })
		expect(model.strengths).toEqual([
			{ id: '5.1', title: '售后服务体系', kind: 'section', kindLabel: '部分', full: 56 },
			{ id: '5.2', title: '商品服务', kind: 'section', kindLabel: '部分', full: 69 },
			{ id: '5.3', title: '顾客服务', kind: 'section', kindLabel: '部分', full: 25 },
		])
		expect(model.special).toEqual({ applies: true, deductions: [], bonus: null })
	})

	test('an unfinished assessment says what is not answered', () => {
		const answers = answersFor('green-aftersales-2025', { fraction: 1 }, {})
		delete answers['5.1.1.1']
		delete answers['5.1.1.3']
		delete answers['5.3.2.3']
		const model = buildReportModel(input('green-aftersales-2025', answers))
		expect(model.summary.complete).toBe(false)
		expect(model.summary.completeness).toBe('3 项指标未作答（按 0 分计入涉及项总分值）')
		expect(
			model.indicators
				.filter((entry) => entry.status === 'unanswered')
				.map((entry) => [entry.id, entry.lost, entry.reason]),
		).toEqual([
			['5.1.1.1', 1, '未作答'],
			['5.1.1.3', 0, '未作答'],
			['5.3.2.3', 1, '未作答'],
		])
		expect(model.process[3]).toBe(
			'方案共 83 项指标：已作答 80 项，其中删减 0 项（理由见指标评分详情）、抽样验证 0 项（共抽查 0 个样本）；未作答 3 项。',
		)
	})
})

const bacAnswers: Record<string, AnswerV1> = {
	'5.1.1': { checks: [true, true] },
	'5.1.2': { checks: [true, true] },
	'5.1.3': { checks: [true, true, true, false, true, true, true] },
	'5.1.4': { checks: [true, true, true] },
	'5.1.5': { checks: [true, true, true, true] },
	'5.1.6': { checks: [true, true, true] },
	'5.1.7': { checks: [true, true] },
	'5.2.1': { checks: [true, 'na', true], reason: '不经营有安全使用年限的商品' },
	'5.2.2': { checks: [true, true, true, true] },
	'5.2.3': { na: true, reason: '不提供配送服务' },
	'5.2.4': { checks: [true, true, false, true, false, true, true] },
	'5.2.5': { checks: [true, true, true, true, true] },
	'5.2.6': { checks: ['na', 'na'], reason: '不销售需回收的商品' },
	'5.3.1': { checks: [true, true, true, true, true, true] },
	'5.3.2': { checks: [true, true, false] },
}

describe('buildReportModel: the other answer shapes', () => {
	test('BAC sub-requirement checks, partly and wholly not applicable', () => {
		const model = buildReportModel(input('bac-fr01-2021', bacAnswers))
		// involved = 100 − 4 (5.2.3) − 2 (5.2.6) − 2 (one n.a. sub-requirement of 5.2.1) = 92
		// earned = 92 − 6 (5.1.3) − 4 (5.2.4) − 4 (5.3.2) = 78 → 78 / 92 × 100 = 84.78 → 三星级
		expect(model.summary).toMatchObject({
			involvedMarks: 92,
			earned: 78,
			score: 84.78,
			level: { key: 'star-3', label: '三星级 ★★★' },
			nextLevel: { key: 'star-4', min: 90, gap: 5.22 },
		})
		expect(model.process[2]).toBe(
			'评价方法：逐条核查每项指标下的编号子要求，按各指标的评分要求计分。',
		)
		const reasons = Object.fromEntries(
			model.indicators.map((entry) => [entry.id, [entry.status, entry.reason]]),
		)
		expect(reasons).toMatchObject({
			'5.1.1': ['met', null],
			'5.1.3': ['not-met', '7 项子要求中 1 项未满足（须全部满足才得分），扣 6 分'],
			'5.2.1': ['met', '1 项不适用：不经营有安全使用年限的商品'],
			'5.2.3': ['excluded', '删减：不提供配送服务'],
			'5.2.4': ['partial', '7 项子要求中 2 项未满足，扣 4 分'],
			'5.2.6': ['excluded', '删减：全部子要求不适用（不销售需回收的商品）'],
			'5.3.2': ['partial', '3 项子要求中 1 项未满足，扣 4 分'],
		})
		expect(model.indicators.find((entry) => entry.id === '5.2.1')).toMatchObject({
			full: 6,
			involved: 4,
			earned: 4,
			lost: 0,
		})
		// no groups in BAC, and no section at full marks: the full-mark indicators are the strengths
		expect(model.strengths.map((strength) => strength.id)).toEqual([
			'5.1.1',
			'5.1.2',
			'5.1.4',
			'5.1.5',
			'5.1.6',
			'5.1.7',
			'5.2.1',
			'5.2.2',
			'5.2.5',
			'5.3.1',
		])
		expect(model.strengths[6]).toEqual({
			id: '5.2.1',
			title: '商品信息',
			kind: 'indicator',
			kindLabel: '指标',
			full: 4,
		})
		expect(model.weaknesses.items.map((item) => [item.id, item.forNextLevel])).toEqual([
			['5.1.3', true],
			['5.2.4', false],
			['5.3.2', false],
		])
		const en = buildReportModel(input('bac-fr01-2021', bacAnswers, {}, 'en'))
		expect(en.indicators.find((entry) => entry.id === '5.2.4')?.reason).toBe(
			'2 of 7 sub-requirements not met: 4 points lost',
		)
		expect(en.indicators.find((entry) => entry.id === '5.1.3')?.reason).toBe(
			'1 of 7 sub-requirements not met (all must be met to score): 6 points lost',
		)
	})

	test('DNI maturity percentages, one assessor and several', () => {
		const model = buildReportModel(
			input(
				'dni-cts-0301-2025',
				answersFor(
					'dni-cts-0301-2025',
					{ percent: 100 },
					{
						'5.2.1.1': { percent: 70 },
						'5.2.1.2': { percent: [70, 80, 65] },
					},
				),
			),
		)
		const byId = new Map(model.indicators.map((entry) => [entry.id, entry]))
		expect(byId.get('5.2.1.1')).toMatchObject({
			code: 'B1',
			earned: 0.7,
			lost: 0.3,
			reason: '成熟度 70%，扣 0.3 分',
		})
		// 2 × (70 + 80 + 65) / 3 / 100 = 1.4333…
		expect(byId.get('5.2.1.2')?.code).toBe('B2')
		expect(byId.get('5.2.1.2')?.earned).toBeCloseTo(4.3 / 3, 12)
		expect(byId.get('5.2.1.2')?.reason).toBe(
			'3 位评价人员平均成熟度 71.67%（70%、80%、65%），扣 0.57 分',
		)
		expect(model.summary).toMatchObject({
			score: 99.13,
			level: { key: 'star-5', label: '五星级 ★★★★★' },
		})
		expect(model.process[2]).toBe(
			'评价方法：每位评价人员按成熟度等级给出各指标的实现百分比，指标得分按全部评价人员的平均值计算。',
		)
	})

	test('XBHT: levels named by their stars are not starred twice; no special items', () => {
		const model = buildReportModel(
			input('xbht-s04-2025', answersFor('xbht-s04-2025', { fraction: 0.78 }, {})),
		)
		expect(model.summary).toMatchObject({
			score: 78,
			passMark: 60,
			level: { key: 'star-3', name: '★★★', stars: 3, label: '★★★' },
			verdict: '通过，等级：★★★',
			nextLevel: { key: 'star-4', name: '★★★★', min: 80, gap: 2 },
			reasons: ['得分 78.00 不低于合格线 60 分', '达到★★★；距★★★★（80 分）还差 2 分'],
		})
		expect(model.summary.calculation).toEqual([
			'折算得分 = 实际得分 78 ÷ 涉及项总分值 100 × 满分 100 = 78',
			'最终得分 = 78，四舍五入保留两位小数：78.00',
			'等级按四舍五入后的得分判定：★★★',
		])
		expect(model.special).toEqual({ applies: false, deductions: [], bonus: null })
		expect(model.process).toHaveLength(5)
	})

	test('the general-spec checklist: a conformity %, no pass mark and no level', () => {
		const model = buildReportModel(
			input(
				'gbt-aftersales-general-draft',
				answersFor(
					'gbt-aftersales-general-draft',
					{ fraction: 1 },
					{
						'4.1.1': { fraction: 0.5 },
						'4.1.2': { fraction: 0 },
						'4.1.3': { na: true, reason: '仅提供线上服务' },
					},
				),
			),
		)
		// 40.5 of 42 applicable requirements = 96.43 %
		expect(model.summary).toMatchObject({
			score: 96.43,
			passMark: null,
			passed: null,
			level: null,
			nextLevel: null,
			verdict: '符合率 96.43%',
			reasons: [],
			calculation: ['符合率 = 符合得分 40.5 ÷ 适用要求 42 × 100 = 96.43%'],
		})
		expect(model.weaknesses.summary).toBe('下表列出不符合与部分符合的要求，按失分排序。')
		expect(model.weaknesses.items.map((item) => [item.id, item.reason])).toEqual([
			['4.1.2', '不符合，扣除全部 1 分'],
			['4.1.1', '符合程度 50%，扣 0.5 分'],
		])
		expect(model.process[2]).toBe(
			'评价方法：逐条判定每项要求为符合、部分符合、不符合或不适用（须写明理由）。',
		)
	})
})

describe('buildReportModel: inputs it refuses', () => {
	test('a result of another scheme', () => {
		const green = greenReportInput()
		expect(() => buildReportModel({ ...green, scheme: scheme('gbt27922-2011') })).toThrow(
			"The report's scheme gbt27922-2011 does not match the assessment and the result",
		)
	})

	test('reads a JPEG logo’s size from its frame header; refuses other images', () => {
		// SOI, an APP0 segment of 16 bytes, then SOF0: precision 8, height 64, width 128
		const jpeg = Buffer.from([
			0xff,
			0xd8,
			0xff,
			0xe0,
			0x00,
			0x10,
			...Buffer.from('JFIF\0'),
			1,
			1,
			0,
			0,
			1,
			0,
			1,
			0,
			0,
			0xff,
			0xc0,
			0x00,
			0x11,
			0x08,
			0x00,
			0x40,
			0x00,
			0x80,
			0x03,
			1,
			0x22,
			0,
			2,
			0x11,
			1,
			3,
			0x11,
			1,
		])
		const green = greenReportInput()
		const model = buildReportModel({ ...green, organisation: { name: 'A', logo: jpeg } })
		expect(model.organisation.logo).toMatchObject({ format: 'jpeg', width: 128, height: 64 })
		const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')
		expect(() => buildReportModel({ ...green, organisation: { name: 'A', logo: gif } })).toThrow(
			'The workspace logo must be a PNG or JPEG image',
		)
	})
})
