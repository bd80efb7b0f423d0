import type { Font } from 'fontkit'
import PDFDocument from 'pdfkit'
import { reportFonts } from './fonts.server.ts'
import { numberFormat } from './format.ts'
import { reportText, type ReportText } from './messages.ts'
import type { ReportModel } from './report-model.ts'

declare global {
	// @types/pdfkit declares its types in this global namespace, so only it can be augmented
	// eslint-disable-next-line @typescript-eslint/no-namespace
	namespace PDFKit.Mixins {
		interface PDFFont {
			// pdfkit ≥ 0.17 also takes a parsed fontkit font; @types/pdfkit 0.17 does not say so yet
			registerFont(name: string, src: Font): this
		}
	}
}

type Doc = PDFKit.PDFDocument

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = { top: 74, bottom: 62, left: 50, right: 50 }
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right
const BOTTOM = A4.height - MARGIN.bottom

const COLOR = {
	text: '#1f2328',
	muted: '#636c76',
	accent: '#1f4e79',
	rule: '#c9d1d9',
	header: '#e8eef5',
	zebra: '#f6f8fa',
	pass: '#1a7f37',
	fail: '#c62828',
	star: '#d4a017',
	bar: '#4a7fb5',
}

const LOGO_BOX = { width: 110, height: 32 }

const REGULAR = 'cjk'
const BOLD = 'cjk-bold'

type Column = { header: string; width: number; align?: 'left' | 'right' | 'center' }
type Row = { cells: string[]; bold?: boolean; fill?: string } | { heading: string }

/** A4, Noto Sans CJK SC embedded as a subset, the workspace's name and logo on every page. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
	const t = reportText(model.locale)
	const fonts = reportFonts()
	const doc = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		bufferPages: true,
		info: { Title: `${model.title} — ${model.organisation.name}`, Author: model.organisation.name },
		lang: model.locale,
		displayTitle: true,
	})
	doc.registerFont(REGULAR, fonts.regular)
	doc.registerFont(BOLD, fonts.bold)
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const finished = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})

	doc.font(REGULAR).fillColor(COLOR.text)
	cover(doc, model, t)
	basicInformation(doc, model, t)
	processOverview(doc, model, t)
	indicatorScores(doc, model, t)
	conclusion(doc, model, t)
	analysis(doc, model, t)
	actions(doc, model, t)
	pageFurniture(doc, model, t)
	doc.end()
	return finished
}

const points = (locale: ReportModel['locale']) => numberFormat(locale, 2)

const score2 = (locale: ReportModel['locale']) => numberFormat(locale, 2, 2)

function ensureSpace(doc: Doc, height: number) {
	if (doc.y + height > BOTTOM) doc.addPage()
}

function heading(doc: Doc, text: string) {
	ensureSpace(doc, 80)
	doc.moveDown(0.8)
	const y = doc.y
	doc.rect(MARGIN.left, y + 2, 4, 16).fill(COLOR.accent)
	doc
		.font(BOLD)
		.fontSize(13)
		.fillColor(COLOR.accent)
		.text(text, MARGIN.left + 12, y, { width: CONTENT_WIDTH - 12 })
	doc.moveDown(0.4)
	doc.x = MARGIN.left
	doc.font(REGULAR).fontSize(10).fillColor(COLOR.text)
}

function subheading(doc: Doc, text: string) {
	ensureSpace(doc, 60)
	doc.moveDown(0.5)
	doc
		.font(BOLD)
		.fontSize(11)
		.fillColor(COLOR.text)
		.text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH })
	doc.moveDown(0.2)
	doc.font(REGULAR).fontSize(10)
}

function paragraph(doc: Doc, text: string, options: { color?: string; size?: number } = {}) {
	doc
		.font(REGULAR)
		.fontSize(options.size ?? 10)
		.fillColor(options.color ?? COLOR.text)
		.text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 2 })
	doc.moveDown(0.3)
}

function bullet(doc: Doc, text: string, color: string = COLOR.text) {
	doc.font(REGULAR).fontSize(10).fillColor(color)
	ensureSpace(doc, doc.heightOfString(text, { width: CONTENT_WIDTH - 14, lineGap: 2 }) + 4)
	const top = doc.y
	doc.text('•', MARGIN.left + 2, top, { width: 10, lineBreak: false })
	doc.text(text, MARGIN.left + 14, top, { width: CONTENT_WIDTH - 14, lineGap: 2 })
	doc.moveDown(0.2)
}

const PAD = 4

/** Rows that do not fit start a new page, which repeats the header row. */
function table(doc: Doc, columns: Column[], rows: Row[], fontSize = 8.5, withHeader = true) {
	const lineGap = 1
	const drawHeader = () => {
		if (!withHeader) return
		doc.font(BOLD).fontSize(fontSize)
		const height =
			Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - 2 * PAD }))) +
			2 * PAD
		const y = doc.y
		doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(COLOR.header)
		let x = MARGIN.left
		doc.fillColor(COLOR.text)
		for (const column of columns) {
			doc.text(column.header, x + PAD, y + PAD, {
				width: column.width - 2 * PAD,
				align: column.align ?? 'left',
			})
			x += column.width
		}
		doc.y = y + height
	}
	ensureSpace(doc, 40)
	drawHeader()
	rows.forEach((row, index) => {
		if ('heading' in row) {
			doc.font(BOLD).fontSize(fontSize + 0.5)
			const height = doc.heightOfString(row.heading, { width: CONTENT_WIDTH - 2 * PAD }) + 2 * PAD
			if (doc.y + height + 20 > BOTTOM) {
				doc.addPage()
				drawHeader()
				doc.font(BOLD).fontSize(fontSize + 0.5)
			}
			const y = doc.y
			doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(COLOR.zebra)
			doc
				.fillColor(COLOR.accent)
				.text(row.heading, MARGIN.left + PAD, y + PAD, { width: CONTENT_WIDTH - 2 * PAD })
			doc.y = y + height
			return
		}
		doc.font(row.bold ? BOLD : REGULAR).fontSize(fontSize)
		const height =
			Math.max(
				...columns.map((column, i) =>
					doc.heightOfString(row.cells[i] ?? '', { width: column.width - 2 * PAD, lineGap }),
				),
			) +
			2 * PAD
		if (doc.y + height > BOTTOM) {
			doc.addPage()
			drawHeader()
			doc.font(row.bold ? BOLD : REGULAR).fontSize(fontSize)
		}
		const y = doc.y
		if (row.fill) doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(row.fill)
		else if (index % 2 === 1) doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill('#fbfcfd')
		doc
			.moveTo(MARGIN.left, y + height)
			.lineTo(MARGIN.left + CONTENT_WIDTH, y + height)
			.lineWidth(0.4)
			.stroke(COLOR.rule)
		let x = MARGIN.left
		doc.fillColor(COLOR.text)
		columns.forEach((column, i) => {
			doc.text(row.cells[i] ?? '', x + PAD, y + PAD, {
				width: column.width - 2 * PAD,
				align: column.align ?? 'left',
				lineGap,
			})
			x += column.width
		})
		doc.y = y + height
	})
	doc.x = MARGIN.left
	doc.moveDown(0.5)
}

