import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { AuthCard } from '#app/components/auth-card.tsx'
import { SubmitButton } from '#app/components/auth-form.tsx'
import { FormErrors, TextField } from '#app/components/form-fields.tsx'
import { translator } from '#app/i18n/translator.ts'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { isTokenUsable, resetPassword } from '#app/services/accounts.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { formFailure, invalidForm, NewPasswordSchema, signIn } from './auth.server.ts'
import type { Route } from './+types/reset-password'

const ResetPasswordSchema = z
	.object({
		token: z.string().min(1).max(200),
		password: NewPasswordSchema,
		confirmPassword: z.string().min(1).max(200),
	})
	.refine((form) => form.password === form.confirmPassword, {
		path: ['confirmPassword'],
		error: 'auth.password.mismatch',
	})

export async function loader({ request }: Route.LoaderArgs) {
	const token = new URL(request.url).searchParams.get('token') ?? ''
	const valid =
		token.length > 0 && token.length <= 200 && (await isTokenUsable(token, 'reset-password'))
	return data({ valid, token: valid ? token : '' }, { status: valid ? 200 : 400 })
}

export async function action({ request, context }: Route.ActionArgs) {
	const locale = await resolveLocale(request, null)
	const result = await parseForm(request, ResetPasswordSchema, locale)
	if (!result.ok) return invalidForm(result)
	const userId = await resetPassword(result.data.token, result.data.password, clientIp(context))
	if (!userId) {
		const t = translator(locale)
		return formFailure({ '': [t('auth.reset.invalid')] }, {})
	}
	return signIn(request, context, userId, '/workspaces')
}

export function meta({ matches }: Route.MetaArgs) {
	// the token is in this page's address: no Referer to other sites (same-origin, not no-referrer,
	// which would also blank the Origin of the form post and fail React Router's CSRF check)
	return [...pageTitle(matches, 'auth.reset.title'), { name: 'referrer', content: 'same-origin' }]
}

export default function ResetPasswordPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const errors = actionData?.errors
	if (!loaderData.valid) {
		return (
			<AuthCard title={t('auth.reset.title')}>
				<div className="space-y-4">
					<p
						role="alert"
						className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
					>
						{t('auth.reset.invalid')}
					</p>
					<Link
						to="/forgot-password"
						className="block w-full rounded-md bg-brand-700 px-4 py-2.5 text-center text-sm font-semibold text-white hover:bg-brand-800"
					>
						{t('auth.reset.again')}
					</Link>
				</div>
			</AuthCard>
		)
	}
	return (
		<AuthCard title={t('auth.reset.title')} description={t('auth.reset.description')}>
			<Form method="post" className="space-y-4" noValidate>
				<FormErrors errors={errors} shownFields={['password', 'confirmPassword']} />
				<input type="hidden" name="token" value={loaderData.token} />
				<TextField
					name="password"
					required
					type="password"
					label={t('auth.field.newPassword')}
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
				<SubmitButton>{t('auth.reset.submit')}</SubmitButton>
			</Form>
		</AuthCard>
	)
}
