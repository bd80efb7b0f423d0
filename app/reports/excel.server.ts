import ExcelJS from 'exceljs'
import { reportText } from './messages.ts'
import type { ReportModel } from './report-model.ts'

const POINTS = '0.00'
const HEADER_FILL: ExcelJS.Fill = {
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: 'FFE8EEF5' },
}

function headerRow(row: ExcelJS.Row) {
	row.font = { bold: true }
	row.eachCell((cell) => {
		cell.fill = HEADER_FILL
		cell.alignment = { vertical: 'middle', wrapText: true }
	})
}

/** Summary, one row per indicator, and the actions: numbers stay numbers so people can sum them. */
export async function renderReportXlsx(model: ReportModel): Promise<Buffer> {
	const t = reportText(model.locale)
	const workbook = new ExcelJS.Workbook()
	workbook.creator = model.organisation.name
	workbook.title = `${model.title} — ${model.organisation.name}`
	workbook.created = new Date(model.generatedAtIso)
	workbook.modified = workbook.created
	const list = (values: string[]) => values.join(model.locale === 'en' ? ', ' : '、')

	const summary = workbook.addWorksheet(t('sheet.summary'), {
		pageSetup: {
			paperSize: 9,
			orientation: 'portrait',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0,
		},
	})
	summary.columns = [
		{ width: 26 },
		{ width: 60 },
		{ width: 12 },
		{ width: 12 },
		{ width: 12 },
		{ width: 12 },
	]
	summary.addRow([model.title]).font = { bold: true, size: 16 }
	summary.mergeCells('A1:F1')
	const { basic, summary: result } = model
	const facts: [string, string | number][] = [
		[t('field.organisation'), basic.organisation],
		[t('field.scope'), basic.scope],
		[t('field.period'), basic.period],
		[t('field.scheme'), basic.scheme.title],
		[t('field.schemeCode'), `${basic.scheme.code}（${basic.scheme.edition}）`],
		[t('field.schemeVersion'), `${basic.scheme.id} ${basic.scheme.version}`],
		[t('field.assessors'), list(basic.assessors) || t('none')],
	]
	if (basic.consultant) facts.push([t('field.consultant'), basic.consultant])
	facts.push([t('field.generatedAt'), model.generatedAt])
	for (const [label, value] of facts) summary.addRow([label, value])
	summary.addRow([])
	const scoreRow = summary.addRow([t('field.score'), result.score])
	scoreRow.getCell(2).numFmt = POINTS
	scoreRow.font = { bold: true }
	summary.addRow([
		t('field.level'),
		result.level ? result.level.label : t('result.checklist'),
	]).font = { bold: true }
	summary.addRow([
		t('field.result'),
		result.passed === null
			? t('result.checklist')
			: result.passed
				? t('result.passed')
				: t('result.failed'),
	]).font = { bold: true }
	summary.addRow(['', result.verdict])
	for (const reason of result.reasons) summary.addRow(['', reason])
	const numbers: [string, number | null][] = [
		[t('field.passMark'), result.passMark],
		[t('field.fullMarks'), result.fullMarks],
		[t('field.involvedMarks'), result.involvedMarks],
		[t('field.earned'), result.earned],
		[t('field.normalised'), result.normalised],
	]
	if (model.special.applies)
		numbers.push(
			[t('field.specialDeductions'), result.specialDeductions],
			[t('field.specialBonus'), result.specialBonus],
		)
	for (const [label, value] of numbers) {
		if (value === null) continue
		const row = summary.addRow([label, value])
		row.getCell(2).numFmt = Number.isInteger(value) ? '0' : '0.0000'
		row.getCell(2).alignment = { horizontal: 'left' }
	}
	summary.addRow([t('field.complete'), result.completeness])
	summary.addRow([])
	headerRow(
		summary.addRow([
			t('col.section'),
			t('col.rate'),
			t('col.full'),
			t('col.involved'),
			t('col.earned'),
			t('col.lost'),
		]),
	)
	for (const section of model.sections) {
		const row = summary.addRow([
			`${section.id} ${section.title}`,
			section.rate === null ? null : section.rate / 100,
			section.full,
			section.involved,
			section.earned,
			section.lost,
		])
		row.getCell(2).numFmt = '0.00%'
		for (const column of [3, 4, 5, 6]) row.getCell(column).numFmt = POINTS
	}
	summary.addRow([])
	summary.addRow([t('heading.weaknesses'), model.weaknesses.summary]).font = { bold: true }
	summary.addRow([model.disclaimer]).font = { italic: true, color: { argb: 'FF636C76' } }
	summary.getColumn(2).alignment = { wrapText: true, vertical: 'top' }

	const withCodes = model.indicators.some((entry) => entry.code !== null)
	const indicators = workbook.addWorksheet(t('sheet.indicators'), {
		views: [{ state: 'frozen', ySplit: 1, xSplit: withCodes ? 2 : 1 }],
	})
	indicators.columns = [
		{ header: t('col.id'), key: 'id', width: 11 },
		...(withCodes ? [{ header: 'Code', key: 'code', width: 8 }] : []),
		{ header: t('col.section'), key: 'section', width: 9 },
		{ header: t('col.title'), key: 'title', width: 30 },
		{ header: t('col.full'), key: 'full', width: 8, style: { numFmt: POINTS } },
		{ header: t('col.involved'), key: 'involved', width: 10, style: { numFmt: POINTS } },
		{ header: t('col.earned'), key: 'earned', width: 8, style: { numFmt: POINTS } },
		{ header: t('col.lost'), key: 'lost', width: 8, style: { numFmt: POINTS } },
		{ header: t('col.status'), key: 'status', width: 10 },
		{ header: t('col.reason'), key: 'reason', width: 44 },
		{ header: t('col.note'), key: 'note', width: 36 },
		{ header: t('col.evidence'), key: 'evidence', width: 36 },
	]
	headerRow(indicators.getRow(1))
	for (const entry of model.indicators) {
		indicators.addRow({
			id: entry.id,
			code: entry.code,
			section: entry.sectionId,
			title: entry.title,
			full: entry.full,
			involved: entry.involved,
			earned: entry.earned,
			lost: entry.lost,
			status: entry.statusLabel,
			reason: entry.reason,
			note: entry.note,
			evidence: entry.evidence.length ? entry.evidence.join('\n') : null,
		})
	}
	indicators.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: 1, column: indicators.columnCount },
	}

	const actions = workbook.addWorksheet(t('sheet.actions'), {
		views: [{ state: 'frozen', ySplit: 1 }],
	})
	actions.columns = [
		{ header: t('col.action'), key: 'title', width: 44 },
		{ header: t('col.owner'), key: 'owner', width: 14 },
		{ header: t('col.dueDate'), key: 'due', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
		{ header: t('col.status'), key: 'status', width: 12 },
		{ header: t('col.indicators'), key: 'indicators', width: 30 },
	]
	headerRow(actions.getRow(1))
	for (const action of model.actions) {
		actions.addRow({
			title: action.title,
			owner: action.owner,
			// a calendar day: midnight UTC is what Excel shows as that day
			due: action.dueDay ? new Date(`${action.dueDay}T00:00:00Z`) : null,
			status: action.statusLabel,
			indicators: list(action.indicators),
		})
	}
	if (model.actions.length === 0) actions.addRow({ title: t('noActions') })

	return Buffer.from(await workbook.xlsx.writeBuffer())
}