function keyValues(doc: Doc, rows: [string, string][]) {
	table(
		doc,
		[
			{ header: '', width: 110 },
			{ header: '', width: CONTENT_WIDTH - 110 },
		],
		rows.map(([key, value]) => ({ cells: [key, value] })),
		9.5,
		false,
	)
}

function cover(doc: Doc, model: ReportModel, t: ReportText) {
	const format = score2(model.locale)
	doc.font(BOLD).fontSize(22).fillColor(COLOR.accent).text(model.title, MARGIN.left, 96, {
		width: CONTENT_WIDTH,
		align: 'center',
	})
	doc.moveDown(0.4)
	doc
		.font(BOLD)
		.fontSize(15)
		.fillColor(COLOR.text)
		.text(model.basic.organisation, { width: CONTENT_WIDTH, align: 'center' })
	doc.moveDown(0.2)
	doc
		.font(REGULAR)
		.fontSize(11)
		.fillColor(COLOR.muted)
		.text(`${model.basic.scheme.title} · ${model.basic.period}`, {
			width: CONTENT_WIDTH,
			align: 'center',
		})
	doc.moveDown(1.2)

	// the summary box: what a reader should take away before anything else (seed 002 §7.2.1)
	const { summary } = model
	const top = doc.y
	const boxHeight = 150 + summary.reasons.length * 16
	doc.roundedRect(MARGIN.left, top, CONTENT_WIDTH, boxHeight, 6).lineWidth(1).stroke(COLOR.rule)
	doc
		.font(BOLD)
		.fontSize(10)
		.fillColor(COLOR.muted)
		.text(t('heading.summary'), MARGIN.left + 16, top + 12)
	doc
		.font(REGULAR)
		.fontSize(9)
		.fillColor(COLOR.muted)
		.text(t('field.score'), MARGIN.left + 16, top + 34)
	doc
		.font(BOLD)
		.fontSize(30)
		.fillColor(COLOR.text)
		.text(format(summary.score), MARGIN.left + 16, top + 48, {
			width: 160,
		})
	const verdictColor =
		summary.passed === false ? COLOR.fail : summary.passed ? COLOR.pass : COLOR.text
	const right = MARGIN.left + 190
	doc
		.font(REGULAR)
		.fontSize(9)
		.fillColor(COLOR.muted)
		.text(t('field.level'), right, top + 34)
	if (summary.level) {
		doc
			.font(BOLD)
			.fontSize(20)
			.fillColor(verdictColor)
			.text(summary.level.name, right, top + 48, {
				continued: summary.level.stars > 0 && !summary.level.name.includes('★'),
			})
		if (summary.level.stars > 0 && !summary.level.name.includes('★'))
			doc.fillColor(COLOR.star).text(` ${'★'.repeat(summary.level.stars)}`)
	} else {
		doc
			.font(BOLD)
			.fontSize(20)
			.fillColor(verdictColor)
			.text(t('result.checklist'), right, top + 48, {
				width: CONTENT_WIDTH - 200,
			})
	}
	doc
		.font(BOLD)
		.fontSize(12)
		.fillColor(verdictColor)
		.text(summary.verdict, MARGIN.left + 16, top + 96, {
			width: CONTENT_WIDTH - 32,
		})
	doc.moveDown(0.3)
	for (const reason of summary.reasons) {
		doc
			.font(REGULAR)
			.fontSize(10)
			.fillColor(COLOR.text)
			.text(`• ${reason}`, MARGIN.left + 16, doc.y, {
				width: CONTENT_WIDTH - 32,
			})
	}
	doc
		.font(REGULAR)
		.fontSize(9)
		.fillColor(COLOR.muted)
		.text(summary.completeness, MARGIN.left + 16, doc.y + 4, {
			width: CONTENT_WIDTH - 32,
		})
	doc.y = Math.max(doc.y + 12, top + boxHeight + 12)
	doc.x = MARGIN.left
	paragraph(doc, model.disclaimer, { color: COLOR.muted, size: 8.5 })
}

