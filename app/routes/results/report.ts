import { resolveLocale } from '#app/i18n/locale.server.ts'
import { translator } from '#app/i18n/translator.ts'
import { assessmentReport, attachment, REPORT_TYPES } from '#app/services/report.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import type { Route } from './+types/report'

/**
 * …/report.pdf and …/report.xlsx: the self-assessment report, for members of the workspace only
 * (anyone else gets 404), always as an attachment named after the organisation and the period.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const format = new URL(request.url).pathname.endsWith('.xlsx') ? 'xlsx' : 'pdf'
	const locale = await resolveLocale(request, scope.user)
	const report = await assessmentReport(scope, params.assessmentId, format, locale)
	if (!report.ok) {
		const t = translator(locale)
		return new Response(`${t('results.report.notScorable', { detail: report.error })}\n`, {
			status: 409,
			headers: {
				'Content-Type': 'text/plain; charset=utf-8',
				'Cache-Control': 'private, no-store',
			},
		})
	}
	return new Response(new Uint8Array(report.body), {
		headers: {
			'Content-Type': REPORT_TYPES[format],
			'Content-Length': String(report.body.byteLength),
			'Content-Disposition': attachment(report.fileName, report.asciiName),
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
