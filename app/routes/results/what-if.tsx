import { data, Form, Link, useLocation } from 'react-router'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { SubmitButton } from '#app/components/form-fields.tsx'
import { AnswerControls } from '#app/components/questionnaire/answer-controls.tsx'
import {
	formStateFromValues,
	formStateOf,
	summariseValue,
	type AnswerMode,
} from '#app/components/questionnaire/answer-model.ts'
import { words } from '#app/components/results/gap-parts.tsx'
import { ResultsHeader } from '#app/components/results/results-header.tsx'
import { LevelName, PassBadge } from '#app/components/results/score-card.tsx'
import type { PanelScheme } from '#app/domain/assessments/panel.ts'
import type { LevelKey } from '#app/domain/schemes/scheme-schema.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { translator } from '#app/i18n/translator.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { loadResultsBasis, resultsHeader } from '#app/services/results.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { readForm } from '#app/routes/assessments/detail.server.ts'
import type { Route } from './+types/what-if'
import { runWhatIf, whatIfBaseline, type WhatIfIndicator } from './what-if.server.ts'
import {
	DEDUCTIONS_MAX,
	EMPTY_STATE,
	percentText,
	type AnswerShape,
	type WhatIfState,
} from './what-if-model.ts'
import '../../components/questionnaire/questionnaire.css'

export { WHAT_IF_INTENTS as intents } from './what-if-model.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const basis = await loadResultsBasis(scope, params.assessmentId)
	return data({ header: resultsHeader(scope, basis), baseline: whatIfBaseline(basis) })
}

