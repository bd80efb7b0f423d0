import { data, Link } from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import { ProgressBar } from '#app/components/progress-bar.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { myAssignments } from '#app/services/collaboration.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { answerPath, assignmentsPath } from '#app/utils/collaboration.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import type { Route } from './+types/my-assignments'

/** What is assigned to the signed-in member across this workspace's assessments, with progress. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		assessments: await myAssignments(scope),
	})
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'collab.mine.title', loaderData?.workspace.name)
}

export default function MyAssignments({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const { workspace, assessments } = loaderData
	return (
		<main id="main" className="space-y-8">
			<div>
				<h1 className="text-2xl font-bold">{t('collab.mine.title')}</h1>
				<p className="mt-2 text-slate-700">{t('collab.mine.intro')}</p>
			</div>
			{assessments.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
					{t('collab.mine.empty')}
				</p>
			) : (
				assessments.map(({ assessment, assignments, progress }) => (
					<section
						key={assessment.id}
						aria-labelledby={`assessment-${assessment.id}`}
						className="space-y-4 rounded border border-slate-200 bg-white p-4"
					>
						<div className="flex flex-wrap items-start justify-between gap-4">
							<div>
								<h2 id={`assessment-${assessment.id}`} className="text-lg font-semibold">
									{assessment.title}
								</h2>
								<p className="text-sm text-slate-600">
									{t('collab.mine.about', {
										scheme: assessment.schemeTitle,
										period: assessment.period,
										status: t(
											assessment.status === 'submitted'
												? 'collab.mine.submitted'
												: 'collab.mine.inProgress',
										),
									})}
								</p>
							</div>
							<div className="text-sm">
								<p className="text-slate-600">{t('collab.mine.total')}</p>
								<ProgressBar answered={progress.answered} total={progress.total} />
							</div>
						</div>
						<div className="overflow-x-auto">
							<table className="w-full min-w-[32rem] text-left text-sm">
								<caption className="sr-only">
									{t('collab.mine.caption', { title: assessment.title })}
								</caption>
								<thead className="text-slate-600">
									<tr>
										<th scope="col" className="py-2 pr-4 font-medium">
											{t('collab.mine.target')}
										</th>
										<th scope="col" className="py-2 pr-4 font-medium">
											{t('collab.mine.progress')}
										</th>
										<th scope="col" className="py-2 font-medium">
											<span className="sr-only">{t('collab.mine.open')}</span>
										</th>
									</tr>
								</thead>
								<tbody className="divide-y divide-slate-200">
									{assignments.map((row) => {
										const label = `${row.targetId} ${locale === 'en' ? row.titleEn : row.title}`
										return (
											<tr key={row.id}>
												<th scope="row" className="py-2 pr-4 font-medium">
													<span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
														{t(
															row.targetType === 'section'
																? 'collab.assign.section'
																: 'collab.assign.indicator',
														)}
													</span>
													{label}
												</th>
												<td className="py-2 pr-4">
													<ProgressBar
														answered={row.progress.answered}
														total={row.progress.total}
													/>
													{row.progress.toReview > 0 ? (
														<p className="text-xs text-amber-800">
															{t('collab.progress.toReview', { count: row.progress.toReview })}
														</p>
													) : null}
												</td>
												<td className="py-2 text-right">
													<Link
														to={answerPath(
															workspace.id,
															assessment.id,
															row.targetType === 'section'
																? { section: row.targetId }
																: { indicator: row.targetId },
														)}
														aria-label={t('collab.mine.openLabel', { target: label })}
														className="text-brand-700 underline-offset-2 hover:underline"
													>
														{t('collab.mine.open')}
													</Link>
												</td>
											</tr>
										)
									})}
								</tbody>
							</table>
						</div>
						<Link
							to={assignmentsPath(workspace.id, assessment.id)}
							className="inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
						>
							{t('collab.mine.allAssignments')}
						</Link>
					</section>
				))
			)}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
