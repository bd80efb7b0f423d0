import { useId, type ReactNode } from 'react'

const controlClass =
	'mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm'

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
	const list = ids.filter(Boolean).join(' ')
	return list || undefined
}

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
	if (!errors?.length) return null
	return (
		<ul id={id} className="mt-1 text-sm text-red-700">
			{errors.map((message) => (
				<li key={message}>{message}</li>
			))}
		</ul>
	)
}

/** A labelled textarea whose server-side errors sit next to it and are announced with it. */
export function TextAreaField({
	name,
	label,
	hint,
	errors,
	defaultValue,
	required,
	maxLength,
	rows = 3,
}: {
	name: string
	label: string
	hint?: string
	errors?: string[]
	defaultValue?: string
	required?: boolean
	maxLength?: number
	rows?: number
}) {
	const id = useId()
	const invalid = Boolean(errors?.length)
	return (
		<div>
			<label htmlFor={id} className="block text-sm font-medium text-slate-800">
				{label}
			</label>
			<textarea
				id={id}
				name={name}
				rows={rows}
				defaultValue={defaultValue}
				required={required}
				maxLength={maxLength}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(hint && `${id}-hint`, invalid && `${id}-error`)}
				className={controlClass}
			/>
			{hint ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
					{hint}
				</p>
			) : null}
			<FieldErrors id={`${id}-error`} errors={errors} />
		</div>
	)
}

export function CheckboxField({
	name,
	label,
	hint,
	errors,
	defaultChecked,
}: {
	name: string
	label: string
	hint?: string
	errors?: string[]
	defaultChecked?: boolean
}) {
	const id = useId()
	const invalid = Boolean(errors?.length)
	return (
		<div className="flex gap-3">
			<input
				id={id}
				name={name}
				type="checkbox"
				defaultChecked={defaultChecked}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(hint && `${id}-hint`, invalid && `${id}-error`)}
				className="mt-1 h-4 w-4 rounded border-slate-300"
			/>
			<div>
				<label htmlFor={id} className="text-sm font-medium text-slate-800">
					{label}
				</label>
				{hint ? (
					<p id={`${id}-hint`} className="text-sm text-slate-600">
						{hint}
					</p>
				) : null}
				<FieldErrors id={`${id}-error`} errors={errors} />
			</div>
		</div>
	)
}

/** A labelled file input (the form must be multipart). */
export function FileField({
	name,
	label,
	hint,
	errors,
	accept,
}: {
	name: string
	label: string
	hint?: string
	errors?: string[]
	accept?: string
}) {
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
				type="file"
				accept={accept}
				required
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(hint && `${id}-hint`, invalid && `${id}-error`)}
				className="mt-1 block w-full text-sm text-slate-900 file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
			/>
			{hint ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
					{hint}
				</p>
			) : null}
			<FieldErrors id={`${id}-error`} errors={errors} />
		</div>
	)
}

/** A panel with a heading, for the sections of the assessment page. */
export function Panel({
	title,
	id,
	children,
	tone = 'plain',
}: {
	title: string
	id: string
	children: ReactNode
	tone?: 'plain' | 'locked'
}) {
	return (
		<section
			aria-labelledby={id}
			className={`rounded border p-4 ${tone === 'locked' ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`}
		>
			<h2 id={id} className="text-lg font-semibold">
				{title}
			</h2>
			<div className="mt-3 space-y-4">{children}</div>
		</section>
	)
}
