import type { Locale } from '#app/i18n/i18n.ts'
import { renderReportXlsx } from '#app/reports/excel.server.ts'
import { renderReportPdf } from '#app/reports/pdf.server.ts'
import { buildReportModel, type ReportActionInput } from '#app/reports/report-model.ts'
import { listActions } from './actions.server.ts'
import type { AssessmentRow } from './assessments.server.ts'
import { assessorNames, loadResultsBasis } from './results.server.ts'
import type { WorkspaceScope } from './workspace-scope.server.ts'

export type ReportFormat = 'pdf' | 'xlsx'

export const REPORT_TYPES: Record<ReportFormat, string> = {
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export type ReportFile =
	| { ok: true; body: Buffer; fileName: string; asciiName: string }
	/** the answers as they stand cannot be scored: there is nothing to report yet */
	| { ok: false; error: string }

function scopeText(assessment: AssessmentRow, locale: Locale): string {
	return [assessment.scopeSites, assessment.scopeProducts, assessment.scopeNotes]
		.map((part) => part.trim())
		.filter(Boolean)
		.join(locale === 'en' ? '; ' : '；')
}

/** Characters no file system takes in a name, and controls; runs of them become one dash. */
function safeName(text: string): string {
	return text
		.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
		.replace(/\s+/g, ' ')
		.trim()
}

function asciiName(text: string): string {
	return text
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '')
}

/** The assessment's improvement actions as the report lists them; due dates are China's days. */
async function reportActions(
	scope: WorkspaceScope,
	assessmentId: string,
): Promise<ReportActionInput[]> {
	const actions = await listActions(scope, { assessmentId })
	return actions.map((action) => ({
		title: action.title,
		owner: action.owner?.name ?? null,
		dueDate: action.dueDate ? new Date(`${action.dueDate}T12:00:00+08:00`) : null,
		status: action.status,
		indicators: action.indicators.map((indicator) => indicator.id),
	}))
}

/**
 * The self-assessment report of an assessment as a PDF or an Excel workbook (seed 002 §7.1):
 * the score as shown on the results page (the snapshot once submitted), the answers behind it,
 * the members who answered or rated, and the improvement actions.
 */
export async function assessmentReport(
	scope: WorkspaceScope,
	assessmentId: string | undefined,
	format: ReportFormat,
	locale: Locale,
	now = new Date(),
): Promise<ReportFile> {
	const basis = await loadResultsBasis(scope, assessmentId)
	const { assessment, scheme, live, answers } = basis
	if (!live.ok) return { ok: false, error: live.error }
	if (!answers) return { ok: false, error: 'the answers cannot be read as an assessment' }
	const [assessors, actionList] = await Promise.all([
		assessorNames(scope, assessment.id),
		reportActions(scope, assessment.id),
	])
	const model = buildReportModel({
		scheme,
		assessment: answers,
		result: live.result,
		organisation: { name: scope.workspace.name },
		scope: scopeText(assessment, locale) || '—',
		period: assessment.period,
		assessors,
		actions: actionList,
		generatedAt: now,
		locale,
	})
	const body = format === 'pdf' ? await renderReportPdf(model) : await renderReportXlsx(model)
	const label = locale === 'en' ? 'self-assessment report' : '自评报告'
	return {
		ok: true,
		body,
		fileName: `${safeName(`${scope.workspace.name}-${scheme.shortTitle}-${assessment.period}-${label}`)}.${format}`,
		asciiName: `${asciiName(`self-assessment-report-${scheme.id}-${assessment.period}`) || 'self-assessment-report'}.${format}`,
	}
}

/** An attachment header any browser reads: an ASCII name, and the real one in RFC 5987 form. */
export function attachment(fileName: string, ascii: string): string {
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	)
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
