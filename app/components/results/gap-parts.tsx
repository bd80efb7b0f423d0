import type { PanelScheme } from '#app/domain/assessments/panel.ts'
import type { Bilingual, LevelRef } from '#app/domain/gaps/index.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'

type PathStepView = {
	id: string
	code: string | null
	title: string
	titleEn: string
	sectionId: string
	/** null while the indicator's ratings are hidden from the viewer */
	lost: number | null
	gain: number | null
	text: Bilingual | null
}

type Deductions = { count: number; limit: number | null; toClear: number }

/** pathToNextLevel's answer without the full-marks answers (the loader drops them). */
export type PathData =
	| { kind: 'no-levels'; score: number; summary: Bilingual }
	| { kind: 'top'; score: number; summary: Bilingual; level: LevelRef }
	| {
			kind: 'path'
			score: number
			summary: Bilingual
			level: LevelRef
			target: LevelRef
			threshold: number
			pointsShort: number
			deductions: Deductions
			steps: PathStepView[]
			recovered: number
			tieBreakExact: boolean
			scoreAfter: number
			levelAfter: LevelRef
			advice: Bilingual
	  }
	| {
			kind: 'unreachable'
			score: number
			summary: Bilingual
			level: LevelRef
			target: LevelRef
			threshold: number
			pointsShort: number
			deductions: Deductions
			bestScore: number
			advice: Bilingual
	  }

export function words(text: Bilingual, locale: string): string {
	return locale === 'en' ? text.en : text.zh
}

/** Why a gap lost points, in the page's language; none while its ratings are hidden. */
export function GapReason({ gap }: { gap: { text: Bilingual | null } }) {
	const { t, locale } = useI18n()
	return gap.text ? (
		<p className="text-slate-700">{words(gap.text, locale)}</p>
	) : (
		<p className="text-slate-600 italic">{t('results.ratingsHidden')}</p>
	)
}

function levelName(level: LevelRef, scheme: Pick<PanelScheme, 'levels'>, locale: string) {
	if (locale !== 'en') return level.name
	return scheme.levels.find((entry) => entry.key === level.key)?.nameEn ?? level.nameEn
}

/**
 * The path to the next level: what it takes (points, special deductions to clear), the fewest
 * indicators to bring to full marks, and where that lands. `brief` leaves out the step list.
 */
export function PathSummary({
	path,
	scheme,
	brief = false,
}: {
	path: PathData
	scheme: Pick<PanelScheme, 'levels'>
	brief?: boolean
}) {
	const { t, locale } = useI18n()
	const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	const n = (value: number) => format.format(value)
	if (path.kind === 'no-levels')
		return <p className="text-sm text-slate-700">{t('results.path.noLevels')}</p>
	if (path.kind === 'top')
		return (
			<p className="text-sm text-slate-700">
				{t('results.path.top', { level: levelName(path.level, scheme, locale) })}
			</p>
		)
	const target = levelName(path.target, scheme, locale)
	const facts = (
		<dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
			<dt className="text-slate-600">{t('results.path.target')}</dt>
			<dd>{t('results.path.targetValue', { level: target, threshold: n(path.threshold) })}</dd>
			<dt className="text-slate-600">{t('results.path.short')}</dt>
			<dd className="tabular-nums">{n(path.pointsShort)}</dd>
			{path.deductions.limit !== null && path.deductions.count > 0 ? (
				<>
					<dt className="text-slate-600">{t('results.path.deductions')}</dt>
					<dd>
						{t('results.path.deductionsValue', {
							count: path.deductions.count,
							limit: path.deductions.limit,
							toClear: path.deductions.toClear,
						})}
					</dd>
				</>
			) : null}
			{path.kind === 'path' ? (
				<>
					<dt className="text-slate-600">{t('results.path.steps')}</dt>
					<dd className="tabular-nums">{path.steps.length}</dd>
					<dt className="text-slate-600">{t('results.path.after')}</dt>
					<dd>
						{t('results.path.afterValue', {
							score: n(path.scoreAfter),
							level: levelName(path.levelAfter, scheme, locale),
						})}
					</dd>
				</>
			) : (
				<>
					<dt className="text-slate-600">{t('results.path.best')}</dt>
					<dd className="tabular-nums">{n(path.bestScore)}</dd>
				</>
			)}
		</dl>
	)
	return (
		<div className="space-y-3">
			<p className="text-sm font-medium text-slate-900">{words(path.advice, locale)}</p>
			{facts}
			{path.kind === 'path' && !path.tieBreakExact ? (
				<p className="text-xs text-slate-600">{t('results.path.oneOfSmallest')}</p>
			) : null}
			{!brief && path.kind === 'path' && path.steps.length > 0 ? (
				<div className="overflow-x-auto">
					<table className="w-full min-w-[32rem] text-left text-sm">
						<caption className="sr-only">
							{t('results.path.stepsCaption', { level: target })}
						</caption>
						<thead className="text-slate-600">
							<tr>
								<th scope="col" className="py-2 pr-4 font-medium">
									{t('results.col.indicator')}
								</th>
								<th scope="col" className="py-2 pr-4 text-right font-medium">
									{t('results.col.gain')}
								</th>
								<th scope="col" className="py-2 font-medium">
									{t('results.col.reason')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-slate-100">
							{path.steps.map((step) => (
								<tr key={step.id}>
									<th scope="row" className="py-2 pr-4 font-medium">
										{step.id} {locale === 'en' ? step.titleEn : step.title}
									</th>
									<td className="py-2 pr-4 text-right tabular-nums">
										{step.gain === null ? '—' : `+${n(step.gain)}`}
									</td>
									<td className="py-2 text-slate-700">
										<GapReason gap={step} />
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
		</div>
	)
}
