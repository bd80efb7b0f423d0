import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { ErrorPage } from '#app/components/error-page.tsx'
import { buttonClass, FormErrors, Notice, SubmitButton } from '#app/components/form-fields.tsx'
import { workspacePath } from '#app/components/workspace-nav.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	listOpenInvitations,
	resendInvitation,
	revokeInvitation,
} from '#app/services/invitations.server.ts'
import { leaveWorkspace, listMembers } from '#app/services/members.server.ts'
import {
	hitInvitationLimit,
	rateLimitErrors,
	retryAfterHeaders,
} from '#app/services/rate-limit.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { parseFormData } from '#app/utils/forms.server.ts'
import { invariantForbidden } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { hasRole } from '#app/utils/roles.ts'
import type { Route } from './+types/members'

const id = z.string().trim().min(1).max(100)
const LeaveSchema = z.object({ intent: z.literal('leave') })
const InvitationSchema = z.object({
	intent: z.enum(['revoke-invitation', 'resend-invitation']),
	invitationId: id,
})

/** The intents this page's action accepts (the isolation test submits every one). */
export const intents = ['leave', 'revoke-invitation', 'resend-invitation'] as const

export async function loader({ request, params }: Route.LoaderArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const canManage = hasRole(scope.role, 'admin')
	const [members, invitations] = await Promise.all([
		listMembers(scope),
		canManage ? listOpenInvitations(scope) : Promise.resolve([]),
	])
	return data({
		workspace: { id: scope.workspace.id, name: scope.workspace.name },
		me: { userId: scope.user.id, role: scope.role },
		canManage,
		members,
		invitations,
	})
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const scope = await requireWorkspace(request, params.workspaceId)
	const locale = await resolveLocale(request, scope.user)
	const t = translator(locale)
	const ip = clientIp(context)
	const formData = await request.formData().catch(() => new FormData())
	const intent = formData.get('intent')

	if (intent === 'leave') {
		const parsed = parseFormData(formData, LeaveSchema, locale)
		if (!parsed.ok) return data({ errors: parsed.errors, notice: null }, { status: 400 })
		const left = await leaveWorkspace(scope, ip)
		if (!left.ok)
			return data({ errors: { '': [t(left.message)] }, notice: null }, { status: left.status })
		return redirect('/workspaces')
	}

	if (intent === 'revoke-invitation' || intent === 'resend-invitation') {
		invariantForbidden(hasRole(scope.role, 'admin'))
		const parsed = parseFormData(formData, InvitationSchema, locale)
		if (!parsed.ok) return data({ errors: parsed.errors, notice: null }, { status: 400 })
		const { invitationId } = parsed.data
		if (parsed.data.intent === 'revoke-invitation') {
			const revoked = await revokeInvitation(scope, invitationId, ip)
			if (!revoked.ok)
				return data(
					{ errors: { '': [t(revoked.message)] }, notice: null },
					{ status: revoked.status },
				)
			return data({ errors: null, notice: t('member.pending.revoked', { email: revoked.email }) })
		}
		const wait = await hitInvitationLimit(scope.user.id, context)
		if (wait)
			return data(
				{ errors: rateLimitErrors(wait, locale, 'invite.rateLimited'), notice: null },
				{ status: 429, headers: { 'Retry-After': String(wait) } },
			)
		const resent = await resendInvitation(scope, invitationId, { ip, locale })
		if (!resent.ok)
			return data({ errors: { '': [t(resent.message)] }, notice: null }, { status: resent.status })
		const notice = resent.emailSent
			? t('member.pending.resent', { email: resent.email })
			: t('invite.sendFailed')
		return data({ errors: null, notice })
	}

	return data({ errors: { intent: [t('form.invalid')] }, notice: null }, { status: 400 })
}

export function headers(args: Route.HeadersArgs) {
	return retryAfterHeaders(args)
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
	return pageTitle(matches, 'member.title', loaderData?.workspace.name)
}

