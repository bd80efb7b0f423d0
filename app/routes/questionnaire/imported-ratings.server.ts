import type { AppLoadContext } from 'react-router'
import { z } from 'zod'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { translator } from '#app/i18n/translator.ts'
import { removeImportedRatings } from '#app/services/answers.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { clientIp } from '#app/utils/request-context.ts'

const RemovalFormSchema = z.strictObject({
	intent: z.literal('remove-imported'),
	indicatorId: z.string().min(1).max(100),
	imported: z.string().max(2000),
})

/** A refused removal, shown next to the indicator's imported ratings. */
export type RemovalRefusal = {
	indicatorId: string | null
	status: 400 | 409
	message: string
}

export type RemovalResult =
	{ kind: 'removed'; indicatorId: string } | ({ kind: 'refused' } & RemovalRefusal)

/**
 * DNI: an owner or admin removes one indicator's imported ratings from the answering page. Throws
 * 404 for an assessment or indicator that is not this workspace's, 403 below admin, and the
 * sign-in redirect for a missing session.
 */
export async function handleImportedRemoval(
	{
		request,
		params,
		context,
	}: {
		request: Request
		params: { workspaceId?: string; assessmentId?: string }
		context: AppLoadContext
	},
	formData: FormData,
): Promise<RemovalResult> {
	const scope = await requireWorkspace(request, params.workspaceId)
	invariantNotFound(params.assessmentId)
	const t = translator(await resolveLocale(request, scope.user))
	const entries: Record<string, unknown> = {}
	for (const [key, value] of formData.entries()) entries[key] = value
	const form = RemovalFormSchema.safeParse(entries)
	if (!form.success)
		return {
			kind: 'refused',
			indicatorId: typeof entries.indicatorId === 'string' ? entries.indicatorId : null,
			status: 400,
			message: t('questionnaire.error.malformed'),
		}
	const { indicatorId, imported } = form.data
	const outcome = await removeImportedRatings(scope, params.assessmentId, indicatorId, imported, {
		ip: clientIp(context),
	})
	if (outcome.ok) return { kind: 'removed', indicatorId }
	const message =
		outcome.reason === 'invalid'
			? t('questionnaire.imported.error.invalid', { detail: outcome.message })
			: outcome.reason === 'submitted'
				? t('questionnaire.state.locked')
				: t('questionnaire.imported.error.changed', {
						current: outcome.current.length
							? outcome.current
									.map((value) => `${value}%`)
									.join(t('questionnaire.imported.separator'))
							: t('questionnaire.imported.none'),
					})
	return { kind: 'refused', indicatorId, status: outcome.status, message }
}
