import { useId } from 'react'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { ActionsTable } from '#app/components/action-parts.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { SelectField, SubmitButton } from '#app/components/form-fields.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { listActionsAcrossWorkspaces } from '#app/services/actions.server.ts'
import { listUserWorkspaces } from '#app/services/workspaces.server.ts'
import { STATUSES, workspaceActionsPath, type ActionStatus } from '#app/utils/actions.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { requireUser } from '#app/utils/session.server.ts'
import type { Route } from './+types/mine'

const StatusFilter = z.enum(STATUSES)

/**
 * A consultant's actions across clients: every workspace the signed-in user belongs to, with the
 * workspace named on each row; overdue first among what is still to do.
 */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const url = new URL(request.url)
	const workspaces = (await listUserWorkspaces(user.id, await resolveLocale(request, user))).map(
		({ id, name }) => ({ id, name }),
	)
	const status = StatusFilter.safeParse(url.searchParams.get('status'))
	const wanted = url.searchParams.get('workspace') ?? ''
	// a workspace not the user's is simply not a filter: the list never reaches beyond their own
	const workspaceId = workspaces.some((w) => w.id === wanted) ? wanted : ''
	const filters: { workspace: string; status: ActionStatus | ''; mine: boolean; overdue: boolean } =
		{
			workspace: workspaceId,
			status: status.success ? status.data : '',
			mine: url.searchParams.get('mine') === '1',
			overdue: url.searchParams.get('overdue') === '1',
		}
	const actions = await listActionsAcrossWorkspaces(user.id, {
		workspaceId: workspaceId || undefined,
		status: filters.status || undefined,
		mine: filters.mine,
		overdue: filters.overdue,
	})
	return data({
		workspaces,
		actions,
		filters,
		overdue: actions.filter((action) => action.overdue).length,
	})
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'actions.mine.title')
}

export default function MyActions({ loaderData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { workspaces, actions, filters, overdue } = loaderData
	const mineId = useId()
	const overdueId = useId()
	return (
		<main id="main" className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold">{t('actions.mine.title')}</h1>
				<p className="mt-2 max-w-3xl text-slate-700">{t('actions.mine.intro')}</p>
				{overdue > 0 ? (
					<p className="mt-2 font-semibold text-red-800">
						{t('actions.mine.overdueCount', { count: overdue })}
					</p>
				) : null}
			</div>
			<Form
				method="get"
				className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white p-4"
			>
				<div className="min-w-48">
					<SelectField
						name="workspace"
						label={t('actions.col.workspace')}
						defaultValue={filters.workspace}
						options={[
							{ value: '', label: t('actions.mine.allWorkspaces') },
							...workspaces.map((w) => ({ value: w.id, label: w.name })),
						]}
					/>
				</div>
				<div className="min-w-40">
					<SelectField
						name="status"
						label={t('actions.filter.status')}
						defaultValue={filters.status}
						options={[
							{ value: '', label: t('actions.filter.all') },
							...STATUSES.map((s) => ({ value: s, label: t(`actions.status.${s}`) })),
						]}
					/>
				</div>
				<div className="flex items-center gap-2 pb-2">
					<input
						id={mineId}
						type="checkbox"
						name="mine"
						value="1"
						defaultChecked={filters.mine}
						className="h-4 w-4 rounded border-slate-300"
					/>
					<label htmlFor={mineId} className="text-sm font-medium text-slate-800">
						{t('actions.mine.onlyMine')}
					</label>
				</div>
				<div className="flex items-center gap-2 pb-2">
					<input
						id={overdueId}
						type="checkbox"
						name="overdue"
						value="1"
						defaultChecked={filters.overdue}
						className="h-4 w-4 rounded border-slate-300"
					/>
					<label htmlFor={overdueId} className="text-sm font-medium text-slate-800">
						{t('actions.filter.overdue')}
					</label>
				</div>
				<SubmitButton variant="secondary">{t('actions.filter.apply')}</SubmitButton>
			</Form>
			<ActionsTable actions={actions} caption={t('actions.mine.caption')} showWorkspace />
			{workspaces.length > 0 ? (
				<nav aria-label={t('actions.mine.byWorkspace')}>
					<h2 className="text-sm font-semibold text-slate-800">{t('actions.mine.byWorkspace')}</h2>
					<ul className="mt-2 flex flex-wrap gap-2">
						{workspaces.map((w) => (
							<li key={w.id}>
								<Link
									to={workspaceActionsPath(w.id)}
									className="inline-block rounded border border-slate-300 bg-white px-3 py-1 text-sm text-brand-700 hover:bg-slate-50"
								>
									{w.name}
								</Link>
							</li>
						))}
					</ul>
				</nav>
			) : null}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
