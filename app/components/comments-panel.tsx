import { useId } from 'react'
import { useFetcher, useLocation } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { COMMENT_MAX_LENGTH, commentsPath } from '#app/utils/collaboration.ts'
import { useCompletion, type PanelErrors } from './evidence-panel.tsx'
import { buttonClass } from './form-fields.tsx'

export type CommentItem = {
	id: string
	body: string
	createdAt: Date
	author: { name: string } | null
}

/**
 * The discussion on one indicator, oldest first, and a form to add to it. Viewers read only, and
 * nobody adds to a submitted assessment.
 */
export function CommentsPanel({
	workspaceId,
	assessmentId,
	indicatorId,
	comments,
	canComment,
	redirectTo,
	errors,
	values,
	heading,
	headingLevel = 3,
}: {
	workspaceId: string
	assessmentId: string
	indicatorId: string
	comments: CommentItem[]
	/** assessors and above while the assessment is open */
	canComment: boolean
	redirectTo?: string
	/** errors and the text of a submission without JavaScript (from the comments page) */
	errors?: PanelErrors
	values?: Record<string, string>
	/** the heading's text; the panel's name by default */
	heading?: string
	headingLevel?: 2 | 3 | 4
}) {
	const { t, date } = useI18n()
	const location = useLocation()
	const back = redirectTo ?? `${location.pathname}${location.search}`
	const fetcher = useFetcher<{ errors?: PanelErrors; values?: Record<string, string> } | undefined>(
		{
			key: `comment-${assessmentId}-${indicatorId}`,
		},
	)
	const id = useId()
	const Heading = `h${headingLevel}` as const
	const shownErrors = fetcher.data?.errors ?? errors
	const bodyErrors = [
		...(shownErrors?.body ?? []),
		...(shownErrors?.indicatorId ?? []),
		...(shownErrors?.[''] ?? []),
	]
	const status = useCompletion(fetcher.state, Boolean(fetcher.data?.errors))

	return (
		<section aria-labelledby={`${id}-heading`} className="space-y-3">
			<Heading id={`${id}-heading`} className="text-sm font-semibold text-slate-800">
				{heading ?? t('collab.comments.title')}
			</Heading>
			{comments.length === 0 ? (
				<p className="text-sm text-slate-600">{t('collab.comments.empty')}</p>
			) : (
				<ol className="space-y-2">
					{comments.map((comment) => (
						<li
							key={comment.id}
							className="rounded border border-slate-200 bg-white px-3 py-2 text-sm"
						>
							<p className="text-xs text-slate-600">
								{t('collab.comments.by', {
									name: comment.author?.name ?? t('collab.formerMember'),
									time: date(comment.createdAt, true),
								})}
							</p>
							<p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{comment.body}</p>
						</li>
					))}
				</ol>
			)}
			{canComment ? (
				<fetcher.Form
					// a new form after each comment clears the text area
					key={comments.length}
					method="post"
					action={commentsPath(workspaceId, assessmentId, {
						indicator: indicatorId,
						redirectTo: back,
					})}
					preventScrollReset
					className="space-y-2"
				>
					<input type="hidden" name="indicatorId" value={indicatorId} />
					<input type="hidden" name="redirectTo" value={back} />
					<label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-800">
						{t('collab.comments.body')}
					</label>
					<textarea
						id={`${id}-body`}
						name="body"
						rows={2}
						required
						maxLength={COMMENT_MAX_LENGTH}
						defaultValue={fetcher.data?.values?.body ?? values?.body}
						aria-invalid={bodyErrors.length > 0 || undefined}
						aria-describedby={[`${id}-hint`, bodyErrors.length > 0 && `${id}-error`]
							.filter(Boolean)
							.join(' ')}
						className="block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 sm:text-sm"
					/>
					<p id={`${id}-hint`} className="text-xs text-slate-600">
						{t('collab.comments.hint', { max: COMMENT_MAX_LENGTH })}
					</p>
					{bodyErrors.length > 0 ? (
						<ul id={`${id}-error`} role="alert" className="text-sm text-red-700">
							{bodyErrors.map((message) => (
								<li key={message}>{message}</li>
							))}
						</ul>
					) : null}
					<button
						type="submit"
						className={buttonClass('secondary')}
						disabled={fetcher.state !== 'idle'}
					>
						{fetcher.state === 'idle' ? t('collab.comments.submit') : t('collab.comments.sending')}
					</button>
					<p role="status" className="sr-only">
						{status === 'done' ? t('collab.comments.added') : ''}
					</p>
				</fetcher.Form>
			) : null}
		</section>
	)
}
