import { Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { AuthCard } from '#app/components/auth-card.tsx'
import { SubmitButton } from '#app/components/auth-form.tsx'
import { FormErrors, TextField } from '#app/components/form-fields.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { authenticate } from '#app/services/accounts.server.ts'
import {
	hitRateLimit,
	retryAfterHeaders,
	tooManyRequests,
} from '#app/services/rate-limit.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { getSessionUser } from '#app/utils/session.server.ts'
import {
	EmailSchema,
	formFailure,
	invalidForm,
	PasswordSchema,
	RedirectToSchema,
	signIn,
} from './auth.server.ts'
import type { Route } from './+types/login'

const LoginSchema = z.object({
	email: EmailSchema,
	password: PasswordSchema,
	redirectTo: RedirectToSchema,
})

export async function loader({ request }: Route.LoaderArgs) {
	const redirectTo = new URL(request.url).searchParams.get('redirectTo')
	if (await getSessionUser(request)) throw redirect(safeRedirect(redirectTo))
	return { redirectTo: redirectTo ? safeRedirect(redirectTo, '') : '' }
}

export async function action({ request, context }: Route.ActionArgs) {
	const locale = await resolveLocale(request, null)
	const result = await parseForm(request, LoginSchema, locale)
	if (!result.ok) return invalidForm(result)
	const { email, password, redirectTo } = result.data
	const wait = await hitRateLimit('login', context)
	if (wait) return tooManyRequests(wait, locale, { email })
	const user = await authenticate(email, password)
	if (!user) {
		// one message for an unknown email and a wrong password: the form must not reveal who has an account
		const t = translator(locale)
		return formFailure({ '': [t('auth.login.invalid')] }, { email })
	}
	return signIn(request, context, user.id, safeRedirect(redirectTo))
}

export function headers(args: Route.HeadersArgs) {
	return retryAfterHeaders(args)
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'auth.login.title')
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const errors = actionData?.errors
	const signupHref = loaderData.redirectTo
		? `/signup?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`
		: '/signup'
	return (
		<AuthCard
			title={t('auth.login.title')}
			description={t('auth.login.description')}
			footer={
				<>
					{t('auth.login.noAccount')}{' '}
					<Link to={signupHref} className="font-medium text-brand-700 underline underline-offset-2">
						{t('auth.login.signupLink')}
					</Link>
				</>
			}
		>
			<Form method="post" className="space-y-4" noValidate>
				<FormErrors errors={errors} shownFields={['email', 'password']} />
				{loaderData.redirectTo ? (
					<input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
				) : null}
				<TextField
					name="email"
					required
					type="email"
					label={t('auth.field.email')}
					autoComplete="email"
					maxLength={254}
					defaultValue={actionData?.values.email}
					errors={errors?.email}
				/>
				<TextField
					name="password"
					required
					type="password"
					label={t('auth.field.password')}
					autoComplete="current-password"
					errors={errors?.password}
				/>
				<div className="flex justify-end text-sm">
					<Link to="/forgot-password" className="text-brand-700 underline underline-offset-2">
						{t('auth.login.forgot')}
					</Link>
				</div>
				<SubmitButton>{t('auth.login.submit')}</SubmitButton>
			</Form>
		</AuthCard>
	)
}
