import { useId } from 'react'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { ActionFields, DueDate, PriorityText, StatusBadge } from '#app/components/action-parts.tsx'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { buttonClass, FormErrors, SubmitButton } from '#app/components/form-fields.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	ActionCommentSchema,
	ActionFieldsSchema,
	changeActionStatus,
	commentOnAction,
	getAction,
	IndicatorIdSchema,
	linkIndicator,
	possibleOwners,
	removeActionEvidence,
	StatusSchema,
	unlinkIndicator,
	updateAction,
	uploadActionEvidence,
} from '#app/services/actions.server.ts'
import { targetsOf } from '#app/services/collaboration.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import {
	ACTION_COMMENT_MAX,
	actionEvidenceDownloadPath,
	actionPath,
	assessmentActionsPath,
	STATUSES,
	workspaceActionsPath,
} from '#app/utils/actions.ts'
import { answerPath, assessmentPath } from '#app/utils/collaboration.ts'
import { env } from '#app/utils/env.server.ts'
import { EVIDENCE_ACCEPT } from '#app/utils/evidence-formats.ts'
import { formatFileSize } from '#app/utils/file-size.ts'
import { parseFormData } from '#app/utils/forms.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import type { Route } from './+types/detail'
import {
	fieldValues,
	formError,
	intentOf,
	readFormData,
	refusedForm,
	unreadableForm,
	type FormReply,
} from './forms.server.ts'

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = [
	'edit',
	'status',
	'comment',
	'link',
	'unlink',
	'upload',
	'remove-evidence',
] as const
type Intent = (typeof intents)[number]

const schemas = {
	edit: ActionFieldsSchema.extend({ intent: z.literal('edit') }),
	status: z.object({ intent: z.literal('status'), status: StatusSchema }),
	comment: ActionCommentSchema.extend({ intent: z.literal('comment') }),
	link: z.object({ intent: z.literal('link'), indicatorId: IndicatorIdSchema }),
	unlink: z.object({ intent: z.literal('unlink'), indicatorId: IndicatorIdSchema }),
	'remove-evidence': z.object({
		intent: z.literal('remove-evidence'),
		evidenceId: z.string().trim().min(1).max(100),
	}),
} as const

/** One action: edit it, move its status, discuss it, attach evidence, link the indicators it closes. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const detail = await getAction(scope, params.actionId)
	invariantNotFound(detail)
	const linked = new Set(detail.action.indicators.map((i) => i.id))
	const targets = detail.assessment ? targetsOf(detail.assessment.schemeId) : null
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		...detail,
		owners: detail.can.edit
			? withCurrentOwner(await possibleOwners(scope), detail.action.owner)
			: [],
		linkable:
			detail.can.edit && targets
				? [...targets.indicators.values()]
						.filter(({ indicator }) => !linked.has(indicator.id))
						.map(({ indicator }) => ({
							id: indicator.id,
							code: indicator.code ?? null,
							title: indicator.title,
							titleEn: indicator.titleEn,
						}))
				: [],
		maxBytes: env().UPLOAD_MAX_BYTES,
	})
}

/**
 * The owner stays in the picker even once they could no longer be chosen (now a viewer, or gone
 * from the workspace), so saving other fields does not quietly hand the action to someone else.
 */
