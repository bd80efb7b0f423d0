import type { ReactNode } from 'react'
import { useNavigation } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'

/**
 * The auth cards' full-width submit button: it says it is submitting while its own form is in flight,
 * so a slow sign-in is not submitted twice. The fields and alerts come from form-fields.tsx.
 */
export function SubmitButton({
	children,
	name,
	value,
	wide = true,
}: {
	children: ReactNode
	name?: string
	value?: string
	wide?: boolean
}) {
	const { t } = useI18n()
	const navigation = useNavigation()
	const busy =
		navigation.state === 'submitting' &&
		(name === undefined || navigation.formData?.get(name) === value)
	return (
		<button
			type="submit"
			name={name}
			value={value}
			disabled={busy}
			className={`${wide ? 'w-full' : ''} inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60`}
		>
			{busy ? t('form.submitting') : children}
		</button>
	)
}
