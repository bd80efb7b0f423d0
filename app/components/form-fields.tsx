import { useId, type ReactNode } from 'react'

export type FieldErrors = Record<string, string[] | undefined>

const inputClass =
	'mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm'

type FieldProps = {
	name: string
	label: string
	hint?: string
	errors?: string[]
}

/**
 * The ids every field shares: the control's own, and the hint and error ids that aria-describedby
 * points at, so screen readers announce the hint and server-side errors with the control.
 */
function useFieldIds(hint: string | undefined, errors: string[] | undefined) {
	const id = useId()
	const invalid = Boolean(errors?.length)
	const described = [hint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ')
	return {
		id,
		control: {
			id,
			'aria-invalid': invalid || undefined,
			'aria-describedby': described || undefined,
		},
	}
}

function Hint({
	id,
	hint,
	className = 'mt-1 text-sm text-slate-600',
}: {
	id: string
	hint?: string
	className?: string
}) {
	if (!hint) return null
	return (
		<p id={`${id}-hint`} className={className}>
			{hint}
		</p>
	)
}

function ErrorText({ id, errors }: { id: string; errors: string[] | undefined }) {
	if (!errors?.length) return null
	return (
		<ul id={`${id}-error`} className="mt-1 text-sm text-red-700">
			{errors.map((message) => (
				<li key={message}>{message}</li>
			))}
		</ul>
	)
}

/** A label, the control under it, then its hint and server-side errors. */
function Stacked({
	id,
	label,
	hint,
	errors,
	children,
}: {
	id: string
	label: string
	hint?: string
	errors?: string[]
	children: ReactNode
}) {
	return (
		<div>
			<label htmlFor={id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			{children}
			<Hint id={id} hint={hint} />
			<ErrorText id={id} errors={errors} />
		</div>
	)
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
}: FieldProps & {
	defaultValue?: string
	required?: boolean
	maxLength?: number
	type?: 'text' | 'email' | 'password'
	autoComplete?: string
}) {
	const { id, control } = useFieldIds(hint, errors)
	return (
		<Stacked id={id} label={label} hint={hint} errors={errors}>
			<input
				{...control}
				name={name}
				type={type}
				defaultValue={defaultValue}
				required={required}
				maxLength={maxLength}
				autoComplete={autoComplete}
				className={inputClass}
			/>
		</Stacked>
	)
}

export function TextAreaField({
	name,
	label,
	hint,
	errors,
	defaultValue,
	required,
	maxLength,
	rows = 3,
}: FieldProps & { defaultValue?: string; required?: boolean; maxLength?: number; rows?: number }) {
	const { id, control } = useFieldIds(hint, errors)
	return (
		<Stacked id={id} label={label} hint={hint} errors={errors}>
			<textarea
				{...control}
				name={name}
				rows={rows}
				defaultValue={defaultValue}
				required={required}
				maxLength={maxLength}
				className={inputClass}
			/>
		</Stacked>
	)
}

export function SelectField({
	name,
	label,
	hint,
	errors,
	defaultValue,
	options,
}: FieldProps & { defaultValue?: string; options: { value: string; label: string }[] }) {
	const { id, control } = useFieldIds(hint, errors)
	return (
		<Stacked id={id} label={label} hint={hint} errors={errors}>
			<select {...control} name={name} defaultValue={defaultValue} className={inputClass}>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
		</Stacked>
	)
}

/** The box comes first and the label, hint and errors sit beside it. */
export function CheckboxField({
	name,
	label,
	hint,
	errors,
	defaultChecked,
}: FieldProps & { defaultChecked?: boolean }) {
	const { id, control } = useFieldIds(hint, errors)
	return (
		<div className="flex gap-3">
			<input
				{...control}
				name={name}
				type="checkbox"
				defaultChecked={defaultChecked}
				className="mt-1 h-4 w-4 rounded border-slate-300"
			/>
			<div>
				<label htmlFor={id} className="text-sm font-medium text-slate-800">
					{label}
				</label>
				<Hint id={id} hint={hint} className="text-sm text-slate-600" />
				<ErrorText id={id} errors={errors} />
			</div>
		</div>
	)
}

/** A labelled file input (the form must be multipart). */
export function FileField({ name, label, hint, errors, accept }: FieldProps & { accept?: string }) {
	const { id, control } = useFieldIds(hint, errors)
	return (
		<Stacked id={id} label={label} hint={hint} errors={errors}>
			<input
				{...control}
				name={name}
				type="file"
				accept={accept}
				required
				className="mt-1 block w-full text-sm text-slate-900 file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
			/>
		</Stacked>
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
