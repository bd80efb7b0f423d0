import type { ReactNode } from 'react'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import type { AnswerMode, Choice, FormState, QuestionIndicator } from './answer-model.ts'

export type FieldErrors = Record<string, string[] | undefined>

// short classes from questionnaire.css: these repeat on every indicator of a section
const inputClass = 'q-input'
const choiceClass = 'q-choice'
const boxClass = 'q-box'

function errorId(prefix: string, field: string) {
	return `${prefix}-${field}-error`
}

function FieldError({
	prefix,
	field,
	errors,
}: {
	prefix: string
	field: string
	errors: FieldErrors
}) {
	const list = errors[field]
	if (!list?.length) return null
	return (
		<ul id={errorId(prefix, field)} className="mt-1 text-sm text-red-700">
			{list.map((message) => (
				<li key={message}>{message}</li>
			))}
		</ul>
	)
}

function invalidProps(prefix: string, field: string, errors: FieldErrors, hintId?: string) {
	const invalid = Boolean(errors[field]?.length)
	const describedBy = [hintId, invalid && errorId(prefix, field)].filter(Boolean).join(' ')
	return { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy || undefined }
}

function Radio({
	prefix,
	name,
	value,
	checked,
	disabled,
	children,
}: {
	prefix: string
	name: string
	value: string
	checked: boolean
	disabled: boolean
	children: ReactNode
}) {
	const id = `${prefix}-${name}-${value}`
	return (
		<label htmlFor={id} className={choiceClass}>
			<input
				id={id}
				type="radio"
				name={name}
				value={value}
				defaultChecked={checked}
				disabled={disabled}
				className={boxClass}
			/>
			<span>{children}</span>
		</label>
	)
}

function TextInput({
	prefix,
	name,
	label,
	hint,
	value,
	errors,
	disabled,
	inputMode,
}: {
	prefix: string
	name: string
	label: string
	hint?: string
	value: string
	errors: FieldErrors
	disabled: boolean
	inputMode: 'numeric' | 'decimal'
}) {
	const id = `${prefix}-${name}`
	return (
		<div>
			<label htmlFor={id} className="q-label">
				{label}
			</label>
			<input
				id={id}
				name={name}
				type="text"
				inputMode={inputMode}
				autoComplete="off"
				defaultValue={value}
				disabled={disabled}
				className={`${inputClass} max-w-40`}
				{...invalidProps(prefix, name, errors, hint ? `${id}-hint` : undefined)}
			/>
			{hint ? (
				<p id={`${id}-hint`} className="q-hint">
					{hint}
				</p>
			) : null}
			<FieldError prefix={prefix} field={name} errors={errors} />
		</div>
	)
}

function ReasonField({
	prefix,
	state,
	errors,
	disabled,
}: {
	prefix: string
	state: FormState
	errors: FieldErrors
	disabled: boolean
}) {
	const { t } = useI18n()
	const id = `${prefix}-reason`
	return (
		<div className="when-na">
			<label htmlFor={id} className="q-label">
				{t('questionnaire.reason')}
			</label>
			<textarea
				id={id}
				name="reason"
				rows={2}
				maxLength={1000}
				defaultValue={state.reason}
				disabled={disabled}
				className={inputClass}
				{...invalidProps(prefix, 'reason', errors, `${id}-hint`)}
			/>
			<p id={`${id}-hint`} className="q-hint">
				{t('questionnaire.reason.hint')}
			</p>
			<FieldError prefix={prefix} field="reason" errors={errors} />
		</div>
	)
}

function ChoiceFieldset({
	prefix,
	legend,
	choices,
	state,
	errors,
	disabled,
}: {
	prefix: string
	legend: string
	choices: { value: Choice; label: string }[]
	state: FormState
	errors: FieldErrors
	disabled: boolean
}) {
	return (
		<fieldset {...invalidProps(prefix, 'choice', errors)}>
			<legend className="text-sm font-medium text-slate-800">{legend}</legend>
			<div className="mt-2 grid gap-2 sm:grid-cols-2">
				{choices.map((choice) => (
					<Radio
						key={choice.value}
						prefix={prefix}
						name="choice"
						value={choice.value}
						checked={state.choice === choice.value}
						disabled={disabled}
					>
						{choice.label}
					</Radio>
				))}
			</div>
			<FieldError prefix={prefix} field="choice" errors={errors} />
		</fieldset>
	)
}

