import { Link } from 'react-router'
import type { PanelScheme } from '#app/domain/assessments/panel.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { assessmentPath, assessmentsPath } from '#app/utils/assessment-paths.ts'
import {
	crossSchemePath,
	gapsPath,
	reportPath,
	resultsPath,
	whatIfPath,
} from '#app/utils/results-paths.ts'

export type ResultsPage = 'results' | 'gaps' | 'what-if' | 'cross-scheme'

export type HeaderData = {
	workspace: { id: string; name: string }
	assessment: {
		id: string
		title: string
		period: string
		status: 'in_progress' | 'submitted'
		submittedAt: Date | null
	}
	scheme: PanelScheme & { title: string; titleEn: string }
	crossScheme: boolean
	scorable: boolean
	differsFromSnapshot: boolean
}

const LINK = 'text-brand-700 underline-offset-2 hover:underline'
const TAB =
	'block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800 border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'

/** Where the results pages are: breadcrumb, title, the four views and the report downloads. */
export function ResultsHeader({ page, data }: { page: ResultsPage; data: HeaderData }) {
	const { t, date, locale } = useI18n()
	const { workspace, assessment, scheme } = data
	const ws = workspace.id
	const id = assessment.id
	const tabs: { key: ResultsPage; href: string; label: string }[] = [
		{ key: 'results', href: resultsPath(ws, id), label: t('results.nav.results') },
		{ key: 'gaps', href: gapsPath(ws, id), label: t('results.nav.gaps') },
		{ key: 'what-if', href: whatIfPath(ws, id), label: t('results.nav.whatIf') },
	]
	if (data.crossScheme)
		tabs.push({
			key: 'cross-scheme',
			href: crossSchemePath(ws, id),
			label: t('results.nav.crossScheme'),
		})
	const titles: Record<ResultsPage, string> = {
		results: t('results.title'),
		gaps: t('results.gaps.title'),
		'what-if': t('results.whatIf.title'),
		'cross-scheme': t('results.cross.title'),
	}
	const submitted = assessment.status === 'submitted'
	return (
		<div className="space-y-4">
			<div>
				<p className="text-sm text-slate-600">
					<Link to={assessmentsPath(ws)} className={LINK}>
						{t('assessment.list.title')}
					</Link>
					{' › '}
					<Link to={assessmentPath(ws, id)} className={LINK}>
						{assessment.title}
					</Link>
					{' · '}
					{workspace.name}
				</p>
				<h1 className="text-2xl font-bold">{titles[page]}</h1>
				<p className="mt-1 text-slate-700">
					{assessment.title} · {scheme.shortTitle} ·{' '}
					{locale === 'en' ? scheme.titleEn : scheme.title} · {assessment.period}
				</p>
				<p className="mt-1 text-sm text-slate-600">
					{submitted
						? t('results.fixed', {
								date: assessment.submittedAt ? date(assessment.submittedAt, true) : '—',
							})
						: t('results.live')}
				</p>
				{data.differsFromSnapshot ? (
					<p className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
						{t('results.differsFromSnapshot')}
					</p>
				) : null}
			</div>
			<div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200">
				<nav aria-label={t('results.nav.label')} className="-mb-px overflow-x-auto">
					<ul className="flex gap-1">
						{tabs.map((tab) => (
							<li key={tab.key}>
								<Link
									to={tab.href}
									aria-current={tab.key === page ? 'page' : undefined}
									className={TAB}
								>
									{tab.label}
								</Link>
							</li>
						))}
					</ul>
				</nav>
				{data.scorable ? <ReportLinks workspaceId={ws} assessmentId={id} /> : null}
			</div>
		</div>
	)
}

/** The report downloads; plain links, so they work without JavaScript. */
export function ReportLinks({
	workspaceId,
	assessmentId,
}: {
	workspaceId: string
	assessmentId: string
}) {
	const { t } = useI18n()
	const button =
		'inline-flex items-center rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100'
	return (
		<ul aria-label={t('results.report.label')} className="mb-2 flex flex-wrap gap-2">
			<li>
				<a href={reportPath(workspaceId, assessmentId, 'pdf')} download className={button}>
					{t('results.report.pdf')}
				</a>
			</li>
			<li>
				<a href={reportPath(workspaceId, assessmentId, 'xlsx')} download className={button}>
					{t('results.report.xlsx')}
				</a>
			</li>
		</ul>
	)
}
