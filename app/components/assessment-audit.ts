import type { AuditArea } from './audit-areas.ts'

function text(detail: Record<string, unknown> | null, key: string): string {
	const value = detail?.[key]
	return typeof value === 'string' ? value : ''
}

/** Starting, submitting, reopening and importing an assessment, and its special items. */
export const assessmentAudit: AuditArea = {
	labels: {
		'assessment.created': 'audit.action.assessment.created',
		'assessment.submitted': 'audit.action.assessment.submitted',
		'assessment.reopened': 'audit.action.assessment.reopened',
		'assessment.imported': 'audit.action.assessment.imported',
		'assessment.special_item_added': 'audit.action.assessment.special_item_added',
		'assessment.special_item_removed': 'audit.action.assessment.special_item_removed',
	},
	detail(t, { action, detail }) {
		const title = text(detail, 'title')
		switch (action) {
			case 'assessment.submitted': {
				const score = detail?.score
				return t('audit.detail.assessment.submitted', {
					title,
					score: typeof score === 'number' ? score : '—',
				})
			}
			case 'assessment.reopened':
				return t('audit.detail.assessment.reopened', { title, reason: text(detail, 'reason') })
			case 'assessment.created':
			case 'assessment.imported':
			case 'assessment.special_item_added':
			case 'assessment.special_item_removed':
				return t('audit.detail.assessment', { title })
			default:
				return ''
		}
	},
}
