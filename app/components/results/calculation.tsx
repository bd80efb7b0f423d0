import { Panel } from '#app/components/assessment-fields.tsx'
import type { Calculation } from '#app/domain/results/view.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'

/**
 * The arithmetic from the points to the level, one step per line with its numbers, so a
 * consultant can redo it by hand: exclusions, normalisation, special items, rounding, bands.
 */
export function CalculationPanel({ calculation: c }: { calculation: Calculation }) {
	const { t, number, locale } = useI18n()
	// up to 4 decimals: a third of a point must not print as a rounded 0.33 in a sum to check
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })
	const n = (value: number) => format.format(value)
	if (c.checklist)
		return (
			<Panel title={t('results.calc.title')} id="calculation">
				<ol className="list-decimal space-y-2 pl-5 text-sm tabular-nums">
					<li>
						{t('results.calc.involved', {
							full: n(c.fullMarks),
							excluded: n(c.excluded),
							involved: n(c.involved),
						})}
					</li>
					<li>{t('results.calc.earned', { earned: n(c.earned) })}</li>
					<li>
						{t('results.calc.conformity', {
							earned: n(c.earned),
							involved: n(c.involved),
							exact: c.normalised,
						})}
					</li>
					<li>{t('results.calc.rounding', { exact: c.exact, score: number(c.score, 2) })}</li>
				</ol>
			</Panel>
		)
	const band = c.levels.find((level) => level.key === c.level)
	const next = band ? c.levels[c.levels.indexOf(band) + 1] : undefined
	return (
		<Panel title={t('results.calc.title')} id="calculation">
			<ol className="list-decimal space-y-2 pl-5 text-sm tabular-nums">
				<li>
					{t('results.calc.involved', {
						total: n(c.pointsTotal),
						excluded: n(c.excluded),
						involved: n(c.involved),
					})}
				</li>
				<li>{t('results.calc.earned', { earned: n(c.earned) })}</li>
				<li>
					{t('results.calc.normalised', {
						earned: n(c.earned),
						involved: n(c.involved),
						full: n(c.fullMarks),
						normalised: c.normalised,
					})}
				</li>
				<li>
					{t('results.calc.special', {
						normalised: c.normalised,
						deductions: c.deductions,
						bonus: c.bonus,
						exact: c.exact,
					})}
				</li>
				<li>{t('results.calc.rounding', { exact: c.exact, score: number(c.score, 2) })}</li>
				<li>
					{c.passMark !== null
						? t(
								c.deductionLimit !== null
									? 'results.calc.passRuleDeductions'
									: 'results.calc.passRule',
								{ passMark: n(c.passMark), limit: c.deductionLimit ?? 0 },
							)
						: null}{' '}
					{c.passed
						? band
							? next
								? t('results.calc.band', {
										min: n(band.min),
										score: number(c.score, 2),
										next: n(next.min),
										level: locale === 'en' ? band.nameEn : band.name,
									})
								: t('results.calc.topBand', {
										min: n(band.min),
										score: number(c.score, 2),
										level: locale === 'en' ? band.nameEn : band.name,
									})
							: t('results.calc.passedNoBand')
						: t('results.calc.failed')}
				</li>
			</ol>
			<div className="overflow-x-auto">
				<table className="min-w-[20rem] text-left text-sm">
					<caption className="text-left font-medium text-slate-800">
						{t('results.calc.bands')}
					</caption>
					<thead className="text-slate-600">
						<tr>
							<th scope="col" className="py-1 pr-6 font-medium">
								{t('assessment.score.level')}
							</th>
							<th scope="col" className="py-1 font-medium">
								{t('results.calc.from')}
							</th>
						</tr>
					</thead>
					<tbody className="divide-y divide-slate-100">
						{c.levels.map((level) => {
							const reached = level.key === c.level
							return (
								<tr key={level.key} className={reached ? 'bg-brand-50 font-semibold' : undefined}>
									<th scope="row" className="py-1 pr-6 font-normal">
										{locale === 'en' ? level.nameEn : level.name}
										{reached ? (
											<span className="ml-2 text-xs text-brand-800">
												{t('results.calc.reached')}
											</span>
										) : null}
									</th>
									<td className="py-1 tabular-nums">≥ {n(level.min)}</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
		</Panel>
	)
}
