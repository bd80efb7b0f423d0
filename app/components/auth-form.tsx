import { useId, type ReactNode } from 'react'
import { useNavigation } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'

export type FieldErrors = Record<string, string[] | undefined>

const inputClass =
	'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm'

/**
 * A labelled input. Server-side errors sit under it, and aria-invalid / aria-describedby tie them
 * (and the hint) to the control so screen readers announce them with it.
 */
export function Field({
	name,
	label,
	type = 'text',
	errors,
	hint,
	defaultValue,
	autoComplete,
	maxLength,
	required = true,
}: {
	name: string
	label: string
	type?: 'text' | 'email' | 'password'
	errors?: string[]
	hint?: string
	defaultValue?: string
	autoComplete?: string
	maxLength?: number
	required?: boolean
}) {
	const id = useId()
	const invalid = Boolean(errors?.length)
	const describedBy = [hint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ')
	return (
		<div>
			<label htmlFor={id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<input
				id={id}
				name={name}
				type={type}
				defaultValue={defaultValue}
				autoComplete={autoComplete}
				maxLength={maxLength}
				required={required}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy || undefined}
				className={inputClass}
			/>
			{hint ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
					{hint}
				</p>
			) : null}
			{invalid ? (
				<p id={`${id}-error`} className="mt-1 text-sm text-red-700">
					{errors!.join(' ')}
				</p>
			) : null}
		</div>
	)
}

export function SelectField({
	name,
	label,
	options,
	errors,
	defaultValue,
}: {
	name: string
	label: string
	options: { value: string; label: string }[]
	errors?: string[]
	defaultValue?: string
}) {
	const id = useId()
	const invalid = Boolean(errors?.length)
	return (
		<div>
			<label htmlFor={id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<select
				id={id}
				name={name}
				defaultValue={defaultValue}
				aria-invalid={invalid || undefined}
				aria-describedby={invalid ? `${id}-error` : undefined}
				className={inputClass}
			>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			{invalid ? (
				<p id={`${id}-error`} className="mt-1 text-sm text-red-700">
					{errors!.join(' ')}
				</p>
			) : null}
		</div>
	)
}

/** Errors of the whole form, and of fields the form does not show (e.g. an unexpected field). */
export function FormAlert({
	errors,
	fields,
}: {
	errors: FieldErrors | undefined
	fields: string[]
}) {
	const messages = Object.entries(errors ?? {})
		.filter(([field]) => !fields.includes(field))
		.flatMap(([, list]) => list ?? [])
	if (messages.length === 0) return null
	return (
		<div
			role="alert"
			className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
		>
			{messages.map((message) => (
				<p key={message}>{message}</p>
			))}
		</div>
	)
}

export function Notice({ children }: { children: ReactNode }) {
	return (
		<div
			role="status"
			className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
		>
			{children}
		</div>
	)
}

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
