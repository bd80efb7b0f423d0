import type { AuditArea } from './audit-areas.ts'

function text(detail: Record<string, unknown> | null, key: string): string {
	const value = detail?.[key]
	return typeof value === 'string' ? value : ''
}

/** Answers and DNI maturity ratings saved from the answering pages. */
export const questionnaireAudit: AuditArea = {
	labels: {
		'answer.saved': 'audit.action.answer.saved',
		'rating.saved': 'audit.action.rating.saved',
		'rating.withdrawn': 'audit.action.rating.withdrawn',
		'rating.imported_removed': 'audit.action.rating.imported_removed',
	},
	detail(t, { action, detail }) {
		const indicator = text(detail, 'indicatorId')
		switch (action) {
			case 'answer.saved': {
				// a cleared value reads as unanswered whatever the status column still says
				const state =
					detail?.after === null
						? 'unanswered'
						: text(detail, 'status') === 'to_review'
							? 'to_review'
							: 'answered'
				const saved = t('audit.detail.answer.saved', {
					indicator,
					state: t(`questionnaire.indicator.state.${state}`),
				})
				return detail?.noteChanged === true ? saved + t('audit.detail.answer.noteChanged') : saved
			}
			case 'rating.saved':
				return t('audit.detail.rating.saved', { indicator, percent: text(detail, 'after') })
			case 'rating.withdrawn':
				return t('audit.detail.rating.withdrawn', { indicator })
			case 'rating.imported_removed': {
				const removed: unknown[] = Array.isArray(detail?.removed) ? detail.removed : []
				return t('audit.detail.rating.imported_removed', {
					indicator,
					percents: removed
						.filter((value) => typeof value === 'number')
						.map((value) => `${value}%`)
						.join(t('questionnaire.imported.separator')),
				})
			}
			default:
				return ''
		}
	},
}
