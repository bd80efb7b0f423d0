import { data, Link, redirect } from 'react-router'
import { AssigneePicker } from '#app/components/assignee-picker.tsx'
import { CommentsPanel } from '#app/components/comments-panel.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { EvidencePanel } from '#app/components/evidence-panel.tsx'
import { LiveScorePanel } from '#app/components/live-score-panel.tsx'
import { AnswerForm, type PostResult } from '#app/components/questionnaire/answer-form.tsx'
import { IndicatorCard, Ratings } from '#app/components/questionnaire/indicator-card.tsx'
import { IndicatorList } from '#app/components/questionnaire/indicator-list.tsx'
import { IndicatorPager } from '#app/components/questionnaire/indicator-pager.tsx'
import { SectionNav, sectionTitle } from '#app/components/questionnaire/section-nav.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import type { Route } from './+types/section'
import { handleAnswerPost, statusOf } from './answer-post.server.ts'
import { handleImportedRemoval } from './imported-ratings.server.ts'
import { loadQuestionnaire } from './questionnaire.server.ts'
import '../../components/questionnaire/questionnaire.css'

/**
 * The intents of an indicator form: save (also confirms a copied answer) and clear; DNI adds the
 * owner's or admin's removal of an indicator's imported ratings.
 */
export const intents = ['save', 'clear', 'remove-imported'] as const

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	return data(
		await loadQuestionnaire(scope, params.assessmentId, params.sectionId, new URL(request.url)),
	)
}

/** A plain post (no JavaScript): saved → back to the page at the indicator; otherwise the form again. */
export async function action(args: Route.ActionArgs) {
	const form = await args.request
		.clone()
		.formData()
		.catch(() => null)
	if (form?.get('intent') === 'remove-imported') {
		const removal = await handleImportedRemoval(args, form)
		if (removal.kind === 'removed') return redirect(backTo(args.request, removal.indicatorId))
		return data({ removal }, { status: removal.status })
	}
	const result = await handleAnswerPost(args)
	if (result.kind === 'saved')
		return redirect(backTo(args.request, result.indicatorId, { saved: true }))
	return data({ result }, { status: statusOf[result.kind] })
}

/** The page of the indicator a plain post was about, whichever page the form was on. */
function backTo(request: Request, indicatorId: string, { saved = false } = {}) {
	const url = new URL(request.url)
	const params = new URLSearchParams({ indicator: indicatorId })
	if (saved) params.set('saved', indicatorId)
	return `${url.pathname}?${params}#indicator-${indicatorId}`
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	const context = loaderData
		? [
				loaderData.view === 'one' ? loaderData.focus.id : null,
				`${loaderData.section.id} ${loaderData.section.title}`,
				loaderData.assessment.title,
			]
				.filter(Boolean)
				.join(' · ')
		: undefined
	return pageTitle(matches, 'questionnaire.pageTitle', context)
}

const LINK = 'text-brand-700 underline-offset-2 hover:underline'
const TOGGLE =
	'rounded border border-slate-300 bg-white px-3 py-1.5 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800'

type OnePage = Extract<Route.ComponentProps['loaderData'], { view: 'one' }>

