import { useI18n } from '#app/i18n/use-i18n.tsx'

/** "3 / 10" with a bar; the numbers are the accessible text, the bar is decoration. */
export function ProgressBar({ answered, total }: { answered: number; total: number }) {
	const { t } = useI18n()
	const share = total === 0 ? 0 : Math.round((answered / total) * 100)
	return (
		<div className="flex items-center gap-3">
			<div
				aria-hidden="true"
				className="h-2 w-24 shrink-0 overflow-hidden rounded bg-slate-200 sm:w-32"
			>
				<div className="h-full bg-brand-600" style={{ width: `${share}%` }} />
			</div>
			<span className="tabular-nums text-slate-800">
				{t('collab.progress.count', { answered, total })}
			</span>
		</div>
	)
}
