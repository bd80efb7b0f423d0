import { data, Link, redirect, useLocation } from 'react-router'
import { AssigneePicker } from '#app/components/assignee-picker.tsx'
import { CommentsPanel } from '#app/components/comments-panel.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { EvidencePanel } from '#app/components/evidence-panel.tsx'
import { LiveScorePanel } from '#app/components/live-score-panel.tsx'
import { AnswerForm, type PostResult } from '#app/components/questionnaire/answer-form.tsx'
import { IndicatorCard, Ratings } from '#app/components/questionnaire/indicator-card.tsx'
import { IndicatorList } from '#app/components/questionnaire/indicator-list.tsx'
import { SectionNav, sectionTitle } from '#app/components/questionnaire/section-nav.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import type { Route } from './+types/section'
import { handleAnswerPost, statusOf } from './answer-post.server.ts'
import { handleImportedRemoval } from './imported-ratings.server.ts'
import { loadQuestionnaire, type PageIndicator } from './questionnaire.server.ts'
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
		if (removal.kind === 'removed') {
			const url = new URL(args.request.url)
			url.searchParams.delete('saved')
			const query = url.searchParams.size ? `?${url.searchParams}` : ''
			return redirect(`${url.pathname}${query}#indicator-${removal.indicatorId}`)
		}
		return data({ removal }, { status: removal.status })
	}
	const result = await handleAnswerPost(args)
	if (result.kind === 'saved') {
		const url = new URL(args.request.url)
		url.searchParams.set('saved', result.indicatorId)
		return redirect(`${url.pathname}?${url.searchParams}#indicator-${result.indicatorId}`)
	}
	return data({ result }, { status: statusOf[result.kind] })
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	const context = loaderData
		? `${loaderData.section.id} ${loaderData.section.title} · ${loaderData.assessment.title}`
		: undefined
	return pageTitle(matches, 'questionnaire.pageTitle', context)
}

const LINK = 'text-brand-700 underline-offset-2 hover:underline'
const TOGGLE =
	'rounded border border-slate-300 bg-white px-3 py-1.5 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800'

function withoutSaved(pathname: string, search: string) {
	const params = new URLSearchParams(search)
	params.delete('saved')
	const query = params.toString()
	return query ? `${pathname}?${query}` : pathname
}

