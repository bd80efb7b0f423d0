import { expect, test } from 'vitest'
import { translator } from '#app/i18n/translator.ts'
import { collaborationAuditDetail, collaborationAuditLabels } from './collaboration-audit.ts'

test('every collaboration audit action reads as words in both languages', () => {
	const zh = translator('zh-CN')
	const en = translator('en')
	expect(Object.values(collaborationAuditLabels).map((key) => zh(key))).toEqual([
		'上传证据',
		'删除证据',
		'发表评论',
		'指派',
		'取消指派',
	])
	const uploaded = {
		action: 'evidence.uploaded',
		detail: { indicatorId: '5.1.1.1', name: '记录.pdf' },
	}
	expect(collaborationAuditDetail(zh, uploaded)).toBe('指标 5.1.1.1：记录.pdf')
	expect(collaborationAuditDetail(en, uploaded)).toBe('Indicator 5.1.1.1: 记录.pdf')
	expect(
		collaborationAuditDetail(zh, {
			action: 'assignment.assigned',
			detail: { targetType: 'section', targetId: '5.2', name: '评价员 张' },
		}),
	).toBe('章节 5.2 → 评价员 张')
	expect(
		collaborationAuditDetail(en, {
			action: 'assignment.removed',
			detail: { targetType: 'indicator', targetId: '5.2.1' },
		}),
	).toBe('Indicator 5.2.1')
	expect(collaborationAuditDetail(zh, { action: 'member.removed', detail: null })).toBe('')
})
