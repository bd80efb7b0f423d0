import { Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { AuthCard } from '#app/components/auth-card.tsx'
import { SubmitButton } from '#app/components/auth-form.tsx'
import { FormErrors, TextField } from '#app/components/form-fields.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { signUp } from '#app/services/accounts.server.ts'
import {
	hitRateLimit,
	retryAfterHeaders,
	tooManyRequests,
} from '#app/services/rate-limit.server.ts'
import { parseForm, text } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { safeRedirect } from '#app/utils/safe-redirect.ts'
import { getSessionUser } from '#app/utils/session.server.ts'
import {
	EmailSchema,
	formFailure,
	invalidForm,
	NewPasswordSchema,
	RedirectToSchema,
	signIn,
} from './auth.server.ts'
import type { Route } from './+types/signup'

const SignupSchema = z
	.object({
		name: text(100),
		email: EmailSchema,
		password: NewPasswordSchema,
		confirmPassword: z.string().min(1).max(200),
		redirectTo: RedirectToSchema,
	})
	.refine((form) => form.password === form.confirmPassword, {
		path: ['confirmPassword'],
		error: 'auth.password.mismatch',
	})

export async function loader({ request }: Route.LoaderArgs) {
	const redirectTo = new URL(request.url).searchParams.get('redirectTo')
	if (await getSessionUser(request)) throw redirect(safeRedirect(redirectTo))
	return { redirectTo: redirectTo ? safeRedirect(redirectTo, '') : '' }
}

export async function action({ request, context }: Route.ActionArgs) {
	const locale = await resolveLocale(request, null)
	const result = await parseForm(request, SignupSchema, locale)
	if (!result.ok) return invalidForm(result)
	const { name, email, password, redirectTo } = result.data
	const wait = await hitRateLimit('signup', context)
	if (wait) return tooManyRequests(wait, locale, { name, email })
	const user = await signUp({ name, email, password, locale, ip: clientIp(context) })
	if (!user) {
		const t = translator(locale)
		return formFailure({ email: [t('auth.email.taken')] }, { name, email })
	}
	return signIn(request, context, user.id, safeRedirect(redirectTo))
}

export function headers(args: Route.HeadersArgs) {
	return retryAfterHeaders(args)
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'auth.signup.title')
}

export default function Signup({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const errors = actionData?.errors
	const values = actionData?.values
	const loginHref = loaderData.redirectTo
		? `/login?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`
		: '/login'
	return (
		<AuthCard
			title={t('auth.signup.title')}
			description={t('auth.signup.description')}
			footer={
				<>
					{t('auth.signup.haveAccount')}{' '}
					<Link to={loginHref} className="font-medium text-brand-700 underline underline-offset-2">
						{t('auth.signup.loginLink')}
					</Link>
				</>
			}
		>
			<Form method="post" className="space-y-4" noValidate>
				<FormErrors
					errors={errors}
					shownFields={['name', 'email', 'password', 'confirmPassword']}
				/>
				{loaderData.redirectTo ? (
					<input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
				) : null}
				<TextField
					name="name"
					required
					label={t('auth.field.name')}
					autoComplete="name"
					maxLength={100}
					defaultValue={values?.name}
					errors={errors?.name}
				/>
				<TextField
					name="email"
					required
					type="email"
					label={t('auth.field.email')}
					autoComplete="email"
					maxLength={254}
					defaultValue={values?.email}
					errors={errors?.email}
				/>
				<TextField
					name="password"
					required
					type="password"
					label={t('auth.field.password')}
					autoComplete="new-password"
					hint={t('auth.hint.password')}
					errors={errors?.password}
				/>
				<TextField
					name="confirmPassword"
					required
					type="password"
					label={t('auth.field.confirmPassword')}
					autoComplete="new-password"
					errors={errors?.confirmPassword}
				/>
				<SubmitButton>{t('auth.signup.submit')}</SubmitButton>
			</Form>
		</AuthCard>
	)
}