function FractionControls({ prefix, indicator, state, errors, disabled }: ControlProps) {
	const { t } = useI18n()
	const choices: { value: Choice; label: string }[] = [
		{ value: 'met', label: t('questionnaire.choice.met') },
		{ value: 'partly', label: t('questionnaire.choice.partly') },
		{ value: 'not', label: t('questionnaire.choice.not') },
	]
	if (indicator.excludable) choices.push({ value: 'na', label: t('questionnaire.choice.na') })
	return (
		<>
			<ChoiceFieldset
				prefix={prefix}
				legend={t('questionnaire.answer.legend', { id: indicator.id })}
				choices={choices}
				state={state}
				errors={errors}
				disabled={disabled}
			/>
			<div className="when-partly space-y-3 border-l-4 border-slate-200 pl-4">
				{indicator.sampling ? (
					<fieldset>
						<legend className="text-sm font-medium text-slate-800">
							{t('questionnaire.partlyBy.legend')}
						</legend>
						<div className="mt-2 flex flex-wrap gap-2">
							<Radio
								prefix={prefix}
								name="partlyBy"
								value="share"
								checked={state.partlyBy === 'share'}
								disabled={disabled}
							>
								{t('questionnaire.partlyBy.share')}
							</Radio>
							<Radio
								prefix={prefix}
								name="partlyBy"
								value="samples"
								checked={state.partlyBy === 'samples'}
								disabled={disabled}
							>
								{t('questionnaire.partlyBy.samples')}
							</Radio>
						</div>
					</fieldset>
				) : null}
				<div className="when-share">
					<TextInput
						prefix={prefix}
						name="share"
						label={t('questionnaire.share')}
						hint={t('questionnaire.share.hint')}
						value={state.share}
						errors={errors}
						disabled={disabled}
						inputMode="decimal"
					/>
				</div>
				{indicator.sampling ? (
					<div className="when-samples grid gap-3 sm:grid-cols-3">
						<TextInput
							prefix={prefix}
							name="checked"
							label={t('questionnaire.samples.checked')}
							value={state.checked}
							errors={errors}
							disabled={disabled}
							inputMode="numeric"
						/>
						<TextInput
							prefix={prefix}
							name="nonconforming"
							label={t('questionnaire.samples.nonconforming')}
							value={state.nonconforming}
							errors={errors}
							disabled={disabled}
							inputMode="numeric"
						/>
						<TextInput
							prefix={prefix}
							name="population"
							label={t('questionnaire.samples.population')}
							value={state.population}
							errors={errors}
							disabled={disabled}
							inputMode="numeric"
						/>
						<label
							htmlFor={`${prefix}-allSitesCovered`}
							className="flex items-start gap-2 text-sm sm:col-span-3"
						>
							<input
								id={`${prefix}-allSitesCovered`}
								type="checkbox"
								name="allSitesCovered"
								defaultChecked={state.allSitesCovered}
								disabled={disabled}
								className={boxClass}
							/>
							<span>{t('questionnaire.samples.allSitesCovered')}</span>
						</label>
					</div>
				) : null}
			</div>
			{indicator.excludable ? (
				<ReasonField prefix={prefix} state={state} errors={errors} disabled={disabled} />
			) : null}
		</>
	)
}

function ChecklistControls({ prefix, indicator, state, errors, disabled }: ControlProps) {
	const { t } = useI18n()
	const choices: { value: Choice; label: string }[] = [
		{ value: 'conform', label: t('questionnaire.choice.conform') },
		{ value: 'partial', label: t('questionnaire.choice.partial') },
		{ value: 'notConform', label: t('questionnaire.choice.notConform') },
	]
	if (indicator.excludable) choices.push({ value: 'na', label: t('questionnaire.choice.na') })
	return (
		<>
			<ChoiceFieldset
				prefix={prefix}
				legend={t('questionnaire.answer.legend', { id: indicator.id })}
				choices={choices}
				state={state}
				errors={errors}
				disabled={disabled}
			/>
			{indicator.excludable ? (
				<ReasonField prefix={prefix} state={state} errors={errors} disabled={disabled} />
			) : null}
		</>
	)
}

function ExcludedBox({
	prefix,
	state,
	errors,
	disabled,
}: {
	prefix: string
	state: FormState
	errors: FieldErrors
	disabled: boolean
}) {
	const { t } = useI18n()
	const id = `${prefix}-excluded`
	return (
		<div>
			<label htmlFor={id} className="flex items-start gap-2 text-sm">
				<input
					id={id}
					type="checkbox"
					name="excluded"
					defaultChecked={state.excluded}
					disabled={disabled}
					className={boxClass}
					{...invalidProps(prefix, 'excluded', errors)}
				/>
				<span>{t('questionnaire.excluded')}</span>
			</label>
			<FieldError prefix={prefix} field="excluded" errors={errors} />
		</div>
	)
}

