import { data, Link } from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import { buttonClass } from '#app/components/form-fields.tsx'
import { calendarDay, LevelLabel, ScoreText } from '#app/components/level-label.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { workspaceTimeline, type SchemeTimelineView } from '#app/services/annual-cycle.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { assessmentAnswerPath, assessmentPath } from '#app/utils/assessment-paths.ts'
import { comparePath, startReviewPath } from '#app/utils/cycle-paths.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { hasRole } from '#app/utils/roles.ts'
import type { Route } from './+types/timeline'

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const timelines = await workspaceTimeline(scope)
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		canStart: hasRole(scope.role, 'admin'),
		timelines,
	})
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'cycle.timeline.title', loaderData?.workspace.name)
}

export default function Timeline({ loaderData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { workspace, canStart, timelines } = loaderData
	const comparable = timelines.some((timeline) => timeline.entries.length > 1)
	return (
		<main id="main" className="space-y-8">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<p className="text-sm text-slate-600">{workspace.name}</p>
					<h1 className="text-2xl font-bold">{t('cycle.timeline.title')}</h1>
					<p className="mt-1 max-w-3xl text-slate-700">{t('cycle.timeline.intro')}</p>
				</div>
				{comparable ? (
					<Link to={comparePath(workspace.id)} className={buttonClass('secondary')}>
						{t('cycle.timeline.compareAll')}
					</Link>
				) : null}
			</div>
			{timelines.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
					{t('cycle.timeline.empty')}
				</p>
			) : (
				timelines.map((timeline) => (
					<SchemeTimeline
						key={timeline.scheme.id}
						workspaceId={workspace.id}
						timeline={timeline}
						canStart={canStart}
					/>
				))
			)}
		</main>
	)
}

