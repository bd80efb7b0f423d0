import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { ErrorPage } from '#app/components/error-page.tsx'
import {
	FormErrors,
	Notice,
	SelectField,
	SubmitButton,
	TextField,
} from '#app/components/form-fields.tsx'
import { workspacePath } from '#app/components/workspace-nav.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { createInvitation } from '#app/services/invitations.server.ts'
import {
	hitInvitationLimit,
	rateLimitErrors,
	retryAfterHeaders,
} from '#app/services/rate-limit.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { parseForm, text } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { assignableRoles, ROLE_ORDER } from '#app/utils/roles.ts'
import type { Route } from './+types/invite'

const InviteSchema = z.object({
	email: text(254).pipe(z.email({ error: 'invite.error.email' })),
	role: z.enum(ROLE_ORDER, { error: 'workspace.role.invalid' }),
})

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId, 'admin')
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		roles: assignableRoles(scope.role),
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId, 'admin')
	const locale = await resolveLocale(request, scope.user)
	const t = translator(locale)
	const parsed = await parseForm(request, InviteSchema, locale)
	if (!parsed.ok)
		return data({ errors: parsed.errors, values: parsed.values, notice: null }, { status: 400 })
	const wait = await hitInvitationLimit(scope.user.id, context)
	if (wait)
		return data(
			{
				errors: rateLimitErrors(wait, locale, 'invite.rateLimited'),
				values: { email: parsed.data.email, role: parsed.data.role },
				notice: null,
			},
			{ status: 429, headers: { 'Retry-After': String(wait) } },
		)
	const invited = await createInvitation(scope, parsed.data, { ip: clientIp(context), locale })
	if (!invited.ok) {
		const field = invited.message === 'member.error.ownerOnly' ? 'role' : 'email'
		return data(
			{
				errors: { [field]: [t(invited.message)] },
				values: { email: parsed.data.email, role: parsed.data.role },
				notice: null,
			},
			{ status: invited.status },
		)
	}
	const notice = invited.emailSent
		? t('invite.sent', { email: invited.email })
		: t('invite.sendFailed')
	return data({ errors: null, values: null, notice })
}

export function headers(args: Route.HeadersArgs) {
	return retryAfterHeaders(args)
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'invite.title', loaderData?.workspace.name)
}

export default function Invite({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { workspace, roles } = loaderData
	const errors = actionData?.errors ?? undefined
	const values = actionData?.values ?? {}
	return (
		<main id="main" className="max-w-xl space-y-6">
			<div>
				<Link
					to={workspacePath(workspace.id, 'members')}
					className="text-sm text-brand-700 underline-offset-2 hover:underline"
				>
					← {t('member.edit.back')}
				</Link>
				<h1 className="mt-2 text-2xl font-bold">{t('invite.title')}</h1>
				<p className="mt-1 text-slate-700">{t('invite.intro')}</p>
			</div>
			{actionData?.notice ? <Notice>{actionData.notice}</Notice> : null}
			{/* a fresh form after each invitation, so the next address starts empty */}
			<Form
				method="post"
				className="space-y-4 rounded border border-slate-200 bg-white p-6"
				key={actionData?.notice ?? 'form'}
			>
				<FormErrors errors={errors} shownFields={['email', 'role']} />
				<TextField
					name="email"
					type="email"
					label={t('invite.email')}
					defaultValue={values.email}
					errors={errors?.email}
					required
					maxLength={254}
					autoComplete="off"
				/>
				<SelectField
					name="role"
					label={t('invite.role')}
					defaultValue={values.role ?? 'assessor'}
					errors={errors?.role}
					hint={roles
						.map((role) => t(`invite.roleHelp.${role}`))
						.join(t('invite.roleHelpSeparator'))}
					options={roles.map((role) => ({ value: role, label: t(`workspace.role.${role}`) }))}
				/>
				<SubmitButton>{t('invite.submit')}</SubmitButton>
			</Form>
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
