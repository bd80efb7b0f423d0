import { Fragment } from 'react'
import { Link } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { summariseValue, type AnswerMode, type AnswerValue } from './answer-model.ts'
import { StateBadge, type IndicatorState } from './indicator-card.tsx'
import { sectionTitle } from './section-nav.tsx'

export type ListRow = {
	id: string
	code?: string
	title: string
	titleEn: string
	points: number
	state: IndicatorState
	value: AnswerValue
	percent: string | null
	/** the clause heading it sits under: a heading row is printed where the group changes */
	groupId: string | null
}

export type ListGroup = { id: string; title: string; titleEn: string }

/**
 * The compact view: one row per indicator with its answer in words, under its clause heading;
 * each opens on its own.
 */
export function IndicatorList({
	mode,
	caption,
	rows,
	groups,
	href,
}: {
	mode: AnswerMode
	caption: string
	rows: ListRow[]
	groups: ListGroup[]
	href: (id: string) => string
}) {
	const { t, locale, number } = useI18n()
	const groupById = new Map(groups.map((group) => [group.id, group]))
	return (
		<div className="overflow-x-auto rounded border border-slate-200 bg-white">
			<table className="w-full min-w-[40rem] text-left text-sm">
				<caption className="sr-only">{caption}</caption>
				<thead className="bg-slate-50 text-slate-600">
					<tr>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('questionnaire.list.clause')}
						</th>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('questionnaire.list.indicator')}
						</th>
						<th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
							{t('questionnaire.list.points')}
						</th>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('questionnaire.list.answer')}
						</th>
						<th scope="col" className="px-3 py-2 font-medium">
							{t('questionnaire.list.state')}
						</th>
					</tr>
				</thead>
				<tbody className="divide-y divide-slate-200">
					{rows.map((row, i) => {
						const group =
							row.groupId !== null && row.groupId !== rows[i - 1]?.groupId
								? groupById.get(row.groupId)
								: undefined
						const excluded = row.value?.na === true
						const answer =
							mode === 'percent' && !excluded
								? row.percent
									? t('questionnaire.summary.percent', { percent: row.percent })
									: t('questionnaire.summary.noRating')
								: summariseValue(t, mode, row.value)
						return (
							<Fragment key={row.id}>
								{group ? (
									<tr className="bg-slate-50">
										<th
											scope="colgroup"
											colSpan={5}
											className="px-3 py-1.5 text-left font-semibold text-slate-800"
										>
											<span className="mr-2 font-mono">{group.id}</span>
											{sectionTitle(locale, group)}
										</th>
									</tr>
								) : null}
								<tr>
									<th scope="row" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
										<Link
											to={href(row.id)}
											className="text-brand-700 underline-offset-2 hover:underline"
											aria-label={t('questionnaire.list.open', { id: row.id })}
										>
											{row.id}
										</Link>
									</th>
									<td className="px-3 py-2">
										{row.code ? <span className="mr-1 text-slate-600">{row.code}</span> : null}
										{row.title}
										{locale === 'en' ? (
											<span className="block text-xs text-slate-600">{row.titleEn}</span>
										) : null}
									</td>
									<td className="px-3 py-2 text-right">{number(row.points)}</td>
									<td className="px-3 py-2 text-slate-800">{answer}</td>
									<td className="px-3 py-2">
										<StateBadge state={row.state} />
									</td>
								</tr>
							</Fragment>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}
