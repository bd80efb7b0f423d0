import { expect, test } from 'vitest'
import { translator } from '#app/i18n/translator.ts'
import { auditActionLabel, auditDetail } from './audit-entries.tsx'
import type { Role } from '#app/utils/roles.ts'
import { sectionOf, sectionsFor, workspacePath, workspaceSections } from './workspace-nav.tsx'

test('sections follow the role: the audit log only for owners and admins', () => {
	const keys = (role: Role) => sectionsFor(role).map((s) => s.key)
	for (const role of ['viewer', 'assessor'] as const) {
		expect(keys(role)).toEqual(expect.arrayContaining(['overview', 'members']))
		expect(keys(role)).not.toContain('audit')
	}
	for (const role of ['admin', 'owner'] as const) {
		expect(keys(role)).toEqual(workspaceSections.map((s) => s.key))
		expect(keys(role)).toContain('audit')
	}
})

test('paths and the section a path belongs to, so switching clients keeps the section', () => {
	expect(workspacePath('abc')).toBe('/w/abc')
	expect(workspacePath('abc', 'members')).toBe('/w/abc/members')
	expect(sectionOf('/w/abc')).toBe('overview')
	expect(sectionOf('/w/abc/members/invite')).toBe('members')
	expect(sectionOf('/w/abc/audit')).toBe('audit')
	expect(sectionOf('/w/abc/something-new')).toBe('overview')
})

const actions = [
	'workspace.created',
	'workspace.updated',
	'member.role_changed',
	'member.removed',
	'member.left',
	'invitation.created',
	'invitation.resent',
	'invitation.revoked',
	'invitation.accepted',
]

test('every workspace audit action reads as words in both languages', () => {
	for (const locale of ['zh-CN', 'en'] as const) {
		const t = translator(locale)
		for (const action of actions) expect(auditActionLabel(t, action)).not.toBe(action)
	}
	expect(auditActionLabel(translator('en'), 'report.generated')).toBe('report.generated')
})

test('details name the people, roles and fields in the reader’s language', () => {
	const zh = translator('zh-CN')
	const en = translator('en')
	const roleChange = {
		action: 'member.role_changed',
		detail: { name: '李评估', from: 'assessor', to: 'viewer' },
	}
	expect(auditDetail(zh, roleChange)).toBe('李评估：评估员 → 查看者')
	expect(auditDetail(en, roleChange)).toBe('李评估: Assessor → Viewer')
	const updated = { action: 'workspace.updated', detail: { fields: ['name', 'sites'] } }
	expect(auditDetail(zh, updated)).toBe('修改了：企业名称、服务网点 / 场所')
	expect(auditDetail(en, updated)).toBe('Changed: Company name, Service sites')
	expect(
		auditDetail(en, { action: 'invitation.created', detail: { email: 'a@b.cn', role: 'admin' } }),
	).toBe('a@b.cn (Admin)')
	expect(auditDetail(en, { action: 'member.left', detail: null })).toBe('Left as ')
})

test('My assignments: in the menu from assessor up, at /w/:id/my-assignments', () => {
	const keys = (role: Role) => sectionsFor(role).map((s) => s.key)
	expect(keys('viewer')).not.toContain('myAssignments')
	for (const role of ['assessor', 'admin', 'owner'] as const)
		expect(keys(role)).toContain('myAssignments')
	expect(workspacePath('abc', 'myAssignments')).toBe('/w/abc/my-assignments')
	expect(sectionOf('/w/abc/my-assignments')).toBe('myAssignments')
	const entry = workspaceSections.find((s) => s.key === 'myAssignments')
	expect(entry && translator('zh-CN')(entry.label)).toBe('我的任务')
	expect(entry && translator('en')(entry.label)).toBe('My assignments')
})
