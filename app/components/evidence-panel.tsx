import { useEffect, useId, useRef, useState } from 'react'
import { useFetcher, useLocation } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { evidenceDownloadPath, evidencePath } from '#app/utils/collaboration.ts'
import { EVIDENCE_ACCEPT } from '#app/utils/evidence-formats.ts'
import { formatFileSize } from '#app/utils/file-size.ts'
import { buttonClass } from './form-fields.tsx'

export type EvidenceItem = {
	id: string
	name: string
	size: number
	createdAt: Date
	uploader: { name: string } | null
	canRemove: boolean
}

export type PanelErrors = Record<string, string[] | undefined>

type ActionResult = { errors?: PanelErrors } | undefined

/**
 * An indicator's evidence: the files with uploader and time, an upload form (camera photos on
 * phones) and a remove button where allowed. Plain forms posting to the evidence resource route,
 * so it works without JavaScript; with it, the page stays where it is and errors show in place.
 */
export function EvidencePanel({
	workspaceId,
	assessmentId,
	indicatorId,
	items,
	canUpload,
	maxBytes,
	redirectTo,
	errors,
	heading,
	headingLevel = 3,
}: {
	workspaceId: string
	assessmentId: string
	indicatorId: string
	items: EvidenceItem[]
	/** assessors and above while the assessment is open */
	canUpload: boolean
	maxBytes: number
	/** where to come back to after a change; the current page by default */
	redirectTo?: string
	/** errors of a submission without JavaScript (the evidence page passes its action data) */
	errors?: PanelErrors
	/** the heading's text; the panel's name by default */
	heading?: string
	headingLevel?: 2 | 3 | 4
}) {
	const { t, date, locale } = useI18n()
	const location = useLocation()
	const back = redirectTo ?? `${location.pathname}${location.search}`
	const upload = useFetcher<ActionResult>({ key: `evidence-upload-${assessmentId}-${indicatorId}` })
	const id = useId()
	const Heading = `h${headingLevel}` as const
	const shownErrors = upload.data?.errors ?? errors
	const fileErrors = [
		...(shownErrors?.file ?? []),
		...(shownErrors?.indicatorId ?? []),
		...(shownErrors?.[''] ?? []),
	]
	const status = useCompletion(upload.state, Boolean(upload.data?.errors))
	const action = evidencePath(workspaceId, assessmentId, {
		indicator: indicatorId,
		redirectTo: back,
	})

	return (
		<section aria-labelledby={`${id}-heading`} className="space-y-3">
			<Heading id={`${id}-heading`} className="text-sm font-semibold text-slate-800">
				{heading ?? t('collab.evidence.title')}
			</Heading>
			{items.length === 0 ? (
				<p className="text-sm text-slate-600">{t('collab.evidence.empty')}</p>
			) : (
				<ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
					{items.map((item) => (
						<EvidenceRow
							key={item.id}
							item={item}
							href={evidenceDownloadPath(workspaceId, assessmentId, item.id)}
							action={action}
							redirectTo={back}
							canRemove={canUpload && item.canRemove}
							meta={t('collab.evidence.meta', {
								size: formatFileSize(item.size, locale),
								uploader: item.uploader?.name ?? t('collab.formerMember'),
								time: date(item.createdAt, true),
							})}
						/>
					))}
				</ul>
			)}
			{canUpload ? (
				<upload.Form
					// a new form after each upload clears the file input (the newest file is listed last)
					key={items.at(-1)?.id ?? 'none'}
					method="post"
					encType="multipart/form-data"
					action={action}
					preventScrollReset
					className="space-y-2"
				>
					<input type="hidden" name="intent" value="upload" />
					<input type="hidden" name="indicatorId" value={indicatorId} />
					<input type="hidden" name="redirectTo" value={back} />
					<label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
						{t('collab.evidence.file')}
					</label>
					<div className="flex flex-col gap-2 sm:flex-row sm:items-center">
						<input
							id={`${id}-file`}
							type="file"
							name="file"
							// image/* lets a phone offer its camera; capture is not forced, so its gallery works too
							accept={EVIDENCE_ACCEPT}
							required
							aria-invalid={fileErrors.length > 0 || undefined}
							aria-describedby={[`${id}-hint`, fileErrors.length > 0 && `${id}-error`]
								.filter(Boolean)
								.join(' ')}
							className="block w-full text-sm text-slate-800 file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-100"
						/>
						<button
							type="submit"
							className={buttonClass('secondary')}
							disabled={upload.state !== 'idle'}
						>
							{upload.state === 'idle'
								? t('collab.evidence.upload')
								: t('collab.evidence.uploading')}
						</button>
					</div>
					<p id={`${id}-hint`} className="text-xs text-slate-600">
						{t('collab.evidence.hint', { max: formatFileSize(maxBytes, locale) })}
					</p>
					{fileErrors.length > 0 ? (
						<ul id={`${id}-error`} role="alert" className="text-sm text-red-700">
							{fileErrors.map((message) => (
								<li key={message}>{message}</li>
							))}
						</ul>
					) : null}
					<p role="status" className="sr-only">
						{status === 'done' ? t('collab.evidence.uploaded') : ''}
					</p>
				</upload.Form>
			) : null}
		</section>
	)
}

function EvidenceRow({
	item,
	href,
	action,
	redirectTo,
	canRemove,
	meta,
}: {
	item: EvidenceItem
	href: string
	action: string
	redirectTo: string
	canRemove: boolean
	meta: string
}) {
	const { t } = useI18n()
	const remove = useFetcher<ActionResult>()
	const errors = remove.data?.errors
		? Object.values(remove.data.errors).flatMap((list) => list ?? [])
		: []
	return (
		<li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm">
			<div className="min-w-0 flex-1">
				{/* a plain link: the download is an attachment, not a page of the app */}
				<a
					href={href}
					className="break-all font-medium text-brand-700 underline-offset-2 hover:underline"
				>
					{item.name}
				</a>
				<p className="text-xs text-slate-600">{meta}</p>
				{errors.length > 0 ? (
					<p role="alert" className="text-sm text-red-700">
						{errors.join(' ')}
					</p>
				) : null}
			</div>
			{canRemove ? (
				<remove.Form method="post" action={action} preventScrollReset>
					<input type="hidden" name="intent" value="remove" />
					<input type="hidden" name="evidenceId" value={item.id} />
					<input type="hidden" name="redirectTo" value={redirectTo} />
					<button
						type="submit"
						aria-label={t('collab.evidence.removeLabel', { name: item.name })}
						disabled={remove.state !== 'idle'}
						className={buttonClass('danger')}
					>
						{remove.state === 'idle' ? t('collab.evidence.remove') : t('collab.evidence.removing')}
					</button>
				</remove.Form>
			) : null}
		</li>
	)
}

/** "done" once a submission has come back without errors, until the next one starts. */
export function useCompletion(
	state: 'idle' | 'loading' | 'submitting',
	failed: boolean,
): 'idle' | 'busy' | 'done' {
	const [status, setStatus] = useState<'idle' | 'busy' | 'done'>('idle')
	const previous = useRef(state)
	useEffect(() => {
		if (state !== 'idle') setStatus('busy')
		else if (previous.current !== 'idle') setStatus(failed ? 'idle' : 'done')
		previous.current = state
	}, [state, failed])
	return status
}
