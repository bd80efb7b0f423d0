import { Panel } from '#app/components/assessment-fields.tsx'
import type { SectionBreakdown } from '#app/domain/results/view.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'

const ROW =
	'grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,16rem)_1fr_4rem_8rem_4rem]'

/**
 * The sections as horizontal bars: each bar is the share of its involved points earned, drawn
 * in CSS and hidden from screen readers, which read the same numbers as text beside it. On a
 * phone each section stacks: name and share, the bar, then the points.
 */
export function SectionChart({ sections }: { sections: SectionBreakdown[] }) {
	const { t, locale } = useI18n()
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	const n = (value: number) => format.format(value)
	return (
		<Panel title={t('results.sections.title')} id="sections">
			<div aria-hidden="true" className={`${ROW} hidden text-sm text-slate-600 sm:grid`}>
				<span>{t('assessment.detail.section')}</span>
				<span>{t('results.sections.rate')}</span>
				<span />
				<span className="text-right">{t('results.sections.earned')}</span>
				<span className="text-right">{t('results.sections.lost')}</span>
			</div>
			<ul aria-label={t('results.sections.caption')} className="divide-y divide-slate-100">
				{sections.map((section) => (
					<li key={section.id} className={`${ROW} py-2 text-sm sm:items-center`}>
						<span className="font-medium">
							{section.id} {locale === 'en' ? section.titleEn : section.title}
						</span>
						<span className="text-right font-medium tabular-nums sm:order-3">
							<span className="sr-only">{t('results.sections.rate')} </span>
							{section.rate === null ? t('results.sections.excluded') : `${n(section.rate)}%`}
						</span>
						<div
							aria-hidden="true"
							className="col-span-2 h-3 overflow-hidden rounded-sm bg-slate-200 sm:order-2 sm:col-span-1 sm:h-4"
						>
							<div
								className={`h-full ${barColour(section.rate)}`}
								style={{ width: `${Math.min(100, section.rate ?? 0)}%` }}
							/>
						</div>
						<span className="tabular-nums text-slate-700 sm:order-4 sm:text-right">
							<span className="sm:sr-only">{t('results.sections.earned')} </span>
							{t('results.sections.earnedValue', {
								earned: n(section.earned),
								involved: n(section.involved),
							})}
							{section.involved !== section.full ? (
								<span className="ml-1 text-xs text-slate-600 sm:ml-0 sm:block">
									{t('results.sections.ofFull', { full: n(section.full) })}
								</span>
							) : null}
						</span>
						<span className="text-right tabular-nums text-slate-700 sm:order-5">
							<span className="sm:sr-only">{t('results.sections.lost')} </span>
							{n(section.lost)}
						</span>
					</li>
				))}
			</ul>
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
