import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { ErrorPage } from '#app/components/error-page.tsx'
import { buttonClass, FormErrors, SubmitButton } from '#app/components/form-fields.tsx'
import { LanguageSwitcher } from '#app/components/language-switcher.tsx'
import { workspacePath } from '#app/components/workspace-nav.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import {
	acceptInvitation,
	findInvitationByToken,
	isMember,
	type AcceptRefusal,
} from '#app/services/invitations.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { getSessionUser, requireUser } from '#app/utils/session.server.ts'
import type { Route } from './+types/invitation'

type Reason = AcceptRefusal['reason']

const statusFor: Record<Reason, number> = {
	invalid: 404,
	expired: 410,
	revoked: 410,
	accepted: 410,
	wrongEmail: 403,
	alreadyMember: 409,
}

function plausibleToken(token: string | undefined): token is string {
	return typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const invitation = plausibleToken(params.token) ? await findInvitationByToken(params.token) : null
	if (!invitation)
		return data({ view: { kind: 'closed', reason: 'invalid' } as const }, { status: 404 })
	if (invitation.state !== 'pending') {
		const reason = invitation.state
		return data(
			{ view: { kind: 'closed', reason, expiresAt: invitation.expiresAt } as const },
			{ status: statusFor[reason] },
		)
	}
	const user = await getSessionUser(request)
	const { email, role, expiresAt, workspaceId, workspaceName, inviterName } = invitation
	const details = { email, role, expiresAt, workspaceName, inviterName }
	if (!user) return data({ view: { kind: 'signedOut', ...details } as const })
	if (await isMember(user.id, workspaceId))
		return data({ view: { kind: 'member', ...details, workspaceId } as const })
	if (user.email.toLowerCase() !== email)
		return data({ view: { kind: 'wrongEmail', ...details, current: user.email } as const })
	return data({ view: { kind: 'ready', ...details } as const })
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	if (!plausibleToken(params.token))
		return data({ reason: 'invalid' satisfies Reason, errors: null }, { status: 404 })
	// the button sends nothing: any field (a role, a workspace) is tampering, refused before anything is read
	const parsed = await parseForm(request, z.object({}), await resolveLocale(request, user))
	if (!parsed.ok) return data({ reason: null, errors: parsed.errors }, { status: 400 })
	const accepted = await acceptInvitation(user, params.token, clientIp(context))
	if (accepted.ok) return redirect(workspacePath(accepted.workspaceId))
	// the page shows why: the loader runs again after this and finds the same state
	return data({ reason: accepted.reason, errors: null }, { status: statusFor[accepted.reason] })
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'invitation.title')
}

const closedCopy = {
	invalid: ['invitation.invalid.title', 'invitation.invalid.body'],
	expired: ['invitation.expired.title', 'invitation.expired.body'],
	revoked: ['invitation.revoked.title', 'invitation.revoked.body'],
	accepted: ['invitation.used.title', 'invitation.used.body'],
} as const

export default function Invitation({ loaderData, actionData, params }: Route.ComponentProps) {
	const { t } = useI18n()
	const { view } = loaderData
	return (
		<div className="mx-auto max-w-2xl px-4 py-10">
			<header className="flex items-center justify-between gap-4">
				<Link to="/" className="font-bold text-brand-800">
					{t('app.name')}
				</Link>
				<LanguageSwitcher />
			</header>
			<main id="main" className="mt-10 rounded border border-slate-200 bg-white p-6 sm:p-8">
				<FormErrors errors={actionData?.errors ?? undefined} />
				{view.kind === 'closed' ? (
					<Closed view={view} />
				) : (
					<Open view={view} here={`/invitations/${params.token}`} />
				)}
			</main>
		</div>
	)
}

function Closed({ view }: { view: { reason: keyof typeof closedCopy; expiresAt?: Date } }) {
	const { t, date } = useI18n()
	const [title, body] = closedCopy[view.reason]
	return (
		<>
			<h1 className="text-2xl font-bold">{t(title)}</h1>
			<p className="mt-4 text-slate-700">
				{t(body, { date: view.expiresAt ? date(view.expiresAt, true) : '' })}
			</p>
			<Link to="/" className={`mt-8 ${buttonClass('secondary')}`}>
				{t('error.backHome')}
			</Link>
		</>
	)
}

type OpenView = Exclude<Route.ComponentProps['loaderData']['view'], { kind: 'closed' }>

function Open({ view, here }: { view: OpenView; here: string }) {
	const { t, date } = useI18n()
	const role = t(`workspace.role.${view.role}`)
	const intro = view.inviterName
		? t('invitation.body', { inviter: view.inviterName, workspace: view.workspaceName, role })
		: t('invitation.bodyNoInviter', { workspace: view.workspaceName, role })
	return (
		<>
			<h1 className="text-2xl font-bold">{t('invitation.title')}</h1>
			<p className="mt-4 text-lg">{intro}</p>
			<dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
				<dt className="text-slate-600">{t('invitation.sentTo')}</dt>
				<dd className="break-all font-medium">{view.email}</dd>
				<dt className="text-slate-600">{t('invitation.expires')}</dt>
				<dd>{date(view.expiresAt, true)}</dd>
			</dl>
			{view.kind === 'ready' ? (
				<Form method="post" className="mt-8">
					<SubmitButton>{t('invitation.accept')}</SubmitButton>
				</Form>
			) : null}
			{view.kind === 'member' ? (
				<div className="mt-8 space-y-4">
					<p role="status">{t('invitation.alreadyMember', { workspace: view.workspaceName })}</p>
					<Link to={workspacePath(view.workspaceId)} className={buttonClass()}>
						{t('invitation.open')}
					</Link>
				</div>
			) : null}
			{view.kind === 'signedOut' ? (
				<div className="mt-8 space-y-4">
					<p>{t('invitation.signedOut')}</p>
					<div className="flex flex-wrap gap-3">
						<Link to={`/signup?redirectTo=${encodeURIComponent(here)}`} className={buttonClass()}>
							{t('invitation.signup')}
						</Link>
						<Link
							to={`/login?redirectTo=${encodeURIComponent(here)}`}
							className={buttonClass('secondary')}
						>
							{t('invitation.login')}
						</Link>
					</div>
				</div>
			) : null}
			{view.kind === 'wrongEmail' ? (
				<div className="mt-8 space-y-4">
					<p
						role="alert"
						className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900"
					>
						{t('invitation.wrongEmail', { invited: view.email, current: view.current })}
					</p>
					<Form method="post" action="/logout">
						<input
							type="hidden"
							name="redirectTo"
							value={`/login?redirectTo=${encodeURIComponent(here)}`}
						/>
						<SubmitButton variant="secondary">{t('invitation.switchAccount')}</SubmitButton>
					</Form>
				</div>
			) : null}
		</>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	return <ErrorPage error={error} />
}
