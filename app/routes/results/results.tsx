import { data, Link } from 'react-router'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { CalculationPanel } from '#app/components/results/calculation.tsx'
import { GapReason, PathSummary } from '#app/components/results/gap-parts.tsx'
import { ResultsHeader } from '#app/components/results/results-header.tsx'
import { ScoreCard } from '#app/components/results/score-card.tsx'
import { SectionChart } from '#app/components/results/section-chart.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { loadResultsBasis, resultsHeader, resultsOverview } from '#app/services/results.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { gapsPath } from '#app/utils/results-paths.ts'
import type { Route } from './+types/results'

/** Live while the assessment is in progress; the snapshot taken at submission once submitted. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const basis = await loadResultsBasis(scope, params.assessmentId)
	return data({ header: resultsHeader(scope, basis), overview: resultsOverview(basis) })
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'results.title', loaderData?.header.assessment.title)
}

export default function ResultsPage({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const { header, overview } = loaderData
	const { workspace, assessment, scheme } = header
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	const n = (value: number) => format.format(value)
	return (
		<main id="main" className="space-y-6">
			<ResultsHeader page="results" data={header} />
			{!overview.ok ? (
				<div
					role="alert"
					className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950"
				>
					<p className="font-medium">{t('assessment.score.notScorable')}</p>
					<p className="mt-1 break-words text-sm">{overview.error}</p>
				</div>
			) : (
				<>
					<ScoreCard
						title={overview.submitted ? t('results.scoreSubmitted') : t('results.scoreLive')}
						score={overview.result.score}
						passed={overview.result.passed}
						levelKey={overview.result.level?.key ?? null}
						scheme={scheme}
						summary={overview.path?.summary ?? null}
					>
						{!overview.result.complete ? (
							<p className="mt-2 text-sm text-slate-600">
								{t('results.incomplete', {
									answered: overview.progress.total - overview.progress.unanswered,
									total: overview.progress.total,
								})}
							</p>
						) : null}
					</ScoreCard>

					<div className="grid gap-6 lg:grid-cols-2">
						<CalculationPanel calculation={overview.calculation} />
						<Panel title={t('results.next.title')} id="next-level">
							{overview.path ? <PathSummary path={overview.path} scheme={scheme} brief /> : null}
							<p>
								<Link
									to={gapsPath(workspace.id, assessment.id)}
									className="text-brand-700 underline-offset-2 hover:underline"
								>
									{t('results.next.openGaps', { count: overview.gapCount })}
								</Link>
							</p>
						</Panel>
					</div>

					<SectionChart sections={overview.sections} />

					<Panel title={t('results.topGaps.title')} id="top-gaps">
						{overview.topGaps.length === 0 ? (
							<p className="text-sm text-slate-700">{t('results.topGaps.none')}</p>
						) : (
							<>
								<p className="text-sm text-slate-700">
									{t('results.topGaps.intro', {
										count: overview.gapCount,
										recoverable: n(overview.recoverable),
									})}
								</p>
								<ol className="space-y-2 text-sm">
									{overview.topGaps.map((gap) => (
										<li key={gap.id} className="rounded border border-slate-200 p-2">
											<p className="font-medium">
												{gap.id} {locale === 'en' ? gap.titleEn : gap.title}
												{gap.recoverable === null ? null : (
													<span className="ml-2 font-normal tabular-nums text-slate-700">
														{t('results.gaps.recoverableValue', { points: n(gap.recoverable) })}
													</span>
												)}
											</p>
											<GapReason gap={gap} />
										</li>
									))}
								</ol>
							</>
						)}
					</Panel>

					<Panel title={t('results.exclusions.title')} id="exclusions">
						{overview.exclusions.length === 0 ? (
							<p className="text-sm text-slate-700">{t('results.exclusions.none')}</p>
						) : (
							<div className="overflow-x-auto">
								<table className="w-full min-w-[36rem] text-left text-sm">
									<caption className="sr-only">{t('results.exclusions.caption')}</caption>
									<thead className="text-slate-600">
										<tr>
											<th scope="col" className="py-2 pr-4 font-medium">
												{t('results.col.indicator')}
											</th>
											<th scope="col" className="py-2 pr-4 font-medium">
												{t('results.exclusions.what')}
											</th>
											<th scope="col" className="py-2 pr-4 text-right font-medium">
												{t('results.exclusions.removed')}
											</th>
											<th scope="col" className="py-2 font-medium">
												{t('results.exclusions.reason')}
											</th>
										</tr>
									</thead>
									<tbody className="divide-y divide-slate-100">
										{overview.exclusions.map((entry) => (
											<tr key={entry.id}>
												<th scope="row" className="py-2 pr-4 font-medium">
													{entry.id} {locale === 'en' ? entry.titleEn : entry.title}
												</th>
												<td className="py-2 pr-4">
													{entry.whole
														? t('results.exclusions.whole')
														: t('results.exclusions.sub', {
																list: entry.notApplicable
																	.map((x) => `${x})`)
																	.join(locale === 'en' ? ', ' : '、'),
															})}
												</td>
												<td className="py-2 pr-4 text-right tabular-nums">
													{n(entry.removed)} / {n(entry.full)}
												</td>
												<td className="whitespace-pre-line py-2">
													{entry.reason ?? t('results.exclusions.noReason')}
												</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
						)}
					</Panel>

					{overview.result.warnings.length > 0 ? (
						<Panel title={t('results.warnings.title')} id="warnings">
							<ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
								{overview.result.warnings.map((warning) => (
									<li key={warning}>{warning}</li>
								))}
							</ul>
						</Panel>
					) : null}
				</>
			)}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
