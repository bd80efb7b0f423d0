import { data, Form, Link, useNavigation } from 'react-router'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import {
	buttonClass,
	FileField,
	FormErrors,
	Notice,
	SubmitButton,
	TextAreaField,
} from '#app/components/form-fields.tsx'
import { LiveScorePanel } from '#app/components/live-score-panel.tsx'
import { ProgressBar } from '#app/components/progress-bar.tsx'
import { ReportLinks } from '#app/components/results/results-header.tsx'
import { REASON_MAX, SPECIAL_TEXT_MAX } from '#app/domain/assessments/limits.ts'
import { panelScheme } from '#app/domain/assessments/panel.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	latestReopening,
	liveResult,
	listSpecialItems,
	loadStored,
	requireAssessment,
	schemeOf,
	userNames,
} from '#app/services/assessments.server.ts'
import { progressByPerson } from '#app/services/collaboration.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import {
	assessmentAnswerPath,
	assessmentExportPath,
	assessmentsPath,
} from '#app/utils/assessment-paths.ts'
import { answerPath, assignmentsPath } from '#app/utils/collaboration.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { resultsPath } from '#app/utils/results-paths.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { hasRole } from '#app/utils/roles.ts'
import type { Route } from './+types/detail'
import { readForm, runIntent, unreadable, type ActionResult } from './detail.server.ts'
import type { Intent } from './intents.ts'

export { intents } from './intents.ts'

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await requireAssessment(scope, params.assessmentId)
	const scheme = schemeOf(assessment)
	const stored = await loadStored(scope, assessment.id)
	const [live, items, names, progress, reopened] = await Promise.all([
		liveResult(scope, assessment, stored),
		listSpecialItems(scope, assessment.id),
		userNames([assessment.createdBy, assessment.submittedBy]),
		progressByPerson(scope, assessment.id),
		latestReopening(scope, assessment.id),
	])
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		assessment: {
			id: assessment.id,
			title: assessment.title,
			period: assessment.period,
			status: assessment.status,
			scopeSites: assessment.scopeSites,
			scopeProducts: assessment.scopeProducts,
			scopeNotes: assessment.scopeNotes,
			schemeVersion: assessment.schemeVersion,
			copied: assessment.copiedFromId !== null,
			createdAt: assessment.createdAt,
			createdBy: assessment.createdBy ? (names.get(assessment.createdBy) ?? null) : null,
			submittedAt: assessment.submittedAt,
			submittedBy: assessment.submittedBy ? (names.get(assessment.submittedBy) ?? null) : null,
		},
		scheme: {
			...panelScheme(scheme),
			title: scheme.title,
			titleEn: scheme.titleEn,
			specialItems: scheme.specialItems,
		},
		live,
		progress,
		reopened,
		items: items.map(({ id, kind, description, correctiveAction }) => ({
			id,
			kind,
			description,
			correctiveAction,
		})),
		can: {
			answer: hasRole(scope.role, 'assessor'),
			manage: hasRole(scope.role, 'admin'),
		},
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const assessment = await requireAssessment(scope, params.assessmentId)
	const locale = await resolveLocale(request, scope.user)
	const form = await readForm(request)
	if (!(form instanceof FormData)) return unreadable(form, locale)
	return runIntent(form, scope, assessment.id, locale, clientIp(context))
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'assessment.list.title', loaderData?.assessment.title)
}

function resultFor(
	actionData: ActionResult | undefined,
	...intents: Intent[]
): ActionResult | null {
	return actionData && actionData.intent !== null && intents.includes(actionData.intent)
		? actionData
		: null
}

