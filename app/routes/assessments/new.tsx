import { useState } from 'react'
import { data, Form, redirect } from 'react-router'
import { ErrorPage } from '#app/components/error-page.tsx'
import {
	CheckboxField,
	FormErrors,
	SubmitButton,
	TextAreaField,
	TextField,
} from '#app/components/form-fields.tsx'
import {
	PERIOD_MAX,
	SCOPE_MAX,
	SCOPE_NOTES_MAX,
	TITLE_MAX,
} from '#app/domain/assessments/limits.ts'
import { starsBesideName } from '#app/domain/assessments/panel.ts'
import { schemes, schemeIndicators } from '#app/domain/schemes/index.ts'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	createAssessment,
	CreateAssessmentSchema,
	listAssessments,
} from '#app/services/assessments.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { assessmentPath } from '#app/utils/assessment-paths.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import type { Route } from './+types/new'

const fieldNames = [
	'schemeId',
	'period',
	'title',
	'scopeSites',
	'scopeProducts',
	'scopeNotes',
	'fromAssessmentId',
	'resetStatuses',
]

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId, 'admin')
	const earlier = (await listAssessments(scope)).map(({ id, title, period, schemeId }) => ({
		id,
		title,
		period,
		schemeId,
	}))
	const query = new URL(request.url).searchParams
	const requested = query.get('scheme')
	// ?from= (the timeline's "start from last year's"): an earlier assessment of this workspace
	const source = earlier.find((entry) => entry.id === query.get('from'))
	const schemeId = schemes.some((scheme) => scheme.id === requested) ? requested : null
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		defaults: {
			schemeId: schemeId ?? source?.schemeId ?? null,
			fromAssessmentId: source && (!schemeId || source.schemeId === schemeId) ? source.id : '',
			period: String(new Date().getFullYear()),
			scopeSites: scope.workspace.sites,
			scopeProducts: scope.workspace.productCategories,
		},
		schemes: schemes.map((scheme) => ({
			id: scheme.id,
			shortTitle: scheme.shortTitle,
			title: scheme.title,
			titleEn: scheme.titleEn,
			issuer: scheme.issuer,
			source: scheme.source,
			purpose: scheme.purpose,
			fullMarks: scheme.fullMarks,
			passMark: scheme.passMark,
			levels: scheme.levels.map(({ key, name, nameEn, min, stars }) => ({
				key,
				name,
				nameEn,
				min,
				stars,
			})),
			answerMode: scheme.answerMode,
			specialItems: scheme.specialItems,
			failAtSpecialDeductions: scheme.failAtSpecialDeductions,
			exclusionsRule: scheme.exclusionsRule,
			indicatorCount: schemeIndicators(scheme).length,
		})),
		earlier,
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId, 'admin')
	const locale = await resolveLocale(request, scope.user)
	const parsed = await parseForm(request, CreateAssessmentSchema, locale)
	if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	const outcome = await createAssessment(scope, parsed.data, clientIp(context))
	if (!outcome.ok) {
		const t = translator(locale)
		return data(
			{
				errors: { [outcome.field ?? '']: [t(outcome.message, outcome.params)] },
				values: Object.fromEntries(
					Object.entries(parsed.data).map(([k, v]) => [k, String(v ?? '')]),
				),
			},
			{ status: outcome.status },
		)
	}
	return redirect(assessmentPath(scope.workspace.id, outcome.assessment.id))
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'assessment.new.title', loaderData?.workspace.name)
}