function basicInformation(doc: Doc, model: ReportModel, t: ReportText) {
	const { basic } = model
	const list = (values: string[]) =>
		values.length ? values.join(model.locale === 'en' ? ', ' : '、') : t('none')
	heading(doc, t('heading.basic'))
	const rows: [string, string][] = [
		[t('field.organisation'), basic.organisation],
		[t('field.scope'), basic.scope],
		[t('field.period'), basic.period],
		[t('field.scheme'), basic.scheme.title],
		[t('field.schemeCode'), `${basic.scheme.code}（${basic.scheme.edition}）`],
		[t('field.schemeVersion'), `${basic.scheme.id} ${basic.scheme.version}`],
		[t('field.assessors'), list(basic.assessors)],
	]
	if (basic.consultant) rows.push([t('field.consultant'), basic.consultant])
	rows.push([t('field.generatedAt'), model.generatedAt])
	keyValues(doc, rows)
}

function processOverview(doc: Doc, model: ReportModel, t: ReportText) {
	heading(doc, t('heading.process'))
	for (const line of model.process) paragraph(doc, line)
}

function sectionBars(doc: Doc, model: ReportModel, t: ReportText) {
	const format = points(model.locale)
	const labelWidth = 150
	const barWidth = CONTENT_WIDTH - labelWidth - 110
	for (const section of model.sections) {
		ensureSpace(doc, 22)
		const y = doc.y
		doc
			.font(REGULAR)
			.fontSize(9)
			.fillColor(COLOR.text)
			.text(`${section.id} ${section.title}`, MARGIN.left, y + 2, {
				width: labelWidth - 6,
				lineBreak: false,
				ellipsis: true,
			})
		doc.rect(MARGIN.left + labelWidth, y + 3, barWidth, 10).fill(COLOR.zebra)
		const rate = section.rate ?? 0
		if (rate > 0)
			doc
				.rect(MARGIN.left + labelWidth, y + 3, (barWidth * Math.min(rate, 100)) / 100, 10)
				.fill(COLOR.bar)
		const label =
			section.rate === null
				? t('status.excluded')
				: `${format(section.earned)} / ${format(section.involved)}（${format(section.rate)}%）`
		doc.fillColor(COLOR.text).text(label, MARGIN.left + labelWidth + barWidth + 6, y + 2, {
			width: 104,
			lineBreak: false,
		})
		doc.y = y + 18
	}
	doc.x = MARGIN.left
	doc.moveDown(0.4)
}

