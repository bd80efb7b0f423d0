import { Form, Link } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { LanguageSwitcher } from './language-switcher.tsx'
import { WorkspaceNav } from './workspace-nav.tsx'
import { WorkspaceSwitcher, type SwitcherWorkspace } from './workspace-switcher.tsx'

type User = { name: string; email: string }

function AccountMenu({ user }: { user: User }) {
	const { t } = useI18n()
	return (
		<div className="flex flex-col gap-2 md:flex-row md:items-center md:gap-3">
			<Link
				to="/account"
				className="text-sm font-medium text-slate-800 underline-offset-2 hover:underline"
				aria-label={`${t('shell.accountSettings')}: ${user.name}`}
			>
				<span>{user.name}</span>
				<span className="block text-xs font-normal text-slate-600 md:hidden">{user.email}</span>
			</Link>
			<LanguageSwitcher />
			<Form method="post" action="/logout">
				<button
					type="submit"
					className="rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100"
				>
					{t('shell.logout')}
				</button>
			</Form>
		</div>
	)
}

/**
 * The header of every signed-in page: product, open client with the switcher, the client's
 * sections, and the account. Below md the switcher and account fold into a menu that opens
 * without JavaScript (<details>); the open client's name and sections stay in view.
 */
export function AppHeader({
	user,
	workspaces,
	current,
}: {
	user: User
	workspaces: SwitcherWorkspace[]
	current: SwitcherWorkspace | null
}) {
	const { t } = useI18n()
	return (
		<header className="border-b border-slate-200 bg-white">
			<div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
				<div className="flex min-w-0 items-center gap-6">
					<Link to="/workspaces" className="shrink-0 font-bold text-brand-800">
						{t('app.name')}
					</Link>
					<div className="hidden md:block">
						<WorkspaceSwitcher workspaces={workspaces} currentId={current?.id ?? null} />
					</div>
				</div>
				<div className="hidden md:block">
					<AccountMenu user={user} />
				</div>
				<details className="group w-full md:hidden">
					<summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded border border-slate-300 px-3 py-2 text-sm">
						<span className="truncate font-medium">{current?.name}</span>
						<span className="shrink-0 text-slate-600">
							{t('shell.menu')}{' '}
							<span aria-hidden="true" className="inline-block group-open:rotate-180">
								▾
							</span>
						</span>
					</summary>
					<div className="mt-3 flex flex-col gap-4 border-t border-slate-200 pt-3">
						<WorkspaceSwitcher workspaces={workspaces} currentId={current?.id ?? null} />
						<section aria-label={t('shell.account')}>
							<AccountMenu user={user} />
						</section>
					</div>
				</details>
			</div>
			{current ? (
				<div className="mx-auto max-w-6xl px-4">
					<WorkspaceNav workspaceId={current.id} role={current.role} />
				</div>
			) : null}
		</header>
	)
}
