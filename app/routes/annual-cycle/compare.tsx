import { data, Form, Link } from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import { buttonClass } from '#app/components/form-fields.tsx'
import { LevelLabel, ScoreText } from '#app/components/level-label.tsx'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	compareChoices,
	compareTwo,
	type CompareChoice,
	type ComparedSide,
	type ComparedIndicator,
	type ComparedSection,
	type Comparison,
} from '#app/services/annual-cycle.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { actionPath } from '#app/utils/actions.ts'
import { assessmentPath } from '#app/utils/assessment-paths.ts'
import { timelinePath } from '#app/utils/cycle-paths.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import type { Route } from './+types/compare'

type PageError = { message: MessageKey; params?: Record<string, string> }

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const query = new URL(request.url).searchParams
	const given = { a: query.get('a')?.trim() ?? '', b: query.get('b')?.trim() ?? '' }
	const { choices, pair } = await compareChoices(scope)
	const page = (
		selected: { a: string; b: string },
		comparison: Comparison | null,
		error: PageError | null,
	) => ({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		choices,
		selected,
		comparison,
		error,
	})
	const selected = given.a || given.b ? given : (pair ?? given)
	if (!selected.a && !selected.b) return data(page(selected, null, null))
	if (!selected.a || !selected.b)
		return data(page(selected, null, { message: 'cycle.compare.error.pickBoth' }), {
			status: 400,
		})
	const outcome = await compareTwo(scope, selected.a, selected.b)
	if (!outcome.ok)
		return data(page(selected, null, { message: outcome.message, params: outcome.params }), {
			status: outcome.status,
		})
	const { ok: _, ...comparison } = outcome
	return data(page(selected, comparison, null))
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'cycle.compare.title', loaderData?.workspace.name)
}

