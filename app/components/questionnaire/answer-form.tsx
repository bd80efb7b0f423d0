import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { Form, useBlocker, useRevalidator } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { buttonClass } from '#app/components/form-fields.tsx'
import { AnswerControls, NoteField, type FieldErrors } from './answer-controls.tsx'
import {
	formStateFromValues,
	formStateOf,
	summariseVersion,
	type AnswerMode,
	type AnswerValue,
	type FormState,
	type QuestionIndicator,
} from './answer-model.ts'
import { ConflictPanel, DiscardedPanel, type Conflict, type Discarded } from './conflict-panel.tsx'

export const AUTOSAVE_DELAY_MS = 800

/** A post's result as the server sends it (see answer-post.server.ts). */
export type PostResult =
	| {
			kind: 'saved'
			indicatorId: string
			version: number
			ratingVersion: number
			at: string | null
			value: AnswerValue
			note: string
	  }
	| {
			kind: 'invalid'
			indicatorId: string | null
			errors: Record<string, string[]>
			values: Record<string, string>
	  }
	| ({ kind: 'conflict'; indicatorId: string; values: Record<string, string> } & Conflict)
	| { kind: 'locked'; indicatorId: string; message: string }

type Status = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed' | 'invalid' | 'conflict' | 'locked'
const PROBLEMS: readonly Status[] = ['failed', 'invalid', 'conflict', 'locked']

export type StoredState = {
	value: AnswerValue
	note: string
	status: 'answered' | 'to_review'
	version: number
	percent: string | null
	ratingVersion: number
}

type Props = {
	mode: AnswerMode
	indicator: QuestionIndicator
	stored: StoredState
	bands: { min: number; max: number; label: string; description: string }[]
	canEdit: boolean
	/** the page URL a plain (no-JavaScript) post goes to */
	action: string
	/** the endpoint autosave posts to; it answers JSON */
	autosaveUrl: string
	/** what a plain post of this indicator's form returned, to show again */
	postResult: PostResult | null
	savedNotice: boolean
}

const pendingForms = new Set<string>()

function warnBeforeLeaving(event: BeforeUnloadEvent) {
	if (pendingForms.size === 0) return
	event.preventDefault()
	// some browsers still want a value here to show their own prompt
	event.returnValue = ''
}

/**
 * One indicator's form. Without JavaScript it is a plain post with a save button. With it, every
 * change saves itself after a pause, one request at a time, carrying the version it started from;
 * the state is always visible (saved / saving / failed with retry), and a newer version on the
 * server stops the save and shows both versions until the person chooses.
 */
