import type { MessageKey } from '#app/i18n/catalog.ts'
import type { Translate } from '#app/i18n/i18n.ts'

/** The audit actions of evidence, comments and assignments, for the audit log's action column. */
export const collaborationAuditLabels: Record<string, MessageKey> = {
	'evidence.uploaded': 'collab.audit.evidence.uploaded',
	'evidence.removed': 'collab.audit.evidence.removed',
	'comment.added': 'collab.audit.comment.added',
	'assignment.assigned': 'collab.audit.assignment.assigned',
	'assignment.removed': 'collab.audit.assignment.removed',
}

function text(detail: Record<string, unknown> | null, key: string): string {
	const value = detail?.[key]
	return typeof value === 'string' ? value : ''
}

/** What one of those entries was about, from its recorded detail; '' for any other action. */
export function collaborationAuditDetail(
	t: Translate,
	entry: { action: string; detail: Record<string, unknown> | null },
): string {
	const { detail } = entry
	const indicator = text(detail, 'indicatorId')
	const target = text(detail, 'targetId')
	const type = text(detail, 'targetType') === 'section' ? 'section' : 'indicator'
	switch (entry.action) {
		case 'evidence.uploaded':
		case 'evidence.removed':
			return t('collab.audit.detail.evidence', { indicator, name: text(detail, 'name') })
		case 'comment.added':
			return t('collab.audit.detail.comment', { indicator })
		case 'assignment.assigned':
			return t(`collab.audit.detail.assigned.${type}`, { target, name: text(detail, 'name') })
		case 'assignment.removed':
			return t(`collab.audit.detail.removed.${type}`, { target })
		default:
			return ''
	}
}
