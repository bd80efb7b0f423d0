import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { scoreAssessment } from '#app/domain/scoring/score.ts'
import type { AnswerV1, AssessmentV1 } from '#app/domain/scoring/types.ts'
import { renderReportXlsx } from '../excel.server.ts'
import { buildReportModel } from '../report-model.ts'
import { greenReportInput } from './green-assessment.ts'

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook()
	// exceljs types its input as an ArrayBuffer; a copy gives one
	await workbook.xlsx.load(new Uint8Array(buffer).buffer)
	return workbook
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
	const found = workbook.getWorksheet(name)
	if (!found) throw new Error(`no sheet ${name}`)
	return found
}

/** Column B of the first row whose column A reads `label`. */
function valueOf(worksheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
	for (let i = 1; i <= worksheet.rowCount; i++) {
		const row = worksheet.getRow(i)
		if (row.getCell(1).value === label) return row.getCell(2)
	}
	throw new Error(`no row labelled ${label}`)
}

function rowValues(row: ExcelJS.Row, columns: number): unknown[] {
	return Array.from({ length: columns }, (_, i) => row.getCell(i + 1).value)
}

function rowOf(worksheet: ExcelJS.Worksheet, id: string): ExcelJS.Row {
	for (let i = 1; i <= worksheet.rowCount; i++) {
		if (worksheet.getRow(i).getCell(1).value === id) return worksheet.getRow(i)
	}
	throw new Error(`no row ${id}`)
}

