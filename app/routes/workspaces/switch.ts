import { redirect } from 'react-router'
import { z } from 'zod'
import { sectionsFor, workspacePath, workspaceSections } from '#app/components/workspace-nav.tsx'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { badRequest } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/session.server.ts'
import type { Route } from './+types/switch'

const SwitchSchema = z.object({
	to: z.string().min(1).max(100),
	section: z.enum(workspaceSections.map((s) => s.key)).default('overview'),
})

/**
 * The workspace switcher's GET target: opens the chosen workspace at the same section, or at its
 * overview when the user's role there does not reach that section. Non-members get 404.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const parsed = SwitchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
	if (!parsed.success)
		badRequest(translator(await resolveLocale(request, user))('shell.switcher.invalid'))
	const { to, section } = parsed.data
	const scope = await requireWorkspace(request, to)
	const allowed = sectionsFor(scope.role).some((s) => s.key === section)
	return redirect(workspacePath(scope.workspace.id, allowed ? section : 'overview'))
}
