import { beforeAll, describe, expect, test } from 'vitest'
import * as page from '#app/routes/invitations/invitation.tsx'
import * as invite from '#app/routes/workspaces/invite.tsx'
import * as list from '#app/routes/workspaces/list.tsx'
import * as member from '#app/routes/workspaces/member.tsx'
import * as members from '#app/routes/workspaces/members.tsx'
import * as overview from '#app/routes/workspaces/overview.tsx'
import * as switcher from '#app/routes/workspaces/switch.ts'
import { createWorkspace, respond } from './helpers.ts'
import {
	argsFor,
	invitationFor,
	memberOf,
	membershipId,
	signedIn,
	snapshot,
} from './workspace-support.ts'

type Form = Record<string, string | string[]>
type Case = [label: string, form: Form, field: string, status?: number]

let owner: Awaited<ReturnType<typeof signedIn>>
let workspaceId: string
let viewerMembership: string
let ownerMembership: string
let invitationId: string
let foreign: { membershipId: string; invitationId: string }

beforeAll(async () => {
	owner = await signedIn()
	workspaceId = (await createWorkspace(owner.user.id)).id
	ownerMembership = await membershipId(workspaceId, owner.user.id)
	viewerMembership = (await memberOf(workspaceId, 'viewer')).membershipId
	invitationId = (await invitationFor(workspaceId)).invitation.id
	const other = await signedIn()
	const otherWorkspace = await createWorkspace(other.user.id, '别家公司')
	foreign = {
		membershipId: await membershipId(otherWorkspace.id, other.user.id),
		invitationId: (await invitationFor(otherWorkspace.id)).invitation.id,
	}
})

/** Submits, then checks: the status, a message on the expected field, and that nothing changed. */
async function rejects(submit: () => Promise<unknown>, field: string, status = 400) {
	const before = await snapshot()
	const result = await respond(submit)
	expect(result.status).toBe(status)
	expect(result.data).toMatchObject({ errors: { [field]: [expect.stringMatching(/\S/)] } })
	expect(await snapshot()).toBe(before)
}

const details = { name: '公司', industry: '', productCategories: '', sites: '' }
const detailCases: Case[] = [
	['empty name', { ...details, name: '   ' }, 'name'],
	['name too long', { ...details, name: '名'.repeat(101) }, 'name'],
	['industry too long', { ...details, industry: 'x'.repeat(101) }, 'industry'],
	['sites too long', { ...details, sites: 'x'.repeat(501) }, 'sites'],
	['missing field', { name: '公司', industry: '', productCategories: '' }, 'sites'],
	['extra field', { ...details, createdBy: 'someone-else' }, 'createdBy'],
	['field twice', { ...details, name: ['甲', '乙'] }, 'name'],
]

describe('create workspace', () => {
	test.each(detailCases)('%s', async (_, form, field) => {
		await rejects(
			() => list.action(argsFor('/workspaces', { cookie: owner.cookie, params: {}, form })),
			field,
		)
	})
	test('the messages are in the language of the reader', async () => {
		const result = await respond(() =>
			list.action(
				argsFor('/workspaces', {
					cookie: owner.cookie,
					params: {},
					form: { ...details, name: '' },
				}),
			),
		)
		expect(result.data).toMatchObject({ errors: { name: ['此项为必填项'] } })
	})
})

describe('edit company details', () => {
	test.each(detailCases)('%s', async (_, form, field) => {
		await rejects(
			() =>
				overview.action(
					argsFor(`/w/${workspaceId}`, { cookie: owner.cookie, params: { workspaceId }, form }),
				),
			field,
		)
	})
})

describe('invite', () => {
	const cases: Case[] = [
		['empty email', { email: '', role: 'viewer' }, 'email'],
		['not an email', { email: 'not-an-email', role: 'viewer' }, 'email'],
		['email too long', { email: `${'a'.repeat(250)}@example.com`, role: 'viewer' }, 'email'],
		['unknown role', { email: 'a@example.com', role: 'superuser' }, 'role'],
		['empty role', { email: 'a@example.com', role: '' }, 'role'],
		['missing role', { email: 'a@example.com' }, 'role'],
		[
			'extra field',
			{ email: 'a@example.com', role: 'viewer', workspaceId: 'other' },
			'workspaceId',
		],
	]
	test.each(cases)('%s', async (_, form, field) => {
		await rejects(
			() =>
				invite.action(
					argsFor(`/w/${workspaceId}/members/invite`, {
						cookie: owner.cookie,
						params: { workspaceId },
						form,
					}),
				),
			field,
		)
	})
})