function withCurrentOwner(
	owners: { userId: string; name: string }[],
	current: { id: string; name: string } | null,
) {
	if (!current || owners.some((owner) => owner.userId === current.id)) return owners
	return [{ userId: current.id, name: current.name }, ...owners]
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const locale = await resolveLocale(request, scope.user)
	const t = translator(locale)
	const ip = clientIp(context)
	const back = () => redirect(actionPath(scope.workspace.id, params.actionId))

	if (/^multipart\/form-data/i.test(request.headers.get('Content-Type') ?? '')) {
		const uploaded = await uploadActionEvidence(scope, params.actionId, request, { ip, locale })
		if (!uploaded.ok) return refusedForm('upload', uploaded, t)
		return back()
	}
	const formData = await readFormData(request)
	if (!formData) return unreadableForm(locale)
	const intent = intentOf(formData, intents)
	if (intent === null) return formError(null, { intent: [t('form.invalid')] }, {})
	if (intent === 'upload')
		return formError(intent, { file: [t('collab.evidence.error.notMultipart')] }, {}, 415)
	const outcome = await run(intent, formData)
	if ('response' in outcome) return outcome.response
	return back()

	async function run(
		intent: Exclude<Intent, 'upload'>,
		formData: FormData,
	): Promise<{ response: ReturnType<typeof formError> } | { ok: true }> {
		const fail = (parsed: {
			errors: Record<string, string[]>
			values: Record<string, string>
		}) => ({
			response: formError(intent, parsed.errors, parsed.values),
		})
		const refused = (
			refusal: Parameters<typeof refusedForm>[1],
			values: Record<string, string> = {},
		) => ({ response: refusedForm(intent, refusal, t, values) })
		switch (intent) {
			case 'edit': {
				const parsed = parseFormData(formData, schemas.edit, locale)
				if (!parsed.ok) return fail(parsed)
				const { intent: _intent, ...fields } = parsed.data
				const done = await updateAction(scope, params.actionId, fields, ip)
				return done.ok ? done : refused(done, fieldValues(fields))
			}
			case 'status': {
				const parsed = parseFormData(formData, schemas.status, locale)
				if (!parsed.ok) return fail(parsed)
				const done = await changeActionStatus(scope, params.actionId, parsed.data.status, ip)
				return done.ok ? done : refused(done)
			}
			case 'comment': {
				const parsed = parseFormData(formData, schemas.comment, locale)
				if (!parsed.ok) return fail(parsed)
				const done = await commentOnAction(scope, params.actionId, parsed.data.body, ip)
				return done.ok ? done : refused(done, { body: parsed.data.body })
			}
			case 'link':
			case 'unlink': {
				const parsed = parseFormData(formData, schemas[intent], locale)
				if (!parsed.ok) return fail(parsed)
				const change = intent === 'link' ? linkIndicator : unlinkIndicator
				const done = await change(scope, params.actionId, parsed.data.indicatorId, ip)
				return done.ok ? done : refused(done)
			}
			case 'remove-evidence': {
				const parsed = parseFormData(formData, schemas[intent], locale)
				if (!parsed.ok) return fail(parsed)
				const done = await removeActionEvidence(scope, params.actionId, parsed.data.evidenceId, ip)
				return done.ok ? done : refused(done)
			}
		}
	}
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'actions.title', loaderData?.action.title)
}

function repliesTo(reply: FormReply | undefined, ...intents: Intent[]): FormReply | undefined {
	return reply && reply.intent !== null && (intents as string[]).includes(reply.intent)
		? reply
		: undefined
}