/**
 * Scores hypothetical answers and answers the page again with them; nothing is stored, so any
 * member, viewers included, may ask.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const basis = await loadResultsBasis(scope, params.assessmentId)
	const t = translator(await resolveLocale(request, scope.user))
	// read with a size limit: the changes travel in the form, and a post is never kept unbounded
	const form = await readForm(request)
	const response = runWhatIf(basis, form instanceof FormData ? form : null, t)
	return data(response, { status: response.status })
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'results.whatIf.title', loaderData?.header.assessment.title)
}

type Baseline = NonNullable<Route.ComponentProps['loaderData']['baseline']>
type Response = NonNullable<Route.ComponentProps['actionData']>

export default function WhatIfPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const location = useLocation()
	const { header, baseline } = loaderData
	const state: WhatIfState = actionData?.state ?? EMPTY_STATE
	const stateJson = JSON.stringify(state)
	const changedIds = Object.keys(state.answers)
	return (
		<main id="main" className="space-y-6">
			<ResultsHeader page="what-if" data={header} />
			<p className="text-slate-700">{t('results.whatIf.intro')}</p>
			{!baseline ? (
				<p role="alert" className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950">
					{t('assessment.score.notScorable')}
				</p>
			) : (
				<>
					{actionData?.message ? (
						<div
							role="alert"
							className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
						>
							{actionData.message}
						</div>
					) : null}
					<Outcome baseline={baseline} response={actionData ?? null} scheme={header.scheme} />
					<div className="flex flex-wrap items-center gap-3">
						{baseline.real.path?.kind === 'path' || actionData?.outcome?.path?.kind === 'path' ? (
							<Form method="post">
								<input type="hidden" name="state" value={stateJson} />
								<SubmitButton name="intent" value="apply-path">
									{t('results.whatIf.applyPath')}
								</SubmitButton>
							</Form>
						) : null}
						{changedIds.length > 0 ||
						state.deductions !== undefined ||
						state.bonus !== undefined ? (
							<Link
								to={location.pathname}
								className="inline-flex items-center rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
							>
								{t('results.whatIf.resetAll')}
							</Link>
						) : null}
					</div>
					{changedIds.length > 0 ? (
						<p className="text-sm text-slate-700">
							{t('results.whatIf.changedList', { count: changedIds.length })}{' '}
							{changedIds.map((id, i) => (
								<span key={id}>
									{i > 0 ? (locale === 'en' ? ', ' : '、') : null}
									<a
										href={`#indicator-${id}`}
										className="text-brand-700 underline-offset-2 hover:underline"
									>
										{id}
									</a>
								</span>
							))}
						</p>
					) : null}
					{baseline.specialItems ? (
						<SpecialItems
							baseline={baseline}
							state={state}
							stateJson={stateJson}
							invalid={actionData?.invalid?.indicatorId === 'special' ? actionData.invalid : null}
						/>
					) : null}
					{baseline.sections.map((section) => {
						const indicators = baseline.indicators.filter((entry) => entry.sectionId === section.id)
						return (
							<Panel
								key={section.id}
								id={`section-${section.id}`}
								title={`${section.id} ${locale === 'en' ? section.titleEn : section.title}`}
							>
								<ul className="space-y-2">
									{indicators.map((indicator) => (
										<li key={indicator.id}>
											<IndicatorForm
												indicator={indicator}
												mode={baseline.mode}
												state={state}
												stateJson={stateJson}
												response={actionData ?? null}
											/>
										</li>
									))}
								</ul>
							</Panel>
						)
					})}
				</>
			)}
		</main>
	)
}

function useNumbers() {
	const { locale } = useI18n()
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	return (value: number) => format.format(value)
}

function Outcome({
	baseline,
	response,
	scheme,
}: {
	baseline: Baseline
	response: Response | null
	scheme: PanelScheme
}) {
	const { t, locale } = useI18n()
	const n = useNumbers()
	const outcome = response?.outcome ?? null
	const after = outcome?.after ?? null
	const path = outcome ? outcome.path : baseline.real.path
	const direction = (change: 'up' | 'down' | 'same') =>
		change === 'up'
			? t('results.whatIf.up')
			: change === 'down'
				? t('results.whatIf.down')
				: t('results.whatIf.same')
	return (
		<section
			aria-labelledby="what-if-outcome"
			className="rounded border border-slate-200 bg-white p-4 shadow-sm"
		>
			<h2 id="what-if-outcome" className="text-lg font-semibold">
				{t('results.whatIf.outcome')}
			</h2>
			<div aria-live="polite" aria-atomic="true" className="mt-3 space-y-3">
				<dl className="grid gap-4 sm:grid-cols-2">
					<Side
						label={t('results.whatIf.real')}
						score={baseline.real.score}
						passed={baseline.real.passed}
						level={baseline.real.level}
						scheme={scheme}
					/>
					{after ? (
						<Side
							label={t('results.whatIf.hypothetical')}
							score={after.score}
							passed={after.passed}
							level={after.level}
							scheme={scheme}
						/>
					) : (
						<div>
							<dt className="text-sm text-slate-600">{t('results.whatIf.hypothetical')}</dt>
							<dd className="mt-1 text-sm text-slate-700">{t('results.whatIf.noChanges')}</dd>
						</div>
					)}
				</dl>
				{outcome ? (
					<p className="font-medium tabular-nums">
						{t('results.whatIf.change', {
							change: `${outcome.scoreChange > 0 ? '+' : ''}${n(outcome.scoreChange)}`,
							level: direction(outcome.levelChange),
						})}
						{outcome.passChange !== 'same'
							? ` ${outcome.passChange === 'up' ? t('results.whatIf.nowPasses') : t('results.whatIf.nowFails')}`
							: ''}
					</p>
				) : null}
				{path ? <p className="text-sm text-slate-800">{words(path.summary, locale)}</p> : null}
				{path && path.kind === 'path' ? (
					<p className="text-sm text-slate-700">{words(path.advice, locale)}</p>
				) : null}
				{outcome && outcome.changed.length > 0 ? (
					<div className="overflow-x-auto">
						<table className="min-w-[24rem] text-left text-sm">
							<caption className="text-left font-medium text-slate-800">
								{t('results.whatIf.changedCaption')}
							</caption>
							<thead className="text-slate-600">
								<tr>
									<th scope="col" className="py-1 pr-4 font-medium">
										{t('results.col.indicator')}
									</th>
									<th scope="col" className="py-1 pr-4 font-medium">
										{t('results.whatIf.real')}
									</th>
									<th scope="col" className="py-1 font-medium">
										{t('results.whatIf.hypothetical')}
									</th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-100 tabular-nums">
								{outcome.changed.map((entry) => (
									<tr key={entry.id}>
										<th scope="row" className="py-1 pr-4 font-medium">
											{entry.id}
										</th>
										<td className="py-1 pr-4">
											{entry.before === null
												? t('results.ratingsHidden')
												: entry.before.excluded
													? t('results.whatIf.excluded')
													: `${n(entry.before.earned)} / ${n(entry.before.involved)}`}
										</td>
										<td className="py-1">
											{entry.after.excluded
												? t('results.whatIf.excluded')
												: `${n(entry.after.earned)} / ${n(entry.after.involved)}`}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				) : null}
			</div>
		</section>
	)
}

function Side({
	label,
	score,
	passed,
	level,
	scheme,
}: {
	label: string
	score: number
	passed: boolean | null
	level: LevelKey | null
	scheme: PanelScheme
}) {
	const { t, number } = useI18n()
	const checklist = scheme.passMark === null
	return (
		<div>
			<dt className="text-sm text-slate-600">{label}</dt>
			<dd className="mt-1">
				<span className="text-3xl font-bold tabular-nums">
					{checklist ? `${number(score, 2)}%` : number(score, 2)}
				</span>
				{checklist ? null : (
					<span className="ml-3 inline-flex flex-wrap items-center gap-2 text-lg font-semibold">
						<LevelName levelKey={level} scheme={scheme} />
						<PassBadge passed={passed === true} />
					</span>
				)}
				{checklist ? null : (
					<span className="sr-only">{t('assessment.score.outOf', { full: scheme.fullMarks })}</span>
				)}
			</dd>
		</div>
	)
}

function SpecialItems({
	baseline,
	state,
	stateJson,
	invalid,
}: {
	baseline: Baseline
	state: WhatIfState
	stateJson: string
	invalid: Response['invalid']
}) {
	const { t } = useI18n()
	const deductions =
		invalid?.values.deductions ?? String(state.deductions ?? baseline.real.deductions)
	const bonus = invalid ? invalid.values.bonus === 'on' : (state.bonus ?? baseline.real.bonus)
	const errors = invalid?.errors.deductions
	return (
		<Panel title={t('results.whatIf.special')} id="special">
			<p className="text-sm text-slate-700">
				{t('results.whatIf.specialRecorded', {
					deductions: baseline.real.deductions,
					bonus: baseline.real.bonus ? t('results.whatIf.yes') : t('results.whatIf.no'),
				})}
				{baseline.deductionLimit !== null
					? ` ${t('results.whatIf.deductionLimit', { limit: baseline.deductionLimit })}`
					: ''}
			</p>
			<Form
				method="post"
				className="flex flex-wrap items-end gap-4"
				key={`special-${state.deductions ?? ''}-${String(state.bonus)}`}
			>
				<input type="hidden" name="state" value={stateJson} />
				<div>
					<label htmlFor="what-if-deductions" className="block text-sm font-medium text-slate-800">
						{t('results.whatIf.deductions')}
					</label>
					<input
						id="what-if-deductions"
						name="deductions"
						type="number"
						inputMode="numeric"
						min={0}
						max={DEDUCTIONS_MAX}
						defaultValue={deductions}
						aria-invalid={errors?.length ? true : undefined}
						aria-describedby={errors?.length ? 'what-if-deductions-error' : undefined}
						className="mt-1 block w-28 rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 sm:text-sm"
					/>
					{errors?.length ? (
						<p id="what-if-deductions-error" className="mt-1 text-sm text-red-700">
							{errors.join(' ')}
						</p>
					) : null}
				</div>
				<label htmlFor="what-if-bonus" className="flex items-center gap-2 pb-2 text-sm">
					<input
						id="what-if-bonus"
						name="bonus"
						type="checkbox"
						defaultChecked={bonus}
						className="size-4 accent-brand-700"
					/>
					{t('results.whatIf.bonus')}
				</label>
				<SubmitButton variant="secondary" name="intent" value="special">
					{t('results.whatIf.trySpecial')}
				</SubmitButton>
			</Form>
		</Panel>
	)
}

function answerWords(
	t: ReturnType<typeof useI18n>['t'],
	mode: AnswerMode,
	value: AnswerShape | null,
): string {
	if (mode === 'percent' && value && !('na' in value)) {
		const percent = percentText(value)
		return percent === null
			? t('questionnaire.summary.unanswered')
			: t('questionnaire.summary.percent', { percent })
	}
	return summariseValue(t, mode, value)
}

function IndicatorForm({
	indicator,
	mode,
	state,
	stateJson,
	response,
}: {
	indicator: WhatIfIndicator
	mode: AnswerMode
	state: WhatIfState
	stateJson: string
	response: Response | null
}) {
	const { t, locale } = useI18n()
	const n = useNumbers()
	const changed = Object.hasOwn(state.answers, indicator.id)
	const value = changed ? (state.answers[indicator.id] ?? null) : indicator.real
	const invalid = response?.invalid?.indicatorId === indicator.id ? response.invalid : null
	const formState = invalid
		? formStateFromValues(invalid.values, indicator)
		: formStateOf(mode, indicator, value, '', mode === 'percent' ? percentText(value) : null)
	const after = response?.outcome?.changed.find((entry) => entry.id === indicator.id)?.after
	const marks = (entry: { earned: number; involved: number; excluded: boolean } | null) =>
		entry === null
			? '—'
			: entry.excluded
				? t('results.whatIf.excluded')
				: `${n(entry.earned)} / ${n(entry.involved)}`
	const prefix = `wi-${indicator.id}`
	const general = invalid?.errors['']
	return (
		<details
			id={`indicator-${indicator.id}`}
			open={changed || invalid !== null}
			className="rounded border border-slate-200 open:border-brand-300"
		>
			<summary className="cursor-pointer px-3 py-2 text-sm">
				<span className="font-medium">
					{indicator.id} {locale === 'en' ? indicator.titleEn : indicator.title}
				</span>
				<span className="ml-2 text-slate-600">
					{indicator.marks === null
						? t('results.ratingsHidden')
						: t('results.whatIf.realAnswer', {
								answer: answerWords(t, mode, indicator.real),
								marks: marks(indicator.marks),
							})}
				</span>
				{changed ? (
					<span className="ml-2 font-medium text-brand-800">
						{t('results.whatIf.hypotheticalAnswer', {
							answer: answerWords(t, mode, value),
							marks: after ? marks(after) : marks(indicator.marks),
						})}
					</span>
				) : null}
			</summary>
			<Form
				method="post"
				className="answer-form space-y-3 border-t border-slate-200 p-3"
				key={`${indicator.id}-${JSON.stringify(value)}`}
			>
				<input type="hidden" name="state" value={stateJson} />
				<input type="hidden" name="indicatorId" value={indicator.id} />
				{general?.length ? (
					<p role="alert" className="text-sm text-red-700">
						{general.join(' ')}
					</p>
				) : null}
				<AnswerControls
					mode={mode}
					prefix={prefix}
					indicator={indicator}
					state={formState}
					errors={invalid?.errors ?? {}}
					disabled={false}
					bands={[]}
				/>
				<div className="flex flex-wrap gap-2">
					<SubmitButton name="intent" value="try">
						{t('results.whatIf.try')}
					</SubmitButton>
					{changed ? (
						<SubmitButton variant="secondary" name="intent" value="reset">
							{t('results.whatIf.reset')}
						</SubmitButton>
					) : null}
				</div>
			</Form>
		</details>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