function SchemeTimeline({
	workspaceId,
	timeline,
	canStart,
}: {
	workspaceId: string
	timeline: SchemeTimelineView
	canStart: boolean
}) {
	const { t, date, locale } = useI18n()
	const { scheme, entries, due, inProgress, lastSubmitted } = timeline
	const headingId = `scheme-${scheme.id}`
	const titles = new Map(entries.map((entry) => [entry.id, entry.title]))
	return (
		<section aria-labelledby={headingId} className="space-y-3">
			<div>
				<h2 id={headingId} className="text-lg font-semibold">
					{scheme.shortTitle}
				</h2>
				<p className="text-sm text-slate-600">{locale === 'en' ? scheme.titleEn : scheme.title}</p>
			</div>
			<DueNotice due={due} />
			{inProgress ? (
				<p className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
					<span>{t('cycle.timeline.inProgress', { title: inProgress.title })}</span>
					<Link
						to={assessmentAnswerPath(workspaceId, inProgress.id)}
						className="font-medium text-brand-700 underline underline-offset-2"
					>
						{t('cycle.timeline.continue')}
					</Link>
				</p>
			) : lastSubmitted ? (
				canStart ? (
					<div>
						<Link
							to={startReviewPath(workspaceId, scheme.id, lastSubmitted.id)}
							className={buttonClass()}
							aria-describedby={`${headingId}-start-hint`}
						>
							{t('cycle.timeline.startFrom', { period: lastSubmitted.period })}
						</Link>
						<p id={`${headingId}-start-hint`} className="mt-1 text-sm text-slate-600">
							{t('cycle.timeline.startHint')}
						</p>
					</div>
				) : (
					<p className="text-sm text-slate-600">{t('cycle.timeline.adminOnly')}</p>
				)
			) : null}
			<div className="overflow-x-auto rounded border border-slate-200 bg-white">
				<table className="w-full min-w-[52rem] text-left text-sm">
					<caption className="sr-only">
						{t('cycle.timeline.caption', { scheme: scheme.shortTitle })}
					</caption>
					<thead className="bg-slate-50 text-slate-600">
						<tr>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('assessment.field.period')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('assessment.field.title')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('assessment.field.status')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('cycle.timeline.submitted')}
							</th>
							<th scope="col" className="px-4 py-3 text-right font-medium">
								{t('assessment.field.score')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('assessment.field.level')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('cycle.timeline.compare')}
							</th>
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-200">
						{entries.map((entry) => (
							<tr key={entry.id}>
								<td className="px-4 py-3 font-medium">{entry.period}</td>
								<th scope="row" className="px-4 py-3 font-medium">
									<Link
										to={assessmentPath(workspaceId, entry.id)}
										className="text-brand-700 underline-offset-2 hover:underline"
									>
										{entry.title}
									</Link>
								</th>
								<td className="px-4 py-3">
									<span
										className={`rounded px-2 py-0.5 text-xs font-medium ${
											entry.status === 'submitted'
												? 'bg-slate-800 text-white'
												: 'bg-sky-100 text-sky-900'
										}`}
									>
										{t(`assessment.status.${entry.status}`)}
									</span>
									{entry.status === 'in_progress' ? (
										<span className="ml-2 text-xs tabular-nums text-slate-600">
											{t('assessment.progress.count', {
												answered: entry.progress.answered,
												total: entry.progress.total,
											})}
										</span>
									) : null}
								</td>
								<td className="px-4 py-3">
									{entry.submittedDate ? (
										<time dateTime={entry.submittedDate}>
											{date(calendarDay(entry.submittedDate))}
										</time>
									) : (
										<span className="text-slate-500">{t('cycle.timeline.notSubmitted')}</span>
									)}
								</td>
								<td className="px-4 py-3 text-right tabular-nums">
									<ScoreText score={entry.score} checklist={entry.checklist} />
								</td>
								<td className="px-4 py-3">
									<LevelLabel level={entry.level} />
								</td>
								<td className="px-4 py-3">
									{entry.previousId ? (
										<Link
											to={comparePath(workspaceId, entry.previousId, entry.id)}
											aria-label={t('cycle.timeline.compareLabel', {
												title: entry.title,
												previous: titles.get(entry.previousId) ?? '',
											})}
											className="text-brand-700 underline underline-offset-2"
										>
											{t('cycle.timeline.compare')}
										</Link>
									) : (
										<span className="text-slate-500">—</span>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}

function DueNotice({ due }: { due: SchemeTimelineView['due'] }) {
	const { t, date } = useI18n()
	if (!due) return <p className="text-sm text-slate-700">{t('cycle.timeline.noSubmission')}</p>
	const tone = due.overdue
		? 'border-red-300 bg-red-50 text-red-900'
		: due.dueSoon
			? 'border-amber-300 bg-amber-50 text-amber-900'
			: 'border-slate-200 bg-white text-slate-800'
	return (
		<div
			role={due.overdue || due.dueSoon ? 'status' : undefined}
			className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded border px-4 py-3 text-sm ${tone}`}
		>
			{due.overdue || due.dueSoon ? (
				<span
					className={`rounded px-2 py-0.5 text-xs font-semibold ${
						due.overdue ? 'bg-red-700 text-white' : 'bg-amber-600 text-white'
					}`}
				>
					{due.overdue ? t('cycle.timeline.badge.overdue') : t('cycle.timeline.badge.dueSoon')}
				</span>
			) : null}
			<span className="font-medium">
				{t('cycle.timeline.due', { date: date(calendarDay(due.due)) })}
			</span>
			<span>
				{due.overdue
					? t('cycle.timeline.overdueBy', { count: -due.daysLeft })
					: due.daysLeft === 0
						? t('cycle.timeline.dueToday')
						: t('cycle.timeline.daysLeft', { count: due.daysLeft })}
			</span>
			<span className="text-slate-600">
				{t('cycle.timeline.dueFrom', { date: date(calendarDay(due.lastSubmitted)) })}
			</span>
		</div>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
