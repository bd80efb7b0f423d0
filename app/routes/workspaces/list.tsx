import { data, Form, Link, redirect } from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import { FormErrors, SubmitButton } from '#app/components/form-fields.tsx'
import {
	detailFieldNames,
	WorkspaceDetailsFields,
} from '#app/components/workspace-details-fields.tsx'
import { workspacePath } from '#app/components/workspace-nav.tsx'
import { ClientFiguresCells, ClientFiguresHead } from '#app/components/client-figures.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { NO_FIGURES, portfolioFigures } from '#app/services/portfolio.server.ts'
import {
	createWorkspace,
	listUserWorkspaces,
	WorkspaceDetailsSchema,
} from '#app/services/workspaces.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { requireUser } from '#app/utils/session.server.ts'
import type { Route } from './+types/list'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const [workspaces, figures] = await Promise.all([
		listUserWorkspaces(user.id, await resolveLocale(request, user)),
		portfolioFigures(user.id),
	])
	return data({
		workspaces: workspaces.map((workspace) => ({
			...workspace,
			figures: figures.get(workspace.id) ?? NO_FIGURES,
		})),
	})
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const parsed = await parseForm(
		request,
		WorkspaceDetailsSchema,
		await resolveLocale(request, user),
	)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const workspace = await createWorkspace(user, parsed.data, clientIp(context))
	return redirect(workspacePath(workspace.id))
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'workspace.list.title')
}

export default function Workspaces({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { workspaces } = loaderData
	return (
		<main id="main" className="space-y-10">
			<div>
				<h1 className="text-2xl font-bold">{t('workspace.list.title')}</h1>
				<p className="mt-2 text-slate-700">{t('workspace.list.intro')}</p>
			</div>
			{workspaces.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
					{t('workspace.list.empty')}
				</p>
			) : (
				<div className="overflow-x-auto rounded border border-slate-200 bg-white">
					<table className="w-full min-w-[64rem] text-left text-sm">
						<caption className="sr-only">{t('workspace.list.title')}</caption>
						<thead className="bg-slate-50 text-slate-600">
							<tr>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('workspace.field.name')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('workspace.list.role')}
								</th>
								<ClientFiguresHead />
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200">
							{workspaces.map((workspace) => (
								<tr key={workspace.id}>
									<th scope="row" className="px-4 py-3 font-medium">
										<Link
											to={workspacePath(workspace.id)}
											className="text-brand-700 underline-offset-2 hover:underline"
										>
											{workspace.name}
										</Link>
										<span className="mt-0.5 block text-xs font-normal text-slate-600">
											{workspace.industry || <NotSet />} ·{' '}
											{t('workspace.list.memberCount', { count: workspace.memberCount })}
										</span>
									</th>
									<td className="px-4 py-3">{t(`workspace.role.${workspace.role}`)}</td>
									<ClientFiguresCells workspaceId={workspace.id} figures={workspace.figures} />
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<section
				aria-labelledby="create-workspace"
				className="max-w-xl rounded border border-slate-200 bg-white p-6"
			>
				<h2 id="create-workspace" className="text-lg font-semibold">
					{t('workspace.create.title')}
				</h2>
				<p className="mt-1 text-sm text-slate-700">{t('workspace.create.intro')}</p>
				<Form method="post" className="mt-4 space-y-4">
					<FormErrors errors={actionData?.errors} shownFields={detailFieldNames} />
					<WorkspaceDetailsFields values={actionData?.values ?? {}} errors={actionData?.errors} />
					<SubmitButton>{t('workspace.create.submit')}</SubmitButton>
				</Form>
			</section>
		</main>
	)
}

function NotSet() {
	const { t } = useI18n()
	return <span className="text-slate-500">{t('workspace.notSet')}</span>
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
