import { Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { AuthCard } from '#app/components/auth-card.tsx'
import { SubmitButton } from '#app/components/auth-form.tsx'
import { FormErrors, Notice } from '#app/components/form-fields.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { resendVerification, verifyEmail } from '#app/services/accounts.server.ts'
import {
	hitRateLimit,
	retryAfterHeaders,
	tooManyRequests,
} from '#app/services/rate-limit.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { getSessionUser, requireUser } from '#app/utils/session.server.ts'
import { invalidForm } from './auth.server.ts'
import type { Route } from './+types/verify-email'

const ResendSchema = z.object({ intent: z.literal('resend') })

export async function loader({ request, context }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const token = url.searchParams.get('token')
	if (token !== null) {
		const verified =
			token.length > 0 && token.length <= 200 && (await verifyEmail(token, clientIp(context)))
		// the token leaves the address bar (and the history) once it has been used
		throw redirect(`/verify-email?result=${verified ? 'verified' : 'invalid'}`)
	}
	const user = await getSessionUser(request)
	const result = url.searchParams.get('result')
	if (!user && result !== 'verified' && result !== 'invalid') {
		throw redirect(`/login?redirectTo=${encodeURIComponent('/verify-email')}`)
	}
	const state =
		result === 'verified' || result === 'invalid'
			? result
			: user?.emailVerifiedAt
				? 'verified'
				: 'pending'
	return {
		state,
		signedIn: Boolean(user),
		email: user?.email ?? null,
		canResend: Boolean(user && !user.emailVerifiedAt),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const locale = await resolveLocale(request, user)
	const result = await parseForm(request, ResendSchema, locale)
	if (!result.ok) return invalidForm(result)
	if (user.emailVerifiedAt) throw redirect('/verify-email')
	const wait = await hitRateLimit('verify', context)
	if (wait) return tooManyRequests(wait, locale)
	await resendVerification(user)
	return { resent: true }
}

export function headers(args: Route.HeadersArgs) {
	return retryAfterHeaders(args)
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'auth.verify.title')
}

export default function VerifyEmailPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const { state, signedIn, email, canResend } = loaderData
	const resent = actionData && 'resent' in actionData
	const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
	return (
		<AuthCard title={t('auth.verify.title')}>
			<div className="space-y-4">
				{state === 'verified' ? <Notice>{t('auth.verify.verified')}</Notice> : null}
				{state === 'invalid' ? (
					<p
						role="alert"
						className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
					>
						{t('auth.verify.invalid')}
					</p>
				) : null}
				{state === 'pending' && email ? (
					<p className="text-sm text-slate-700">{t('auth.verify.pending', { email })}</p>
				) : null}
				{resent ? <Notice>{t('auth.verify.resent')}</Notice> : null}
				<FormErrors errors={errors} shownFields={[]} />
				{canResend ? (
					<Form method="post">
						<SubmitButton name="intent" value="resend">
							{t('auth.verify.resend')}
						</SubmitButton>
					</Form>
				) : null}
				{!signedIn && state === 'invalid' ? (
					<p className="text-sm text-slate-600">{t('auth.verify.loginToResend')}</p>
				) : null}
				<Link
					to={signedIn ? '/workspaces' : '/login'}
					className="block w-full rounded-md border border-slate-300 bg-white px-4 py-2.5 text-center text-sm font-semibold text-slate-800 hover:bg-slate-100"
				>
					{signedIn ? t('auth.verify.continue') : t('auth.verify.login')}
				</Link>
			</div>
		</AuthCard>
	)
}
