import { expect, test } from 'vitest'
import { translator } from '#app/i18n/translator.ts'
import { auditActionLabel, auditDetail } from './audit-entries.tsx'

const zh = translator('zh-CN')
const en = translator('en')

test('action audit entries read as words: the title, statuses and changed fields in the reader’s language', () => {
	const status = {
		action: 'action.status_changed',
		detail: { title: '完善备件库存', from: 'in_progress', to: 'done' },
	}
	expect(auditActionLabel(zh, status.action)).toBe('更新了改进措施状态')
	expect(auditDetail(zh, status)).toBe('「完善备件库存」：进行中 → 已完成')
	expect(auditDetail(en, status)).toBe('“完善备件库存”: In progress → Done')

	const updated = {
		action: 'action.updated',
		detail: {
			title: '完善备件库存',
			changes: {
				dueDate: { from: null, to: '2027-01-31' },
				indicatorIds: { from: [], to: ['5.1.1.1'] },
			},
		},
	}
	expect(auditDetail(zh, updated)).toBe('「完善备件库存」：修改了完成期限、针对的指标')
	expect(auditDetail(en, updated)).toBe('“完善备件库存”: changed Due date, Indicators')

	expect(
		auditDetail(zh, {
			action: 'action.evidence_uploaded',
			detail: { title: '完善备件库存', name: '库存表.xlsx' },
		}),
	).toBe('「完善备件库存」：库存表.xlsx')
	expect(auditDetail(en, { action: 'action.removed', detail: { title: 'Training' } })).toBe(
		'“Training”',
	)
	// a status the portal no longer knows is shown as recorded
	expect(
		auditDetail(en, {
			action: 'action.status_changed',
			detail: { title: 'x', from: 'open', to: 'parked' },
		}),
	).toBe('“x”: Open → parked')
})