export default function AssessmentPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, date, locale } = useI18n()
	const { workspace, assessment, scheme, live, progress, reopened, items, can } = loaderData
	const locked = assessment.status === 'submitted'
	const general = actionData && actionData.intent === null ? actionData : null
	const scopeLines = [
		['assessment.field.scopeSites', assessment.scopeSites],
		['assessment.field.scopeProducts', assessment.scopeProducts],
		['assessment.field.scopeNotes', assessment.scopeNotes],
	] as const
	return (
		<main id="main" className="space-y-6">
			<div>
				<p className="text-sm text-slate-600">
					<Link
						to={assessmentsPath(workspace.id)}
						className="text-brand-700 underline-offset-2 hover:underline"
					>
						{t('assessment.list.title')}
					</Link>
					{' · '}
					{workspace.name}
				</p>
				<h1 className="text-2xl font-bold">{assessment.title}</h1>
				<p className="mt-1 text-slate-700">
					{scheme.shortTitle} · {locale === 'en' ? scheme.titleEn : scheme.title} ·{' '}
					{assessment.period} ·{' '}
					<span className="font-medium">{t(`assessment.status.${assessment.status}`)}</span>
				</p>
				<p className="mt-1 text-sm text-slate-600">
					{t('assessment.detail.created', {
						name: assessment.createdBy ?? t('assessment.locked.unknownUser'),
						date: date(assessment.createdAt),
					})}
					{assessment.copied ? ` · ${t('assessment.detail.copiedFrom')}` : ''}
				</p>
				{reopened ? (
					<p className="mt-1 whitespace-pre-line text-sm text-slate-600">
						{t('assessment.reopened.history', {
							submittedAt: reopened.submittedAt ? date(reopened.submittedAt, true) : '—',
							score: reopened.score ?? '—',
							name: reopened.reopenedBy ?? t('assessment.locked.unknownUser'),
							reopenedAt: date(reopened.reopenedAt, true),
							reason: reopened.reason,
						})}
					</p>
				) : null}
			</div>

			<p className="flex flex-wrap gap-3">
				<Link to={assessmentAnswerPath(workspace.id, assessment.id)} className={buttonClass()}>
					{t('assessment.detail.openQuestionnaire')}
				</Link>
				<Link
					to={assignmentsPath(workspace.id, assessment.id)}
					className={buttonClass('secondary')}
				>
					{t('collab.assign.pageTitle')}
				</Link>
				<Link to={resultsPath(workspace.id, assessment.id)} className={buttonClass('secondary')}>
					{t('results.open')}
				</Link>
			</p>
			{live.ok ? <ReportLinks workspaceId={workspace.id} assessmentId={assessment.id} /> : null}

			{general ? <FormErrors errors={general.errors ?? undefined} /> : null}

			{locked ? (
				<div
					role="status"
					className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-950"
				>
					<h2 className="font-semibold">{t('assessment.locked.title')}</h2>
					<p className="mt-1 text-sm">
						{t('assessment.locked.body', {
							date: assessment.submittedAt ? date(assessment.submittedAt, true) : '—',
							name: assessment.submittedBy ?? t('assessment.locked.unknownUser'),
							version: assessment.schemeVersion,
						})}
					</p>
				</div>
			) : null}

			<div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
				<div className="space-y-6 lg:order-1">
					<Sections live={live} workspaceId={workspace.id} assessmentId={assessment.id} />
					<PersonProgress progress={progress} />
					{scheme.specialItems ? (
						<SpecialItems items={items} editable={can.answer && !locked} actionData={actionData} />
					) : null}
					{can.manage && !locked ? <Submit actionData={actionData} /> : null}
					{can.manage && locked ? <Reopen actionData={actionData} /> : null}
					<Panel title={t('assessment.detail.export')} id="export">
						<p className="text-sm text-slate-700">{t('assessment.detail.exportHint')}</p>
						<a
							href={assessmentExportPath(workspace.id, assessment.id)}
							download
							className="inline-flex rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
						>
							{t('assessment.detail.export')}
						</a>
					</Panel>
					{can.manage && !locked ? <Import actionData={actionData} /> : null}
				</div>
				<aside className="space-y-4 lg:order-2">
					<LiveScorePanel result={live} scheme={scheme} />
					<section
						aria-labelledby="scope-title"
						className="rounded border border-slate-200 bg-white p-4"
					>
						<h2 id="scope-title" className="text-base font-semibold">
							{t('assessment.detail.scope')}
						</h2>
						<dl className="mt-2 space-y-2 text-sm">
							{scopeLines.map(([label, value]) => (
								<div key={label}>
									<dt className="text-slate-600">{t(label)}</dt>
									<dd className="whitespace-pre-line">{value || '—'}</dd>
								</div>
							))}
						</dl>
					</section>
				</aside>
			</div>
		</main>
	)
}

