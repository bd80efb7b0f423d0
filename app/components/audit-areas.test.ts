import { expect, test } from 'vitest'
import { catalogs } from '#app/i18n/catalog.ts'
import { translator } from '#app/i18n/translator.ts'
import { auditActionLabel, auditDetail } from './audit-entries.tsx'
import { auditAreas } from './audit-areas.ts'

// every action some service writes into a workspace's audit log
const written = [
	'workspace.created',
	'workspace.updated',
	'member.role_changed',
	'member.removed',
	'member.left',
	'invitation.created',
	'invitation.resent',
	'invitation.revoked',
	'invitation.accepted',
	'assessment.created',
	'assessment.submitted',
	'assessment.reopened',
	'assessment.imported',
	'assessment.special_item_added',
	'assessment.special_item_removed',
	'answer.saved',
	'rating.saved',
	'rating.withdrawn',
	'rating.imported_removed',
	'evidence.uploaded',
	'evidence.removed',
	'comment.added',
	'assignment.assigned',
	'assignment.removed',
	'action.created',
	'action.updated',
	'action.status_changed',
	'action.commented',
	'action.evidence_uploaded',
	'action.evidence_removed',
	'action.removed',
]

test('every action written to the audit log reads as words in both languages', () => {
	for (const locale of ['zh-CN', 'en'] as const) {
		const t = translator(locale)
		for (const action of written) {
			const label = auditActionLabel(t, action)
			expect(label, `${locale} ${action}`).not.toBe(action)
			expect(label, `${locale} ${action}`).not.toMatch(/^audit\.|^collab\./)
		}
	}
	// an action no area knows yet is shown by its code rather than hidden
	expect(auditActionLabel(translator('en'), 'report.generated')).toBe('report.generated')
})

test('one table: each action belongs to exactly one area, and every label is in both catalogues', () => {
	const owners = new Map<string, number>()
	for (const area of auditAreas)
		for (const [action, key] of Object.entries(area.labels)) {
			owners.set(action, (owners.get(action) ?? 0) + 1)
			expect(catalogs['zh-CN'][key], key).toBeTruthy()
			expect(catalogs.en[key], key).toBeTruthy()
		}
	expect([...owners].filter(([, n]) => n > 1)).toEqual([])
	expect([...owners.keys()].sort()).toEqual([...written].sort())
})

test('assessment details: title, score and reason', () => {
	const zh = translator('zh-CN')
	const en = translator('en')
	const submitted = {
		action: 'assessment.submitted',
		detail: { title: '2026 年度自评', score: 812.5, level: 'five', passed: true },
	}
	expect(auditDetail(zh, submitted)).toBe('2026 年度自评：得分 812.5')
	expect(auditDetail(en, submitted)).toBe('2026 年度自评: score 812.5')
	const reopened = {
		action: 'assessment.reopened',
		detail: { title: '2026 年度自评', reason: '补充证据', score: 812.5 },
	}
	expect(auditDetail(zh, reopened)).toBe('2026 年度自评：补充证据')
	expect(auditDetail(en, { action: 'assessment.created', detail: { title: 'Review 2026' } })).toBe(
		'Review 2026',
	)
	expect(auditDetail(en, { action: 'assessment.submitted', detail: { title: 'x' } })).toBe(
		'x: score —',
	)
})

test('answer and rating details name the indicator and what was saved', () => {
	const zh = translator('zh-CN')
	const en = translator('en')
	const saved = {
		action: 'answer.saved',
		detail: { indicatorId: '5.1.1', version: 2, status: 'to_review', noteChanged: true },
	}
	expect(auditDetail(zh, saved)).toBe('指标 5.1.1：待复核，备注已修改')
	expect(auditDetail(en, saved)).toBe('Indicator 5.1.1: To review, note changed')
	expect(
		auditDetail(en, {
			action: 'answer.saved',
			detail: { indicatorId: '5.1.1', after: { choice: 'yes' }, status: 'answered' },
		}),
	).toBe('Indicator 5.1.1: Answered')
	expect(
		auditDetail(zh, {
			action: 'answer.saved',
			detail: { indicatorId: '5.1.1', after: null, status: 'answered', noteChanged: false },
		}),
	).toBe('指标 5.1.1：未作答')
	expect(
		auditDetail(en, { action: 'rating.saved', detail: { indicatorId: '4.2', after: '87.5' } }),
	).toBe('Indicator 4.2: 87.5%')
	expect(auditDetail(zh, { action: 'rating.withdrawn', detail: { indicatorId: '4.2' } })).toBe(
		'指标 4.2',
	)
})

test('collaboration details come through the same table', () => {
	expect(
		auditDetail(translator('en'), {
			action: 'evidence.uploaded',
			detail: { indicatorId: '5.1.1.1', name: 'record.pdf' },
		}),
	).toBe('Indicator 5.1.1.1: record.pdf')
	expect(auditDetail(translator('en'), { action: 'report.generated', detail: null })).toBe('')
})
