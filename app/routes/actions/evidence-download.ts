import { openActionEvidence } from '#app/services/actions.server.ts'
import { contentDisposition } from '#app/services/evidence.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import type { Route } from './+types/evidence-download'

/** An action's evidence file, for members of its workspace only; served as assessment evidence is. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const file = await openActionEvidence(scope, params.actionId, params.evidenceId)
	invariantNotFound(file)
	return new Response(file.body, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.size),
			'Content-Disposition': contentDisposition(file.name),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store',
		},
	})
}