type LoaderData = Route.ComponentProps['loaderData']

function Sections({
	live,
	workspaceId,
	assessmentId,
}: {
	live: LoaderData['live']
	workspaceId: string
	assessmentId: string
}) {
	const { t, locale } = useI18n()
	return (
		<Panel title={t('assessment.detail.sections')} id="sections">
			<div className="overflow-x-auto">
				<table className="w-full min-w-[32rem] text-left text-sm">
					<caption className="sr-only">{t('assessment.detail.sectionsCaption')}</caption>
					<thead className="text-slate-600">
						<tr>
							<th scope="col" className="py-2 pr-4 font-medium">
								{t('assessment.detail.section')}
							</th>
							<th scope="col" className="py-2 pr-4 font-medium">
								{t('assessment.detail.answered')}
							</th>
							<th scope="col" className="py-2 pr-4 font-medium">
								{t('assessment.detail.toReview')}
							</th>
							<th scope="col" className="py-2 font-medium">
								{t('assessment.detail.unanswered')}
							</th>
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-200">
						{live.sections.map((section) => (
							<tr key={section.id}>
								<th scope="row" className="py-2 pr-4 font-medium">
									<Link
										to={answerPath(workspaceId, assessmentId, { section: section.id })}
										className="text-brand-700 underline-offset-2 hover:underline"
									>
										{section.id} {locale === 'en' ? section.titleEn : section.title}
									</Link>
								</th>
								<td className="py-2 pr-4">
									<span className="tabular-nums">
										{t('assessment.progress.count', {
											answered: section.answered,
											total: section.total,
										})}
									</span>
									<progress
										className="ml-2 h-2 w-24 align-middle accent-brand-700"
										max={section.total || 1}
										value={section.answered}
										aria-label={`${section.id} ${t('assessment.detail.answered')}`}
									/>
								</td>
								<td className="py-2 pr-4">
									<IdList ids={section.toReview} />
								</td>
								<td className="py-2">
									<IdList ids={section.unanswered} />
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</Panel>
	)
}

/** How far each person with assigned indicators is; the assignments page changes who answers what. */
function PersonProgress({ progress }: { progress: LoaderData['progress'] }) {
	const { t } = useI18n()
	return (
		<Panel title={t('collab.assign.progressHeading')} id="person-progress">
			{progress.length === 0 ? (
				<p className="text-sm text-slate-700">{t('collab.assign.progressEmpty')}</p>
			) : (
				<div className="overflow-x-auto">
					<table className="w-full min-w-[28rem] text-left text-sm">
						<caption className="sr-only">{t('collab.assign.progressHeading')}</caption>
						<thead className="text-slate-600">
							<tr>
								<th scope="col" className="py-2 pr-4 font-medium">
									{t('collab.assign.person')}
								</th>
								<th scope="col" className="py-2 pr-4 font-medium">
									{t('collab.assign.progress')}
								</th>
								<th scope="col" className="py-2 text-right font-medium">
									{t('collab.assign.toReview')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-200">
							{progress.map((person) => (
								<tr key={person.userId}>
									<th scope="row" className="py-2 pr-4 font-medium">
										{person.name}
									</th>
									<td className="py-2 pr-4">
										<ProgressBar answered={person.answered} total={person.total} />
									</td>
									<td className="py-2 text-right tabular-nums">{person.toReview}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</Panel>
	)
}

function IdList({ ids }: { ids: string[] }) {
	if (ids.length === 0) return <span className="text-slate-500">0</span>
	if (ids.length <= 4) return <span className="tabular-nums">{ids.join(', ')}</span>
	return (
		<details>
			<summary className="cursor-pointer tabular-nums">{ids.length}</summary>
			<p className="mt-1 break-words text-xs tabular-nums">{ids.join(', ')}</p>
		</details>
	)
}

type Item = {
	id: string
	kind: 'deduction' | 'bonus'
	description: string
	correctiveAction: string
}

function Outcome({ result }: { result: ActionResult | null }) {
	if (!result?.message) return null
	if (result.ok) return <Notice>{result.message}</Notice>
	return (
		<div
			role="alert"
			className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
		>
			<p>{result.message}</p>
		</div>
	)
}

function SpecialItems({
	items,
	editable,
	actionData,
}: {
	items: Item[]
	editable: boolean
	actionData: ActionResult | undefined
}) {
	const { t } = useI18n()
	const deductions = items.filter((item) => item.kind === 'deduction')
	const bonus = items.find((item) => item.kind === 'bonus')
	const result = resultFor(actionData, 'add-deduction', 'add-bonus', 'remove-special')
	const deduction = resultFor(actionData, 'add-deduction')
	const bonusResult = resultFor(actionData, 'add-bonus')
	return (
		<Panel title={t('assessment.special.title')} id="special-items">
			<p className="text-sm text-slate-700">{t('assessment.special.intro')}</p>
			<Outcome result={result} />
			<div>
				<h3 className="font-medium">{t('assessment.special.deductions')}</h3>
				{deductions.length === 0 ? (
					<p className="text-sm text-slate-600">{t('assessment.special.none')}</p>
				) : (
					<ol className="mt-2 list-decimal space-y-2 pl-5 text-sm">
						{deductions.map((item) => (
							<li key={item.id}>
								<p className="whitespace-pre-line">{item.description}</p>
								<p className="whitespace-pre-line text-slate-700">
									{t('assessment.special.correctiveAction')}：{item.correctiveAction}
								</p>
								{editable ? <RemoveItem item={item} /> : null}
							</li>
						))}
					</ol>
				)}
			</div>
			<div>
				<h3 className="font-medium">{t('assessment.special.bonus')}</h3>
				{bonus ? (
					<div className="mt-2 text-sm">
						<p className="whitespace-pre-line">{bonus.description}</p>
						{editable ? <RemoveItem item={bonus} /> : null}
					</div>
				) : (
					<p className="text-sm text-slate-600">{t('assessment.special.none')}</p>
				)}
			</div>
			{editable ? (
				<div className="grid gap-6 md:grid-cols-2">
					<Form
						method="post"
						key={`deduction-${deduction?.ok ? deduction.done : ''}`}
						className="space-y-3"
					>
						<input type="hidden" name="intent" value="add-deduction" />
						<TextAreaField
							name="description"
							label={t('assessment.special.description')}
							required
							maxLength={SPECIAL_TEXT_MAX}
							defaultValue={deduction && !deduction.ok ? deduction.values?.description : undefined}
							errors={deduction?.errors?.description}
						/>
						<TextAreaField
							name="correctiveAction"
							label={t('assessment.special.correctiveAction')}
							required
							maxLength={SPECIAL_TEXT_MAX}
							defaultValue={
								deduction && !deduction.ok ? deduction.values?.correctiveAction : undefined
							}
							errors={deduction?.errors?.correctiveAction}
						/>
						<SubmitButton variant="secondary">{t('assessment.special.addDeduction')}</SubmitButton>
					</Form>
					{bonus ? null : (
						<Form
							method="post"
							key={`bonus-${bonusResult?.ok ? bonusResult.done : ''}`}
							className="space-y-3"
						>
							<input type="hidden" name="intent" value="add-bonus" />
							<TextAreaField
								name="justification"
								label={t('assessment.special.justification')}
								required
								maxLength={SPECIAL_TEXT_MAX}
								defaultValue={
									bonusResult && !bonusResult.ok ? bonusResult.values?.justification : undefined
								}
								errors={bonusResult?.errors?.justification}
							/>
							<SubmitButton variant="secondary">{t('assessment.special.addBonus')}</SubmitButton>
						</Form>
					)}
				</div>
			) : null}
		</Panel>
	)
}

function RemoveItem({ item }: { item: Item }) {
	const { t } = useI18n()
	return (
		<Form method="post" className="mt-1">
			<input type="hidden" name="intent" value="remove-special" />
			<input type="hidden" name="itemId" value={item.id} />
			<SubmitButton
				variant="danger"
				label={t('assessment.special.removeLabel', { text: item.description.slice(0, 60) })}
			>
				{t('assessment.special.remove')}
			</SubmitButton>
		</Form>
	)
}

function Submit({ actionData }: { actionData: ActionResult | undefined }) {
	const { t } = useI18n()
	const result = resultFor(actionData, 'submit')
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'submit'
	return (
		<Panel title={t('assessment.submit.title')} id="submit">
			<p className="text-sm text-slate-700">{t('assessment.submit.intro')}</p>
			{result && !result.ok && result.message ? (
				<div
					role="alert"
					className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
				>
					<p className="font-medium">{result.message}</p>
					{result.missing?.length ? (
						<ul className="mt-2 space-y-2">
							{result.missing.map((section) => (
								<li key={section.id}>
									<p className="font-medium">
										{section.id} {section.title}
									</p>
									{section.unanswered.length ? (
										<p className="break-words">
											{t('assessment.submit.unansweredList', {
												ids: section.unanswered.join(', '),
											})}
										</p>
									) : null}
									{section.toReview.length ? (
										<p className="break-words">
											{t('assessment.submit.toReviewList', { ids: section.toReview.join(', ') })}
										</p>
									) : null}
								</li>
							))}
						</ul>
					) : null}
				</div>
			) : null}
			<Form method="post">
				<input type="hidden" name="intent" value="submit" />
				<SubmitButton>{busy ? t('form.submitting') : t('assessment.submit.button')}</SubmitButton>
			</Form>
		</Panel>
	)
}

function Reopen({ actionData }: { actionData: ActionResult | undefined }) {
	const { t } = useI18n()
	const result = resultFor(actionData, 'reopen')
	const submitted = resultFor(actionData, 'submit')
	return (
		<Panel title={t('assessment.reopen.title')} id="reopen" tone="locked">
			{submitted?.ok ? <Notice>{submitted.message}</Notice> : null}
			<p className="text-sm text-slate-700">{t('assessment.reopen.intro')}</p>
			{result && !result.ok && result.message ? <Outcome result={result} /> : null}
			<Form method="post" className="space-y-3">
				<input type="hidden" name="intent" value="reopen" />
				<TextAreaField
					name="reason"
					label={t('assessment.reopen.reason')}
					required
					maxLength={REASON_MAX}
					defaultValue={result?.values?.reason}
					errors={result?.errors?.reason}
				/>
				<SubmitButton variant="secondary">{t('assessment.reopen.button')}</SubmitButton>
			</Form>
		</Panel>
	)
}

function Import({ actionData }: { actionData: ActionResult | undefined }) {
	const { t } = useI18n()
	const result = resultFor(actionData, 'import')
	const reopened = resultFor(actionData, 'reopen')
	return (
		<Panel title={t('assessment.import.title')} id="import">
			{reopened?.ok ? <Notice>{reopened.message}</Notice> : null}
			<p className="text-sm text-slate-700">{t('assessment.import.intro')}</p>
			<Outcome result={result} />
			<Form
				method="post"
				encType="multipart/form-data"
				className="space-y-3"
				key={result?.ok ? result.done : 'import'}
			>
				<input type="hidden" name="intent" value="import" />
				<FileField
					name="file"
					label={t('assessment.import.file')}
					accept="application/json,.json"
					errors={result?.errors?.file}
				/>
				<SubmitButton variant="secondary">{t('assessment.import.button')}</SubmitButton>
			</Form>
		</Panel>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