function indicatorScores(doc: Doc, model: ReportModel, t: ReportText) {
	const format = points(model.locale)
	heading(doc, t('heading.indicators'))
	subheading(doc, t('heading.sections'))
	sectionBars(doc, model, t)
	table(
		doc,
		[
			{ header: t('col.section'), width: 175 },
			{ header: t('col.full'), width: 64, align: 'right' },
			{ header: t('col.involved'), width: 64, align: 'right' },
			{ header: t('col.earned'), width: 64, align: 'right' },
			{ header: t('col.lost'), width: 64, align: 'right' },
			{ header: t('col.rate'), width: 64, align: 'right' },
		],
		[
			...model.sections.map((section) => ({
				cells: [
					`${section.id} ${section.title}`,
					format(section.full),
					format(section.involved),
					format(section.earned),
					format(section.lost),
					section.rate === null ? '—' : `${format(section.rate)}%`,
				],
			})),
			{
				bold: true,
				cells: [
					model.locale === 'en' ? 'Total' : '合计',
					format(model.summary.fullMarks),
					format(model.summary.involvedMarks),
					format(model.summary.earned),
					format(model.summary.involvedMarks - model.summary.earned),
					`${format((model.summary.earned / model.summary.involvedMarks) * 100)}%`,
				],
			},
		],
		9,
	)

	const rows: Row[] = []
	for (const section of model.sections) {
		rows.push({
			heading: `${section.id} ${section.title}    ${format(section.earned)} / ${format(section.involved)}`,
		})
		for (const entry of model.indicators.filter(
			(indicator) => indicator.sectionId === section.id,
		)) {
			const remarks = [entry.reason, entry.note ? `${t('col.note')}：${entry.note}` : null]
				.filter((part) => part !== null)
				.join('\n')
			rows.push({
				cells: [
					entry.code ? `${entry.id}\n${entry.code}` : entry.id,
					entry.title,
					format(entry.full),
					entry.status === 'excluded' ? '—' : format(entry.involved),
					entry.status === 'excluded' ? '—' : format(entry.earned),
					entry.lost > 0 ? format(entry.lost) : '',
					entry.statusLabel,
					remarks,
				],
				fill: entry.status === 'excluded' ? COLOR.zebra : undefined,
			})
		}
	}
	subheading(doc, t('heading.indicatorTable'))
	table(
		doc,
		[
			{ header: t('col.id'), width: 50 },
			{ header: t('col.title'), width: 118 },
			{ header: t('col.full'), width: 32, align: 'right' },
			{ header: t('col.involved'), width: 38, align: 'right' },
			{ header: t('col.earned'), width: 36, align: 'right' },
			{ header: t('col.lost'), width: 34, align: 'right' },
			{ header: t('col.status'), width: 46 },
			{ header: t('col.reason'), width: CONTENT_WIDTH - 354 },
		],
		rows,
	)
}

function conclusion(doc: Doc, model: ReportModel, t: ReportText) {
	const { summary } = model
	const format = points(model.locale)
	heading(doc, t('heading.conclusion'))
	const rows: [string, string][] = [
		[t('field.score'), score2(model.locale)(summary.score)],
		[t('field.level'), summary.level ? summary.level.label : t('result.checklist')],
		[t('field.result'), summary.verdict],
	]
	if (summary.passMark !== null) rows.push([t('field.passMark'), format(summary.passMark)])
	rows.push(
		[t('field.fullMarks'), format(summary.fullMarks)],
		[t('field.involvedMarks'), format(summary.involvedMarks)],
		[t('field.earned'), format(summary.earned)],
	)
	if (model.special.applies)
		rows.push(
			[t('field.specialDeductions'), String(summary.specialDeductions)],
			[t('field.specialBonus'), String(summary.specialBonus)],
		)
	rows.push([t('field.complete'), summary.completeness])
	keyValues(doc, rows)
	for (const reason of summary.reasons)
		bullet(doc, reason, summary.passed === false ? COLOR.fail : COLOR.text)

	subheading(doc, t('heading.calculation'))
	for (const line of summary.calculation) bullet(doc, line)

	subheading(doc, t('heading.special'))
	if (!model.special.applies) paragraph(doc, t('notApplicableSpecial'), { color: COLOR.muted })
	else if (model.special.deductions.length === 0 && model.special.bonus === null)
		paragraph(doc, t('noSpecial'), { color: COLOR.muted })
	else {
		const rows: Row[] = model.special.deductions.map((deduction, i) => ({
			cells: [t('deduction', { n: i + 1 }), deduction.description, deduction.correctiveAction],
		}))
		if (model.special.bonus !== null) rows.push({ cells: [t('bonus'), model.special.bonus, ''] })
		table(
			doc,
			[
				{ header: t('col.kind'), width: 70 },
				{ header: t('col.description'), width: 212 },
				{ header: t('col.correctiveAction'), width: CONTENT_WIDTH - 282 },
			],
			rows,
			9,
		)
	}

	if (model.warnings.length) {
		subheading(doc, t('heading.warnings'))
		for (const warning of model.warnings) bullet(doc, warning, COLOR.muted)
	}
}

