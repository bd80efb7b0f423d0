import { exportAssessment, requireAssessment } from '#app/services/assessments.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import type { Route } from './+types/export'

/** The assessment as a format v1 file, for `npm run score` or another portal. Any member may export. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await requireAssessment(scope, params.assessmentId)
	const { fileName, document } = await exportAssessment(scope, assessment)
	return new Response(`${JSON.stringify(document, null, 2)}\n`, {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${fileName}"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