function ChecksControls({ prefix, indicator, state, errors, disabled }: ControlProps) {
	const { t } = useI18n()
	return (
		<>
			<fieldset>
				<legend className="text-sm font-medium text-slate-800">
					{t('questionnaire.checks.legend', { id: indicator.id })}
				</legend>
				<ol className="mt-2 space-y-2">
					{(indicator.subRequirements ?? []).map(({ n, text }, i) => {
						const check = state.checks[i] ?? { met: false, na: false }
						const id = `${prefix}-check-${n}`
						return (
							<li
								key={n}
								className="rounded border border-slate-200 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600"
							>
								<div className="flex flex-wrap items-start gap-x-4 gap-y-1">
									<label htmlFor={id} className="flex flex-1 items-start gap-2">
										<input
											id={id}
											type="checkbox"
											name={`check-${n}`}
											value="met"
											defaultChecked={check.met}
											disabled={disabled}
											className={boxClass}
											{...invalidProps(prefix, `check-${n}`, errors)}
										/>
										<span>
											<span className="sr-only">{t('questionnaire.checks.metPrefix')}</span>
											{n}) {text}
										</span>
									</label>
									{indicator.subRequirementsExcludable ? (
										<label
											htmlFor={`${prefix}-na-${n}`}
											className="flex items-center gap-2 text-slate-700"
										>
											<input
												id={`${prefix}-na-${n}`}
												type="checkbox"
												name={`na-${n}`}
												value="na"
												defaultChecked={check.na}
												disabled={disabled}
												className={boxClass}
												aria-label={t('questionnaire.checks.naLabel', { n })}
											/>
											<span aria-hidden="true">{t('questionnaire.checks.na')}</span>
										</label>
									) : null}
								</div>
								<FieldError prefix={prefix} field={`check-${n}`} errors={errors} />
							</li>
						)
					})}
				</ol>
			</fieldset>
			{indicator.excludable ? (
				<ExcludedBox prefix={prefix} state={state} errors={errors} disabled={disabled} />
			) : null}
			{indicator.excludable || indicator.subRequirementsExcludable ? (
				<ReasonField prefix={prefix} state={state} errors={errors} disabled={disabled} />
			) : null}
		</>
	)
}

type Band = { min: number; max: number; label: string; description: string }

function PercentControls({ prefix, indicator, state, errors, disabled, bands }: ControlProps) {
	const { t } = useI18n()
	return (
		<>
			<TextInput
				prefix={prefix}
				name="percent"
				label={t('questionnaire.percent')}
				hint={t('questionnaire.percent.hint')}
				value={state.percent}
				errors={errors}
				disabled={disabled}
				inputMode="decimal"
			/>
			{bands.length ? (
				<details className="rounded border border-slate-200 bg-white text-sm" open={!state.percent}>
					<summary className="cursor-pointer px-3 py-2 font-medium">
						{t('questionnaire.percent.bands')}
					</summary>
					<dl className="divide-y divide-slate-100 px-3 pb-2">
						{bands.map((band) => (
							<div key={band.label} className="py-2 sm:grid sm:grid-cols-[7rem_1fr] sm:gap-3">
								<dt className="font-medium text-brand-800">{band.label}</dt>
								<dd className="whitespace-pre-line text-slate-700">{band.description}</dd>
							</div>
						))}
					</dl>
				</details>
			) : null}
			{indicator.excludable ? (
				<>
					<ExcludedBox prefix={prefix} state={state} errors={errors} disabled={disabled} />
					<ReasonField prefix={prefix} state={state} errors={errors} disabled={disabled} />
				</>
			) : null}
		</>
	)
}

type ControlProps = {
	prefix: string
	indicator: QuestionIndicator
	state: FormState
	errors: FieldErrors
	disabled: boolean
	bands: Band[]
}

/** The answer controls the scheme's answer mode calls for, filled from `state`. */
export function AnswerControls({ mode, ...props }: ControlProps & { mode: AnswerMode }) {
	if (mode === 'fraction') return <FractionControls {...props} />
	if (mode === 'checklist') return <ChecklistControls {...props} />
	if (mode === 'checks') return <ChecksControls {...props} />
	return <PercentControls {...props} />
}

export function NoteField({
	prefix,
	state,
	errors,
	disabled,
}: {
	prefix: string
	state: FormState
	errors: FieldErrors
	disabled: boolean
}) {
	const { t } = useI18n()
	const id = `${prefix}-note`
	return (
		<div>
			<label htmlFor={id} className="q-label">
				{t('questionnaire.note')}
			</label>
			<textarea
				id={id}
				name="note"
				rows={2}
				maxLength={5000}
				defaultValue={state.note}
				disabled={disabled}
				className={inputClass}
				{...invalidProps(prefix, 'note', errors, `${id}-hint`)}
			/>
			<p id={`${id}-hint`} className="q-hint">
				{t('questionnaire.note.hint')}
			</p>
			<FieldError prefix={prefix} field="note" errors={errors} />
		</div>
	)
}
