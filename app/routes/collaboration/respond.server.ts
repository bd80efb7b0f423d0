import { data } from 'react-router'
import type { Translate } from '#app/i18n/i18n.ts'
import type { Refusal } from '#app/services/collaboration.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'

/**
 * A refused change as the page shows it: the message beside its field with the refusal's status.
 * Not found is thrown, as for anything of another workspace.
 */
export function refused(refusal: Refusal, t: Translate, values: Record<string, string> = {}) {
	invariantNotFound(refusal.status !== 404)
	return data(
		{ errors: { [refusal.field ?? '']: [t(refusal.message, refusal.vars)] }, values },
		{ status: refusal.status },
	)
}
