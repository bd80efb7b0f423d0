import type { Route } from './+types/autosave'
import { handleAnswerPost, statusOf } from './answer-post.server.ts'

function isThrownData(value: unknown): value is { data: unknown; init: ResponseInit | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		'type' in value &&
		value.type === 'DataWithResponseInit'
	)
}

/**
 * The autosave endpoint: the same handling as a plain post of an indicator form, answered as JSON
 * with the status that says what happened (200 saved, 400 invalid, 409 conflict or locked). A
 * lost session is a 401 here, not a redirect, so the page keeps what was typed.
 */
export async function action(args: Route.ActionArgs) {
	try {
		const result = await handleAnswerPost(args)
		return Response.json(result, {
			status: statusOf[result.kind],
			headers: { 'Cache-Control': 'no-store' },
		})
	} catch (thrown) {
		if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400)
			return Response.json({ kind: 'signedOut' }, { status: 401 })
		if (isThrownData(thrown))
			return Response.json(thrown.data, { status: thrown.init?.status ?? 500 })
		throw thrown
	}
}