export default function AnswerSection({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale, number } = useI18n()
	const location = useLocation()
	const page = loaderData
	const ws = encodeURIComponent(page.workspaceId)
	const assessmentHref = `/w/${ws}/assessments/${encodeURIComponent(page.assessment.id)}`
	const base = `${assessmentHref}/answer`
	const sectionHref = (id: string) => `${base}/${encodeURIComponent(id)}`
	const here = sectionHref(page.section.id)
	const indicatorHref = (id: string) => `${here}?indicator=${encodeURIComponent(id)}`
	const action = withoutSaved(location.pathname, location.search)
	const autosaveUrl = `${assessmentHref}/autosave`
	const postResult: PostResult | null =
		actionData && 'result' in actionData ? actionData.result : null
	const removal = actionData && 'removal' in actionData ? actionData.removal : null
	const mode = page.scheme.answerMode
	const locked = page.assessment.status === 'submitted'
	const redirectBack = `${action}`

	const card = (indicator: PageIndicator) => {
		const title = `${indicator.id} ${indicator.title}`
		return (
			<IndicatorCard
				key={indicator.id}
				mode={mode}
				indicator={indicator}
				notes={indicator.notes}
				state={indicator.state}
				lastSaved={{ by: indicator.answer.by, at: indicator.answer.at }}
				ruleShared={indicator.ruleShared}
				headingLevel={page.focus ? 2 : 3}
			>
				<AnswerForm
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
					action={action}
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
										action,
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
						redirectTo={redirectBack}
						headingLevel={4}
					/>
					<CommentsPanel
						workspaceId={page.workspaceId}
						assessmentId={page.assessment.id}
						indicatorId={indicator.id}
						comments={indicator.comments}
						canComment={page.canEdit}
						redirectTo={redirectBack}
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
					redirectTo={redirectBack}
				/>
			</IndicatorCard>
		)
	}

	const indicators = page.blocks.flatMap((block) =>
		block.type === 'indicator' ? [block.indicator] : [],
	)

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
						<nav
							aria-label={t('questionnaire.view.label')}
							className="flex flex-wrap gap-2 text-sm"
						>
							<Link
								to={here}
								aria-current={page.view === 'cards' && !page.focus ? 'page' : undefined}
								className={TOGGLE}
							>
								{t('questionnaire.view.cards')}
							</Link>
							<Link
								to={`${here}?view=list`}
								aria-current={page.view === 'list' && !page.focus ? 'page' : undefined}
								className={TOGGLE}
							>
								{t('questionnaire.view.list')}
							</Link>
						</nav>
						{page.section.sharedRule ? (
							<div
								id="section-rule"
								className="rounded border border-slate-200 bg-white px-3 py-2 text-sm"
							>
								<p className="font-medium">{t('questionnaire.sectionRule')}</p>
								<p lang="zh-CN" className="mt-1 whitespace-pre-line text-slate-800">
									{page.section.sharedRule}
								</p>
							</div>
						) : null}
						{[...page.scheme.notes, ...page.section.notes].length ? (
							<details className="rounded border border-sky-200 bg-sky-50 text-sm">
								<summary className="cursor-pointer px-3 py-2 font-medium text-sky-900">
									{page.section.notes.length
										? t('questionnaire.sectionNotes')
										: t('questionnaire.schemeNotes')}
								</summary>
								<ul className="space-y-2 px-3 pb-3 text-sky-950">
									{[...page.section.notes, ...page.scheme.notes].map((note, i) => (
										<li key={i}>{locale === 'en' ? note.en : note.zh}</li>
									))}
								</ul>
							</details>
						) : null}
						{page.view === 'cards' && !page.focus ? (
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
								redirectTo={redirectBack}
							/>
						) : null}
					</section>

					{page.focus ? (
						<nav
							aria-label={t('questionnaire.view.one', {
								position: page.focus.position,
								count: page.count,
							})}
							className="flex flex-wrap items-center justify-between gap-2 text-sm"
						>
							<Link to={here} className={LINK}>
								{t('questionnaire.view.backToSection')}
							</Link>
							<span className="text-slate-700">
								{t('questionnaire.view.one', { position: page.focus.position, count: page.count })}
							</span>
							<span className="flex gap-3">
								{page.focus.previous ? (
									<Link to={indicatorHref(page.focus.previous)} className={LINK}>
										{t('questionnaire.previousIndicator', { id: page.focus.previous })}
									</Link>
								) : null}
								{page.focus.next ? (
									<Link to={indicatorHref(page.focus.next)} className={LINK}>
										{t('questionnaire.nextIndicator', { id: page.focus.next })}
									</Link>
								) : null}
							</span>
						</nav>
					) : null}

					{page.view === 'list' && !page.focus ? (
						<IndicatorList
							mode={mode}
							caption={t('questionnaire.list.caption', {
								section: `${page.section.id} ${page.section.title}`,
							})}
							rows={indicators.map((indicator) => ({
								id: indicator.id,
								code: indicator.code,
								title: indicator.title,
								titleEn: indicator.titleEn,
								points: indicator.points,
								state: indicator.state,
								value: indicator.answer.value,
								percent: indicator.rating?.mine?.percent ?? null,
							}))}
							href={indicatorHref}
						/>
					) : (
						<div className="space-y-6">
							{page.blocks.map((block) =>
								block.type === 'indicator' ? (
									card(block.indicator)
								) : (
									<div key={block.id} className="space-y-1 border-l-4 border-slate-300 pl-3">
										<h3 className="font-semibold text-slate-800">
											<span className="mr-2 font-mono">{block.id}</span>
											{sectionTitle(locale, block)}
										</h3>
										{block.text ? (
											<p className="whitespace-pre-line text-sm text-slate-700">{block.text}</p>
										) : null}
									</div>
								),
							)}
						</div>
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

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