export default function NewAssessment({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useI18n()
	const { workspace, defaults, schemes, earlier } = loaderData
	const values: Record<string, string | undefined> = actionData?.values ?? {}
	const errors = actionData?.errors
	const [chosen, setChosen] = useState<string | null>(values.schemeId ?? defaults.schemeId)
	const en = locale === 'en'
	const earlierOf = (schemeId: string) => earlier.filter((entry) => entry.schemeId === schemeId)
	const schemeErrors = errors?.schemeId
	return (
		<main id="main" className="space-y-8">
			<div>
				<p className="text-sm text-slate-600">{workspace.name}</p>
				<h1 className="text-2xl font-bold">{t('assessment.new.title')}</h1>
				<p className="mt-1 text-slate-700">{t('assessment.new.intro')}</p>
			</div>
			<Form method="post" className="space-y-8">
				<FormErrors errors={errors} shownFields={fieldNames} />
				<fieldset
					aria-describedby={schemeErrors?.length ? 'scheme-hint scheme-error' : 'scheme-hint'}
					aria-invalid={schemeErrors?.length ? true : undefined}
					onChange={(event) => {
						const target = event.target
						if (target instanceof HTMLInputElement && target.name === 'schemeId')
							setChosen(target.value)
					}}
				>
					<legend className="text-lg font-semibold">{t('assessment.new.schemes')}</legend>
					<p id="scheme-hint" className="mt-1 text-sm text-slate-600">
						{t('assessment.new.schemesHint')}
					</p>
					{schemeErrors?.length ? (
						<p id="scheme-error" className="mt-1 text-sm text-red-700">
							{schemeErrors.join(' ')}
						</p>
					) : null}
					<div className="mt-4 grid gap-4 lg:grid-cols-2">
						{schemes.map((scheme) => {
							const detailsId = `scheme-${scheme.id}-details`
							const selected = chosen === scheme.id
							return (
								<div
									key={scheme.id}
									className={`rounded border bg-white p-4 ${selected ? 'border-brand-700 ring-2 ring-brand-700' : 'border-slate-200'}`}
								>
									<div className="flex items-start gap-3">
										<input
											id={`scheme-${scheme.id}`}
											type="radio"
											name="schemeId"
											value={scheme.id}
											required
											defaultChecked={(values.schemeId ?? defaults.schemeId) === scheme.id}
											aria-describedby={detailsId}
											className="mt-1.5 h-4 w-4"
										/>
										<label htmlFor={`scheme-${scheme.id}`} className="cursor-pointer">
											<span className="block font-semibold text-slate-900">
												{scheme.shortTitle}
											</span>
											<span className="block text-sm text-slate-700">
												{en ? scheme.titleEn : scheme.title}
											</span>
										</label>
									</div>
									<dl id={detailsId} className="mt-3 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
										<dt className="text-slate-600">{t('assessment.new.issuer')}</dt>
										<dd>{en ? scheme.issuer.en : scheme.issuer.zh}</dd>
										<dt className="text-slate-600">{t('assessment.new.source')}</dt>
										<dd>
											{scheme.source.document}（{scheme.source.code}）
											<span className="block text-xs text-slate-600">{scheme.source.edition}</span>
										</dd>
										<dt className="text-slate-600">{t('assessment.new.fullMarks')}</dt>
										<dd>
											{scheme.fullMarks} ·{' '}
											{t('assessment.new.indicators', { count: scheme.indicatorCount })}
										</dd>
										<dt className="text-slate-600">{t('assessment.new.passMark')}</dt>
										<dd>
											{scheme.passMark === null ? t('assessment.new.noPassMark') : scheme.passMark}
										</dd>
										<dt className="text-slate-600">{t('assessment.new.levels')}</dt>
										<dd>
											{scheme.levels.length === 0 ? (
												t('assessment.new.noLevels')
											) : (
												<ul className="space-y-0.5">
													{scheme.levels.map((level) => (
														<li key={level.key}>
															{t('assessment.new.levelBand', {
																name: en ? level.nameEn : level.name,
																min: level.min,
															})}
															{starsBesideName(level) > 0 ? (
																<span
																	role="img"
																	aria-label={t('assessment.score.stars', {
																		count: starsBesideName(level),
																	})}
																	className="ml-1 text-amber-500"
																>
																	{'★'.repeat(starsBesideName(level))}
																</span>
															) : null}
														</li>
													))}
												</ul>
											)}
										</dd>
										<dt className="text-slate-600">{t('assessment.new.purpose')}</dt>
										<dd>{en ? scheme.purpose.en : scheme.purpose.zh}</dd>
										<dt className="text-slate-600">{t('assessment.new.special')}</dt>
										<dd>
											<ul className="list-disc space-y-0.5 pl-5">
												<li>{t(`assessment.new.answerMode.${scheme.answerMode}`)}</li>
												<li>
													{scheme.specialItems
														? t('assessment.new.specialItems')
														: t('assessment.new.noSpecialItems')}
													{scheme.specialItems && scheme.failAtSpecialDeductions !== null
														? ` ${t('assessment.new.specialItemsFail', { count: scheme.failAtSpecialDeductions })}`
														: ''}
												</li>
											</ul>
										</dd>
										<dt className="text-slate-600">{t('assessment.new.exclusions')}</dt>
										<dd>{en ? scheme.exclusionsRule.en : scheme.exclusionsRule.zh}</dd>
									</dl>
								</div>
							)
						})}
					</div>
				</fieldset>

				<fieldset className="max-w-2xl space-y-4 rounded border border-slate-200 bg-white p-6">
					<legend className="px-1 text-lg font-semibold">{t('assessment.new.details')}</legend>
					<TextField
						name="period"
						label={t('assessment.field.period')}
						hint={t('assessment.field.period.hint')}
						defaultValue={values.period ?? defaults.period}
						errors={errors?.period}
						required
						maxLength={PERIOD_MAX}
					/>
					<TextField
						name="title"
						label={t('assessment.field.title')}
						hint={t('assessment.field.title.hint')}
						defaultValue={values.title}
						errors={errors?.title}
						required
						maxLength={TITLE_MAX}
					/>
					<TextAreaField
						name="scopeSites"
						label={t('assessment.field.scopeSites')}
						hint={t('assessment.field.scopeSites.hint')}
						defaultValue={values.scopeSites ?? defaults.scopeSites}
						errors={errors?.scopeSites}
						maxLength={SCOPE_MAX}
						rows={2}
					/>
					<TextAreaField
						name="scopeProducts"
						label={t('assessment.field.scopeProducts')}
						hint={t('assessment.field.scopeProducts.hint')}
						defaultValue={values.scopeProducts ?? defaults.scopeProducts}
						errors={errors?.scopeProducts}
						maxLength={SCOPE_MAX}
						rows={2}
					/>
					<TextAreaField
						name="scopeNotes"
						label={t('assessment.field.scopeNotes')}
						hint={t('assessment.field.scopeNotes.hint')}
						defaultValue={values.scopeNotes}
						errors={errors?.scopeNotes}
						maxLength={SCOPE_NOTES_MAX}
					/>
					{earlier.length > 0 ? (
						<StartFrom
							earlier={earlier}
							chosen={chosen}
							earlierOf={earlierOf}
							schemes={schemes}
							defaultValue={values.fromAssessmentId ?? defaults.fromAssessmentId}
							errors={errors?.fromAssessmentId}
						/>
					) : null}
					{earlier.length > 0 ? (
						<CheckboxField
							name="resetStatuses"
							label={t('assessment.new.resetStatuses')}
							hint={t('assessment.new.resetStatuses.hint')}
							defaultChecked={actionData ? values.resetStatuses === 'on' : true}
							errors={errors?.resetStatuses}
						/>
					) : null}
					<SubmitButton>{t('assessment.new.submit')}</SubmitButton>
				</fieldset>
			</Form>
		</main>
	)
}

type Earlier = { id: string; title: string; period: string; schemeId: string }

/**
 * Without JavaScript every earlier assessment is offered, grouped by scheme (the server refuses
 * another scheme's); with it, only those of the chosen scheme.
 */
function StartFrom({
	earlier,
	chosen,
	earlierOf,
	schemes,
	defaultValue,
	errors,
}: {
	earlier: Earlier[]
	chosen: string | null
	earlierOf: (schemeId: string) => Earlier[]
	schemes: { id: string; shortTitle: string }[]
	defaultValue: string
	errors: string[] | undefined
}) {
	const { t } = useI18n()
	const groups = schemes.filter(
		(scheme) => (chosen ? scheme.id === chosen : true) && earlierOf(scheme.id).length > 0,
	)
	const invalid = Boolean(errors?.length)
	return (
		<div>
			<label htmlFor="fromAssessmentId" className="block text-sm font-medium text-slate-800">
				{t('assessment.new.startFrom')}
			</label>
			<select
				id="fromAssessmentId"
				name="fromAssessmentId"
				defaultValue={earlier.some((entry) => entry.id === defaultValue) ? defaultValue : ''}
				aria-invalid={invalid || undefined}
				aria-describedby={
					invalid ? 'fromAssessmentId-hint fromAssessmentId-error' : 'fromAssessmentId-hint'
				}
				className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm"
			>
				<option value="">{t('assessment.new.startFrom.none')}</option>
				{groups.map((scheme) => (
					<optgroup key={scheme.id} label={scheme.shortTitle}>
						{earlierOf(scheme.id).map((entry) => (
							<option key={entry.id} value={entry.id}>
								{t('assessment.new.startFrom.option', { title: entry.title, period: entry.period })}
							</option>
						))}
					</optgroup>
				))}
			</select>
			<p id="fromAssessmentId-hint" className="mt-1 text-sm text-slate-600">
				{t('assessment.new.startFrom.hint')}
			</p>
			{invalid ? (
				<ul id="fromAssessmentId-error" className="mt-1 text-sm text-red-700">
					{errors?.map((message) => (
						<li key={message}>{message}</li>
					))}
				</ul>
			) : null}
		</div>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