describe('renderReportXlsx, full green-scheme assessment', async () => {
	const buffer = await renderReportXlsx(buildReportModel(greenReportInput()))
	const workbook = await read(buffer)

	test('is a workbook with a summary, an indicator and an action sheet', () => {
		expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK')
		expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
			'摘要',
			'指标',
			'改进措施',
		])
		expect(workbook.creator).toBe('示例电器有限公司')
		expect(workbook.created.toISOString()).toBe('2026-11-22T02:30:00.000Z')
	})

	test('summary: organisation, scheme, period, score, level, pass/fail and sections', () => {
		const summary = sheet(workbook, '摘要')
		expect(summary.getCell('A1').value).toBe('商品售后服务自评报告')
		expect(valueOf(summary, '评价对象').value).toBe('示例电器有限公司')
		expect(valueOf(summary, '评价范围').value).toBe(
			'家用空调的安装、维修与退换货服务（总部及 12 个服务网点）',
		)
		expect(valueOf(summary, '评价期间').value).toBe('2026 年度')
		expect(valueOf(summary, '评价依据').value).toBe('商品售后绿色服务认证规则')
		expect(valueOf(summary, '方案数据版本').value).toBe('green-aftersales-2025 1.0.0')
		expect(valueOf(summary, '自评人员').value).toBe('张伟、李娜')
		expect(valueOf(summary, '顾问').value).toBe('王芳')
		const score = valueOf(summary, '最终得分')
		expect(score.value).toBe(88.94)
		expect(score.numFmt).toBe('0.00')
		expect(valueOf(summary, '等级').value).toBe('三星级 ★★★')
		expect(valueOf(summary, '评价结论').value).toBe('通过')
		expect(valueOf(summary, '合格线').value).toBe(70)
		expect(valueOf(summary, '满分').value).toBe(150)
		expect(valueOf(summary, '涉及项总分值').value).toBe(142)
		expect(valueOf(summary, '实际得分').value).toBe(84.2)
		expect(valueOf(summary, '折算得分').value).toBeCloseTo(88.943661971831, 10)
		expect(valueOf(summary, '特别扣分项').value).toBe(1)
		expect(valueOf(summary, '特别加分项').value).toBe(1)
		expect(valueOf(summary, '作答情况').value).toBe('全部指标已作答')
		const reasons: unknown[] = []
		summary.eachRow((row) => {
			if (row.getCell(1).value === '' || row.getCell(1).value === null)
				reasons.push(row.getCell(2).value)
		})
		expect(reasons).toContain('达到三星级 ★★★；距四星级 ★★★★（90 分）还差 1.06 分')

		const header = rowOf(summary, '部分')
		expect(rowValues(header, 6)).toEqual(['部分', '得分率', '满分', '涉及分值', '得分', '扣分'])
		expect(rowValues(summary.getRow(header.number + 1), 6)).toEqual([
			'5.1 售后服务体系',
			0.66428571429,
			56,
			56,
			37.2,
			18.8,
		])
		expect(rowValues(summary.getRow(header.number + 2), 6)).toEqual([
			'5.2 商品服务',
			0.47950819672,
			69,
			61,
			29.25,
			31.75,
		])
		expect(rowValues(summary.getRow(header.number + 3), 6)).toEqual([
			'5.3 顾客服务',
			0.71,
			25,
			25,
			17.75,
			7.25,
		])
		expect(summary.getRow(header.number + 1).getCell(2).numFmt).toBe('0.00%')
		expect(valueOf(summary, '不足（按可恢复分值排序，聚焦等级提升）').value).toBe(
			'补齐下表中标记 ● 的 1 项可恢复 3.17 分，足以达到四星级 ★★★★。',
		)
	})

	test('one row per indicator: id, title, full, involved, earned, lost, reason, note', () => {
		const indicators = sheet(workbook, '指标')
		expect(rowValues(indicators.getRow(1), 12)).toEqual([
			'编号',
			'部分',
			'指标',
			'满分',
			'涉及分值',
			'得分',
			'扣分',
			'状态',
			'扣分原因 / 说明',
			'备注',
			'证据',
			null,
		])
		expect(indicators.rowCount).toBe(84)
		const ids = Array.from({ length: 83 }, (_, i) => indicators.getRow(i + 2).getCell(1).value)
		expect(ids).toEqual(
			schemeIndicators(greenReportInput().scheme).map((entry) => entry.indicator.id),
		)
		expect(rowValues(rowOf(indicators, '5.1.1.1'), 11)).toEqual([
			'5.1.1.1',
			'5.1',
			'售后服务部门',
			1,
			1,
			1,
			0,
			'符合',
			null,
			null,
			null,
		])
		expect(rowValues(rowOf(indicators, '5.1.2.2'), 11)).toEqual([
			'5.1.2.2',
			'5.1',
			'售后服务管理师配置',
			5,
			5,
			3,
			2,
			'部分符合',
			'符合程度 60%，扣 2 分',
			'5 名售后服务管理师中 3 名持证',
			'管理师证书.pdf',
		])
		expect(rowValues(rowOf(indicators, '5.2.3.2'), 9)).toEqual([
			'5.2.3.2',
			'5.2',
			'兑现送货承诺',
			3,
			0,
			0,
			0,
			'删减',
			'删减：商品由经销商负责配送，本企业不承担配送服务',
		])
		expect(rowOf(indicators, '5.2.4.3').getCell(11).value).toBe(
			'维修记录抽样表.xlsx\nhttps://example.com/records/2026',
		)
		expect(rowOf(indicators, '5.1.5.2').getCell(7).numFmt).toBe('0.00')
		let lost = 0
		for (let i = 2; i <= 84; i++) {
			const value = indicators.getRow(i).getCell(7).value
			if (typeof value === 'number') lost += value
		}
		expect(lost).toBeCloseTo(57.8, 9)
		expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
	})

	test('the actions, with due dates as dates', () => {
		const actions = sheet(workbook, '改进措施')
		expect(actions.rowCount).toBe(4)
		expect(rowValues(actions.getRow(1), 5)).toEqual([
			'措施',
			'负责人',
			'完成期限',
			'状态',
			'关联指标',
		])
		expect(rowValues(actions.getRow(2), 5)).toEqual([
			'在华南地区设立 2 个授权服务网点',
			'张伟',
			new Date('2026-09-30T00:00:00.000Z'),
			'进行中',
			'5.1.1.2',
		])
		expect(actions.getRow(2).getCell(3).numFmt).toBe('yyyy-mm-dd')
		expect(rowValues(actions.getRow(3), 5)).toEqual([
			'建立绿色维修管理制度并配置环保维修设备',
			'李娜',
			new Date('2026-12-31T00:00:00.000Z'),
			'待处理',
			'5.2.4.7、5.2.4.8、5.2.4.10',
		])
		expect(rowValues(actions.getRow(4), 5)).toEqual([
			'上线售后服务网站',
			null,
			null,
			'已完成',
			'5.3.1.2',
		])
	})
})

