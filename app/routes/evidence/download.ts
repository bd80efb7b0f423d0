import { contentDisposition, openEvidence } from '#app/services/evidence.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import type { Route } from './+types/download'

/**
 * An evidence file, for members of its workspace only (anyone else: 404). Always an attachment with
 * the type detected at upload and nosniff, and a sandbox policy should a browser render it anyway:
 * nothing uploaded runs in the portal's origin.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const file = await openEvidence(scope, params.assessmentId, params.evidenceId)
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
