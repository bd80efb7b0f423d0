import type { Translate } from '#app/i18n/i18n.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { auditAreas } from './audit-areas.ts'

export type AuditEntryView = {
	id: string
	action: string
	actorName: string | null
	detail: Record<string, unknown> | null
	ip: string | null
	createdAt: Date
}

/** The action in words; an action no area of the table knows yet is shown by its code rather than hidden. */
export function auditActionLabel(t: Translate, action: string): string {
	const area = auditAreas.find((a) => Object.hasOwn(a.labels, action))
	const key = area?.labels[action]
	return key ? t(key) : action
}

/** What the change was about, from the detail recorded with it (names survive a later deletion). */
export function auditDetail(
	t: Translate,
	entry: Pick<AuditEntryView, 'action' | 'detail'>,
): string {
	const area = auditAreas.find((a) => Object.hasOwn(a.labels, entry.action))
	return area ? area.detail(t, entry) : ''
}

/** A short list of recent entries (the overview); the audit page shows the full table. */
export function AuditEntryList({ entries }: { entries: AuditEntryView[] }) {
	const { t, date } = useI18n()
	return (
		<ol className="divide-y divide-slate-200">
			{entries.map((entry) => (
				<li key={entry.id} className="py-3 text-sm">
					<p>
						<span className="font-medium">{entry.actorName ?? t('audit.unknownActor')}</span>
						{' · '}
						{auditActionLabel(t, entry.action)}
					</p>
					<p className="text-slate-700">{auditDetail(t, entry)}</p>
					<p className="text-xs text-slate-600">
						<time dateTime={entry.createdAt.toISOString()}>{date(entry.createdAt, true)}</time>
					</p>
				</li>
			))}
		</ol>
	)
}
