import { Panel } from '#app/components/assessment-fields.tsx'
import type { SectionBreakdown } from '#app/domain/results/view.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'

/**
 * The sections as horizontal bars: each bar is the share of its involved points earned, drawn
 * in CSS and hidden from screen readers, which read the same numbers as text in the table.
 */
export function SectionChart({ sections }: { sections: SectionBreakdown[] }) {
	const { t, locale } = useI18n()
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	const n = (value: number) => format.format(value)
	return (
		<Panel title={t('results.sections.title')} id="sections">
			<div className="overflow-x-auto">
				<table className="w-full min-w-[36rem] text-left text-sm">
					<caption className="sr-only">{t('results.sections.caption')}</caption>
					<thead className="text-slate-600">
						<tr>
							<th scope="col" className="py-2 pr-4 font-medium">
								{t('assessment.detail.section')}
							</th>
							<th scope="col" className="w-2/5 py-2 pr-4 font-medium">
								{t('results.sections.rate')}
							</th>
							<th scope="col" className="py-2 pr-4 text-right font-medium">
								{t('results.sections.earned')}
							</th>
							<th scope="col" className="py-2 text-right font-medium">
								{t('results.sections.lost')}
							</th>
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-100">
						{sections.map((section) => (
							<tr key={section.id}>
								<th scope="row" className="py-2 pr-4 font-medium">
									{section.id} {locale === 'en' ? section.titleEn : section.title}
								</th>
								<td className="py-2 pr-4">
									<div className="flex items-center gap-2">
										<div
											aria-hidden="true"
											className="h-4 flex-1 overflow-hidden rounded-sm bg-slate-200"
										>
											<div
												className={`h-full ${barColour(section.rate)}`}
												style={{ width: `${Math.min(100, section.rate ?? 0)}%` }}
											/>
										</div>
										<span className="w-16 shrink-0 text-right tabular-nums">
											{section.rate === null
												? t('results.sections.excluded')
												: `${n(section.rate)}%`}
										</span>
									</div>
								</td>
								<td className="py-2 pr-4 text-right tabular-nums">
									{t('results.sections.earnedValue', {
										earned: n(section.earned),
										involved: n(section.involved),
									})}
									{section.involved !== section.full ? (
										<span className="block text-xs text-slate-600">
											{t('results.sections.ofFull', { full: n(section.full) })}
										</span>
									) : null}
								</td>
								<td className="py-2 text-right tabular-nums">{n(section.lost)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</Panel>
	)
}

/** Colour only repeats what the percentage says: greener as more of the section is earned. */
function barColour(rate: number | null): string {
	if (rate === null) return 'bg-slate-300'
	if (rate >= 90) return 'bg-emerald-600'
	if (rate >= 70) return 'bg-brand-600'
	return 'bg-amber-500'
}
