import { data, Link, replace } from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import { EvidencePanel } from '#app/components/evidence-panel.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { findAssessment, targetsOf } from '#app/services/collaboration.server.ts'
import {
	listEvidence,
	RemoveSchema,
	removeEvidence,
	uploadEvidence,
} from '#app/services/evidence.server.ts'
import { requireWorkspace, roleAtLeast } from '#app/services/workspace-scope.server.ts'
import { assessmentPath, evidencePath } from '#app/utils/collaboration.ts'
import { env } from '#app/utils/env.server.ts'
import { parseFormData } from '#app/utils/forms.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { refused } from '../collaboration/respond.server.ts'
import type { Route } from './+types/evidence'

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = ['upload', 'remove'] as const

/**
 * The evidence of an assessment: all of it, or one indicator's (`?indicator=`) with its upload
 * form. The questionnaire embeds the same panel; this page is where a form posted without
 * JavaScript lands when it is refused, and a link for phones.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await findAssessment(scope, params.assessmentId)
	const targets = assessment && targetsOf(assessment.schemeId)
	invariantNotFound(assessment && targets)
	const url = new URL(request.url)
	const indicatorId = url.searchParams.get('indicator')
	const entry = indicatorId === null ? null : targets.indicators.get(indicatorId)
	invariantNotFound(entry !== undefined)
	const items = await listEvidence(scope, assessment.id, entry?.indicator.id)
	const titles = new Map(
		[...targets.indicators].map(([id, e]) => [
			id,
			{ title: e.indicator.title, titleEn: e.indicator.titleEn },
		]),
	)
	return data({
		assessment: { id: assessment.id, title: assessment.title, status: assessment.status },
		indicator: entry
			? { id: entry.indicator.id, title: entry.indicator.title, titleEn: entry.indicator.titleEn }
			: null,
		groups: groupByIndicator(items, titles),
		canUpload: roleAtLeast(scope.role, 'assessor') && assessment.status !== 'submitted',
		maxBytes: env().UPLOAD_MAX_BYTES,
		back: safeRedirect(
			url.searchParams.get('redirectTo'),
			assessmentPath(scope.workspace.id, assessment.id),
		),
	})
}

function groupByIndicator<T extends { indicatorId: string }>(
	items: T[],
	titles: Map<string, { title: string; titleEn: string }>,
) {
	const groups = new Map<string, T[]>()
	for (const item of items)
		groups.set(item.indicatorId, [...(groups.get(item.indicatorId) ?? []), item])
	return [...titles.keys()]
		.filter((id) => groups.has(id))
		.map((id) => ({ indicatorId: id, ...titles.get(id)!, items: groups.get(id)! }))
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const locale = await resolveLocale(request, scope.user)
	const t = translator(locale)
	const ip = clientIp(context)
	const url = new URL(request.url)
	const fallback = evidencePath(scope.workspace.id, params.assessmentId, {
		indicator: url.searchParams.get('indicator') ?? undefined,
	})
	const back = (to: string | undefined) =>
		replace(safeRedirect(to ?? url.searchParams.get('redirectTo'), fallback))

	if (/^multipart\/form-data/i.test(request.headers.get('Content-Type') ?? '')) {
		const uploaded = await uploadEvidence(scope, params.assessmentId, request, { ip, locale })
		if (!uploaded.ok) return refused(uploaded, t)
		return back(uploaded.redirectTo)
	}

	const formData = await request.formData().catch(() => new FormData())
	if (formData.get('intent') === 'upload')
		return data(
			{ errors: { file: [t('collab.evidence.error.notMultipart')] }, values: {} },
			{ status: 415 },
		)
	const parsed = parseFormData(formData, RemoveSchema, locale)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const removed = await removeEvidence(scope, params.assessmentId, parsed.data.evidenceId, ip)
	if (!removed.ok) return refused(removed, t)
	return back(parsed.data.redirectTo)
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	const indicator = loaderData?.indicator
	return pageTitle(
		matches,
		'collab.evidence.title',
		indicator ? `${indicator.id} ${indicator.title}` : loaderData?.assessment.title,
	)
}

export default function EvidencePage({ loaderData, actionData, params }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const { assessment, indicator, groups, canUpload, maxBytes, back } = loaderData
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
						? t('collab.evidence.forIndicator', { id: indicator.id, title: title(indicator) })
						: t('collab.evidence.all')}
				</h1>
				<p className="mt-2 text-slate-700">{t('collab.evidence.intro')}</p>
			</div>
			{indicator ? (
				<EvidencePanel
					workspaceId={params.workspaceId}
					assessmentId={assessment.id}
					indicatorId={indicator.id}
					items={groups[0]?.items ?? []}
					canUpload={canUpload}
					maxBytes={maxBytes}
					redirectTo={back}
					errors={actionData?.errors}
					headingLevel={2}
				/>
			) : groups.length === 0 ? (
				<p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
					{t('collab.evidence.empty')}
				</p>
			) : (
				groups.map((group) => (
					<section
						key={group.indicatorId}
						className="space-y-2 rounded border border-slate-200 bg-white p-4"
					>
						<EvidencePanel
							workspaceId={params.workspaceId}
							assessmentId={assessment.id}
							indicatorId={group.indicatorId}
							items={group.items}
							canUpload={false}
							maxBytes={maxBytes}
							heading={`${group.indicatorId} ${title(group)}`}
							headingLevel={2}
						/>
						<Link
							to={evidencePath(params.workspaceId, assessment.id, {
								indicator: group.indicatorId,
								redirectTo: back,
							})}
							aria-label={t('collab.evidence.manageLabel', { id: group.indicatorId })}
							className="inline-block text-sm text-brand-700 underline-offset-2 hover:underline"
						>
							{t('collab.evidence.manage')}
						</Link>
					</section>
				))
			)}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
