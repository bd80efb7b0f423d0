import { data, Form, Link } from 'react-router'
import { AuditEntryList } from '#app/components/audit-entries.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { FormErrors, Notice, SubmitButton } from '#app/components/form-fields.tsx'
import {
	detailFieldNames,
	WorkspaceDetailsFields,
} from '#app/components/workspace-details-fields.tsx'
import { workspacePath } from '#app/components/workspace-nav.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import {
	auditPage,
	countMembers,
	updateWorkspace,
	WorkspaceDetailsSchema,
} from '#app/services/workspaces.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { hasRole } from '#app/utils/roles.ts'
import type { Route } from './+types/overview'

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const canManage = hasRole(scope.role, 'admin')
	const [memberCount, recent] = await Promise.all([
		countMembers(scope),
		canManage
			? auditPage(scope, { page: 1, pageSize: 5 }).then((p) => p.rows)
			: Promise.resolve([]),
	])
	const { id, name, industry, productCategories, sites, createdAt } = scope.workspace
	return data({
		workspace: { id, name, industry, productCategories, sites, createdAt },
		role: scope.role,
		canManage,
		memberCount,
		recent,
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId, 'admin')
	const parsed = await parseForm(
		request,
		WorkspaceDetailsSchema,
		await resolveLocale(request, scope.user),
	)
	if (!parsed.ok)
		return data({ errors: parsed.errors, values: parsed.values, saved: null }, { status: 400 })
	const changed = await updateWorkspace(scope, parsed.data, clientIp(context))
	return data({ errors: undefined, values: undefined, saved: changed.length > 0 })
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'workspace.overview.title', loaderData?.workspace.name)
}

export default function Overview({ loaderData, actionData }: Route.ComponentProps) {
	const { t, date } = useI18n()
	const { workspace, role, canManage, memberCount, recent } = loaderData
	const details = [
		['workspace.field.industry', workspace.industry],
		['workspace.field.productCategories', workspace.productCategories],
		['workspace.field.sites', workspace.sites],
	] as const
	return (
		<main id="main" className="space-y-8">
			<div>
				<p className="text-sm text-slate-600">{t('workspace.overview.title')}</p>
				<h1 className="text-2xl font-bold">{workspace.name}</h1>
			</div>
			<dl className="grid gap-4 sm:grid-cols-3">
				<div className="rounded border border-slate-200 bg-white p-4">
					<dt className="text-sm text-slate-600">{t('workspace.overview.yourRole')}</dt>
					<dd className="mt-1 text-lg font-semibold">{t(`workspace.role.${role}`)}</dd>
				</div>
				<div className="rounded border border-slate-200 bg-white p-4">
					<dt className="text-sm text-slate-600">{t('workspace.overview.memberCount')}</dt>
					<dd className="mt-1 text-lg font-semibold">
						<Link
							to={workspacePath(workspace.id, 'members')}
							className="text-brand-700 underline-offset-2 hover:underline"
						>
							{t('workspace.list.memberCount', { count: memberCount })}
						</Link>
					</dd>
				</div>
				<div className="rounded border border-slate-200 bg-white p-4">
					<dt className="text-sm text-slate-600">{t('workspace.overview.created')}</dt>
					<dd className="mt-1 text-lg font-semibold">{date(workspace.createdAt)}</dd>
				</div>
			</dl>
			<section aria-labelledby="details" className="rounded border border-slate-200 bg-white p-6">
				<h2 id="details" className="text-lg font-semibold">
					{t('workspace.overview.details')}
				</h2>
				<dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
					{details.map(([label, value]) => (
						<div key={label} className="contents">
							<dt className="text-sm text-slate-600">{t(label)}</dt>
							<dd className="text-sm">
								{value || <span className="text-slate-500">{t('workspace.notSet')}</span>}
							</dd>
						</div>
					))}
				</dl>
			</section>
			{canManage ? (
				<div className="grid gap-8 lg:grid-cols-2">
					<section
						aria-labelledby="edit-details"
						className="rounded border border-slate-200 bg-white p-6"
					>
						<h2 id="edit-details" className="text-lg font-semibold">
							{t('workspace.overview.edit')}
						</h2>
						<Form method="post" className="mt-4 space-y-4">
							{actionData?.saved === true ? <Notice>{t('workspace.overview.saved')}</Notice> : null}
							{actionData?.saved === false ? (
								<Notice>{t('workspace.overview.unchanged')}</Notice>
							) : null}
							<FormErrors errors={actionData?.errors} shownFields={detailFieldNames} />
							<WorkspaceDetailsFields
								values={actionData?.values ?? workspace}
								errors={actionData?.errors}
							/>
							<SubmitButton>{t('form.save')}</SubmitButton>
						</Form>
					</section>
					<section
						aria-labelledby="recent"
						className="rounded border border-slate-200 bg-white p-6"
					>
						<h2 id="recent" className="text-lg font-semibold">
							{t('workspace.overview.recentActivity')}
						</h2>
						{recent.length ? (
							<AuditEntryList entries={recent} />
						) : (
							<p className="mt-2 text-sm text-slate-600">{t('workspace.overview.noActivity')}</p>
						)}
						<Link
							to={workspacePath(workspace.id, 'audit')}
							className="mt-4 inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
						>
							{t('workspace.overview.allActivity')}
						</Link>
					</section>
				</div>
			) : null}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
