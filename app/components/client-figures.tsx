import { Link } from 'react-router'
import { calendarDay, LevelLabel, ScoreText } from '#app/components/level-label.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import type { ClientFigures } from '#app/services/portfolio.server.ts'
import { workspaceActionsPath } from '#app/utils/actions.ts'
import { assessmentPath } from '#app/utils/assessment-paths.ts'
import { timelinePath } from '#app/utils/cycle-paths.ts'

/** The column headers of a client's figures on My clients, matching ClientFiguresCells. */
export function ClientFiguresHead() {
	const { t } = useI18n()
	return (
		<>
			<th scope="col" className="px-4 py-3 font-medium">
				{t('portfolio.scheme')}
			</th>
			<th scope="col" className="px-4 py-3 font-medium">
				{t('portfolio.lastResult')}
			</th>
			<th scope="col" className="px-4 py-3 font-medium">
				{t('portfolio.current')}
			</th>
			<th scope="col" className="px-4 py-3 font-medium">
				{t('portfolio.overdueActions')}
			</th>
			<th scope="col" className="px-4 py-3 font-medium">
				{t('portfolio.nextReview')}
			</th>
		</>
	)
}

/** One client at a glance: scheme, last result, the assessment in progress, what is late. */
export function ClientFiguresCells({
	workspaceId,
	figures,
}: {
	workspaceId: string
	figures: ClientFigures
}) {
	const { t, date } = useI18n()
	const { scheme, last, current, overdueActions, nextReview } = figures
	const none = <span className="text-slate-500">{t('portfolio.none')}</span>
	return (
		<>
			<td className="px-4 py-3">
				{scheme?.shortTitle ?? (
					<span className="text-slate-500">{t('portfolio.noAssessment')}</span>
				)}
			</td>
			<td className="px-4 py-3">
				{last ? (
					<>
						<span className="font-medium tabular-nums">
							<ScoreText score={last.score} checklist={last.checklist} />
						</span>{' '}
						<LevelLabel level={last.level} />
						<span className="mt-0.5 block text-xs text-slate-600">
							{t('portfolio.submittedOn', {
								period: last.period,
								date: date(calendarDay(last.submittedDate)),
							})}
						</span>
					</>
				) : scheme ? (
					<span className="text-slate-500">{t('portfolio.notSubmitted')}</span>
				) : (
					none
				)}
			</td>
			<td className="px-4 py-3">
				{current ? (
					<>
						<Link
							to={assessmentPath(workspaceId, current.id)}
							className="text-brand-700 underline-offset-2 hover:underline"
						>
							{current.title}
						</Link>
						<progress
							className="mt-1 block h-2 w-28 accent-brand-700"
							max={current.progress.total || 1}
							value={current.progress.answered}
							aria-label={t('portfolio.progressLabel', { title: current.title })}
						/>
						<span className="block text-xs tabular-nums text-slate-600">
							{t('portfolio.progress', {
								answered: current.progress.answered,
								total: current.progress.total,
							})}
						</span>
					</>
				) : (
					none
				)}
			</td>
			<td className="px-4 py-3">
				{overdueActions > 0 ? (
					<Link
						to={workspaceActionsPath(workspaceId, { overdue: '1' })}
						className="font-medium text-red-700 underline underline-offset-2"
					>
						{t('portfolio.overdueCount', { count: overdueActions })}
					</Link>
				) : (
					<span className="text-slate-600">{t('portfolio.noOverdue')}</span>
				)}
			</td>
			<td className="px-4 py-3">
				{nextReview ? (
					<Link
						to={timelinePath(workspaceId)}
						className="text-brand-700 underline-offset-2 hover:underline"
					>
						<time dateTime={nextReview.due}>{date(calendarDay(nextReview.due))}</time>
						{nextReview.overdue || nextReview.dueSoon ? (
							<span
								className={`ml-2 rounded px-1.5 py-0.5 text-xs font-semibold text-white ${
									nextReview.overdue ? 'bg-red-700' : 'bg-amber-600'
								}`}
							>
								{nextReview.overdue
									? t('cycle.timeline.badge.overdue')
									: t('cycle.timeline.badge.dueSoon')}
							</span>
						) : null}
						<span className="block text-xs text-slate-600">{nextReview.schemeTitle}</span>
					</Link>
				) : (
					none
				)}
			</td>
		</>
	)
}
