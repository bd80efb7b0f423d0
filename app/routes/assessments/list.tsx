import { data, Link } from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import { buttonClass } from '#app/components/form-fields.tsx'
import { starsBesideName } from '#app/domain/assessments/panel.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { listAssessments } from '#app/services/assessments.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { assessmentPath, newAssessmentPath } from '#app/utils/assessment-paths.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { hasRole } from '#app/utils/roles.ts'
import type { Route } from './+types/list'

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const rows = (await listAssessments(scope)).map(({ live, ...row }) => {
		const level = live.ok ? live.result.level : null
		const band = level
			? getScheme(row.schemeId)?.levels.find((entry) => entry.key === level.key)
			: undefined
		return {
			...row,
			progress: live.progress,
			score: live.ok ? live.result.score : null,
			checklist: live.ok && live.result.passed === null,
			passed: live.ok ? live.result.passed : null,
			level: band
				? { key: band.key, name: band.name, nameEn: band.nameEn, stars: starsBesideName(band) }
				: level
					? { key: level.key, name: level.name, nameEn: null, stars: 0 }
					: null,
		}
	})
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		canCreate: hasRole(scope.role, 'admin'),
		rows,
	})
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'assessment.list.title', loaderData?.workspace.name)
}

export default function Assessments({ loaderData }: Route.ComponentProps) {
	const { t, number, locale } = useI18n()
	const { workspace, canCreate, rows } = loaderData
	return (
		<main id="main" className="space-y-6">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<p className="text-sm text-slate-600">{workspace.name}</p>
					<h1 className="text-2xl font-bold">{t('assessment.list.title')}</h1>
					<p className="mt-1 text-slate-700">{t('assessment.list.intro')}</p>
				</div>
				{canCreate ? (
					<Link to={newAssessmentPath(workspace.id)} className={buttonClass()}>
						{t('assessment.list.start')}
					</Link>
				) : null}
			</div>
			{rows.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
					{t('assessment.list.empty')}
				</p>
			) : (
				<div className="overflow-x-auto rounded border border-slate-200 bg-white">
					<table className="w-full min-w-[52rem] text-left text-sm">
						<caption className="sr-only">{t('assessment.list.caption')}</caption>
						<thead className="bg-slate-50 text-slate-600">
							<tr>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('assessment.field.title')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('assessment.field.scheme')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('assessment.field.period')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('assessment.field.status')}
								</th>
								<th scope="col" className="px-4 py-3 text-right font-medium">
									{t('assessment.field.score')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('assessment.field.level')}
								</th>
								<th scope="col" className="px-4 py-3 font-medium">
									{t('assessment.field.progress')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200">
							{rows.map((row) => (
								<tr key={row.id}>
									<th scope="row" className="px-4 py-3 font-medium">
										<Link
											to={assessmentPath(workspace.id, row.id)}
											className="text-brand-700 underline-offset-2 hover:underline"
										>
											{row.title}
										</Link>
									</th>
									<td className="px-4 py-3">{row.schemeTitle}</td>
									<td className="px-4 py-3">{row.period}</td>
									<td className="px-4 py-3">
										<span
											className={`rounded px-2 py-0.5 text-xs font-medium ${
												row.status === 'submitted'
													? 'bg-slate-800 text-white'
													: 'bg-sky-100 text-sky-900'
											}`}
										>
											{t(`assessment.status.${row.status}`)}
										</span>
									</td>
									<td className="px-4 py-3 text-right tabular-nums">
										{row.score === null ? (
											<span className="text-slate-500">{t('assessment.notScored')}</span>
										) : row.checklist ? (
											t('assessment.checklistScore', { score: number(row.score, 2) })
										) : (
											number(row.score, 2)
										)}
									</td>
									<td className="px-4 py-3">
										{row.level ? (
											<>
												{locale === 'en' && row.level.nameEn
													? row.level.nameEn
													: row.level.key === 'fail'
														? t('assessment.score.failed')
														: row.level.name}
												{row.level.stars > 0 ? (
													<span
														role="img"
														aria-label={t('assessment.score.stars', { count: row.level.stars })}
														className="ml-1 text-amber-500"
													>
														{'★'.repeat(row.level.stars)}
													</span>
												) : null}
											</>
										) : (
											<span className="text-slate-500">—</span>
										)}
									</td>
									<td className="px-4 py-3">
										<span className="tabular-nums">
											{t('assessment.progress.count', {
												answered: row.progress.answered,
												total: row.progress.total,
											})}
										</span>
										{row.progress.toReview > 0 ? (
											<span className="ml-2 text-xs text-amber-800">
												{t('assessment.progress.toReview', { count: row.progress.toReview })}
											</span>
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
