import { useId, type ReactNode } from 'react'
import { starsBesideName, type PanelScheme } from '#app/domain/assessments/panel.ts'
import type { LevelKey } from '#app/domain/schemes/scheme-schema.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'

export type Bilingual = { zh: string; en: string }

/** A level with its name in the page's language and its stars, or "fail". */
export function LevelName({
	levelKey,
	scheme,
}: {
	levelKey: LevelKey | null
	scheme: Pick<PanelScheme, 'levels'>
}) {
	const { t, locale } = useI18n()
	const band = levelKey ? scheme.levels.find((entry) => entry.key === levelKey) : undefined
	if (!band)
		return <>{levelKey === 'fail' ? t('assessment.score.failed') : t('assessment.score.noLevel')}</>
	const stars = starsBesideName(band)
	return (
		<>
			{locale === 'en' ? band.nameEn : band.name}
			{stars > 0 ? (
				<span
					role="img"
					aria-label={t('assessment.score.stars', { count: stars })}
					className="ml-2 text-amber-600"
				>
					{'★'.repeat(stars)}
				</span>
			) : null}
		</>
	)
}

export function PassBadge({ passed }: { passed: boolean }) {
	const { t } = useI18n()
	return (
		<span
			className={`inline-block rounded px-2 py-1 text-sm font-semibold ${
				passed ? 'bg-emerald-100 text-emerald-900' : 'bg-red-100 text-red-900'
			}`}
		>
			{passed ? t('assessment.score.passed') : t('assessment.score.failed')}
		</span>
	)
}

/** The score, level and pass/fail, with the status in words ("三星级通过；距四星级还差 4.3 分"). */
export function ScoreCard({
	title,
	score,
	passed,
	levelKey,
	scheme,
	summary,
	advice,
	children,
}: {
	title: string
	score: number
	passed: boolean | null
	levelKey: LevelKey | null
	scheme: PanelScheme
	summary: Bilingual | null
	advice?: Bilingual | null
	children?: ReactNode
}) {
	const { t, number, locale } = useI18n()
	const titleId = useId()
	const checklist = scheme.passMark === null
	return (
		<section
			aria-labelledby={titleId}
			className="rounded border border-slate-200 bg-white p-4 shadow-sm"
		>
			<h2 id={titleId} className="text-lg font-semibold">
				{title}
			</h2>
			<dl className="mt-3 grid gap-4 sm:grid-cols-3">
				<div>
					<dt className="text-sm text-slate-600">
						{checklist ? t('assessment.score.conformity') : t('assessment.score.score')}
					</dt>
					<dd className="text-4xl font-bold tabular-nums text-slate-900">
						{checklist ? `${number(score, 2)}%` : number(score, 2)}
						{checklist ? null : (
							<span className="ml-2 text-base font-normal text-slate-600">
								{t('assessment.score.outOf', { full: scheme.fullMarks })}
							</span>
						)}
					</dd>
				</div>
				{checklist ? null : (
					<>
						<div>
							<dt className="text-sm text-slate-600">{t('assessment.score.level')}</dt>
							<dd className="text-2xl font-semibold text-slate-900">
								<LevelName levelKey={levelKey} scheme={scheme} />
							</dd>
						</div>
						<div>
							<dt className="text-sm text-slate-600">{t('results.verdict')}</dt>
							<dd className="mt-1">
								<PassBadge passed={passed === true} />
							</dd>
						</div>
					</>
				)}
			</dl>
			{summary ? (
				<p className="mt-4 text-base font-medium text-slate-900">
					{locale === 'en' ? summary.en : summary.zh}
				</p>
			) : null}
			{advice ? (
				<p className="mt-1 text-sm text-slate-700">{locale === 'en' ? advice.en : advice.zh}</p>
			) : null}
			{children}
		</section>
	)
}
