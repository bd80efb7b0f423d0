import { data, Link, replace } from 'react-router'
import { z } from 'zod'
import { AssigneePicker } from '#app/components/assignee-picker.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { FormErrors } from '#app/components/form-fields.tsx'
import { ProgressBar } from '#app/components/progress-bar.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	assign,
	assignableMembers,
	AssignmentTargetSchema,
	AssignSchema,
	findAssessment,
	listAssignments,
	progressByPerson,
	targetsOf,
	unassign,
} from '#app/services/collaboration.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { assessmentPath, assignmentsPath } from '#app/utils/collaboration.ts'
import { parseFormData } from '#app/utils/forms.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { refused } from './respond.server.ts'
import type { Route } from './+types/assignments'

const redirectTo = z.string().max(2000).optional()
const AssignFormSchema = AssignSchema.extend({ intent: z.literal('assign'), redirectTo })
const UnassignFormSchema = AssignmentTargetSchema.extend({
	intent: z.literal('unassign'),
	redirectTo,
})

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = ['assign', 'unassign'] as const

/** Who answers which section and indicator of an assessment, and each person's progress. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await findAssessment(scope, params.assessmentId)
	const targets = assessment && targetsOf(assessment.schemeId)
	invariantNotFound(assessment && targets)
	const [rows, members, progress] = await Promise.all([
		listAssignments(scope, assessment.id),
		assignableMembers(scope),
		progressByPerson(scope, assessment.id),
	])
	const byTarget = new Map(rows.map((row) => [`${row.targetType} ${row.targetId}`, row.user]))
	const sections = targets.scheme.sections.map((section) => ({
		id: section.id,
		title: section.title,
		titleEn: section.titleEn,
		assignee: byTarget.get(`section ${section.id}`) ?? null,
		indicators: [...targets.indicators.values()]
			.filter((entry) => entry.section.id === section.id)
			.map(({ indicator }) => ({
				id: indicator.id,
				title: indicator.title,
				titleEn: indicator.titleEn,
				assignee: byTarget.get(`indicator ${indicator.id}`) ?? null,
			})),
	}))
	const url = new URL(request.url)
	return data({
		assessment: { id: assessment.id, title: assessment.title, status: assessment.status },
		sections,
		members: members.map((m) => ({ userId: m.userId, name: m.name })),
		progress,
		viewer: { userId: scope.user.id, role: scope.role },
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
	const ip = clientIp(context)
	const formData = await request.formData().catch(() => new FormData())
	const intent = formData.get('intent')
	const url = new URL(request.url)
	const back = (to: string | undefined) =>
		replace(
			safeRedirect(
				to ?? url.searchParams.get('redirectTo'),
				assignmentsPath(scope.workspace.id, params.assessmentId),
			),
		)

	if (intent === 'assign') {
		const parsed = parseFormData(formData, AssignFormSchema, locale)
		if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
		const done = await assign(scope, params.assessmentId, parsed.data, ip)
		if (!done.ok) return refused(done, t)
		return back(parsed.data.redirectTo)
	}
	if (intent === 'unassign') {
		const parsed = parseFormData(formData, UnassignFormSchema, locale)
		if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
		const done = await unassign(scope, params.assessmentId, parsed.data, ip)
		if (!done.ok) return refused(done, t)
		return back(parsed.data.redirectTo)
	}
	return data({ errors: { intent: [t('form.invalid')] }, values: {} }, { status: 400 })
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'collab.assign.pageTitle', loaderData?.assessment.title)
}

export default function AssignmentsPage({ loaderData, actionData, params }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const { assessment, sections, members, progress, viewer, back } = loaderData
	const title = (e: { title: string; titleEn: string }) => (locale === 'en' ? e.titleEn : e.title)
	const locked = assessment.status === 'submitted'
	const here = assignmentsPath(params.workspaceId, assessment.id, { redirectTo: back })
	return (
		<main id="main" className="space-y-8">
			<p>
				<Link to={back} className="text-sm text-brand-700 underline-offset-2 hover:underline">
					← {t('collab.back')}
				</Link>
			</p>
			<div>
				<p className="text-sm text-slate-600">{assessment.title}</p>
				<h1 className="text-2xl font-bold">{t('collab.assign.pageTitle')}</h1>
				<p className="mt-2 text-slate-700">{t('collab.assign.intro')}</p>
				{locked ? (
					<p className="mt-2 text-sm text-amber-800">{t('collab.error.submitted')}</p>
				) : null}
			</div>
			<FormErrors errors={actionData?.errors} />

			<section aria-labelledby="progress-heading" className="space-y-3">
				<h2 id="progress-heading" className="text-lg font-semibold">
					{t('collab.assign.progressHeading')}
				</h2>
				{progress.length === 0 ? (
					<p className="text-slate-700">{t('collab.assign.progressEmpty')}</p>
				) : (
					<div className="overflow-x-auto rounded border border-slate-200 bg-white">
						<table className="w-full min-w-[28rem] text-left text-sm">
							<caption className="sr-only">{t('collab.assign.progressHeading')}</caption>
							<thead className="bg-slate-50 text-slate-600">
								<tr>
									<th scope="col" className="px-4 py-2 font-medium">
										{t('collab.assign.person')}
									</th>
									<th scope="col" className="px-4 py-2 font-medium">
										{t('collab.assign.progress')}
									</th>
									<th scope="col" className="px-4 py-2 text-right font-medium">
										{t('collab.assign.toReview')}
									</th>
								</tr>
							</thead>
							<tbody className="divide-y divide-slate-200">
								{progress.map((person) => (
									<tr key={person.userId}>
										<th scope="row" className="px-4 py-2 font-medium">
											{person.name}
										</th>
										<td className="px-4 py-2">
											<ProgressBar answered={person.answered} total={person.total} />
										</td>
										<td className="px-4 py-2 text-right tabular-nums">{person.toReview}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>

			{sections.map((section) => {
				const sectionLabel = `${section.id} ${title(section)}`
				return (
					<section
						key={section.id}
						aria-labelledby={`section-${section.id}`}
						className="space-y-4 rounded border border-slate-200 bg-white p-4"
					>
						<div className="flex flex-wrap items-start justify-between gap-4">
							<h2 id={`section-${section.id}`} className="text-lg font-semibold">
								{sectionLabel}
							</h2>
							<AssigneePicker
								workspaceId={params.workspaceId}
								assessmentId={assessment.id}
								targetType="section"
								targetId={section.id}
								targetLabel={sectionLabel}
								assignee={
									section.assignee && { userId: section.assignee.id, name: section.assignee.name }
								}
								members={members}
								viewer={viewer}
								locked={locked}
								redirectTo={here}
							/>
						</div>
						<ul className="divide-y divide-slate-200">
							{section.indicators.map((indicator) => {
								const label = `${indicator.id} ${title(indicator)}`
								return (
									<li
										key={indicator.id}
										className="flex flex-wrap items-center justify-between gap-3 py-2"
									>
										<span className="text-sm text-slate-900">{label}</span>
										<AssigneePicker
											workspaceId={params.workspaceId}
											assessmentId={assessment.id}
											targetType="indicator"
											targetId={indicator.id}
											targetLabel={label}
											assignee={
												indicator.assignee && {
													userId: indicator.assignee.id,
													name: indicator.assignee.name,
												}
											}
											inheritedFrom={
												section.assignee && {
													userId: section.assignee.id,
													name: section.assignee.name,
												}
											}
											members={members}
											viewer={viewer}
											locked={locked}
											redirectTo={here}
										/>
									</li>
								)
							})}
						</ul>
					</section>
				)
			})}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
