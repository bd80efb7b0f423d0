import { useId } from 'react'
import { Form, Link } from 'react-router'
import {
	SelectField,
	SubmitButton,
	TextAreaField,
	TextField,
	type FieldErrors,
} from '#app/components/form-fields.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	ACTION_DESCRIPTION_MAX,
	ACTION_TITLE_MAX,
	actionPath,
	PRIORITIES,
	STATUSES,
	type ActionPriority,
	type ActionStatus,
} from '#app/utils/actions.ts'

const statusTone: Record<ActionStatus, string> = {
	open: 'border-slate-300 bg-white text-slate-800',
	in_progress: 'border-sky-300 bg-sky-50 text-sky-900',
	done: 'border-emerald-300 bg-emerald-50 text-emerald-900',
	cancelled: 'border-slate-200 bg-slate-100 text-slate-600',
}

export function StatusBadge({ status }: { status: ActionStatus }) {
	const { t } = useI18n()
	return (
		<span
			className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${statusTone[status]}`}
		>
			{t(`actions.status.${status}`)}
		</span>
	)
}

export function PriorityText({ priority }: { priority: ActionPriority }) {
	const { t } = useI18n()
	return (
		<span className={priority === 'high' ? 'font-semibold text-red-800' : 'text-slate-700'}>
			{t(`actions.priority.${priority}`)}
		</span>
	)
}

/** The due date, and "overdue" in words (not only in red) once it has passed with work left. */
export function DueDate({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
	const { t } = useI18n()
	if (!dueDate) return <span className="text-slate-500">{t('actions.due.none')}</span>
	return (
		<span className={overdue ? 'font-semibold text-red-800' : 'text-slate-800'}>
			<time dateTime={dueDate}>{dueDate}</time>
			{overdue ? (
				<span className="ml-2 inline-block rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">
					{t('actions.overdue')}
				</span>
			) : null}
		</span>
	)
}

export type ActionRowView = {
	id: string
	workspaceId: string
	title: string
	status: ActionStatus
	priority: ActionPriority
	dueDate: string | null
	overdue: boolean
	owner: { name: string } | null
	assessment: { id: string; title: string } | null
	indicators: { id: string; code: string | null }[]
	workspace?: { name: string }
}

/** Actions as a table; the workspace column for the across-clients list. */
export function ActionsTable({
	actions,
	caption,
	showWorkspace = false,
	showAssessment = true,
}: {
	actions: ActionRowView[]
	caption: string
	showWorkspace?: boolean
	showAssessment?: boolean
}) {
	const { t } = useI18n()
	if (actions.length === 0)
		return (
			<p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700">
				{t('actions.list.empty')}
			</p>
		)
	return (
		<div className="overflow-x-auto rounded border border-slate-200 bg-white">
			<table className="w-full min-w-[40rem] text-left text-sm">
				<caption className="sr-only">{caption}</caption>
				<thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
					<tr>
						{showWorkspace ? (
							<th scope="col" className="px-3 py-2 font-medium">
								{t('actions.col.workspace')}
							</th>
						) : null}
						<th scope="col" className="px-3 py-2 font-medium">
							{t('actions.col.title')}
						</th>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('actions.col.status')}
						</th>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('actions.col.priority')}
						</th>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('actions.col.owner')}
						</th>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('actions.col.due')}
						</th>
						{showAssessment ? (
							<th scope="col" className="px-3 py-2 font-medium">
								{t('actions.col.source')}
							</th>
						) : null}
					</tr>
				</thead>
				<tbody className="divide-y divide-slate-200">
					{actions.map((action) => (
						<tr key={action.id} className={action.overdue ? 'bg-red-50' : undefined}>
							{showWorkspace ? (
								<td className="px-3 py-2 font-medium text-slate-900">{action.workspace?.name}</td>
							) : null}
							<td className="px-3 py-2">
								<Link
									to={actionPath(action.workspaceId, action.id)}
									className="font-medium text-brand-700 underline-offset-2 hover:underline"
								>
									{action.title}
								</Link>
							</td>
							<td className="px-3 py-2">
								<StatusBadge status={action.status} />
							</td>
							<td className="px-3 py-2">
								<PriorityText priority={action.priority} />
							</td>
							<td className="px-3 py-2">{action.owner?.name ?? t('actions.owner.none')}</td>
							<td className="px-3 py-2">
								<DueDate dueDate={action.dueDate} overdue={action.overdue} />
							</td>
							{showAssessment ? (
								<td className="px-3 py-2 text-slate-700">
									{action.assessment ? (
										<>
											{action.assessment.title}
											{action.indicators.length ? (
												<span className="block text-xs text-slate-600">
													{action.indicators.map((i) => i.code ?? i.id).join('、')}
												</span>
											) : null}
										</>
									) : (
										t('actions.source.free')
									)}
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

export type OwnerOption = { userId: string; name: string }

/**
 * Title, description, owner, due date and priority: the create and the edit form share them.
 * The due date is a native date input, so phones offer their date picker.
 */
export function ActionFields({
	owners,
	errors,
	values,
	titleRequired = true,
	ownerOptional = false,
}: {
	owners: OwnerOption[]
	errors?: FieldErrors
	values: {
		title?: string
		description?: string
		ownerUserId?: string
		dueDate?: string
		priority?: string
	}
	titleRequired?: boolean
	/** "create from gap": the owner may be left to default to the creator */
	ownerOptional?: boolean
}) {
	const { t } = useI18n()
	const dueId = useId()
	const dueErrors = errors?.dueDate
	return (
		<>
			<TextField
				name="title"
				label={t('actions.field.title')}
				hint={titleRequired ? undefined : t('actions.field.titleDefault')}
				required={titleRequired}
				maxLength={ACTION_TITLE_MAX}
				defaultValue={values.title}
				errors={errors?.title}
			/>
			<TextAreaField
				name="description"
				label={t('actions.field.description')}
				maxLength={ACTION_DESCRIPTION_MAX}
				defaultValue={values.description}
				errors={errors?.description}
			/>
			<div className="grid gap-4 sm:grid-cols-3">
				<SelectField
					name="ownerUserId"
					label={t('actions.field.owner')}
					defaultValue={values.ownerUserId}
					errors={errors?.ownerUserId}
					options={[
						...(ownerOptional ? [{ value: '', label: t('actions.field.ownerMe') }] : []),
						...owners.map((owner) => ({ value: owner.userId, label: owner.name })),
					]}
				/>
				<div>
					<label htmlFor={dueId} className="block text-sm font-medium text-slate-800">
						{t('actions.field.due')}
					</label>
					<input
						id={dueId}
						name="dueDate"
						type="date"
						min="2000-01-01"
						max="2099-12-31"
						defaultValue={values.dueDate}
						aria-invalid={dueErrors?.length ? true : undefined}
						aria-describedby={`${dueId}-hint${dueErrors?.length ? ` ${dueId}-error` : ''}`}
						className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm"
					/>
					<p id={`${dueId}-hint`} className="mt-1 text-sm text-slate-600">
						{t('actions.field.dueHint')}
					</p>
					{dueErrors?.length ? (
						<ul id={`${dueId}-error`} className="mt-1 text-sm text-red-700">
							{dueErrors.map((message) => (
								<li key={message}>{message}</li>
							))}
						</ul>
					) : null}
				</div>
				<SelectField
					name="priority"
					label={t('actions.field.priority')}
					defaultValue={values.priority ?? 'medium'}
					errors={errors?.priority}
					options={PRIORITIES.map((p) => ({ value: p, label: t(`actions.priority.${p}`) }))}
				/>
			</div>
		</>
	)
}

/** A GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function FilterForm({
	status,
	owner,
	overdue,
	owners,
}: {
	status: string
	owner: string
	overdue: boolean
	owners: OwnerOption[] | null
}) {
	const { t } = useI18n()
	const overdueId = useId()
	return (
		<Form
			method="get"
			className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white p-4"
		>
			<div className="min-w-40">
				<SelectField
					name="status"
					label={t('actions.filter.status')}
					defaultValue={status}
					options={[
						{ value: '', label: t('actions.filter.all') },
						...STATUSES.map((s) => ({ value: s, label: t(`actions.status.${s}`) })),
					]}
				/>
			</div>
			{owners ? (
				<div className="min-w-40">
					<SelectField
						name="owner"
						label={t('actions.filter.owner')}
						defaultValue={owner}
						options={[
							{ value: '', label: t('actions.filter.anyone') },
							{ value: 'me', label: t('actions.filter.me') },
							...owners.map((o) => ({ value: o.userId, label: o.name })),
						]}
					/>
				</div>
			) : null}
			<div className="flex items-center gap-2 pb-2">
				<input
					id={overdueId}
					type="checkbox"
					name="overdue"
					value="1"
					defaultChecked={overdue}
					className="h-4 w-4 rounded border-slate-300"
				/>
				<label htmlFor={overdueId} className="text-sm font-medium text-slate-800">
					{t('actions.filter.overdue')}
				</label>
			</div>
			<SubmitButton variant="secondary">{t('actions.filter.apply')}</SubmitButton>
		</Form>
	)
}