export function AnswerForm({
	mode,
	indicator,
	stored,
	bands,
	canEdit,
	action,
	autosaveUrl,
	postResult,
	savedNotice,
}: Props) {
	const { t, date } = useI18n()
	const revalidator = useRevalidator()
	const prefix = `q-${indicator.id.replaceAll('.', '-')}`
	const formRef = useRef<HTMLFormElement>(null)
	const initialConflict =
		postResult?.kind === 'conflict' ? { theirs: postResult.theirs, mine: postResult.mine } : null

	const [defaults, setDefaults] = useState<FormState>(() =>
		postResult && 'values' in postResult
			? formStateFromValues(postResult.values, indicator)
			: formStateOf(mode, indicator, stored.value, stored.note, stored.percent),
	)
	const [formKey, setFormKey] = useState(0)
	// the versions the next save starts from: after a conflict without JavaScript, theirs (saving
	// again keeps mine); after refused input, still the one the person started from
	const versions = useRef(
		initialConflict
			? {
					version: initialConflict.theirs.version,
					ratingVersion: initialConflict.theirs.ratingVersion,
				}
			: postResult?.kind === 'invalid'
				? {
						version: Number(postResult.values.version ?? stored.version) || 0,
						ratingVersion: Number(postResult.values.ratingVersion ?? stored.ratingVersion) || 0,
					}
				: { version: stored.version, ratingVersion: stored.ratingVersion },
	)
	const [shownVersions, setShownVersions] = useState(versions.current)
	const [status, setStatus] = useState<Status>(() =>
		postResult?.kind === 'invalid'
			? 'invalid'
			: postResult?.kind === 'conflict'
				? 'conflict'
				: postResult?.kind === 'locked'
					? 'locked'
					: savedNotice
						? 'saved'
						: 'idle',
	)
	const statusRef = useRef(status)
	statusRef.current = status
	const [savedAt, setSavedAt] = useState<Date | null>(null)
	const [errors, setErrors] = useState<FieldErrors>(
		postResult?.kind === 'invalid' ? postResult.errors : {},
	)
	const [failure, setFailure] = useState<string | null>(null)
	const [conflict, setConflictState] = useState<Conflict | null>(initialConflict)
	const [discarded, setDiscarded] = useState<Discarded | null>(null)
	const [hydrated, setHydrated] = useState(false)

	const conflictRef = useRef<Conflict | null>(initialConflict)
	const edits = useRef(0)
	const sentEdits = useRef(0)
	const inFlight = useRef(false)
	const again = useRef(false)
	const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

	const setConflict = (next: Conflict | null) => {
		conflictRef.current = next
		setConflictState(next)
	}
	const setVersions = (next: { version: number; ratingVersion: number }) => {
		versions.current = next
		setShownVersions(next)
	}

	useEffect(() => setHydrated(true), [])

	useEffect(() => {
		const unsaved = status !== 'idle' && status !== 'saved'
		if (unsaved) pendingForms.add(indicator.id)
		else pendingForms.delete(indicator.id)
		// the same listener each time, so adding it again is a no-op; it asks only while something is unsaved
		window.addEventListener('beforeunload', warnBeforeLeaving)
	}, [status, indicator.id])
	useEffect(
		() => () => {
			clearTimeout(timer.current)
			pendingForms.delete(indicator.id)
		},
		[indicator.id],
	)

	// Someone else's save arrived with a revalidation: take it over while nothing here is unsaved.
	useEffect(() => {
		const current = versions.current
		if (stored.version === current.version && stored.ratingVersion === current.ratingVersion) return
		// anything not yet saved here (typing, a failed or refused save, a conflict) is never replaced
		if (inFlight.current || edits.current !== sentEdits.current || conflictRef.current) return
		if (statusRef.current !== 'idle' && statusRef.current !== 'saved') return
		setVersions({ version: stored.version, ratingVersion: stored.ratingVersion })
		setDefaults(formStateOf(mode, indicator, stored.value, stored.note, stored.percent))
		setFormKey((key) => key + 1)
		// only a newer stored version matters here, not every new loader object
	}, [stored.version, stored.ratingVersion])

	const save = useCallback(
		async (submitter?: HTMLElement | null) => {
			clearTimeout(timer.current)
			const form = formRef.current
			if (!form || conflictRef.current) return
			if (inFlight.current) {
				again.current = true
				return
			}
			inFlight.current = true
			sentEdits.current = edits.current
			setStatus('saving')
			setFailure(null)
			const body = new FormData(form, submitter ?? undefined)
			body.set('version', String(versions.current.version))
			if (mode === 'percent') body.set('ratingVersion', String(versions.current.ratingVersion))
			body.set('_autosave', '1')
			const clearing = body.get('intent') === 'clear'
			let result: PostResult | null = null
			let problem: string | null = null
			try {
				const response = await fetch(autosaveUrl, {
					method: 'POST',
					body,
					headers: { Accept: 'application/json' },
					credentials: 'same-origin',
				})
				if (response.status === 401) problem = t('questionnaire.failed.signedOut')
				else if (response.status === 200 || response.status === 400 || response.status === 409)
					result = await response.json()
				else problem = t('questionnaire.failed.server', { status: response.status })
			} catch {
				problem = t('questionnaire.failed.network')
			}
			inFlight.current = false
			if (!result || problem) {
				setFailure(problem ?? t('questionnaire.failed.network'))
				setStatus('failed')
				return
			}
			if (result.kind === 'saved') {
				setVersions({ version: result.version, ratingVersion: result.ratingVersion })
				setErrors({})
				if (clearing) {
					setDefaults(formStateOf(mode, indicator, null, result.note, null))
					setFormKey((key) => key + 1)
				}
				if (edits.current !== sentEdits.current || again.current) {
					again.current = false
					setStatus('dirty')
					timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
				} else {
					setStatus('saved')
					setSavedAt(new Date())
				}
				void revalidator.revalidate()
				return
			}
			again.current = false
			if (result.kind === 'invalid') {
				setErrors(result.errors)
				setStatus('invalid')
			} else if (result.kind === 'conflict') {
				setConflict({ theirs: result.theirs, mine: result.mine })
				setStatus('conflict')
			} else {
				setStatus('locked')
			}
		},
		[autosaveUrl, indicator, mode, revalidator, t],
	)

	// Going to another indicator or page inside the app while something here is unsaved: an edit
	// waiting for its autosave is saved at once and the move waits for it; a save that failed, was
	// refused or conflicts asks first, so nothing typed is lost without the person choosing it.
	const blocker = useBlocker(
		({ currentLocation, nextLocation }) =>
			statusRef.current !== 'idle' &&
			statusRef.current !== 'saved' &&
			statusRef.current !== 'locked' &&
			(currentLocation.pathname !== nextLocation.pathname ||
				currentLocation.search !== nextLocation.search),
	)
	useEffect(() => {
		if (blocker.state !== 'blocked') return
		if (status === 'dirty') void save()
		else if (status === 'saving') return
		else if (status === 'idle' || status === 'saved' || status === 'locked') blocker.proceed()
		else if (window.confirm(t('questionnaire.leaveUnsaved'))) blocker.proceed()
		else blocker.reset()
	}, [blocker, status, save, t])

	const onChange = () => {
		edits.current++
		if (conflictRef.current) return
		setStatus('dirty')
		clearTimeout(timer.current)
		timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
	}

	const onSubmit = (event: FormEvent<HTMLFormElement>) => {
		event.preventDefault()
		const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null
		void save(submitter)
	}

	const keepMine = () => {
		const current = conflictRef.current
		if (!current) return
		setDiscarded({
			kind: 'theirs',
			by: current.theirs.by,
			byMe: current.theirs.byMe,
			lines: summariseVersion(t, mode, current.theirs),
		})
		setVersions({ version: current.theirs.version, ratingVersion: current.theirs.ratingVersion })
		setConflict(null)
		void save()
	}

	const useTheirs = () => {
		const current = conflictRef.current
		if (!current) return
		setDiscarded({
			kind: 'mine',
			by: null,
			byMe: true,
			lines: summariseVersion(t, mode, current.mine),
		})
		setVersions({ version: current.theirs.version, ratingVersion: current.theirs.ratingVersion })
		setDefaults(
			formStateOf(
				mode,
				indicator,
				current.theirs.value,
				current.theirs.note,
				current.theirs.percent,
			),
		)
		setFormKey((key) => key + 1)
		setConflict(null)
		setErrors({})
		sentEdits.current = edits.current
		setStatus('saved')
		setSavedAt(null)
		void revalidator.revalidate()
	}

	const announce =
		status === 'idle'
			? ''
			: status === 'saved' && savedAt
				? t('questionnaire.state.savedAt', { time: date(savedAt, true) })
				: t(`questionnaire.state.${status}`)
	const tone =
		status === 'saved'
			? 'text-emerald-800'
			: PROBLEMS.includes(status)
				? 'text-red-700'
				: 'text-slate-600'
	const formErrors = errors['']

	return (
		<div className="space-y-3">
			{conflict ? (
				<ConflictPanel
					mode={mode}
					conflict={conflict}
					hydrated={hydrated}
					onKeepMine={keepMine}
					onUseTheirs={useTheirs}
					reloadHref={`${action.split('#')[0]}#indicator-${indicator.id}`}
				/>
			) : null}
			{discarded ? (
				<DiscardedPanel discarded={discarded} onDismiss={() => setDiscarded(null)} />
			) : null}
			<Form
				key={formKey}
				ref={formRef}
				method="post"
				action={action}
				className="answer-form space-y-4"
				onChange={canEdit ? onChange : undefined}
				onSubmit={onSubmit}
				aria-labelledby={`indicator-${indicator.id}-title`}
			>
				<input type="hidden" name="indicatorId" value={indicator.id} />
				<input type="hidden" name="version" value={shownVersions.version} />
				{mode === 'percent' ? (
					<input type="hidden" name="ratingVersion" value={shownVersions.ratingVersion} />
				) : null}
				{formErrors?.length ? (
					<ul className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
						{formErrors.map((message) => (
							<li key={message}>{message}</li>
						))}
					</ul>
				) : null}
				<fieldset disabled={!canEdit} className="space-y-4">
					<AnswerControls
						mode={mode}
						prefix={prefix}
						indicator={indicator}
						state={defaults}
						errors={errors}
						disabled={!canEdit}
						bands={bands}
					/>
					<NoteField prefix={prefix} state={defaults} errors={errors} disabled={!canEdit} />
				</fieldset>
				{canEdit ? (
					<div className="flex flex-wrap items-center gap-3">
						<button type="submit" name="intent" value="save" className={buttonClass()}>
							{stored.status === 'to_review' ? t('questionnaire.confirm') : t('questionnaire.save')}
						</button>
						<button type="submit" name="intent" value="clear" className={buttonClass('secondary')}>
							{t('questionnaire.clear')}
						</button>
						<p role="status" className={`text-sm ${tone}`} data-save-state={status}>
							{announce}
						</p>
						{status === 'failed' ? (
							<button type="button" onClick={() => void save()} className={buttonClass('danger')}>
								{t('questionnaire.retry')}
							</button>
						) : null}
					</div>
				) : null}
				{failure ? (
					<p className="text-sm text-red-700" role="alert">
						{failure}
					</p>
				) : null}
			</Form>
		</div>
	)
}