function analysis(doc: Doc, model: ReportModel, t: ReportText) {
	const format = points(model.locale)
	heading(doc, t('heading.analysis'))
	subheading(doc, t('heading.strengths'))
	if (model.strengths.length === 0) paragraph(doc, t('noStrengths'), { color: COLOR.muted })
	for (const strength of model.strengths)
		bullet(
			doc,
			`${strength.kindLabel} ${strength.id} ${strength.title}（${format(strength.full)}）`,
		)

	subheading(doc, t('heading.weaknesses'))
	paragraph(doc, model.weaknesses.summary)
	if (model.weaknesses.items.length)
		table(
			doc,
			[
				{ header: '', width: 16, align: 'center' },
				{ header: t('col.id'), width: 50 },
				{ header: t('col.title'), width: 140 },
				{ header: t('col.lost'), width: 40, align: 'right' },
				{ header: t('col.recoverable'), width: 56, align: 'right' },
				{ header: t('col.reason'), width: CONTENT_WIDTH - 302 },
			],
			model.weaknesses.items.map((item) => ({
				cells: [
					item.forNextLevel ? '●' : '',
					item.id,
					item.title,
					format(item.lost),
					format(item.recoverable),
					item.reason ?? '',
				],
			})),
			9,
		)
}

function actions(doc: Doc, model: ReportModel, t: ReportText) {
	heading(doc, t('heading.actions'))
	if (model.actions.length === 0) {
		paragraph(doc, t('noActions'), { color: COLOR.muted })
		return
	}
	table(
		doc,
		[
			{ header: t('col.action'), width: 185 },
			{ header: t('col.owner'), width: 70 },
			{ header: t('col.dueDate'), width: 80 },
			{ header: t('col.status'), width: 55 },
			{ header: t('col.indicators'), width: CONTENT_WIDTH - 390 },
		],
		model.actions.map((action) => ({
			cells: [
				action.title,
				action.owner ?? '—',
				action.dueDate ?? '—',
				action.statusLabel,
				action.indicators.join(model.locale === 'en' ? ', ' : '、'),
			],
		})),
		9,
	)
}

/** Header and footer on every page, once the page count is known. */
function pageFurniture(doc: Doc, model: ReportModel, t: ReportText) {
	const range = doc.bufferedPageRange()
	const logo = model.organisation.logo
	const logoSource = logo
		? `data:image/${logo.format};base64,${logo.data.toString('base64')}`
		: null
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i)
		// writing inside the margins must not push the text onto a new page
		const margins = { ...doc.page.margins }
		doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 }
		let x = MARGIN.left
		if (logo && logoSource) {
			const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height)
			const height = logo.height * scale
			doc.image(logoSource, MARGIN.left, 22 + (LOGO_BOX.height - height) / 2, { scale })
			x += logo.width * scale + 10
		}
		doc
			.font(BOLD)
			.fontSize(10)
			.fillColor(COLOR.text)
			.text(model.organisation.name, x, 31, {
				width: A4.width - MARGIN.right - x - 200,
				lineBreak: false,
				ellipsis: true,
			})
		doc
			.font(REGULAR)
			.fontSize(8.5)
			.fillColor(COLOR.muted)
			.text(model.title, A4.width - MARGIN.right - 200, 32, {
				width: 200,
				align: 'right',
				lineBreak: false,
			})
		doc
			.moveTo(MARGIN.left, 60)
			.lineTo(A4.width - MARGIN.right, 60)
			.lineWidth(0.6)
			.stroke(COLOR.rule)
		doc
			.moveTo(MARGIN.left, A4.height - 46)
			.lineTo(A4.width - MARGIN.right, A4.height - 46)
			.stroke(COLOR.rule)
		doc.font(REGULAR).fontSize(8).fillColor(COLOR.muted)
		doc.text(t('generatedAt', { date: model.generatedAt }), MARGIN.left, A4.height - 38, {
			width: 200,
			lineBreak: false,
		})
		doc.text(
			t('pageOf', { page: i - range.start + 1, pages: range.count }),
			A4.width / 2 - 80,
			A4.height - 38,
			{
				width: 160,
				align: 'center',
				lineBreak: false,
			},
		)
		doc.page.margins = margins
	}
}
