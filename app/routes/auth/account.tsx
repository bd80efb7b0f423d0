import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { SubmitButton } from '#app/components/auth-form.tsx'
import { FormErrors, Notice, SelectField, TextField } from '#app/components/form-fields.tsx'
import { LOCALES } from '#app/i18n/i18n.ts'
import { translator } from '#app/i18n/translator.ts'
import { localeCookie, resolveLocale } from '#app/i18n/locale.server.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { changePassword, updateProfile } from '#app/services/accounts.server.ts'
import {
	hitRateLimit,
	retryAfterHeaders,
	tooManyRequests,
} from '#app/services/rate-limit.server.ts'
import { parseFormData, text } from '#app/utils/forms.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import { clientIp } from '#app/utils/request-context.ts'
import { requireUser } from '#app/utils/session.server.ts'
import { formFailure, invalidForm, NewPasswordSchema, PasswordSchema } from './auth.server.ts'
import type { Route } from './+types/account'

const ProfileSchema = z.object({
	intent: z.literal('profile'),
	name: text(100),
	locale: z.enum(LOCALES),
})

const ChangePasswordSchema = z
	.object({
		intent: z.literal('password'),
		currentPassword: PasswordSchema,
		newPassword: NewPasswordSchema,
		confirmPassword: z.string().min(1).max(200),
	})
	.refine((form) => form.newPassword === form.confirmPassword, {
		path: ['confirmPassword'],
		error: 'auth.password.mismatch',
	})

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return {
		name: user.name,
		email: user.email,
		locale: user.locale,
		emailVerified: Boolean(user.emailVerifiedAt),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const locale = await resolveLocale(request, user)
	const t = translator(locale)
	const formData = await request.formData().catch(() => null)
	const intent = formData?.get('intent')
	if (!formData || (intent !== 'profile' && intent !== 'password')) {
		return formFailure({ '': [t('form.invalid')] }, {})
	}
	const ip = clientIp(context)

	if (intent === 'profile') {
		const result = parseFormData(formData, ProfileSchema, locale)
		if (!result.ok) return invalidForm(result)
		await updateProfile(user, { name: result.data.name, locale: result.data.locale }, ip)
		return data(
			{ done: 'profile' },
			{ headers: { 'Set-Cookie': await localeCookie.serialize(result.data.locale) } },
		)
	}

	const result = parseFormData(formData, ChangePasswordSchema, locale)
	if (!result.ok) return invalidForm(result)
	const wait = await hitRateLimit('login', context)
	if (wait) return tooManyRequests(wait, locale, { intent })
	const changed = await changePassword(
		user,
		result.data.currentPassword,
		result.data.newPassword,
		ip,
	)
	if (!changed) {
		return formFailure({ currentPassword: [t('auth.password.wrongCurrent')] }, { intent })
	}
	return { done: 'password' }
}

export function headers(args: Route.HeadersArgs) {
	return retryAfterHeaders(args)
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'account.title')
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useI18n()
	const failed = actionData && 'errors' in actionData ? actionData : null
	const done = actionData && 'done' in actionData ? actionData.done : null
	const profileErrors = failed && failed.values.intent !== 'password' ? failed.errors : undefined
	const passwordErrors = failed && failed.values.intent === 'password' ? failed.errors : undefined
	const profileValues = failed?.values.intent === 'profile' ? failed.values : undefined
	return (
		<main id="main" className="max-w-3xl space-y-8">
			<div className="flex flex-wrap items-baseline justify-between gap-2">
				<h1 className="text-2xl font-bold">{t('account.title')}</h1>
				<Link to="/workspaces" className="text-sm text-brand-700 underline underline-offset-2">
					{t('account.back')}
				</Link>
			</div>

			<section
				aria-labelledby="profile-heading"
				className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
			>
				<h2 id="profile-heading" className="text-lg font-semibold">
					{t('account.profile.title')}
				</h2>
				<dl className="mt-4 text-sm">
					<dt className="font-medium text-slate-800">{t('auth.field.email')}</dt>
					<dd className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
						<span>{loaderData.email}</span>
						<span
							className={`rounded-full px-2 py-0.5 text-xs font-medium ${loaderData.emailVerified ? 'bg-emerald-100 text-emerald-800' : 'bg-amber-100 text-amber-900'}`}
						>
							{loaderData.emailVerified ? t('account.emailVerified') : t('account.emailUnverified')}
						</span>
					</dd>
				</dl>
				{loaderData.emailVerified ? null : (
					<Form method="post" action="/verify-email" className="mt-2">
						<button
							type="submit"
							name="intent"
							value="resend"
							className="text-sm text-brand-700 underline underline-offset-2"
						>
							{t('auth.verify.resend')}
						</button>
					</Form>
				)}
				<Form method="post" className="mt-6 space-y-4" noValidate>
					{done === 'profile' ? <Notice>{t('account.profile.saved')}</Notice> : null}
					<FormErrors errors={profileErrors} shownFields={['name', 'locale']} />
					<TextField
						name="name"
						required
						label={t('auth.field.name')}
						autoComplete="name"
						maxLength={100}
						defaultValue={profileValues?.name ?? loaderData.name}
						errors={profileErrors?.name}
					/>
					<SelectField
						name="locale"
						label={t('auth.field.locale')}
						defaultValue={profileValues?.locale ?? loaderData.locale}
						errors={profileErrors?.locale}
						options={LOCALES.map((value) => ({ value, label: t(`auth.locale.${value}`) }))}
					/>
					<SubmitButton name="intent" value="profile" wide={false}>
						{t('form.save')}
					</SubmitButton>
				</Form>
			</section>

			<section
				aria-labelledby="password-heading"
				className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
			>
				<h2 id="password-heading" className="text-lg font-semibold">
					{t('account.password.title')}
				</h2>
				<p className="mt-1 text-sm text-slate-600">{t('account.password.description')}</p>
				<Form method="post" className="mt-6 space-y-4" noValidate>
					{done === 'password' ? <Notice>{t('account.password.changed')}</Notice> : null}
					<FormErrors
						errors={passwordErrors}
						shownFields={['currentPassword', 'newPassword', 'confirmPassword']}
					/>
					<TextField
						name="currentPassword"
						required
						type="password"
						label={t('auth.field.currentPassword')}
						autoComplete="current-password"
						errors={passwordErrors?.currentPassword}
					/>
					<TextField
						name="newPassword"
						required
						type="password"
						label={t('auth.field.newPassword')}
						autoComplete="new-password"
						hint={t('auth.hint.password')}
						errors={passwordErrors?.newPassword}
					/>
					<TextField
						name="confirmPassword"
						required
						type="password"
						label={t('auth.field.confirmPassword')}
						autoComplete="new-password"
						errors={passwordErrors?.confirmPassword}
					/>
					<SubmitButton name="intent" value="password" wide={false}>
						{t('account.password.submit')}
					</SubmitButton>
				</Form>
			</section>
		</main>
	)
}
