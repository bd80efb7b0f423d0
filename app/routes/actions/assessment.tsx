import { useId } from 'react'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { ActionFields, ActionsTable, FilterForm } from '#app/components/action-parts.tsx'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { FormErrors, Notice, SubmitButton } from '#app/components/form-fields.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	createActionFromGaps,
	gapReasons,
	GapActionFieldsSchema,
	listActions,
	possibleOwners,
	workspaceMembers,
} from '#app/services/actions.server.ts'
import { findAssessment, targetsOf } from '#app/services/collaboration.server.ts'
import { requireWorkspace, roleAtLeast } from '#app/services/workspace-scope.server.ts'
import { actionPath, assessmentActionsPath, workspaceActionsPath } from '#app/utils/actions.ts'
import { assessmentPath } from '#app/utils/collaboration.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import type { Route } from './+types/assessment'
import {
	formError,
	intentOf,
	parseWithIndicators,
	readFilters,
	readFormData,
	refusedForm,
	unreadableForm,
	type FormReply,
} from './forms.server.ts'

/**
 * "Create from gap": `indicatorIds` repeated (one or more indicators of this assessment), and
 * optionally title, description, owner, due date and priority; `redirectTo` to come back to the
 * page that posted (the results and gap list), else this list.
 */
const CreateFromGapSchema = GapActionFieldsSchema.extend({
	intent: z.literal('create-from-gap'),
	redirectTo: z.string().max(2000).optional(),
})

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = ['create-from-gap'] as const

