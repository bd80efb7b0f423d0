import { useId } from 'react'
import { Form, Link } from 'react-router'
import { buttonClass } from '#app/components/form-fields.tsx'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import type { IndicatorState } from './indicator-card.tsx'

export type OutlineItem = { id: string; code?: string; title: string; state: IndicatorState }

export type Focus = {
	id: string
	position: number
	previous: string | null
	next: string | null
	nextOpen: string | null
}

const LINK = 'text-brand-700 underline-offset-2 hover:underline'

/**
 * Moving through a section one indicator at a time: where this one stands ("3 of 45"), the
 * previous and next, the next still to answer, and a list to jump to any of them with its state.
 * The jump list is a GET form with a button (choosing alone does not move, so arrowing through the
 * list with the keyboard does not leave the page), and works without JavaScript.
 */
export function IndicatorPager({
	outline,
	focus,
	action,
	href,
	placement,
}: {
	outline: OutlineItem[]
	focus: Focus
	/** the section's address: the jump form's target */
	action: string
	href: (id: string) => string
	/** above the indicator (with the jump list) or below it */
	placement: 'top' | 'bottom'
}) {
	const { t } = useI18n()
	const id = useId()
	const position = t('questionnaire.position', {
		position: focus.position,
		count: outline.length,
	})
	const open = outline.some((entry) => entry.state !== 'answered')
	const links = (
		<span className="flex flex-wrap gap-x-4 gap-y-1">
			{focus.previous ? (
				<Link to={href(focus.previous)} className={LINK} rel="prev">
					← {t('questionnaire.previousIndicator', { id: focus.previous })}
				</Link>
			) : null}
			{focus.next ? (
				<Link to={href(focus.next)} className={LINK} rel="next">
					{t('questionnaire.nextIndicator', { id: focus.next })} →
				</Link>
			) : null}
			{focus.nextOpen && focus.nextOpen !== focus.next ? (
				<Link to={href(focus.nextOpen)} className={LINK}>
					{t('questionnaire.nextOpen', { id: focus.nextOpen })} →
				</Link>
			) : null}
		</span>
	)
	if (placement === 'bottom')
		return (
			<div className="flex flex-wrap items-center justify-between gap-3 text-sm">
				<span className="text-slate-700">{open ? position : t('questionnaire.sectionDone')}</span>
				{links}
			</div>
		)
	return (
		<nav
			aria-label={t('questionnaire.pager')}
			className="flex flex-wrap items-center justify-between gap-3 text-sm"
		>
			<Form method="get" action={action} className="flex flex-wrap items-center gap-2">
				<label htmlFor={`${id}-jump`} className="text-slate-700">
					{t('questionnaire.jump.label')}
				</label>
				<select
					id={`${id}-jump`}
					name="indicator"
					// a new default when the page moves to another indicator
					key={focus.id}
					defaultValue={focus.id}
					className="max-w-[20rem] rounded border border-slate-300 bg-white px-2 py-1.5 text-base sm:text-sm"
				>
					{outline.map((entry) => {
						const label = `${entry.id}${entry.code ? ` ${entry.code}` : ''} ${entry.title}`
						return (
							<option key={entry.id} value={entry.id}>
								{entry.state === 'answered'
									? label
									: t(`questionnaire.jump.${entry.state}`, { label })}
							</option>
						)
					})}
				</select>
				<button type="submit" className={buttonClass('secondary')}>
					{t('questionnaire.jump.go')}
				</button>
				<span className="text-slate-700">{position}</span>
			</Form>
			{links}
		</nav>
	)
}