export default function AnswerSection({ loaderData: page, actionData }: Route.ComponentProps) {
	const { t, locale, number } = useI18n()
	const ws = encodeURIComponent(page.workspaceId)
	const assessmentHref = `/w/${ws}/assessments/${encodeURIComponent(page.assessment.id)}`
	const base = `${assessmentHref}/answer`
	const sectionHref = (id: string, at?: string | null) =>
		`${base}/${encodeURIComponent(id)}${at ? `?indicator=${encodeURIComponent(at)}` : ''}`
	const here = sectionHref(page.section.id)
	const indicatorHref = (id: string) => `${here}?indicator=${encodeURIComponent(id)}`
	const locked = page.assessment.status === 'submitted'
	const notes = [...page.section.notes, ...page.scheme.notes]

	return (
		<main id="main" className="space-y-6">
			<p>
				<Link
					to={assessmentHref}
					className="text-sm text-brand-700 underline-offset-2 hover:underline"
				>
					← {t('questionnaire.backToAssessment')}
				</Link>
			</p>
			<header className="space-y-2">
				<h1 className="text-2xl font-bold">
					{t('questionnaire.title', { title: page.assessment.title })}
				</h1>
				<p className="text-sm text-slate-700">
					{page.scheme.shortTitle} · {page.assessment.period}
				</p>
				<p className="text-sm text-slate-700">{t('questionnaire.intro')}</p>
			</header>
			{!page.canEdit ? (
				<p className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
					{locked ? t('questionnaire.readOnly.submitted') : t('questionnaire.readOnly.viewer')}
				</p>
			) : null}
			<SectionNav sections={page.sections} currentId={page.section.id} href={sectionHref} />

			<div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
				<div className="min-w-0 space-y-6">
					<section aria-labelledby="section-title" className="space-y-3">
						<div className="flex flex-wrap items-baseline justify-between gap-2">
							<h2 id="section-title" className="text-xl font-semibold">
								<span className="mr-2 font-mono text-brand-800">{page.section.id}</span>
								{sectionTitle(locale, page.section)}
							</h2>
							{page.section.points !== null ? (
								<p className="text-sm text-slate-700">
									{t('questionnaire.sectionPoints', { points: number(page.section.points) })}
								</p>
							) : null}
						</div>
						{page.section.text ? (
							<p className="whitespace-pre-line text-slate-800">{page.section.text}</p>
						) : null}
						{page.section.context.map((clause) => (
							<ContextClause key={clause.id} clause={clause} />
						))}
						<nav
							aria-label={t('questionnaire.view.label')}
							className="flex flex-wrap gap-2 text-sm"
						>
							<Link
								to={page.view === 'one' ? indicatorHref(page.focus.id) : here}
								aria-current={page.view === 'one' ? 'page' : undefined}
								className={TOGGLE}
							>
								{t('questionnaire.view.one')}
							</Link>
							<Link
								to={`${here}?view=list`}
								aria-current={page.view === 'list' ? 'page' : undefined}
								className={TOGGLE}
							>
								{t('questionnaire.view.list')}
							</Link>
						</nav>
						{notes.length ? (
							<details className="rounded border border-sky-200 bg-sky-50 text-sm">
								<summary className="cursor-pointer px-3 py-2 font-medium text-sky-900">
									{page.section.notes.length
										? t('questionnaire.sectionNotes')
										: t('questionnaire.schemeNotes')}
								</summary>
								<ul className="space-y-2 px-3 pb-3 text-sky-950">
									{notes.map((note, i) => (
										<li key={i}>{locale === 'en' ? note.en : note.zh}</li>
									))}
								</ul>
							</details>
						) : null}
					</section>

					{page.view === 'list' ? (
						<section aria-label={t('questionnaire.view.list')} className="space-y-3">
							{page.sharedRule ? (
								<div className="rounded border border-slate-200 bg-white px-3 py-2 text-sm">
									<p className="font-medium">{t('questionnaire.sectionRule')}</p>
									<p lang="zh-CN" className="mt-1 whitespace-pre-line text-slate-800">
										{page.sharedRule}
									</p>
								</div>
							) : null}
							<AssigneePicker
								workspaceId={page.workspaceId}
								assessmentId={page.assessment.id}
								targetType="section"
								targetId={page.section.id}
								targetLabel={`${page.section.id} ${page.section.title}`}
								assignee={page.sectionAssignee}
								members={page.members}
								viewer={{ userId: page.user.userId, role: page.role }}
								locked={locked}
								redirectTo={`${here}?view=list`}
							/>
							<IndicatorList
								mode={page.scheme.answerMode}
								caption={t('questionnaire.list.caption', {
									section: `${page.section.id} ${page.section.title}`,
								})}
								rows={page.rows}
								groups={page.groups}
								href={indicatorHref}
							/>
						</section>
					) : (
						<OneIndicator
							page={page}
							actionData={actionData}
							here={here}
							indicatorHref={indicatorHref}
							autosaveUrl={`${assessmentHref}/autosave`}
						/>
					)}

					<nav
						aria-label={t('questionnaire.sectionPager')}
						className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4 text-sm"
					>
						{page.previous ? (
							<Link to={sectionHref(page.previous.id)} className={LINK} rel="prev">
								←{' '}
								{t('questionnaire.previousSection', {
									title: `${page.previous.id} ${sectionTitle(locale, page.previous)}`,
								})}
							</Link>
						) : (
							<span />
						)}
						{page.next ? (
							<Link to={sectionHref(page.next.id)} className={LINK} rel="next">
								{t('questionnaire.nextSection', {
									title: `${page.next.id} ${sectionTitle(locale, page.next)}`,
								})}{' '}
								→
							</Link>
						) : null}
					</nav>
				</div>
				<aside className="lg:sticky lg:top-4 lg:self-start">
					<LiveScorePanel result={page.live} scheme={page.scheme} />
				</aside>
			</div>
		</main>
	)
}

