import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { ActionFields, ActionsTable, FilterForm } from '#app/components/action-parts.tsx'
import { Panel } from '#app/components/assessment-fields.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { FormErrors, SubmitButton } from '#app/components/form-fields.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	ActionFieldsSchema,
	createAction,
	listActions,
	possibleOwners,
	removeAction,
	workspaceMembers,
} from '#app/services/actions.server.ts'
import { requireWorkspace, roleAtLeast } from '#app/services/workspace-scope.server.ts'
import { actionPath, myActionsPath, workspaceActionsPath } from '#app/utils/actions.ts'
import { parseFormData } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import type { Route } from './+types/list'
import {
	fieldValues,
	formError,
	intentOf,
	readFilters,
	readFormData,
	refusedForm,
	unreadableForm,
	type FormReply,
} from './forms.server.ts'

const CreateSchema = ActionFieldsSchema.extend({ intent: z.literal('create') })
const RemoveSchema = z.object({
	intent: z.literal('remove'),
	actionId: z.string().trim().min(1).max(100),
})

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = ['create', 'remove'] as const

/** The workspace's improvement plan: every action, filtered, and a form for a free action. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const filters = readFilters(new URL(request.url))
	const canCreate = roleAtLeast(scope.role, 'assessor')
	const [actions, owners, members] = await Promise.all([
		listActions(scope, {
			status: filters.status,
			overdue: filters.overdue,
			ownerUserId: filters.owner === 'me' ? scope.user.id : filters.owner || undefined,
		}),
		canCreate ? possibleOwners(scope) : Promise.resolve([]),
		workspaceMembers(scope),
	])
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		me: scope.user.id,
		actions,
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
	const ip = clientIp(context)
	const formData = await readFormData(request)
	if (!formData) return unreadableForm(locale)
	const intent = intentOf(formData, intents)
	if (intent === 'remove') {
		const parsed = parseFormData(formData, RemoveSchema, locale)
		if (!parsed.ok) return formError(intent, parsed.errors, parsed.values)
		const removed = await removeAction(scope, parsed.data.actionId, ip)
		if (!removed.ok) return refusedForm(intent, removed, t)
		return redirect(workspaceActionsPath(scope.workspace.id))
	}
	const parsed = parseFormData(formData, CreateSchema, locale)
	if (!parsed.ok) return formError('create', parsed.errors, parsed.values)
	const { intent: _intent, ...fields } = parsed.data
	const created = await createAction(scope, fields, ip)
	if (!created.ok) return refusedForm('create', created, t, fieldValues(fields))
	return redirect(actionPath(scope.workspace.id, created.action.id))
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'actions.title', loaderData?.workspace.name)
}

export default function WorkspaceActions({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { workspace, me, actions, owners, members, filters, canCreate } = loaderData
	const reply: FormReply | undefined = actionData
	const createReply = reply?.intent === 'create' ? reply : undefined
	const shown = ['title', 'description', 'ownerUserId', 'dueDate', 'priority']
	return (
		<main id="main" className="space-y-6">
			<div className="flex flex-wrap items-start justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold">{t('actions.title')}</h1>
					<p className="mt-2 max-w-3xl text-slate-700">{t('actions.list.intro')}</p>
				</div>
				<Link
					to={myActionsPath()}
					className="text-sm text-brand-700 underline-offset-2 hover:underline"
				>
					{t('actions.mine.link')}
				</Link>
			</div>
			{reply && reply.intent !== 'create' ? <FormErrors errors={reply.errors} /> : null}
			<FilterForm
				status={filters.status}
				owner={filters.owner}
				overdue={filters.overdue}
				owners={members}
			/>
			<ActionsTable
				actions={actions}
				caption={t('actions.list.caption', { name: workspace.name })}
			/>
			{canCreate ? (
				<Panel title={t('actions.create.title')} id="create-action">
					<p className="text-sm text-slate-700">{t('actions.create.intro')}</p>
					<Form method="post" className="space-y-4">
						<input type="hidden" name="intent" value="create" />
						<FormErrors errors={createReply?.errors} shownFields={shown} />
						<ActionFields
							owners={owners}
							errors={createReply?.errors}
							values={{ ownerUserId: me, ...createReply?.values }}
						/>
						<SubmitButton>{t('actions.create.submit')}</SubmitButton>
					</Form>
				</Panel>
			) : null}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