/** An assessment's improvement actions, and the gaps to plan new ones from. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await findAssessment(scope, params.assessmentId)
	const targets = assessment && targetsOf(assessment.schemeId)
	invariantNotFound(assessment && targets)
	const url = new URL(request.url)
	const filters = readFilters(url)
	const canCreate = roleAtLeast(scope.role, 'assessor')
	const [actions, reasons, owners, members] = await Promise.all([
		listActions(scope, {
			assessmentId: assessment.id,
			status: filters.status,
			overdue: filters.overdue,
			ownerUserId: filters.owner === 'me' ? scope.user.id : filters.owner || undefined,
		}),
		canCreate ? gapReasons(scope, assessment) : Promise.resolve(new Map()),
		canCreate ? possibleOwners(scope) : Promise.resolve([]),
		workspaceMembers(scope),
	])
	const planned = new Set(actions.flatMap((action) => action.indicators.map((i) => i.id)))
	const all = [...targets.indicators.values()].map(({ indicator }) => ({
		id: indicator.id,
		code: indicator.code ?? null,
		title: indicator.title,
		titleEn: indicator.titleEn,
		reason: reasons.get(indicator.id)?.text ?? null,
		recoverable: reasons.get(indicator.id)?.recoverable ?? null,
		planned: planned.has(indicator.id),
	}))
	// with scorable answers: the gaps, most recoverable points first; otherwise every indicator
	const gaps = reasons.size
		? all
				.filter((entry) => entry.reason !== null)
				.sort((a, b) => (b.recoverable ?? 0) - (a.recoverable ?? 0))
		: all
	const created = url.searchParams.get('created')
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		assessment: { id: assessment.id, title: assessment.title, period: assessment.period },
		actions,
		created: actions.find((action) => action.id === created) ?? null,
		gaps: canCreate ? gaps : [],
		scorable: reasons.size > 0,
		preselected: url.searchParams.getAll('indicator'),
		owners,
		members,
		filters: { status: filters.status ?? '', owner: filters.owner, overdue: filters.overdue },
		canCreate,
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const locale = await resolveLocale(request, scope.user)
	const t = translator(locale)
	const formData = await readFormData(request)
	if (!formData) return unreadableForm(locale)
	const intent = intentOf(formData, intents)
	const parsed = parseWithIndicators(formData, CreateFromGapSchema, locale)
	if (!parsed.ok) return formError(intent, parsed.errors, parsed.values, 400, parsed.indicatorIds)
	const { intent: _intent, redirectTo, ...fields } = parsed.data
	const created = await createActionFromGaps(
		scope,
		params.assessmentId,
		{ ...fields, indicatorIds: parsed.indicatorIds },
		{ ip: clientIp(context), locale },
	)
	if (!created.ok)
		return refusedForm(
			intent,
			created,
			t,
			{ ...fields, dueDate: fields.dueDate ?? '', ...(redirectTo ? { redirectTo } : {}) },
			parsed.indicatorIds,
		)
	return redirect(
		safeRedirect(
			redirectTo,
			assessmentActionsPath(scope.workspace.id, params.assessmentId, {
				created: created.action.id,
			}),
		),
	)
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'actions.assessment.title', loaderData?.assessment.title)
}

export default function AssessmentActions({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale, number } = useI18n()
	const { workspace, assessment, actions, created, gaps, scorable, preselected, owners } =
		loaderData
	const reply: FormReply | undefined = actionData
	const gapsId = useId()
	const checked = new Set(reply?.indicatorIds ?? preselected)
	const gapErrors = reply?.errors.indicatorIds
	return (
		<main id="main" className="space-y-6">
			<div>
				<p className="text-sm text-slate-600">
					<Link
						to={assessmentPath(workspace.id, assessment.id)}
						className="text-brand-700 underline-offset-2 hover:underline"
					>
						{assessment.title}
					</Link>
					{' · '}
					<Link
						to={workspaceActionsPath(workspace.id)}
						className="text-brand-700 underline-offset-2 hover:underline"
					>
						{t('actions.title')}
					</Link>
				</p>
				<h1 className="text-2xl font-bold">{t('actions.assessment.title')}</h1>
				<p className="mt-2 max-w-3xl text-slate-700">{t('actions.assessment.intro')}</p>
			</div>
			{created ? (
				<Notice>
					{t('actions.created')}{' '}
					<Link
						to={actionPath(workspace.id, created.id)}
						className="font-medium underline underline-offset-2"
					>
						{created.title}
					</Link>
				</Notice>
			) : null}
			<FilterForm
				status={loaderData.filters.status}
				owner={loaderData.filters.owner}
				overdue={loaderData.filters.overdue}
				owners={loaderData.members}
			/>
			<ActionsTable
				actions={actions}
				caption={t('actions.assessment.caption', { title: assessment.title })}
			/>
			{loaderData.canCreate ? (
				<Panel title={t('actions.gap.heading')} id="create-from-gap">
					<Form method="post" className="space-y-4">
						<input type="hidden" name="intent" value="create-from-gap" />
						{reply?.values.redirectTo ? (
							<input type="hidden" name="redirectTo" value={reply.values.redirectTo} />
						) : null}
						<FormErrors
							errors={reply?.errors}
							shownFields={[
								'indicatorIds',
								'title',
								'description',
								'ownerUserId',
								'dueDate',
								'priority',
							]}
						/>
						<fieldset
							aria-describedby={`${gapsId}-hint${gapErrors ? ` ${gapsId}-error` : ''}`}
							aria-invalid={gapErrors ? true : undefined}
						>
							<legend className="text-sm font-medium text-slate-800">
								{t('actions.gap.indicators')}
							</legend>
							<p id={`${gapsId}-hint`} className="mt-1 text-sm text-slate-600">
								{scorable ? t('actions.gap.hint') : t('actions.gap.hintUnscored')}
							</p>
							{gapErrors ? (
								<ul id={`${gapsId}-error`} className="mt-1 text-sm text-red-700">
									{gapErrors.map((message) => (
										<li key={message}>{message}</li>
									))}
								</ul>
							) : null}
							{gaps.length === 0 ? (
								<p className="mt-2 text-sm text-slate-700">{t('actions.gap.none')}</p>
							) : (
								<ul className="mt-2 max-h-96 divide-y divide-slate-200 overflow-y-auto rounded border border-slate-200">
									{gaps.map((gap) => (
										<li key={gap.id} className="flex gap-3 px-3 py-2 text-sm">
											<input
												id={`${gapsId}-${gap.id}`}
												type="checkbox"
												name="indicatorIds"
												value={gap.id}
												defaultChecked={checked.has(gap.id)}
												className="mt-1 h-4 w-4 shrink-0 rounded border-slate-300"
											/>
											<label htmlFor={`${gapsId}-${gap.id}`} className="min-w-0">
												<span className="font-medium">{gap.code ?? gap.id}</span>{' '}
												{locale === 'en' ? gap.titleEn : gap.title}
												{gap.reason ? (
													<span className="block text-slate-600">
														{locale === 'en' ? gap.reason.en : gap.reason.zh}
														{gap.recoverable !== null
															? ` · ${t('actions.gap.recoverable', { points: number(gap.recoverable) })}`
															: ''}
													</span>
												) : null}
												{gap.planned ? (
													<span className="block text-xs text-emerald-800">
														{t('actions.gap.planned')}
													</span>
												) : null}
											</label>
										</li>
									))}
								</ul>
							)}
						</fieldset>
						<ActionFields
							owners={owners}
							errors={reply?.errors}
							values={reply?.values ?? {}}
							titleRequired={false}
							ownerOptional
						/>
						<SubmitButton>{t('actions.gap.submit')}</SubmitButton>
					</Form>
				</Panel>
			) : null}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
