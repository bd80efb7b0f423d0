import { Form } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { buttonClass } from './form-fields.tsx'

/**
 * Shown on every signed-in page until the address is verified; it cannot be dismissed, it goes
 * away by verifying. The form is the verification page's own resend form, so it works without
 * JavaScript and shares that page's rate limit and confirmation.
 */
export function VerifyEmailBanner({ email }: { email: string }) {
	const { t } = useI18n()
	return (
		<section
			aria-labelledby="verify-email-banner"
			className="border-b border-amber-300 bg-amber-50"
		>
			<div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm text-amber-950">
				<div>
					{/* a named region, not a heading: the page's h1 stays its first heading */}
					<p id="verify-email-banner" className="font-semibold">
						{t('auth.verifyBanner.title')}
					</p>
					<p>{t('auth.verify.pending', { email })}</p>
				</div>
				<Form method="post" action="/verify-email">
					<button type="submit" name="intent" value="resend" className={buttonClass('secondary')}>
						{t('auth.verify.resend')}
					</button>
				</Form>
			</div>
		</section>
	)
}