export default function Members({ loaderData, actionData }: Route.ComponentProps) {
	const { t, date } = useI18n()
	const { workspace, me, canManage, members, invitations } = loaderData
	return (
		<main id="main" className="space-y-8">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<p className="text-sm text-slate-600">{workspace.name}</p>
					<h1 className="text-2xl font-bold">{t('member.title')}</h1>
					<p className="mt-1 text-slate-700">{t('member.intro')}</p>
				</div>
				{canManage ? (
					<Link to={`${workspacePath(workspace.id, 'members')}/invite`} className={buttonClass()}>
						{t('member.invite')}
					</Link>
				) : null}
			</div>
			{actionData?.notice ? <Notice>{actionData.notice}</Notice> : null}
			<FormErrors errors={actionData?.errors ?? undefined} />

			<div className="overflow-x-auto rounded border border-slate-200 bg-white">
				<table className="w-full min-w-[40rem] text-left text-sm">
					<caption className="sr-only">{t('member.title')}</caption>
					<thead className="bg-slate-50 text-slate-600">
						<tr>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('member.name')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('member.email')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('member.role')}
							</th>
							<th scope="col" className="px-4 py-3 font-medium">
								{t('member.joined')}
							</th>
							{canManage ? (
								<th scope="col" className="px-4 py-3 font-medium">
									{t('member.actions')}
								</th>
							) : null}
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-200">
						{members.map((member) => {
							// admins leave owners alone; the edit page enforces it too
							const editable = canManage && (member.role !== 'owner' || me.role === 'owner')
							return (
								<tr key={member.id}>
									<th scope="row" className="px-4 py-3 font-medium">
										{member.name}
										{member.userId === me.userId ? (
											<span className="font-normal text-slate-600"> {t('member.you')}</span>
										) : null}
									</th>
									<td className="px-4 py-3 break-all">{member.email}</td>
									<td className="px-4 py-3">{t(`workspace.role.${member.role}`)}</td>
									<td className="px-4 py-3">{date(member.createdAt)}</td>
									{canManage ? (
										<td className="px-4 py-3">
											{editable ? (
												<Link
													to={`${workspacePath(workspace.id, 'members')}/${member.id}`}
													className="text-brand-700 underline-offset-2 hover:underline"
													aria-label={t('member.edit', { name: member.name })}
												>
													{t('member.editShort')}
												</Link>
											) : null}
										</td>
									) : null}
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>

			{canManage ? (
				<section aria-labelledby="pending" className="space-y-3">
					<h2 id="pending" className="text-lg font-semibold">
						{t('member.pending.title')}
					</h2>
					{invitations.length === 0 ? (
						<p className="text-sm text-slate-600">{t('member.pending.empty')}</p>
					) : (
						<ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
							{invitations.map((invitation) => (
								<li
									key={invitation.id}
									className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
								>
									<div>
										<p className="font-medium break-all">{invitation.email}</p>
										<p className="text-slate-700">
											{t(`workspace.role.${invitation.role}`)}
											{' · '}
											<span className={invitation.expired ? 'font-medium text-red-700' : undefined}>
												{t(
													invitation.expired ? 'member.pending.expired' : 'member.pending.expires',
													{
														date: date(invitation.expiresAt, true),
													},
												)}
											</span>
											{invitation.inviterName ? (
												<>
													{' · '}
													{t('member.pending.invitedBy', { name: invitation.inviterName })}
												</>
											) : null}
										</p>
									</div>
									{invitation.role !== 'owner' || me.role === 'owner' ? (
										<div className="flex gap-2">
											<Form method="post">
												<input type="hidden" name="invitationId" value={invitation.id} />
												<SubmitButton
													variant="secondary"
													name="intent"
													value="resend-invitation"
													label={t('member.pending.resend', { email: invitation.email })}
												>
													{t('member.pending.resendShort')}
												</SubmitButton>
											</Form>
											<Form method="post">
												<input type="hidden" name="invitationId" value={invitation.id} />
												<SubmitButton
													variant="danger"
													name="intent"
													value="revoke-invitation"
													label={t('member.pending.revoke', { email: invitation.email })}
												>
													{t('member.pending.revokeShort')}
												</SubmitButton>
											</Form>
										</div>
									) : null}
								</li>
							))}
						</ul>
					)}
				</section>
			) : null}

			<section
				aria-labelledby="leave"
				className="max-w-xl rounded border border-slate-200 bg-white p-6"
			>
				<h2 id="leave" className="text-lg font-semibold">
					{t('member.leave.title')}
				</h2>
				<p className="mt-1 text-sm text-slate-700">{t('member.leave.body')}</p>
				<Form method="post" className="mt-4">
					<SubmitButton variant="danger" name="intent" value="leave">
						{t('member.leave.submit')}
					</SubmitButton>
				</Form>
			</section>
		</main>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
