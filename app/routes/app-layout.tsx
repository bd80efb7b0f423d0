import { data, Outlet, useParams } from 'react-router'
import { AppHeader } from '#app/components/app-header.tsx'
import { VerifyEmailBanner } from '#app/components/verify-email-banner.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { listUserWorkspaces } from '#app/services/workspaces.server.ts'
import { requireUser } from '#app/utils/session.server.ts'
import type { Route } from './+types/app-layout'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const all = await listUserWorkspaces(user.id, await resolveLocale(request, user))
	const workspaces = all.map(({ id, name, role }) => ({ id, name, role }))
	return data({
		user: { name: user.name, email: user.email, emailVerified: user.emailVerifiedAt !== null },
		workspaces,
	})
}

export default function AppLayout({ loaderData }: Route.ComponentProps) {
	const { t } = useI18n()
	// read from the URL here, not in the loader: a pathless layout's loader does not rerun on /w/a → /w/b.
	// Only a workspace the user belongs to counts as open; for any other the page itself answers 404.
	const { workspaceId } = useParams()
	const current = loaderData.workspaces.find((w) => w.id === workspaceId) ?? null
	return (
		<div className="flex min-h-full flex-col">
			<a
				href="#main"
				className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800 focus:shadow"
			>
				{t('nav.skipToContent')}
			</a>
			<AppHeader user={loaderData.user} workspaces={loaderData.workspaces} current={current} />
			{loaderData.user.emailVerified ? null : <VerifyEmailBanner email={loaderData.user.email} />}
			<div className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
				<Outlet />
			</div>
		</div>
	)
}
