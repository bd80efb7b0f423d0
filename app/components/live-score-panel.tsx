import { useId } from 'react'
import type { PanelScore } from '#app/domain/assessments/live-score.ts'
import { starsBesideName, type PanelScheme } from '#app/domain/assessments/panel.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'

/**
 * The score as the engine computes it (`npm run score` gives the same on the exported JSON):
 * score and the arithmetic behind it, level with its stars, pass/fail with the reasons, and how
 * complete the answers are. Give it `liveResult()` from the assessments service and the scheme
 * (a whole Scheme or `panelScheme(scheme)`); it re-renders as answers save and the loader reruns.
 */
export function LiveScorePanel({
	result,
	scheme,
	className = '',
}: {
	result: PanelScore
	scheme: PanelScheme
	className?: string
}) {
	const { t, locale } = useI18n()
	const titleId = useId()
	const { progress } = result
	return (
		<section
			aria-labelledby={titleId}
			className={`rounded border border-slate-200 bg-white p-4 shadow-sm ${className}`}
		>
			<h2 id={titleId} className="text-base font-semibold text-slate-900">
				{result.ok && result.submitted
					? t('assessment.score.submittedTitle')
					: t('assessment.score.title')}
			</h2>
			<div aria-live="polite" aria-atomic="true" className="mt-3 space-y-4">
				{result.ok ? (
					<Scored result={result} scheme={scheme} />
				) : (
					<div
						role="alert"
						className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
					>
						<p className="font-medium">{t('assessment.score.notScorable')}</p>
						<p className="mt-1 break-words">{result.error}</p>
					</div>
				)}
				<div>
					<h3 className="text-sm font-medium text-slate-700">
						{t('assessment.score.completeness')}
					</h3>
					<p className="mt-1 text-sm text-slate-900">
						{t('assessment.score.completenessValue', {
							answered: progress.answered,
							total: progress.total,
						})}
					</p>
					<progress
						className="mt-1 h-2 w-full accent-brand-700"
						max={progress.total || 1}
						value={progress.answered}
						aria-label={t('assessment.score.completeness')}
					/>
					{progress.toReview > 0 || progress.unanswered > 0 ? (
						<p className="mt-1 text-xs text-slate-600">
							{[
								progress.toReview > 0
									? t('assessment.score.toReview', { count: progress.toReview })
									: null,
								progress.unanswered > 0
									? t('assessment.score.unanswered', { count: progress.unanswered })
									: null,
							]
								.filter(Boolean)
								.join(locale === 'en' ? '; ' : '；')}
						</p>
					) : null}
					{result.ok && !result.result.complete ? (
						<p className="mt-1 text-xs text-slate-600">{t('assessment.score.incomplete')}</p>
					) : null}
				</div>
			</div>
		</section>
	)
}

function Scored({
	result: live,
	scheme,
}: {
	result: Extract<PanelScore, { ok: true }>
	scheme: PanelScheme
}) {
	const { t, number, locale } = useI18n()
	const { result, reasons } = live
	const checklist = scheme.passMark === null
	const level = result.level
	const band = level ? scheme.levels.find((entry) => entry.key === level.key) : undefined
	// "fail" is no band: the pass/fail badge beside it says so
	const levelName = band ? (locale === 'en' ? band.nameEn : band.name) : null
	const stars = band ? starsBesideName(band) : 0
	return (
		<>
			<div>
				<p className="text-sm text-slate-600">
					{checklist ? t('assessment.score.conformity') : t('assessment.score.score')}
				</p>
				<p className="text-4xl font-bold tabular-nums text-slate-900">
					{checklist ? `${number(result.score, 2)}%` : number(result.score, 2)}
					{checklist ? null : (
						<span className="ml-2 text-base font-normal text-slate-600">
							{t('assessment.score.outOf', { full: scheme.fullMarks })}
						</span>
					)}
				</p>
				<p className="mt-1 text-xs text-slate-600 tabular-nums">
					{t('assessment.score.arithmetic', {
						earned: number(result.earned),
						involved: number(result.involvedMarks),
						full: number(result.fullMarks),
						normalised: number(result.normalised),
					})}
					{result.specialBonus > 0
						? ` ${t('assessment.score.bonus', { count: result.specialBonus })}`
						: ''}
					{result.specialDeductions > 0
						? ` ${t('assessment.score.deductions', { count: result.specialDeductions })}`
						: ''}
				</p>
			</div>
			{checklist ? (
				<p className="text-sm text-slate-700">{t('assessment.score.noPassMark')}</p>
			) : (
				<div className="flex flex-wrap items-start gap-x-6 gap-y-2">
					<div>
						<p className="text-sm text-slate-600">{t('assessment.score.level')}</p>
						<p className="text-lg font-semibold text-slate-900">
							{levelName ?? t('assessment.score.noLevel')}
							{stars > 0 ? (
								<span
									role="img"
									aria-label={t('assessment.score.stars', { count: stars })}
									className="ml-2 text-amber-500"
								>
									{'★'.repeat(stars)}
								</span>
							) : null}
						</p>
					</div>
					<div>
						<p
							className={`inline-block rounded px-2 py-1 text-sm font-semibold ${
								result.passed ? 'bg-emerald-100 text-emerald-900' : 'bg-red-100 text-red-900'
							}`}
						>
							{result.passed ? t('assessment.score.passed') : t('assessment.score.failed')}
						</p>
						{reasons.length > 0 ? (
							<ul className="mt-1 list-disc pl-5 text-sm text-red-800">
								{reasons.map((reason) => (
									<li key={reason.kind}>
										{reason.kind === 'below-pass-mark'
											? t('assessment.score.reason.below-pass-mark', {
													score: number(reason.score, 2),
													passMark: reason.passMark,
												})
											: t('assessment.score.reason.special-deductions', {
													count: reason.count,
													limit: reason.limit,
												})}
									</li>
								))}
							</ul>
						) : null}
					</div>
				</div>
			)}
			{result.warnings.length > 0 ? (
				<div>
					<h3 className="text-sm font-medium text-slate-700">{t('assessment.score.warnings')}</h3>
					<ul className="mt-1 list-disc space-y-1 pl-5 text-xs text-amber-900">
						{result.warnings.map((warning) => (
							<li key={warning}>{warning}</li>
						))}
					</ul>
				</div>
			) : null}
		</>
	)
}