describe('change role / remove member', () => {
	const url = () => `/w/${workspaceId}/members/${viewerMembership}`
	const params = () => ({ workspaceId, memberId: viewerMembership })
	const cases: Case[] = [
		['unknown role', { intent: 'change-role', role: 'root' }, 'role'],
		['role of another type', { intent: 'change-role', role: '1' }, 'role'],
		['empty role', { intent: 'change-role', role: '' }, 'role'],
		['missing role', { intent: 'change-role' }, 'role'],
		[
			'extra field on change',
			{ intent: 'change-role', role: 'admin', userId: 'someone-else' },
			'userId',
		],
		['extra field on remove', { intent: 'remove', memberId: 'x' }, 'memberId'],
		['unknown intent', { intent: 'promote' }, 'intent'],
		['no intent', { role: 'admin' }, 'intent'],
	]
	test.each(cases)('%s', async (_, form, field) => {
		await rejects(
			() => member.action(argsFor(url(), { cookie: owner.cookie, params: params(), form })),
			field,
		)
	})

	test('an unknown member id, and a member id of another workspace, are the same 404', async () => {
		for (const memberId of [
			'00000000-0000-0000-0000-000000000000',
			foreign.membershipId,
			'x'.repeat(500),
		]) {
			const before = await snapshot()
			const args = () =>
				argsFor(`/w/${workspaceId}/members/${memberId}`, {
					cookie: owner.cookie,
					params: { workspaceId, memberId },
				})
			expect((await respond(() => member.loader(args()))).status).toBe(404)
			const change = await respond(() =>
				member.action(
					argsFor(`/w/${workspaceId}/members/${memberId}`, {
						cookie: owner.cookie,
						params: { workspaceId, memberId },
						form: { intent: 'change-role', role: 'admin' },
					}),
				),
			)
			expect(change).toMatchObject({ status: 404, data: { message: expect.any(String) } })
			expect(await snapshot()).toBe(before)
		}
	})

	test('removing yourself is refused with a pointer to "leave"', async () => {
		await rejects(
			() =>
				member.action(
					argsFor(`/w/${workspaceId}/members/${ownerMembership}`, {
						cookie: owner.cookie,
						params: { workspaceId, memberId: ownerMembership },
						form: { intent: 'remove' },
					}),
				),
			'',
			409,
		)
	})
})

describe('members page: leave, revoke, resend', () => {
	const cases: [string, Form, string, number?][] = [
		['leave with an extra field', { intent: 'leave', memberId: 'x' }, 'memberId'],
		['unknown intent', { intent: 'delete-everything' }, 'intent'],
		['no intent', {}, 'intent'],
		['revoke without an id', { intent: 'revoke-invitation' }, 'invitationId'],
		['revoke with an empty id', { intent: 'revoke-invitation', invitationId: ' ' }, 'invitationId'],
		[
			'revoke with an id too long',
			{ intent: 'revoke-invitation', invitationId: 'x'.repeat(101) },
			'invitationId',
		],
		[
			'resend with an extra field',
			{ intent: 'resend-invitation', invitationId: 'x', email: 'a@b.cn' },
			'email',
		],
		[
			'revoke an unknown invitation',
			{ intent: 'revoke-invitation', invitationId: 'nope' },
			'',
			404,
		],
		[
			'resend an unknown invitation',
			{ intent: 'resend-invitation', invitationId: 'nope' },
			'',
			404,
		],
	]
	test.each(cases)('%s', async (_, form, field, status = 400) => {
		await rejects(
			() =>
				members.action(
					argsFor(`/w/${workspaceId}/members`, {
						cookie: owner.cookie,
						params: { workspaceId },
						form,
					}),
				),
			field,
			status,
		)
	})

	test("another workspace's invitation is the same 404 as an unknown one", async () => {
		for (const intent of ['revoke-invitation', 'resend-invitation']) {
			await rejects(
				() =>
					members.action(
						argsFor(`/w/${workspaceId}/members`, {
							cookie: owner.cookie,
							params: { workspaceId },
							form: { intent, invitationId: foreign.invitationId },
						}),
					),
				'',
				404,
			)
		}
	})

	test('a valid revoke still works after all that (the fixtures are sound)', async () => {
		const result = await respond(() =>
			members.action(
				argsFor(`/w/${workspaceId}/members`, {
					cookie: owner.cookie,
					params: { workspaceId },
					form: { intent: 'revoke-invitation', invitationId },
				}),
			),
		)
		expect(result.status).toBe(200)
	})
})

test('the switcher refuses a missing or unknown section with 400 and a message', async () => {
	for (const query of ['', `?to=${workspaceId}&section=billing`, '?to=']) {
		const result = await respond(() =>
			switcher.loader(argsFor(`/workspaces/switch${query}`, { cookie: owner.cookie, params: {} })),
		)
		expect(result).toMatchObject({ status: 400, data: { message: '请选择要打开的客户' } })
	}
})

test('accepting with a body is still just "accept": extra fields cannot choose the role or workspace', async () => {
	const { token, invitation } = await invitationFor(workspaceId, { role: 'viewer' })
	const invitee = await signedIn({ email: invitation.email })
	const result = await respond(() =>
		page.action(
			argsFor(`/invitations/${token}`, {
				cookie: invitee.cookie,
				params: { token },
				form: { role: 'owner', workspaceId: 'elsewhere' },
			}),
		),
	)
	expect(result.status).toBe(400)
	expect(result.data).toMatchObject({
		errors: { role: [expect.any(String)], workspaceId: [expect.any(String)] },
	})
})