export default function Compare({ loaderData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { workspace, choices, selected, comparison, error } = loaderData
	return (
		<main id="main" className="space-y-8">
			<div>
				<p className="text-sm text-slate-600">
					<Link
						to={timelinePath(workspace.id)}
						className="text-brand-700 underline-offset-2 hover:underline"
					>
						{t('cycle.timeline.title')}
					</Link>
					{' · '}
					{workspace.name}
				</p>
				<h1 className="text-2xl font-bold">{t('cycle.compare.title')}</h1>
				<p className="mt-1 max-w-3xl text-slate-700">{t('cycle.compare.intro')}</p>
			</div>
			<Pickers choices={choices} selected={selected} error={error} />
			{comparison ? <ComparisonView workspaceId={workspace.id} comparison={comparison} /> : null}
		</main>
	)
}

function Pickers({
	choices,
	selected,
	error,
}: {
	choices: CompareChoice[]
	selected: { a: string; b: string }
	error: PageError | null
}) {
	const { t } = useI18n()
	const schemes = [...new Map(choices.map((choice) => [choice.schemeId, choice.schemeTitle]))]
	const enough = schemes.some(
		([schemeId]) => choices.filter((choice) => choice.schemeId === schemeId).length > 1,
	)
	const describedBy = error ? 'compare-hint compare-error' : 'compare-hint'
	const select = (name: 'a' | 'b', label: string) => (
		<div className="min-w-0 flex-1">
			<label htmlFor={`compare-${name}`} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<select
				id={`compare-${name}`}
				name={name}
				defaultValue={choices.some((choice) => choice.id === selected[name]) ? selected[name] : ''}
				aria-invalid={error ? true : undefined}
				aria-describedby={describedBy}
				className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm"
			>
				<option value="">{t('cycle.compare.choose')}</option>
				{schemes.map(([schemeId, schemeTitle]) => (
					<optgroup key={schemeId} label={schemeTitle}>
						{choices
							.filter((choice) => choice.schemeId === schemeId)
							.map((choice) => (
								<option key={choice.id} value={choice.id}>
									{t('cycle.compare.option', {
										title: choice.title,
										period: choice.period,
										status: t(`assessment.status.${choice.status}`),
									})}
								</option>
							))}
					</optgroup>
				))}
			</select>
		</div>
	)
	return (
		<Form method="get" className="space-y-3 rounded border border-slate-200 bg-white p-4">
			<fieldset>
				<legend className="text-base font-semibold">{t('cycle.compare.pick')}</legend>
				<p id="compare-hint" className="mt-1 text-sm text-slate-600">
					{enough ? t('cycle.compare.pickHint') : t('cycle.compare.needTwo')}
				</p>
				<div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
					{select('a', t('cycle.compare.a'))}
					{select('b', t('cycle.compare.b'))}
					<button type="submit" className={buttonClass()}>
						{t('cycle.compare.submit')}
					</button>
				</div>
			</fieldset>
			{error ? (
				<p id="compare-error" role="alert" className="text-sm font-medium text-red-700">
					{t(error.message, error.params)}
				</p>
			) : null}
		</Form>
	)
}

function signed(value: number, format: (value: number) => string): string {
	return value > 0 ? `+${format(value)}` : format(value)
}

function changeTone(value: number): string {
	return value > 0 ? 'text-emerald-800' : value < 0 ? 'text-red-700' : 'text-slate-600'
}

function ComparisonView({
	workspaceId,
	comparison,
}: {
	workspaceId: string
	comparison: Comparison
}) {
	const { t, locale, number } = useI18n()
	const { before, after } = comparison
	const live = before.status === 'in_progress' || after.status === 'in_progress'
	const passText = (passed: boolean | null) =>
		passed === null ? '—' : passed ? t('assessment.score.passed') : t('assessment.score.failed')
	return (
		<>
			<section aria-labelledby="compare-summary" className="space-y-3">
				<h2 id="compare-summary" className="text-lg font-semibold">
					{t('cycle.compare.summary')} · {comparison.scheme.shortTitle}
				</h2>
				<p className="text-slate-800">
					{locale === 'en' ? comparison.summary.en : comparison.summary.zh}
				</p>
				{comparison.swapped ? (
					<p role="status" className="text-sm text-slate-700">
						{t('cycle.compare.swapped')}
					</p>
				) : null}
				{live ? <p className="text-sm text-amber-900">{t('cycle.compare.live')}</p> : null}
				<div className="overflow-x-auto rounded border border-slate-200 bg-white">
					<table className="w-full min-w-[36rem] text-left text-sm">
						<caption className="sr-only">{t('cycle.compare.summary')}</caption>
						<thead className="bg-slate-50 text-slate-600">
							<tr>
								<td className="px-4 py-3" />
								<SideHeader
									workspaceId={workspaceId}
									side={before}
									label={t('cycle.compare.earlier')}
								/>
								<SideHeader
									workspaceId={workspaceId}
									side={after}
									label={t('cycle.compare.later')}
								/>
								<th scope="col" className="px-4 py-3 text-right font-medium">
									{t('cycle.compare.change')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200">
							<tr>
								<th scope="row" className="px-4 py-3 font-medium">
									{t('assessment.field.score')}
								</th>
								<td className="px-4 py-3 text-lg font-semibold tabular-nums">
									<ScoreText score={before.score} checklist={before.checklist} />
								</td>
								<td className="px-4 py-3 text-lg font-semibold tabular-nums">
									<ScoreText score={after.score} checklist={after.checklist} />
								</td>
								<td
									className={`px-4 py-3 text-right font-semibold tabular-nums ${changeTone(comparison.score.change)}`}
								>
									{signed(comparison.score.change, (value) => number(value))}
								</td>
							</tr>
							<tr>
								<th scope="row" className="px-4 py-3 font-medium">
									{t('assessment.field.level')}
								</th>
								<td className="px-4 py-3">
									<LevelLabel level={before.level} />
								</td>
								<td className="px-4 py-3">
									<LevelLabel level={after.level} />
								</td>
								<td className="px-4 py-3 text-right">
									{before.level || after.level
										? t(`cycle.compare.level.${comparison.levelDirection}`)
										: null}
								</td>
							</tr>
							<tr>
								<th scope="row" className="px-4 py-3 font-medium">
									{t('cycle.compare.pass')}
								</th>
								<td className="px-4 py-3">{passText(before.passed)}</td>
								<td className="px-4 py-3">{passText(after.passed)}</td>
								<td className="px-4 py-3" />
							</tr>
							<tr>
								<th scope="row" className="px-4 py-3 font-medium">
									{t('cycle.compare.specialDeductions')}
								</th>
								<td className="px-4 py-3 tabular-nums">{before.specialDeductions}</td>
								<td className="px-4 py-3 tabular-nums">{after.specialDeductions}</td>
								<td
									className={`px-4 py-3 text-right tabular-nums ${changeTone(before.specialDeductions - after.specialDeductions)}`}
								>
									{signed(after.specialDeductions - before.specialDeductions, String)}
								</td>
							</tr>
							<tr>
								<th scope="row" className="px-4 py-3 font-medium">
									{t('cycle.compare.arithmetic')}
								</th>
								<td className="px-4 py-3 tabular-nums">
									{number(before.earned)} / {number(before.involvedMarks)}
								</td>
								<td className="px-4 py-3 tabular-nums">
									{number(after.earned)} / {number(after.involvedMarks)}
								</td>
								<td className="px-4 py-3" />
							</tr>
						</tbody>
					</table>
				</div>
			</section>
			<Sections sections={comparison.sections} />
			<Indicators indicators={comparison.indicators} counts={comparison.counts} />
			<Actions workspaceId={workspaceId} comparison={comparison} />
		</>
	)
}

function SideHeader({
	workspaceId,
	side,
	label,
}: {
	workspaceId: string
	side: ComparedSide
	label: string
}) {
	const { t, date } = useI18n()
	return (
		<th scope="col" className="px-4 py-3 font-medium">
			<span className="block text-xs font-normal">{label}</span>
			<Link
				to={assessmentPath(workspaceId, side.id)}
				className="text-brand-700 underline-offset-2 hover:underline"
			>
				{side.title}
			</Link>
			<span className="block text-xs font-normal">
				{side.period} ·{' '}
				{side.submittedAt ? date(side.submittedAt) : t(`assessment.status.${side.status}`)}
			</span>
		</th>
	)
}

function ShareBar({ share, tone, label }: { share: number | null; tone: string; label: string }) {
	return (
		<div className="flex items-center gap-2">
			<span className="w-10 shrink-0 text-xs text-slate-600">{label}</span>
			<div
				aria-hidden="true"
				className="h-2.5 w-full max-w-48 overflow-hidden rounded bg-slate-100"
			>
				<div className={`h-full ${tone}`} style={{ width: `${Math.min(share ?? 0, 100)}%` }} />
			</div>
		</div>
	)
}

function Sections({ sections }: { sections: ComparedSection[] }) {
	const { t, locale, number } = useI18n()
	const percent = (share: number | null) => (share === null ? '—' : `${number(share)}%`)
	return (
		<section aria-labelledby="compare-sections" className="space-y-3">
			<h2 id="compare-sections" className="text-lg font-semibold">
				{t('cycle.compare.sections')}
			</h2>
			<div className="overflow-x-auto rounded border border-slate-200 bg-white">
				<table className="w-full min-w-[44rem] text-left text-sm">
					<caption className="sr-only">{t('cycle.compare.sectionsCaption')}</caption>
					<thead className="bg-slate-50 text-slate-600">
						<tr>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('cycle.compare.section')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('cycle.compare.earlier')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('cycle.compare.later')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('cycle.compare.share')}
							</th>
							<th scope="col" className="px-4 py-3 text-right font-medium">
								{t('cycle.compare.change')}
							</th>
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-200">
						{sections.map((section) => (
							<tr key={section.id}>
								<th scope="row" className="px-4 py-3 font-medium">
									{section.id} {locale === 'en' && section.nameEn ? section.nameEn : section.name}
								</th>
								<td className="px-4 py-3 tabular-nums">
									{section.before ? (
										<>
											{t('cycle.compare.marks', {
												earned: number(section.before.earned),
												involved: number(section.before.involved),
											})}
											<span className="ml-1 text-slate-600">({percent(section.shareBefore)})</span>
										</>
									) : (
										t('cycle.compare.absent')
									)}
								</td>
								<td className="px-4 py-3 tabular-nums">
									{section.after ? (
										<>
											{t('cycle.compare.marks', {
												earned: number(section.after.earned),
												involved: number(section.after.involved),
											})}
											<span className="ml-1 text-slate-600">({percent(section.shareAfter)})</span>
										</>
									) : (
										t('cycle.compare.absent')
									)}
								</td>
								<td className="space-y-1 px-4 py-3">
									<ShareBar
										share={section.shareBefore}
										tone="bg-slate-400"
										label={t('cycle.compare.earlier')}
									/>
									<ShareBar
										share={section.shareAfter}
										tone="bg-brand-600"
										label={t('cycle.compare.later')}
									/>
								</td>
								<td
									className={`px-4 py-3 text-right font-medium tabular-nums ${changeTone(section.change)}`}
								>
									{signed(section.change, (value) => number(value))}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}

function IndicatorRows({ indicators }: { indicators: ComparedIndicator[] }) {
	const { t, locale, number } = useI18n()
	const marks = (entry: ComparedIndicator['before']) =>
		entry === null
			? t('cycle.compare.absent')
			: entry.excluded
				? t('cycle.compare.excluded')
				: t('cycle.compare.marks', {
						earned: number(entry.earned),
						involved: number(entry.involved),
					})
	return (
		<tbody className="divide-y divide-slate-200">
			{indicators.map((entry) => (
				<tr key={entry.id}>
					<th scope="row" className="px-4 py-3 font-medium">
						<span className="tabular-nums">{entry.id}</span>{' '}
						<span className="font-normal">
							{locale === 'en' ? (entry.titleEn ?? '') : (entry.title ?? '')}
						</span>
					</th>
					<td className="px-4 py-3 tabular-nums">{marks(entry.before)}</td>
					<td className="px-4 py-3 tabular-nums">{marks(entry.after)}</td>
					<td className="px-4 py-3">{t(`cycle.compare.status.${entry.status}`)}</td>
					<td className={`px-4 py-3 text-right tabular-nums ${changeTone(entry.change)}`}>
						{entry.change === 0 ? '0' : signed(entry.change, (value) => number(value))}
					</td>
				</tr>
			))}
		</tbody>
	)
}

function IndicatorHead() {
	const { t } = useI18n()
	return (
		<thead className="bg-slate-50 text-slate-600">
			<tr>
				<th scope="col" className="px-4 py-3 font-medium">
					{t('cycle.compare.indicator')}
				</th>
				<th scope="col" className="px-4 py-3 font-medium">
					{t('cycle.compare.earlier')}
				</th>
				<th scope="col" className="px-4 py-3 font-medium">
					{t('cycle.compare.later')}
				</th>
				<th scope="col" className="px-4 py-3 font-medium">
					{t('assessment.field.status')}
				</th>
				<th scope="col" className="px-4 py-3 text-right font-medium">
					{t('cycle.compare.change')}
				</th>
			</tr>
		</thead>
	)
}

function Indicators({
	indicators,
	counts,
}: {
	indicators: ComparedIndicator[]
	counts: Comparison['counts']
}) {
	const { t } = useI18n()
	const changed = indicators.filter(
		(entry) => entry.status !== 'unchanged' && entry.status !== 'excluded',
	)
	const unchanged = indicators.filter(
		(entry) => entry.status === 'unchanged' || entry.status === 'excluded',
	)
	return (
		<section aria-labelledby="compare-indicators" className="space-y-3">
			<h2 id="compare-indicators" className="text-lg font-semibold">
				{t('cycle.compare.indicators')}
			</h2>
			<p className="text-sm text-slate-700">
				{t('cycle.compare.counts', {
					improved: counts.improved,
					declined: counts.declined,
					unchanged: counts.unchanged,
					excludedChanges:
						counts['now-excluded'] + counts['no-longer-excluded'] + counts.added + counts.removed,
				})}
			</p>
			{changed.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-700">
					{t('cycle.compare.noChanges')}
				</p>
			) : (
				<div className="overflow-x-auto rounded border border-slate-200 bg-white">
					<table className="w-full min-w-[44rem] text-left text-sm">
						<caption className="sr-only">{t('cycle.compare.indicatorsCaption')}</caption>
						<IndicatorHead />
						<IndicatorRows indicators={changed} />
					</table>
				</div>
			)}
			{unchanged.length > 0 ? (
				<details className="rounded border border-slate-200 bg-white">
					<summary className="cursor-pointer px-4 py-3 text-sm font-medium">
						{t('cycle.compare.unchanged', { count: unchanged.length })}
					</summary>
					<div className="overflow-x-auto border-t border-slate-200">
						<table className="w-full min-w-[44rem] text-left text-sm">
							<caption className="sr-only">
								{t('cycle.compare.unchanged', { count: unchanged.length })}
							</caption>
							<IndicatorHead />
							<IndicatorRows indicators={unchanged} />
						</table>
					</div>
				</details>
			) : null}
		</section>
	)
}

function Actions({ workspaceId, comparison }: { workspaceId: string; comparison: Comparison }) {
	const { t, date } = useI18n()
	const { between, actions } = comparison
	return (
		<section aria-labelledby="compare-actions" className="space-y-3">
			<h2 id="compare-actions" className="text-lg font-semibold">
				{t('cycle.compare.actions')}
			</h2>
			<p className="text-sm text-slate-700">
				{t('cycle.compare.actionsIntro', {
					from: date(between.from, true),
					to: between.to ? t('cycle.compare.actionsTo', { date: date(between.to, true) }) : '',
				})}
			</p>
			{actions.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-700">
					{t('cycle.compare.actionsNone')}
				</p>
			) : (
				<ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
					{actions.map((action) => (
						<li key={action.id} className="px-4 py-3 text-sm">
							<Link
								to={actionPath(workspaceId, action.id)}
								className="font-medium text-brand-700 underline-offset-2 hover:underline"
							>
								{action.title}
							</Link>
							<p className="mt-0.5 text-slate-600">
								{t('cycle.compare.actionDone', { date: date(action.completedAt) })}
								{action.ownerName
									? ` · ${t('cycle.compare.actionOwner', { name: action.ownerName })}`
									: ''}
								{action.indicatorIds.length > 0 ? ` · ${action.indicatorIds.join('、')}` : ''}
							</p>
						</li>
					))}
				</ul>
			)}
		</section>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
