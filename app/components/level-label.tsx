import type { LevelView } from '#app/domain/assessments/timeline.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'

/** A level's name in the reader's language with its stars; "fail" reads as 不合格 / Fail. */
export function LevelLabel({ level }: { level: LevelView | null }) {
	const { t, locale } = useI18n()
	if (!level) return <span className="text-slate-500">—</span>
	return (
		<>
			{level.key === 'fail'
				? t('assessment.score.failed')
				: locale === 'en' && level.nameEn
					? level.nameEn
					: level.name}
			{level.stars > 0 ? (
				<span
					role="img"
					aria-label={t('assessment.score.stars', { count: level.stars })}
					className="ml-1 text-amber-500"
				>
					{'★'.repeat(level.stars)}
				</span>
			) : null}
		</>
	)
}

/** A score as the scheme reports it: points, or a conformity rate for checklist schemes. */
export function ScoreText({ score, checklist }: { score: number | null; checklist: boolean }) {
	const { t, number } = useI18n()
	if (score === null) return <span className="text-slate-500">{t('assessment.notScored')}</span>
	return (
		<>
			{checklist ? t('assessment.checklistScore', { score: number(score, 2) }) : number(score, 2)}
		</>
	)
}

/** An ISO calendar date (2026-04-01) as the reader writes dates; the day cannot shift. */
export function calendarDay(value: string): Date {
	return new Date(`${value}T12:00:00Z`)
}