describe('renderReportXlsx, other cases', () => {
	test('in English, without actions', async () => {
		const workbook = await read(
			await renderReportXlsx(buildReportModel({ ...greenReportInput('en'), actions: [] })),
		)
		expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
			'Summary',
			'Indicators',
			'Actions',
		])
		const summary = sheet(workbook, 'Summary')
		expect(valueOf(summary, 'Level').value).toBe('3 stars ★★★')
		expect(valueOf(summary, 'Result').value).toBe('Pass')
		expect(valueOf(summary, 'Scheme').value).toBe(
			'Certification rules for green after-sales service of goods',
		)
		expect(rowValues(sheet(workbook, 'Actions').getRow(2), 2)).toEqual([
			'No improvement actions yet.',
			null,
		])
		expect(rowOf(sheet(workbook, 'Indicators'), '5.1.1.2').getCell(9).value).toBe(
			'not met: all 3 points lost',
		)
	})

	test('a scheme with indicator codes gets a code column; the checklist has no level', async () => {
		const dni = getScheme('dni-cts-0301-2025')
		if (!dni) throw new Error('dni-cts-0301-2025 is not registered')
		const answers: Record<string, AnswerV1> = {}
		for (const { indicator } of schemeIndicators(dni)) answers[indicator.id] = { percent: 80 }
		const assessment: AssessmentV1 = { format: 'aftersales-assessment/v1', scheme: dni.id, answers }
		const workbook = await read(
			await renderReportXlsx(
				buildReportModel({
					...greenReportInput(),
					scheme: dni,
					assessment,
					result: scoreAssessment(dni, assessment),
				}),
			),
		)
		const indicators = sheet(workbook, '指标')
		expect(rowValues(indicators.getRow(1), 3)).toEqual(['编号', 'Code', '部分'])
		expect(rowValues(rowOf(indicators, '5.2.1.1'), 9)).toEqual([
			'5.2.1.1',
			'B1',
			'4',
			'商品包装信息',
			1,
			1,
			0.8,
			0.2,
			'部分符合',
		])
		const summary = sheet(workbook, '摘要')
		expect(valueOf(summary, '最终得分').value).toBe(80)
		expect(valueOf(summary, '等级').value).toBe('三星级 ★★★')

		const checklist = getScheme('gbt-aftersales-general-draft')
		if (!checklist) throw new Error('gbt-aftersales-general-draft is not registered')
		const all: Record<string, AnswerV1> = {}
		for (const { indicator } of schemeIndicators(checklist)) all[indicator.id] = { fraction: 1 }
		const conform: AssessmentV1 = {
			format: 'aftersales-assessment/v1',
			scheme: checklist.id,
			answers: all,
		}
		const checklistBook = await read(
			await renderReportXlsx(
				buildReportModel({
					...greenReportInput(),
					scheme: checklist,
					assessment: conform,
					result: scoreAssessment(checklist, conform),
				}),
			),
		)
		const checklistSummary = sheet(checklistBook, '摘要')
		expect(valueOf(checklistSummary, '等级').value).toBe('符合性核查（无合格线与等级）')
		expect(valueOf(checklistSummary, '评价结论').value).toBe('符合性核查（无合格线与等级）')
		expect(() => valueOf(checklistSummary, '合格线')).toThrow('no row labelled 合格线')
		expect(() => valueOf(checklistSummary, '特别扣分项')).toThrow('no row labelled 特别扣分项')
	})
})
