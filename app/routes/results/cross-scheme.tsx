import { data } from 'react-router'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { words } from '#app/components/results/gap-parts.tsx'
import { ResultsHeader } from '#app/components/results/results-header.tsx'
import { PassBadge } from '#app/components/results/score-card.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { crossSchemeOf, loadResultsBasis, resultsHeader } from '#app/services/results.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import type { Route } from './+types/cross-scheme'

/**
 * The same answers under the other schemes of the GB/T 27922 family: the score and level they
 * would get as they stand, what carries over and what cannot (and why), and the best case.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const basis = await loadResultsBasis(scope, params.assessmentId)
	return data({ header: resultsHeader(scope, basis), view: crossSchemeOf(basis) })
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'results.cross.title', loaderData?.header.assessment.title)
}

type View = NonNullable<Route.ComponentProps['loaderData']['view']>
type Comparison = View['comparisons'][number]

export default function CrossSchemePage({ loaderData }: Route.ComponentProps) {
	const { t, number } = useI18n()
	const { header, view } = loaderData
	const levelName = (level: { name: string } | null) =>
		level ? level.name : t('results.cross.noLevel')
	return (
		<main id="main" className="space-y-6">
			<ResultsHeader page="cross-scheme" data={header} />
			{!header.crossScheme ? (
				<p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
					{t('results.cross.notFamily', { scheme: header.scheme.shortTitle })}
				</p>
			) : !view ? (
				<p role="alert" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
					{t('assessment.score.notScorable')}
				</p>
			) : (
				<>
					<p className="text-slate-700">{t('results.cross.intro')}</p>
					<div className="overflow-x-auto rounded border border-slate-200 bg-white p-4">
						<table className="w-full min-w-[44rem] text-left text-sm">
							<caption className="text-left text-base font-semibold text-slate-900">
								{t('results.cross.tableCaption')}
							</caption>
							<thead className="text-slate-600">
								<tr>
									<th scope="col" className="py-2 pr-4 font-medium">
										{t('results.cross.scheme')}
									</th>
									<th scope="col" className="py-2 pr-4 text-right font-medium">
										{t('results.cross.scoreNow')}
									</th>
									<th scope="col" className="py-2 pr-4 font-medium">
										{t('results.cross.levelNow')}
									</th>
									<th scope="col" className="py-2 pr-4 text-right font-medium">
										{t('results.cross.carried')}
									</th>
									<th scope="col" className="py-2 pr-4 text-right font-medium">
										{t('results.cross.toAnswer')}
									</th>
									<th scope="col" className="py-2 font-medium">
										{t('results.cross.bestCase')}
									</th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-100 tabular-nums">
								<tr className="bg-brand-50">
									<th scope="row" className="py-2 pr-4 font-medium">
										{header.scheme.shortTitle}
										<span className="block text-xs font-normal text-slate-600">
											{t('results.cross.thisScheme')}
										</span>
									</th>
									<td className="py-2 pr-4 text-right">
										{number(view.source.score, 2)} / {view.source.fullMarks}
									</td>
									<td className="py-2 pr-4">{levelName(view.source.level)}</td>
									<td className="py-2 pr-4 text-right">—</td>
									<td className="py-2 pr-4 text-right">—</td>
									<td className="py-2">—</td>
								</tr>
								{view.comparisons.map((comparison) => (
									<tr key={comparison.scheme}>
										<th scope="row" className="py-2 pr-4 font-medium">
											<a
												href={`#scheme-${comparison.scheme}`}
												className="text-brand-700 underline-offset-2 hover:underline"
											>
												{comparison.shortTitle}
											</a>
										</th>
										<td className="py-2 pr-4 text-right">
											{comparison.result
												? `${number(comparison.result.score, 2)} / ${comparison.fullMarks}`
												: t('results.cross.notScorable')}
										</td>
										<td className="py-2 pr-4">
											{comparison.result ? levelName(comparison.result.level) : '—'}
										</td>
										<td className="py-2 pr-4 text-right">{comparison.carried.length}</td>
										<td className="py-2 pr-4 text-right">{comparison.toAnswer.length}</td>
										<td className="py-2">
											{comparison.bestCase
												? t('results.cross.bestValue', {
														score: number(comparison.bestCase.score, 2),
														level: levelName(comparison.bestCase.level),
													})
												: '—'}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{view.comparisons.map((comparison) => (
						<SchemePanel key={comparison.scheme} comparison={comparison} />
					))}
				</>
			)}
		</main>
	)
}

function SchemePanel({ comparison }: { comparison: Comparison }) {
	const { t, locale, number } = useI18n()
	const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	const levelName = (level: { name: string } | null) =>
		level ? level.name : t('results.cross.noLevel')
	return (
		<Panel
			id={`scheme-${comparison.scheme}`}
			title={`${comparison.shortTitle} · ${locale === 'en' ? comparison.titleEn : comparison.title}`}
		>
			{comparison.result ? (
				<div className="flex flex-wrap items-center gap-4">
					<p className="text-2xl font-bold tabular-nums">
						{number(comparison.result.score, 2)}
						<span className="ml-2 text-base font-normal text-slate-600">
							{t('assessment.score.outOf', { full: comparison.fullMarks })}
						</span>
					</p>
					<p className="text-lg font-semibold">{levelName(comparison.result.level)}</p>
					{comparison.result.passed !== null ? (
						<PassBadge passed={comparison.result.passed} />
					) : null}
				</div>
			) : (
				<p role="alert" className="text-sm text-red-800">
					{t('results.cross.error', { detail: comparison.error ?? '' })}
				</p>
			)}
			{comparison.bestCase ? (
				<p className="text-sm text-slate-700">
					{t('results.cross.bestSentence', {
						score: number(comparison.bestCase.score, 2),
						level: levelName(comparison.bestCase.level),
						count: comparison.toAnswer.length,
					})}
				</p>
			) : null}
			<p className="text-sm text-slate-700">
				{t('results.cross.carriedSentence', { count: comparison.carried.length })}
			</p>
			{comparison.notCarried.length > 0 ? (
				<div className="overflow-x-auto">
					<table className="w-full min-w-[36rem] text-left text-sm">
						<caption className="text-left font-medium text-slate-800">
							{t('results.cross.notCarried', { count: comparison.notCarried.length })}
						</caption>
						<thead className="text-slate-600">
							<tr>
								<th scope="col" className="py-2 pr-4 font-medium">
									{t('results.col.indicator')}
								</th>
								<th scope="col" className="py-2 font-medium">
									{t('results.cross.why')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-100">
							{comparison.notCarried.map((entry) => (
								<tr key={entry.id}>
									<th scope="row" className="py-2 pr-4 font-medium">
										{entry.id} {locale === 'en' ? entry.titleEn : entry.title}
									</th>
									<td className="py-2 text-slate-700">{words(entry.text, locale)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : (
				<p className="text-sm text-slate-700">{t('results.cross.allCarried')}</p>
			)}
			{comparison.toAnswer.length > 0 ? (
				<details className="text-sm">
					<summary className="cursor-pointer font-medium">
						{t('results.cross.toAnswerList', { count: comparison.toAnswer.length })}
					</summary>
					<ul className="mt-2 grid gap-1 sm:grid-cols-2">
						{comparison.toAnswer.map((entry) => (
							<li key={entry.id}>
								{entry.id} {locale === 'en' ? entry.titleEn : entry.title}{' '}
								<span className="tabular-nums text-slate-600">
									{t('results.cross.points', { points: points.format(entry.points) })}
								</span>
							</li>
						))}
					</ul>
				</details>
			) : null}
		</Panel>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
