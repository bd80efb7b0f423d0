import type { MessageKey } from '#app/i18n/catalog.ts'
import type { Translate } from '#app/i18n/i18n.ts'
import { STATUSES } from '#app/utils/actions.ts'
import type { AuditArea } from './audit-areas.ts'

function text(detail: Record<string, unknown> | null, key: string): string {
	const value = detail?.[key]
	return typeof value === 'string' ? value : ''
}

function status(t: Translate, value: string): string {
	const known = STATUSES.find((s) => s === value)
	return known ? t(`actions.status.${known}`) : value
}

const FIELD_LABELS: Record<string, MessageKey> = {
	title: 'actions.field.title',
	description: 'actions.field.description',
	ownerUserId: 'actions.field.owner',
	dueDate: 'actions.field.due',
	priority: 'actions.field.priority',
	indicatorIds: 'actions.indicators.heading',
}

/** Improvement actions: created, changed, moved on, discussed, evidenced and removed. */
export const actionsAudit: AuditArea = {
	labels: {
		'action.created': 'actions.audit.created',
		'action.updated': 'actions.audit.updated',
		'action.status_changed': 'actions.audit.status_changed',
		'action.commented': 'actions.audit.commented',
		'action.evidence_uploaded': 'actions.audit.evidence_uploaded',
		'action.evidence_removed': 'actions.audit.evidence_removed',
		'action.removed': 'actions.audit.removed',
	},
	detail(t, { action, detail }) {
		const title = text(detail, 'title')
		switch (action) {
			case 'action.status_changed':
				return t('actions.audit.detail.status', {
					title,
					from: status(t, text(detail, 'from')),
					to: status(t, text(detail, 'to')),
				})
			case 'action.updated': {
				const changes = detail?.changes
				const fields =
					changes && typeof changes === 'object'
						? Object.keys(changes).map((field) => {
								const key = FIELD_LABELS[field]
								return key ? t(key) : field
							})
						: []
				return t('actions.audit.detail.updated', {
					title,
					fields: fields.join(t('actions.audit.separator')),
				})
			}
			case 'action.evidence_uploaded':
			case 'action.evidence_removed':
				return t('actions.audit.detail.evidence', { title, name: text(detail, 'name') })
			case 'action.created':
			case 'action.commented':
			case 'action.removed':
				return t('actions.audit.detail.title', { title })
			default:
				return ''
		}
	},
}
