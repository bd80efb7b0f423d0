import { data, Form, Link, useLocation } from 'react-router'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { SelectField, SubmitButton } from '#app/components/form-fields.tsx'
import { GapReason, PathSummary } from '#app/components/results/gap-parts.tsx'
import { ResultsHeader } from '#app/components/results/results-header.tsx'
import { ScoreCard } from '#app/components/results/score-card.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { translator } from '#app/i18n/translator.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { GAP_STATUSES } from '#app/domain/results/gap-status.ts'
import {
	gapsOf,
	loadResultsBasis,
	resultsHeader,
	type GapFilters,
} from '#app/services/results.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { answerPath } from '#app/utils/collaboration.ts'
import { actionPath, assessmentActionsPath } from '#app/utils/actions.ts'
import type { Route } from './+types/gaps'

type FilterErrors = Partial<Record<keyof GapFilters, string[]>>

/**
 * Every indicator that lost points, ranked by the points it can recover, filtered by section,
 * assignee and answer status (GET, so a filtered list can be bookmarked and shared), and the
 * path to the next level.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const basis = await loadResultsBasis(scope, params.assessmentId)
	const t = translator(await resolveLocale(request, scope.user))
	const query = new URL(request.url).searchParams
	const errors: FilterErrors = {}
	const filters: GapFilters = {}
	const section = query.get('section') ?? ''
	if (section) {
		if (basis.scheme.sections.some((entry) => entry.id === section)) filters.section = section
		else errors.section = [t('results.gaps.filter.unknownSection')]
	}
	const status = query.get('status') ?? ''
	if (status) {
		const known = GAP_STATUSES.find((entry) => entry === status)
		if (known) filters.status = known
		else errors.status = [t('results.gaps.filter.unknownStatus')]
	}
	const assignee = query.get('assignee') ?? ''
	if (assignee) filters.assignee = assignee
	const gaps = await gapsOf(scope, basis, filters)
	if (gaps.unknownAssignee) errors.assignee = [t('results.gaps.filter.unknownAssignee')]
	return data(
		{
			header: resultsHeader(scope, basis),
			gaps,
			sections: basis.scheme.sections.map(({ id, title, titleEn }) => ({ id, title, titleEn })),
			filters: { section, status, assignee },
			errors,
		},
		// a filter that names nothing known is refused in words beside it, the list unfiltered by it
		{ status: Object.keys(errors).length ? 400 : 200 },
	)
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'results.gaps.title', loaderData?.header.assessment.title)
}

export default function GapsPage({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const location = useLocation()
	const { header, gaps, sections, filters, errors } = loaderData
	const { workspace, assessment, scheme } = header
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	const n = (value: number) => format.format(value)
	const here = `${location.pathname}${location.search}`
	const actionsHref = assessmentActionsPath(workspace.id, assessment.id)
	const sectionName = (id: string) => {
		const section = sections.find((entry) => entry.id === id)
		return section ? `${id} ${locale === 'en' ? section.titleEn : section.title}` : id
	}
	const path = gaps.path
	return (
		<main id="main" className="space-y-6">
			<ResultsHeader page="gaps" data={header} />
			{!gaps.analysis ? (
				<p role="alert" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
					{t('assessment.score.notScorable')}
				</p>
			) : (
				<>
					{path ? (
						<ScoreCard
							title={t('results.next.title')}
							score={path.score}
							passed={path.kind === 'no-levels' ? null : path.passed}
							levelKey={path.kind === 'no-levels' ? null : path.level.key}
							scheme={scheme}
							summary={path.summary}
						>
							<div className="mt-4">
								<PathSummary path={path} scheme={scheme} />
							</div>
							{path.kind === 'path' && path.steps.length > 0 && header.can.createActions ? (
								<Form method="post" action={actionsHref} className="mt-4">
									<input type="hidden" name="intent" value="create-from-gap" />
									{path.steps.map((step) => (
										<input key={step.id} type="hidden" name="indicatorIds" value={step.id} />
									))}
									<input type="hidden" name="redirectTo" value={here} />
									<SubmitButton>
										{t('results.gaps.createForPath', { count: path.steps.length })}
									</SubmitButton>
								</Form>
							) : null}
						</ScoreCard>
					) : null}

					<Panel title={t('results.gaps.listTitle')} id="gap-list">
						<p className="text-sm text-slate-700">
							{t('results.gaps.intro', {
								count: gaps.total,
								lost: n(gaps.analysis.lost),
								recoverable: n(gaps.analysis.recoverable),
							})}
						</p>
						<Form method="get" className="grid gap-3 sm:grid-cols-4 sm:items-end">
							<SelectField
								name="section"
								label={t('results.col.section')}
								defaultValue={filters.section}
								errors={errors.section}
								options={[
									{ value: '', label: t('results.gaps.filter.all') },
									...sections.map((section) => ({
										value: section.id,
										label: sectionName(section.id),
									})),
								]}
							/>
							<SelectField
								name="assignee"
								label={t('results.col.assignee')}
								defaultValue={filters.assignee}
								errors={errors.assignee}
								options={[
									{ value: '', label: t('results.gaps.filter.anyone') },
									{ value: 'none', label: t('results.gaps.filter.unassigned') },
									...gaps.people.map((person) => ({ value: person.id, label: person.name })),
								]}
							/>
							<SelectField
								name="status"
								label={t('results.col.status')}
								defaultValue={filters.status}
								errors={errors.status}
								options={[
									{ value: '', label: t('results.gaps.filter.all') },
									...GAP_STATUSES.map((status) => ({
										value: status,
										label: t(`results.gaps.status.${status}`),
									})),
								]}
							/>
							<div>
								<SubmitButton variant="secondary">{t('results.gaps.filter.apply')}</SubmitButton>
							</div>
						</Form>
						<p role="status" className="text-sm text-slate-700">
							{t('results.gaps.shown', { shown: gaps.rows.length, total: gaps.total })}
						</p>
						{gaps.rows.length === 0 ? null : (
							<div className="overflow-x-auto">
								<table className="w-full min-w-[56rem] text-left text-sm">
									<caption className="sr-only">{t('results.gaps.caption')}</caption>
									<thead className="text-slate-600">
										<tr>
											<th scope="col" className="py-2 pr-3 font-medium">
												#
											</th>
											<th scope="col" className="py-2 pr-3 font-medium">
												{t('results.col.indicator')}
											</th>
											<th scope="col" className="py-2 pr-3 text-right font-medium">
												{t('results.col.lost')}
											</th>
											<th scope="col" className="py-2 pr-3 text-right font-medium">
												{t('results.col.recoverable')}
											</th>
											<th scope="col" className="py-2 pr-3 font-medium">
												{t('results.col.reason')}
											</th>
											<th scope="col" className="py-2 pr-3 font-medium">
												{t('results.col.assignee')}
											</th>
											<th scope="col" className="py-2 pr-3 font-medium">
												{t('results.col.status')}
											</th>
											<th scope="col" className="py-2 font-medium">
												{t('results.col.action')}
											</th>
										</tr>
									</thead>
									<tbody className="divide-y divide-slate-100 align-top">
										{gaps.rows.map((gap) => (
											<tr key={gap.id} id={`gap-${gap.id}`}>
												<td className="py-2 pr-3 tabular-nums text-slate-600">{gap.rank}</td>
												<th scope="row" className="py-2 pr-3 font-medium">
													<a
														href={answerPath(workspace.id, assessment.id, { indicator: gap.id })}
														className="text-brand-700 underline-offset-2 hover:underline"
													>
														{gap.id}
													</a>{' '}
													{locale === 'en' ? gap.titleEn : gap.title}
													<span className="block text-xs font-normal text-slate-600">
														{sectionName(gap.sectionId)}
													</span>
												</th>
												<td className="py-2 pr-3 text-right tabular-nums">
													{gap.lost === null
														? '—'
														: t('results.gaps.lostValue', {
																lost: n(gap.lost),
																involved: n(gap.involved),
															})}
												</td>
												<td className="py-2 pr-3 text-right tabular-nums font-medium">
													{gap.recoverable === null ? '—' : n(gap.recoverable)}
												</td>
												<td className="py-2 pr-3">
													<GapReason gap={gap} />
												</td>
												<td className="py-2 pr-3">
													{gap.assignee?.name ?? (
														<span className="text-slate-500">
															{t('results.gaps.filter.unassigned')}
														</span>
													)}
												</td>
												<td className="py-2 pr-3">{t(`results.gaps.status.${gap.status}`)}</td>
												<td className="space-y-2 py-2">
													{gap.actions.length > 0 ? (
														<ul aria-label={t('results.gaps.linkedActions', { id: gap.id })}>
															{gap.actions.map((action) => (
																<li key={action.id}>
																	<Link
																		to={actionPath(workspace.id, action.id)}
																		className="text-brand-700 underline-offset-2 hover:underline"
																	>
																		{action.title}
																	</Link>{' '}
																	<span className="text-xs text-slate-600">
																		{t(`actions.status.${action.status}`)}
																	</span>
																</li>
															))}
														</ul>
													) : null}
													{header.can.createActions ? (
														<Form method="post" action={actionsHref}>
															<input type="hidden" name="intent" value="create-from-gap" />
															<input type="hidden" name="indicatorIds" value={gap.id} />
															<input
																type="hidden"
																name="redirectTo"
																value={`${here}#gap-${gap.id}`}
															/>
															<SubmitButton
																variant="secondary"
																label={t('results.gaps.createForLabel', { id: gap.id })}
															>
																{t('results.gaps.create')}
															</SubmitButton>
														</Form>
													) : null}
												</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
						)}
					</Panel>
				</>
			)}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
