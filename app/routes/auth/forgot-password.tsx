import { Form, Link } from 'react-router'
import { z } from 'zod'
import { AuthCard } from '#app/components/auth-card.tsx'
import { SubmitButton } from '#app/components/auth-form.tsx'
import { FormErrors, Notice, TextField } from '#app/components/form-fields.tsx'
import { resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { requestPasswordReset } from '#app/services/accounts.server.ts'
import {
	hitRateLimit,
	retryAfterHeaders,
	tooManyRequests,
} from '#app/services/rate-limit.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { EmailSchema, invalidForm } from './auth.server.ts'
import type { Route } from './+types/forgot-password'

const ForgotPasswordSchema = z.object({ email: EmailSchema })

export async function action({ request, context }: Route.ActionArgs) {
	const locale = await resolveLocale(request, null)
	const result = await parseForm(request, ForgotPasswordSchema, locale)
	if (!result.ok) return invalidForm(result)
	const { email } = result.data
	const wait = await hitRateLimit('reset', context)
	if (wait) return tooManyRequests(wait, locale, { email })
	await requestPasswordReset(email)
	// the same answer whether or not the address is registered
	return { sent: true, email }
}

export function headers(args: Route.HeadersArgs) {
	return retryAfterHeaders(args)
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'auth.forgot.title')
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const sent = actionData && 'sent' in actionData ? actionData.email : null
	const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
	const values = actionData && 'values' in actionData ? actionData.values : undefined
	return (
		<AuthCard
			title={t('auth.forgot.title')}
			description={t('auth.forgot.description')}
			footer={
				<Link to="/login" className="font-medium text-brand-700 underline underline-offset-2">
					{t('auth.forgot.back')}
				</Link>
			}
		>
			{sent ? (
				<Notice>{t('auth.forgot.sent', { email: sent })}</Notice>
			) : (
				<Form method="post" className="space-y-4" noValidate>
					<FormErrors errors={errors} shownFields={['email']} />
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
					<SubmitButton>{t('auth.forgot.submit')}</SubmitButton>
				</Form>
			)}
		</AuthCard>
	)
}
