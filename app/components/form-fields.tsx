import { useId, type ReactNode } from 'react'

export type FieldErrors = Record<string, string[] | undefined>

const inputClass =
	'mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm'

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
	const list = ids.filter(Boolean).join(' ')
	return list || undefined
}

function ErrorText({ id, errors }: { id: string; errors: string[] | undefined }) {
	if (!errors?.length) return null
	return (
		<ul id={id} className="mt-1 text-sm text-red-700">
			{errors.map((message) => (
				<li key={message}>{message}</li>
			))}
		</ul>
	)
}

type FieldProps = {
	name: string
	label: string
	hint?: string
	errors?: string[]
	defaultValue?: string
	required?: boolean
	maxLength?: number
}

/** A labelled text input whose server-side errors sit next to it and are announced with it. */
export function TextField({
	name,
	label,
	hint,
	errors,
	defaultValue,
	required,
	maxLength,
	type = 'text',
	autoComplete,
}: FieldProps & { type?: 'text' | 'email'; autoComplete?: string }) {
	const id = useId()
	const invalid = Boolean(errors?.length)
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
				required={required}
				maxLength={maxLength}
				autoComplete={autoComplete}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(hint && `${id}-hint`, invalid && `${id}-error`)}
				className={inputClass}
			/>
			{hint ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
					{hint}
				</p>
			) : null}
			<ErrorText id={`${id}-error`} errors={errors} />
		</div>
	)
}

export function SelectField({
	name,
	label,
	hint,
	errors,
	defaultValue,
	options,
}: Omit<FieldProps, 'maxLength' | 'required'> & { options: { value: string; label: string }[] }) {
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
				aria-describedby={describedBy(hint && `${id}-hint`, invalid && `${id}-error`)}
				className={inputClass}
			>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			{hint ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
					{hint}
				</p>
			) : null}
			<ErrorText id={`${id}-error`} errors={errors} />
		</div>
	)
}

/** Errors that belong to the whole form (or to a field the form does not show), read out at once. */
export function FormErrors({
	errors,
	shownFields = [],
}: {
	errors: FieldErrors | undefined
	shownFields?: string[]
}) {
	if (!errors) return null
	const messages = Object.entries(errors)
		.filter(([field]) => !shownFields.includes(field))
		.flatMap(([, list]) => list ?? [])
	if (messages.length === 0) return null
	return (
		<div
			role="alert"
			className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
		>
			<ul>
				{messages.map((message) => (
					<li key={message}>{message}</li>
				))}
			</ul>
		</div>
	)
}

export function Notice({ children }: { children: ReactNode }) {
	return (
		<p
			role="status"
			className="rounded border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
		>
			{children}
		</p>
	)
}

const buttonStyles = {
	primary: 'bg-brand-700 text-white hover:bg-brand-800',
	secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
	danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50',
}

export function buttonClass(variant: keyof typeof buttonStyles = 'primary') {
	return `inline-flex items-center justify-center rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${buttonStyles[variant]}`
}

export function SubmitButton({
	children,
	variant = 'primary',
	name,
	value,
	label,
}: {
	children: ReactNode
	variant?: keyof typeof buttonStyles
	name?: string
	value?: string
	label?: string
}) {
	return (
		<button
			type="submit"
			name={name}
			value={value}
			aria-label={label}
			className={buttonClass(variant)}
		>
			{children}
		</button>
	)
}
