import { data, Link } from 'react-router'
import { z } from 'zod'
import { auditActionLabel, auditDetail } from '#app/components/audit-entries.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { workspacePath } from '#app/components/workspace-nav.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { auditPage } from '#app/services/workspaces.server.ts'
import { badRequest, invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import type { Route } from './+types/audit'

const PAGE_SIZE = 25

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) })

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId, 'admin')
	const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
	if (!query.success)
		badRequest(translator(await resolveLocale(request, scope.user))('audit.badPage'))
	const { page } = query.data
	const { rows, total } = await auditPage(scope, { page, pageSize: PAGE_SIZE })
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
	invariantNotFound(page <= pages)
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		rows,
		page,
		pages,
	})
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'audit.title', loaderData?.workspace.name)
}

export default function Audit({ loaderData }: Route.ComponentProps) {
	const { t, date } = useI18n()
	const { workspace, rows, page, pages } = loaderData
	const base = workspacePath(workspace.id, 'audit')
	return (
		<main id="main" className="space-y-6">
			<div>
				<p className="text-sm text-slate-600">{workspace.name}</p>
				<h1 className="text-2xl font-bold">{t('audit.title')}</h1>
				<p className="mt-1 text-slate-700">{t('audit.intro')}</p>
			</div>
			{rows.length === 0 ? (
				<p className="text-slate-600">{t('audit.empty')}</p>
			) : (
				<div className="overflow-x-auto rounded border border-slate-200 bg-white">
					<table className="w-full min-w-[48rem] text-left text-sm">
						<caption className="sr-only">
							{t('audit.title')} — {t('audit.page', { page, pages })}
						</caption>
						<thead className="bg-slate-50 text-slate-600">
							<tr>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('audit.time')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('audit.actor')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('audit.action')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('audit.detail')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('audit.ip')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200">
							{rows.map((row) => (
								<tr key={row.id}>
									<td className="whitespace-nowrap px-4 py-3">
										<time dateTime={row.createdAt.toISOString()}>{date(row.createdAt, true)}</time>
									</td>
									<td className="px-4 py-3">{row.actorName ?? t('audit.unknownActor')}</td>
									<td className="px-4 py-3">{auditActionLabel(t, row.action)}</td>
									<td className="px-4 py-3 break-all">{auditDetail(t, row)}</td>
									<td className="px-4 py-3 font-mono text-xs">{row.ip ?? ''}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{pages > 1 ? (
				<nav
					aria-label={t('audit.page', { page, pages })}
					className="flex items-center gap-4 text-sm"
				>
					{page > 1 ? (
						<Link
							to={`${base}?page=${page - 1}`}
							rel="prev"
							className="text-brand-700 underline-offset-2 hover:underline"
						>
							{t('audit.previous')}
						</Link>
					) : null}
					<span>{t('audit.page', { page, pages })}</span>
					{page < pages ? (
						<Link
							to={`${base}?page=${page + 1}`}
							rel="next"
							className="text-brand-700 underline-offset-2 hover:underline"
						>
							{t('audit.next')}
						</Link>
					) : null}
				</nav>
			) : null}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
