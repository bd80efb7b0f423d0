import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { ErrorPage } from '#app/components/error-page.tsx'
import {
	FormErrors,
	Notice,
	SelectField,
	SubmitButton,
	type FieldErrors,
} from '#app/components/form-fields.tsx'
import { workspacePath } from '#app/components/workspace-nav.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { changeRole, findMember, removeMember } from '#app/services/members.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { parseFormData } from '#app/utils/forms.server.ts'
import { invariantForbidden, invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { assignableRoles, hasRole, ROLE_ORDER } from '#app/utils/roles.ts'
import type { Route } from './+types/member'

const ChangeRoleSchema = z.object({
	intent: z.literal('change-role'),
	role: z.enum(ROLE_ORDER, { error: 'workspace.role.invalid' }),
})
const RemoveSchema = z.object({ intent: z.literal('remove') })

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = ['change-role', 'remove'] as const

/** Only owners and admins get here, and admins only for non-owners: a member of another workspace is 404. */
async function requireEditableMember(request: Request, params: Route.LoaderArgs['params']) {
	const scope = await requireWorkspace(request, params.workspaceId, 'admin')
	const member = await findMember(scope, params.memberId)
	invariantNotFound(member)
	invariantForbidden(member.role !== 'owner' || scope.role === 'owner')
	return { scope, member }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { scope, member } = await requireEditableMember(request, params)
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		member: { id: member.id, name: member.name, email: member.email, role: member.role },
		isSelf: member.userId === scope.user.id,
		roles: assignableRoles(scope.role),
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const { scope, member } = await requireEditableMember(request, params)
	const locale = await resolveLocale(request, scope.user)
	const t = translator(locale)
	const ip = clientIp(context)
	const formData = await request.formData().catch(() => new FormData())
	const intent = formData.get('intent')

	if (intent === 'change-role') {
		const parsed = parseFormData(formData, ChangeRoleSchema, locale)
		if (!parsed.ok) return data({ errors: parsed.errors, notice: null }, { status: 400 })
		const changed = await changeRole(scope, member.id, parsed.data.role, ip)
		if (!changed.ok)
			return data(
				{ errors: { role: [t(changed.message)] }, notice: null },
				{ status: changed.status },
			)
		// someone who just gave up their own admin rights can no longer see this page
		if (changed.member.userId === scope.user.id && !hasRole(changed.member.role, 'admin'))
			return redirect(workspacePath(scope.workspace.id, 'members'))
		const notice = t('member.roleChanged', {
			name: member.name,
			role: t(`workspace.role.${changed.member.role}`),
		})
		return data({ errors: null, notice })
	}

	if (intent === 'remove') {
		const parsed = parseFormData(formData, RemoveSchema, locale)
		if (!parsed.ok) return data({ errors: parsed.errors, notice: null }, { status: 400 })
		const removed = await removeMember(scope, member.id, ip)
		if (!removed.ok)
			return data(
				{ errors: { '': [t(removed.message)] }, notice: null },
				{ status: removed.status },
			)
		return redirect(workspacePath(scope.workspace.id, 'members'))
	}

	return data({ errors: { intent: [t('form.invalid')] }, notice: null }, { status: 400 })
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'member.title', loaderData?.member.name)
}

export default function EditMember({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { workspace, member, isSelf, roles } = loaderData
	const errors: FieldErrors | undefined = actionData?.errors ?? undefined
	return (
		<main id="main" className="max-w-xl space-y-8">
			<div>
				<Link
					to={workspacePath(workspace.id, 'members')}
					className="text-sm text-brand-700 underline-offset-2 hover:underline"
				>
					← {t('member.edit.back')}
				</Link>
				<h1 className="mt-2 text-2xl font-bold">{t('member.edit.title', { name: member.name })}</h1>
				<p className="mt-1 break-all text-slate-700">{member.email}</p>
			</div>
			{actionData?.notice ? <Notice>{actionData.notice}</Notice> : null}
			<FormErrors errors={errors} shownFields={['role']} />
			<section
				aria-labelledby="role-heading"
				className="rounded border border-slate-200 bg-white p-6"
			>
				<h2 id="role-heading" className="text-lg font-semibold">
					{t('member.role')}
				</h2>
				<Form method="post" className="mt-4 space-y-4">
					<input type="hidden" name="intent" value="change-role" />
					<SelectField
						name="role"
						label={t('member.role')}
						defaultValue={member.role}
						errors={errors?.role}
						options={roles.map((role) => ({ value: role, label: t(`workspace.role.${role}`) }))}
					/>
					<SubmitButton>{t('member.edit.roleSubmit')}</SubmitButton>
				</Form>
			</section>
			{isSelf ? null : (
				<section
					aria-labelledby="remove-heading"
					className="rounded border border-red-200 bg-white p-6"
				>
					<h2 id="remove-heading" className="text-lg font-semibold">
						{t('member.edit.remove.title')}
					</h2>
					<p className="mt-1 text-sm text-slate-700">
						{t('member.edit.remove.body', { name: member.name })}
					</p>
					<Form method="post" className="mt-4">
						<SubmitButton variant="danger" name="intent" value="remove">
							{t('member.edit.remove.submit', { name: member.name })}
						</SubmitButton>
					</Form>
				</section>
			)}
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
