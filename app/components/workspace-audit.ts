import type { MessageKey } from '#app/i18n/catalog.ts'
import type { Translate } from '#app/i18n/i18n.ts'
import { ROLE_ORDER, type Role } from '#app/utils/roles.ts'
import type { AuditArea } from './audit-areas.ts'

const fieldLabels: Record<string, MessageKey> = {
	name: 'workspace.field.name',
	industry: 'workspace.field.industry',
	productCategories: 'workspace.field.productCategories',
	sites: 'workspace.field.sites',
}

function text(detail: Record<string, unknown> | null, key: string): string {
	const value = detail?.[key]
	return typeof value === 'string' ? value : ''
}

function roleName(t: Translate, value: string): string {
	const role = ROLE_ORDER.find((r: Role) => r === value)
	return role ? t(`workspace.role.${role}`) : value
}

/** The workspace, member and invitation actions; names come from the detail, so they survive a later deletion. */
export const workspaceAudit: AuditArea = {
	labels: {
		'workspace.created': 'audit.action.workspace.created',
		'workspace.updated': 'audit.action.workspace.updated',
		'member.role_changed': 'audit.action.member.role_changed',
		'member.removed': 'audit.action.member.removed',
		'member.left': 'audit.action.member.left',
		'invitation.created': 'audit.action.invitation.created',
		'invitation.resent': 'audit.action.invitation.resent',
		'invitation.revoked': 'audit.action.invitation.revoked',
		'invitation.accepted': 'audit.action.invitation.accepted',
	},
	detail(t, { action, detail }) {
		const target = text(detail, 'name') || text(detail, 'email')
		switch (action) {
			case 'workspace.created':
				return t('audit.detail.workspace.created', { name: text(detail, 'name') })
			case 'workspace.updated': {
				const fields = Array.isArray(detail?.fields) ? detail.fields : []
				const names = fields.map((f) =>
					typeof f === 'string' && fieldLabels[f] ? t(fieldLabels[f]) : String(f),
				)
				return t('audit.detail.workspace.updated', { fields: names.join(t('audit.listSeparator')) })
			}
			case 'member.role_changed':
				return t('audit.detail.member.role_changed', {
					target,
					from: roleName(t, text(detail, 'from')),
					to: roleName(t, text(detail, 'to')),
				})
			case 'member.removed':
				return t('audit.detail.member.removed', { target, role: roleName(t, text(detail, 'role')) })
			case 'member.left':
				return t('audit.detail.member.left', { role: roleName(t, text(detail, 'role')) })
			case 'invitation.created':
			case 'invitation.resent':
			case 'invitation.revoked':
				return t('audit.detail.invitation', {
					email: text(detail, 'email'),
					role: roleName(t, text(detail, 'role')),
				})
			case 'invitation.accepted':
				return t('audit.detail.invitation.accepted', {
					email: text(detail, 'email'),
					role: roleName(t, text(detail, 'role')),
				})
			default:
				return ''
		}
	},
}