function ContextClause({
	clause,
}: {
	clause: { id: string; title: string; titleEn: string; text?: string }
}) {
	const { locale } = useI18n()
	return (
		<div className="space-y-1 border-l-4 border-slate-300 pl-3">
			<p className="font-semibold text-slate-800">
				<span className="mr-2 font-mono">{clause.id}</span>
				{sectionTitle(locale, clause)}
			</p>
			{clause.text ? (
				<p lang="zh-CN" className="whitespace-pre-line text-sm text-slate-700">
					{clause.text}
				</p>
			) : null}
		</div>
	)
}

/**
 * One indicator in full: the clause it sits under, its text, criteria, rule and notes, the answer
 * form, DNI ratings, evidence, comments and assignee, between the section's pager.
 */
function OneIndicator({
	page,
	actionData,
	here,
	indicatorHref,
	autosaveUrl,
}: {
	page: OnePage
	actionData: Route.ComponentProps['actionData']
	here: string
	indicatorHref: (id: string) => string
	autosaveUrl: string
}) {
	const indicator = page.indicator
	const mode = page.scheme.answerMode
	const locked = page.assessment.status === 'submitted'
	// every form of this page comes back to this indicator, whichever the section link opened
	const back = indicatorHref(indicator.id)
	const postResult: PostResult | null =
		actionData && 'result' in actionData ? actionData.result : null
	const removal = actionData && 'removal' in actionData ? actionData.removal : null
	const title = `${indicator.id} ${indicator.title}`
	return (
		<div className="space-y-4">
			<IndicatorPager
				outline={page.outline}
				focus={page.focus}
				action={here}
				href={indicatorHref}
				placement="top"
			/>
			{page.group ? <ContextClause clause={page.group} /> : null}
			{page.context.map((clause) => (
				<ContextClause key={clause.id} clause={clause} />
			))}
			<IndicatorCard
				key={indicator.id}
				mode={mode}
				indicator={indicator}
				notes={indicator.notes}
				state={indicator.state}
				lastSaved={{ by: indicator.answer.by, at: indicator.answer.at }}
			>
				<AnswerForm
					// a fresh form for each indicator: nothing typed for one shows on the next
					key={indicator.id}
					mode={mode}
					indicator={indicator}
					stored={{
						value: indicator.answer.value,
						note: indicator.answer.note,
						status: indicator.answer.status,
						version: indicator.answer.version,
						percent: indicator.rating?.mine?.percent ?? null,
						ratingVersion: indicator.rating?.mine?.version ?? 0,
					}}
					bands={indicator.maturityBands ?? page.scheme.maturityBands}
					canEdit={page.canEdit}
					action={back}
					autosaveUrl={autosaveUrl}
					postResult={postResult && postResult.indicatorId === indicator.id ? postResult : null}
					savedNotice={page.savedId === indicator.id}
				/>
				{indicator.rating ? (
					<Ratings
						rating={indicator.rating}
						removal={
							page.canRemoveImported
								? {
										action: back,
										indicatorId: indicator.id,
										error: removal?.indicatorId === indicator.id ? removal.message : null,
									}
								: null
						}
					/>
				) : null}
				<div className="grid gap-4 border-t border-slate-200 pt-4 md:grid-cols-2">
					<EvidencePanel
						workspaceId={page.workspaceId}
						assessmentId={page.assessment.id}
						indicatorId={indicator.id}
						items={indicator.evidence}
						canUpload={page.canEdit}
						maxBytes={page.uploadMaxBytes}
						redirectTo={back}
						headingLevel={4}
					/>
					<CommentsPanel
						workspaceId={page.workspaceId}
						assessmentId={page.assessment.id}
						indicatorId={indicator.id}
						comments={indicator.comments}
						canComment={page.canEdit}
						redirectTo={back}
						headingLevel={4}
					/>
				</div>
				<AssigneePicker
					workspaceId={page.workspaceId}
					assessmentId={page.assessment.id}
					targetType="indicator"
					targetId={indicator.id}
					targetLabel={title}
					assignee={indicator.assignee}
					inheritedFrom={page.sectionAssignee}
					members={page.members}
					viewer={{ userId: page.user.userId, role: page.role }}
					locked={locked}
					redirectTo={back}
				/>
			</IndicatorCard>
			<IndicatorPager
				outline={page.outline}
				focus={page.focus}
				action={here}
				href={indicatorHref}
				placement="bottom"
			/>
		</div>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