export default function ActionPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, date, locale } = useI18n()
	const { workspace, action, assessment, comments, evidence, can, owners, linkable, maxBytes } =
		loaderData
	const reply: FormReply | undefined = actionData
	const editReply = repliesTo(reply, 'edit')
	const commentReply = repliesTo(reply, 'comment')
	const uploadReply = repliesTo(reply, 'upload', 'remove-evidence')
	const linkReply = repliesTo(reply, 'link', 'unlink')
	const general =
		reply && !editReply && !commentReply && !uploadReply && !linkReply ? reply : undefined
	const commentId = useId()
	const fileId = useId()
	const linkId = useId()
	const title = (e: { title: string; titleEn: string }) => (locale === 'en' ? e.titleEn : e.title)
	return (
		<main id="main" className="mx-auto max-w-4xl space-y-6">
			<p className="text-sm text-slate-600">
				<Link
					to={workspaceActionsPath(workspace.id)}
					className="text-brand-700 underline-offset-2 hover:underline"
				>
					{t('actions.title')}
				</Link>
				{' · '}
				{workspace.name}
			</p>
			<div>
				<h1 className="text-2xl font-bold break-words">{action.title}</h1>
				<dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
					<div>
						<dt className="text-slate-600">{t('actions.col.status')}</dt>
						<dd>
							<StatusBadge status={action.status} />
						</dd>
					</div>
					<div>
						<dt className="text-slate-600">{t('actions.col.priority')}</dt>
						<dd>
							<PriorityText priority={action.priority} />
						</dd>
					</div>
					<div>
						<dt className="text-slate-600">{t('actions.col.owner')}</dt>
						<dd>{action.owner?.name ?? t('actions.owner.none')}</dd>
					</div>
					<div>
						<dt className="text-slate-600">{t('actions.col.due')}</dt>
						<dd>
							<DueDate dueDate={action.dueDate} overdue={action.overdue} />
						</dd>
					</div>
				</dl>
				<p className="mt-2 text-sm text-slate-600">
					{t('actions.detail.created', {
						name: action.createdBy?.name ?? t('collab.formerMember'),
						time: date(action.createdAt, true),
					})}
					{action.completedAt
						? ` · ${t('actions.detail.completed', { time: date(action.completedAt, true) })}`
						: ''}
				</p>
				{action.description ? (
					<p className="mt-4 whitespace-pre-wrap break-words text-slate-800">
						{action.description}
					</p>
				) : null}
			</div>

			{general ? <FormErrors errors={general.errors} /> : null}

			{can.edit ? (
				<Panel title={t('actions.status.heading')} id="status">
					<FormErrors errors={repliesTo(reply, 'status')?.errors} />
					<Form method="post" className="flex flex-wrap gap-2">
						<input type="hidden" name="intent" value="status" />
						{STATUSES.filter((s) => s !== action.status).map((status) => (
							<SubmitButton
								key={status}
								name="status"
								value={status}
								variant={status === 'done' ? 'primary' : 'secondary'}
							>
								{t(`actions.status.to.${status}`)}
							</SubmitButton>
						))}
					</Form>
				</Panel>
			) : null}

			{assessment ? (
				<Panel title={t('actions.indicators.heading')} id="indicators">
					<p className="text-sm text-slate-700">
						{t('actions.indicators.from')}{' '}
						<Link
							to={assessmentPath(workspace.id, assessment.id)}
							className="text-brand-700 underline-offset-2 hover:underline"
						>
							{assessment.title}
						</Link>
						{' · '}
						<Link
							to={assessmentActionsPath(workspace.id, assessment.id)}
							className="text-brand-700 underline-offset-2 hover:underline"
						>
							{t('actions.assessment.link')}
						</Link>
					</p>
					<FormErrors errors={linkReply?.errors} />
					<ul className="divide-y divide-slate-200 rounded border border-slate-200">
						{action.indicators.map((indicator) => (
							<li
								key={indicator.id}
								className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
							>
								<Link
									to={answerPath(workspace.id, assessment.id, { indicator: indicator.id })}
									className="text-brand-700 underline-offset-2 hover:underline"
								>
									<span className="font-medium">{indicator.code ?? indicator.id}</span>{' '}
									{title(indicator)}
								</Link>
								{can.edit && action.indicators.length > 1 ? (
									<Form method="post">
										<input type="hidden" name="intent" value="unlink" />
										<input type="hidden" name="indicatorId" value={indicator.id} />
										<button
											type="submit"
											className={buttonClass('secondary')}
											aria-label={t('actions.indicators.unlinkLabel', { id: indicator.id })}
										>
											{t('actions.indicators.unlink')}
										</button>
									</Form>
								) : null}
							</li>
						))}
					</ul>
					{can.edit && linkable.length > 0 ? (
						<Form method="post" className="flex flex-wrap items-end gap-2">
							<input type="hidden" name="intent" value="link" />
							<div className="min-w-0 flex-1">
								<label htmlFor={linkId} className="block text-sm font-medium text-slate-800">
									{t('actions.indicators.add')}
								</label>
								<select
									id={linkId}
									name="indicatorId"
									className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm"
								>
									{linkable.map((indicator) => (
										<option key={indicator.id} value={indicator.id}>
											{indicator.code ?? indicator.id} {title(indicator)}
										</option>
									))}
								</select>
							</div>
							<SubmitButton variant="secondary">{t('actions.indicators.link')}</SubmitButton>
						</Form>
					) : null}
				</Panel>
			) : null}

			{can.edit ? (
				<details open={Boolean(editReply)} className="rounded border border-slate-200 bg-white p-4">
					<summary className="cursor-pointer text-lg font-semibold">
						{t('actions.edit.heading')}
					</summary>
					<Form method="post" className="mt-4 space-y-4">
						<input type="hidden" name="intent" value="edit" />
						<FormErrors
							errors={editReply?.errors}
							shownFields={['title', 'description', 'ownerUserId', 'dueDate', 'priority']}
						/>
						<ActionFields
							owners={owners}
							errors={editReply?.errors}
							values={
								editReply?.values ?? {
									title: action.title,
									description: action.description,
									ownerUserId: action.owner?.id ?? '',
									dueDate: action.dueDate ?? '',
									priority: action.priority,
								}
							}
						/>
						<SubmitButton>{t('actions.edit.submit')}</SubmitButton>
					</Form>
				</details>
			) : null}

			<Panel title={t('actions.evidence.heading')} id="evidence">
				{evidence.length === 0 ? (
					<p className="text-sm text-slate-600">{t('collab.evidence.empty')}</p>
				) : (
					<ul className="divide-y divide-slate-200 rounded border border-slate-200">
						{evidence.map((item) => (
							<li
								key={item.id}
								className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm"
							>
								<div className="min-w-0 flex-1">
									<a
										href={actionEvidenceDownloadPath(workspace.id, action.id, item.id)}
										className="break-all font-medium text-brand-700 underline-offset-2 hover:underline"
									>
										{item.name}
									</a>
									<p className="text-xs text-slate-600">
										{t('collab.evidence.meta', {
											size: formatFileSize(item.size, locale),
											uploader: item.uploader?.name ?? t('collab.formerMember'),
											time: date(item.createdAt, true),
										})}
									</p>
								</div>
								{item.canRemove ? (
									<Form method="post">
										<input type="hidden" name="intent" value="remove-evidence" />
										<input type="hidden" name="evidenceId" value={item.id} />
										<button
											type="submit"
											className={buttonClass('danger')}
											aria-label={t('collab.evidence.removeLabel', { name: item.name })}
										>
											{t('collab.evidence.remove')}
										</button>
									</Form>
								) : null}
							</li>
						))}
					</ul>
				)}
				{can.edit ? (
					<Form
						method="post"
						encType="multipart/form-data"
						className="space-y-2"
						key={evidence.at(-1)?.id ?? 'none'}
					>
						<input type="hidden" name="intent" value="upload" />
						<label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
							{t('collab.evidence.file')}
						</label>
						<div className="flex flex-col gap-2 sm:flex-row sm:items-center">
							<input
								id={fileId}
								type="file"
								name="file"
								accept={EVIDENCE_ACCEPT}
								required
								aria-invalid={uploadReply ? true : undefined}
								aria-describedby={`${fileId}-hint${uploadReply ? ` ${fileId}-error` : ''}`}
								className="block w-full text-sm text-slate-800 file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-100"
							/>
							<div className="shrink-0">
								<SubmitButton variant="secondary">{t('collab.evidence.upload')}</SubmitButton>
							</div>
						</div>
						<p id={`${fileId}-hint`} className="text-xs text-slate-600">
							{t('collab.evidence.hint', { max: formatFileSize(maxBytes, locale) })}
						</p>
						{uploadReply ? (
							<ul id={`${fileId}-error`} role="alert" className="text-sm text-red-700">
								{Object.values(uploadReply.errors)
									.flat()
									.map((message) => (
										<li key={message}>{message}</li>
									))}
							</ul>
						) : null}
					</Form>
				) : null}
			</Panel>

			<Panel title={t('actions.comments.heading')} id="comments">
				{comments.length === 0 ? (
					<p className="text-sm text-slate-600">{t('collab.comments.empty')}</p>
				) : (
					<ol className="space-y-2">
						{comments.map((comment) => (
							<li key={comment.id} className="rounded border border-slate-200 px-3 py-2 text-sm">
								<p className="text-xs text-slate-600">
									{t('collab.comments.by', {
										name: comment.author?.name ?? t('collab.formerMember'),
										time: date(comment.createdAt, true),
									})}
								</p>
								<p className="mt-1 whitespace-pre-wrap break-words text-slate-900">
									{comment.body}
								</p>
							</li>
						))}
					</ol>
				)}
				{can.comment ? (
					<Form method="post" className="space-y-2" key={comments.length}>
						<input type="hidden" name="intent" value="comment" />
						<label htmlFor={commentId} className="block text-sm font-medium text-slate-800">
							{t('collab.comments.body')}
						</label>
						<textarea
							id={commentId}
							name="body"
							rows={3}
							required
							maxLength={ACTION_COMMENT_MAX}
							defaultValue={commentReply?.values.body}
							aria-invalid={commentReply ? true : undefined}
							aria-describedby={`${commentId}-hint${commentReply ? ` ${commentId}-error` : ''}`}
							className="block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm"
						/>
						<p id={`${commentId}-hint`} className="text-xs text-slate-600">
							{t('collab.comments.hint', { max: ACTION_COMMENT_MAX })}
						</p>
						{commentReply ? (
							<ul id={`${commentId}-error`} role="alert" className="text-sm text-red-700">
								{Object.values(commentReply.errors)
									.flat()
									.map((message) => (
										<li key={message}>{message}</li>
									))}
							</ul>
						) : null}
						<SubmitButton variant="secondary">{t('collab.comments.submit')}</SubmitButton>
					</Form>
				) : null}
			</Panel>

			{can.remove ? (
				<Form
					method="post"
					action={workspaceActionsPath(workspace.id)}
					className="border-t border-slate-200 pt-4"
				>
					<input type="hidden" name="intent" value="remove" />
					<input type="hidden" name="actionId" value={action.id} />
					<p className="mb-2 text-sm text-slate-700">{t('actions.remove.hint')}</p>
					<SubmitButton variant="danger">{t('actions.remove.submit')}</SubmitButton>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
