import { useId, type ReactNode } from 'react'
import { Form } from 'react-router'
import { buttonClass } from '#app/components/form-fields.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { ruleSentence, type AnswerMode, type QuestionIndicator } from './answer-model.ts'

export type IndicatorState = 'answered' | 'to_review' | 'unanswered'

export type RatingView = {
	mine: { percent: string; version: number } | null
	others: { name: string; percent: string }[]
	othersCount: number
	/** percentages a v1 import stored: no member's, always shown */
	imported: string[]
	mean: number | null
	spread: number | null
}

/** Where an owner or admin removes an indicator's imported ratings, and a refusal to show. */
export type ImportedRemoval = { action: string; indicatorId: string; error: string | null }

const stateStyles: Record<IndicatorState, string> = {
	answered: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
	to_review: 'bg-amber-50 text-amber-900 ring-amber-300',
	unanswered: 'bg-slate-100 text-slate-700 ring-slate-200',
}

export function StateBadge({ state }: { state: IndicatorState }) {
	const { t } = useI18n()
	return (
		<span
			className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${stateStyles[state]}`}
		>
			{t(`questionnaire.indicator.state.${state}`)}
		</span>
	)
}

/**
 * DNI: the imported ratings (no member's), then everyone's ratings once one has rated oneself,
 * with the mean and the spread over all of them, as the score takes them.
 */
export function Ratings({
	rating,
	removal = null,
}: {
	rating: RatingView
	removal?: ImportedRemoval | null
}) {
	const { t, number } = useI18n()
	const count = rating.imported.length + rating.others.length + (rating.mine ? 1 : 0)
	const summary =
		rating.mean !== null && count > 1 ? (
			<p className="mt-2">
				{t(
					rating.imported.length
						? 'questionnaire.percent.summaryWithImported'
						: 'questionnaire.percent.summary',
					{ mean: number(rating.mean), spread: number(rating.spread ?? 0) },
				)}
				{(rating.spread ?? 0) >= 20 ? (
					<strong className="ml-2 font-medium text-amber-800">
						{t('questionnaire.percent.largeSpread')}
					</strong>
				) : null}
			</p>
		) : null
	const members = !rating.mine ? (
		<p className="text-sm text-slate-700">
			{rating.othersCount > 0
				? t('questionnaire.percent.hidden', { count: rating.othersCount })
				: t('questionnaire.percent.noOthers')}
		</p>
	) : (
		<section className="rounded border border-slate-200 bg-white p-3 text-sm">
			<h4 className="font-semibold">{t('questionnaire.percent.others')}</h4>
			<ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
				<li>
					{t('questionnaire.percent.entry', {
						name: t('questionnaire.percent.you'),
						percent: rating.mine.percent,
					})}
				</li>
				{rating.others.map((other, i) => (
					<li key={i}>
						{t('questionnaire.percent.entry', { name: other.name, percent: other.percent })}
					</li>
				))}
			</ul>
			{summary}
		</section>
	)
	if (rating.imported.length === 0) return members
	return (
		<div className="space-y-3">
			<ImportedRatings
				imported={rating.imported}
				summary={rating.mine ? null : summary}
				removal={removal}
			/>
			{members}
		</div>
	)
}

function ImportedRatings({
	imported,
	summary,
	removal,
}: {
	imported: string[]
	summary: ReactNode
	removal: ImportedRemoval | null
}) {
	const { t } = useI18n()
	const id = useId()
	return (
		<section
			aria-labelledby={`${id}-title`}
			className="rounded border border-dashed border-slate-400 bg-slate-50 p-3 text-sm"
		>
			<h4 id={`${id}-title`} className="font-semibold">
				{t('questionnaire.imported.title')}
			</h4>
			<p className="mt-1 text-slate-700">{t('questionnaire.imported.explain')}</p>
			<ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
				{imported.map((percent, i) => (
					<li key={i}>{t('questionnaire.imported.entry', { n: i + 1, percent })}</li>
				))}
			</ul>
			{summary}
			{removal ? (
				<Form method="post" action={removal.action} className="mt-2 space-y-2">
					<input type="hidden" name="intent" value="remove-imported" />
					<input type="hidden" name="indicatorId" value={removal.indicatorId} />
					<input type="hidden" name="imported" value={imported.join(',')} />
					<button
						type="submit"
						className={buttonClass('secondary')}
						aria-describedby={removal.error ? `${id}-error` : undefined}
					>
						{t('questionnaire.imported.remove')}
					</button>
					{removal.error ? (
						<p id={`${id}-error`} role="alert" className="text-red-700">
							{removal.error}
						</p>
					) : null}
				</Form>
			) : null}
		</section>
	)
}

/**
 * One indicator as the standard prints it: clause number and title, points, the full clause
 * text, the criteria (folded), the rule that scores it and the interpretation notes; then the
 * answer form and whatever the page adds below it (evidence, comments, assignee).
 */
export function IndicatorCard({
	mode,
	indicator,
	notes,
	state,
	lastSaved,
	headingLevel = 3,
	children,
}: {
	mode: AnswerMode
	indicator: QuestionIndicator
	notes: { decision: number; zh: string; en: string }[]
	state: IndicatorState
	lastSaved: { by: string | null; at: string | null }
	headingLevel?: 2 | 3
	children: ReactNode
}) {
	const { t, locale, number, date } = useI18n()
	const Heading = headingLevel === 2 ? 'h2' : 'h3'
	return (
		<article
			id={`indicator-${indicator.id}`}
			aria-labelledby={`indicator-${indicator.id}-title`}
			className="scroll-mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
		>
			<header className="flex flex-wrap items-start justify-between gap-2">
				<Heading id={`indicator-${indicator.id}-title`} className="text-lg font-semibold">
					<span className="mr-2 font-mono text-brand-800">{indicator.id}</span>
					{indicator.code ? (
						<span className="mr-2 text-sm text-slate-600">{indicator.code}</span>
					) : null}
					{indicator.title}
					{locale === 'en' ? (
						<span className="ml-2 text-base font-normal text-slate-600">{indicator.titleEn}</span>
					) : null}
				</Heading>
				<div className="flex flex-wrap items-center gap-2 text-sm">
					<span className="font-medium">
						{t('questionnaire.indicator.points', { points: number(indicator.points) })}
					</span>
					{indicator.green ? (
						<span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900">
							{t('questionnaire.indicator.green')}
						</span>
					) : null}
					<StateBadge state={state} />
				</div>
			</header>
			<div className="space-y-1">
				<p className="text-xs font-medium text-slate-600">{t('questionnaire.indicator.clause')}</p>
				<p lang="zh-CN" className="whitespace-pre-line text-slate-900">
					{indicator.text}
				</p>
				<p className="flex flex-wrap gap-x-3 text-xs text-slate-600">
					{indicator.assessmentType ? (
						<span>{t(`questionnaire.indicator.assessmentType.${indicator.assessmentType}`)}</span>
					) : null}
					{indicator.modal ? (
						<span>{t('questionnaire.indicator.modal', { modal: indicator.modal })}</span>
					) : null}
					{indicator.excludable ? <span>{t('questionnaire.indicator.excludable')}</span> : null}
				</p>
			</div>
			{indicator.guidance ? (
				<details className="rounded border border-slate-200 bg-slate-50">
					<summary className="cursor-pointer px-3 py-2 text-sm font-medium">
						{t('questionnaire.indicator.guidance')}
					</summary>
					<p lang="zh-CN" className="whitespace-pre-line px-3 pb-3 text-sm text-slate-800">
						{indicator.guidance}
					</p>
				</details>
			) : null}
			<div className="rounded border border-slate-200 px-3 py-2 text-sm">
				<p className="font-medium">{t('questionnaire.indicator.rule')}</p>
				{indicator.scoringRule ? (
					<p lang="zh-CN" className="mt-1 whitespace-pre-line text-slate-800">
						{indicator.scoringRule}
					</p>
				) : null}
				{!indicator.scoringRule || mode === 'checks' ? (
					<p className="mt-1 text-slate-700">
						{indicator.scoringRule
							? t('questionnaire.indicator.portalRule', { rule: ruleSentence(t, mode, indicator) })
							: ruleSentence(t, mode, indicator)}
					</p>
				) : null}
			</div>
			{notes.map((note, i) => (
				<details key={i} className="rounded border border-sky-200 bg-sky-50 text-sm">
					<summary className="cursor-pointer px-3 py-2 font-medium text-sky-900">
						{t('questionnaire.indicator.note', { decision: note.decision })}
					</summary>
					<p className="px-3 pb-3 text-sky-950">{locale === 'en' ? note.en : note.zh}</p>
				</details>
			))}
			{lastSaved.by && lastSaved.at ? (
				<p className="text-xs text-slate-600">
					{t('questionnaire.indicator.lastSaved', {
						name: lastSaved.by,
						time: date(new Date(lastSaved.at), true),
					})}
				</p>
			) : null}
			{children}
		</article>
	)
}
