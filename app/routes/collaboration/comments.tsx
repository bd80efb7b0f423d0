import { data, Link, replace } from 'react-router'
import { z } from 'zod'
import { CommentsPanel } from '#app/components/comments-panel.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	addComment,
	CommentSchema,
	findAssessment,
	listComments,
	targetsOf,
} from '#app/services/collaboration.server.ts'
import { requireWorkspace, roleAtLeast } from '#app/services/workspace-scope.server.ts'
import { assessmentPath, commentsPath } from '#app/utils/collaboration.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { refused } from './respond.server.ts'
import type { Route } from './+types/comments'

const AddCommentSchema = CommentSchema.extend({
	intent: z.literal('add').optional(),
	redirectTo: z.string().max(2000).optional(),
})

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = ['add'] as const

/** An assessment's comments: all of them by indicator, or one indicator's (`?indicator=`) with the form. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await findAssessment(scope, params.assessmentId)
	const targets = assessment && targetsOf(assessment.schemeId)
	invariantNotFound(assessment && targets)
	const url = new URL(request.url)
	const indicatorId = url.searchParams.get('indicator')
	const entry = indicatorId === null ? null : targets.indicators.get(indicatorId)
	invariantNotFound(entry !== undefined)
	const comments = await listComments(scope, assessment.id, entry?.indicator.id)
	const groups = [...targets.indicators.values()]
		.map(({ indicator }) => ({
			indicatorId: indicator.id,
			title: indicator.title,
			titleEn: indicator.titleEn,
			comments: comments.filter((comment) => comment.indicatorId === indicator.id),
		}))
		.filter((group) => group.comments.length > 0 || group.indicatorId === entry?.indicator.id)
	return data({
		assessment: { id: assessment.id, title: assessment.title },
		indicator: entry
			? { id: entry.indicator.id, title: entry.indicator.title, titleEn: entry.indicator.titleEn }
			: null,
		groups,
		canComment: roleAtLeast(scope.role, 'assessor') && assessment.status !== 'submitted',
		back: safeRedirect(
			url.searchParams.get('redirectTo'),
			assessmentPath(scope.workspace.id, assessment.id),
		),
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const locale = await resolveLocale(request, scope.user)
	const t = translator(locale)
	const parsed = await parseForm(request, AddCommentSchema, locale)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const { redirectTo, indicatorId, body } = parsed.data
	const added = await addComment(
		scope,
		params.assessmentId,
		{ indicatorId, body },
		clientIp(context),
	)
	if (!added.ok) return refused(added, t, { body })
	const url = new URL(request.url)
	const fallback = commentsPath(scope.workspace.id, params.assessmentId, { indicator: indicatorId })
	return replace(safeRedirect(redirectTo ?? url.searchParams.get('redirectTo'), fallback))
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	const indicator = loaderData?.indicator
	return pageTitle(
		matches,
		'collab.comments.title',
		indicator ? `${indicator.id} ${indicator.title}` : loaderData?.assessment.title,
	)
}

export default function CommentsPage({ loaderData, actionData, params }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const { assessment, indicator, groups, canComment, back } = loaderData
	const title = (e: { title: string; titleEn: string }) => (locale === 'en' ? e.titleEn : e.title)
	return (
		<main id="main" className="mx-auto max-w-3xl space-y-6">
			<p>
				<Link to={back} className="text-sm text-brand-700 underline-offset-2 hover:underline">
					← {t('collab.back')}
				</Link>
			</p>
			<div>
				<p className="text-sm text-slate-600">{assessment.title}</p>
				<h1 className="text-2xl font-bold">
					{indicator
						? t('collab.comments.forIndicator', { id: indicator.id, title: title(indicator) })
						: t('collab.comments.all')}
				</h1>
			</div>
			{groups.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
					{t('collab.comments.empty')}
				</p>
			) : (
				groups.map((group) => (
					<section key={group.indicatorId} className="rounded border border-slate-200 bg-white p-4">
						<CommentsPanel
							workspaceId={params.workspaceId}
							assessmentId={assessment.id}
							indicatorId={group.indicatorId}
							comments={group.comments}
							canComment={canComment && group.indicatorId === indicator?.id}
							redirectTo={back}
							errors={actionData?.errors}
							values={actionData?.values}
							heading={indicator ? undefined : `${group.indicatorId} ${title(group)}`}
							headingLevel={2}
						/>
						{indicator ? null : (
							<Link
								to={commentsPath(params.workspaceId, assessment.id, {
									indicator: group.indicatorId,
									redirectTo: back,
								})}
								aria-label={t('collab.comments.replyLabel', { id: group.indicatorId })}
								className="mt-2 inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
							>
								{t('collab.comments.reply')}
							</Link>
						)}
					</section>
				))
			)}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
