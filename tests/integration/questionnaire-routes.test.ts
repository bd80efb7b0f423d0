import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessments, assessorRatings } from '#db/schema/index.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import * as autosave from '#app/routes/questionnaire/autosave.ts'
import * as section from '#app/routes/questionnaire/section.tsx'
import { database } from '#app/utils/db.server.ts'
import { createWorkspace, respond, routeArgs } from './helpers.ts'
import { memberOf, signedIn } from './workspace-support.ts'

type Member = Awaited<ReturnType<typeof memberOf>>
let owner: Awaited<ReturnType<typeof signedIn>>
let assessor: Member
let viewer: Member
let outsider: Awaited<ReturnType<typeof signedIn>>
let workspaceId: string
let otherWorkspaceId: string
const ids: Record<string, string> = {}

async function newAssessment(ws: string, schemeId: string, createdBy: string) {
	const [row] = await database()
		.insert(assessments)
		.values({
			workspaceId: ws,
			schemeId,
			schemeVersion: getScheme(schemeId)!.version,
			title: '2026 年度自评',
			period: '2026',
			createdBy,
		})
		.returning()
	return row!.id
}

beforeAll(async () => {
	owner = await signedIn({ name: '王经理' })
	workspaceId = (await createWorkspace(owner.user.id, '示例电器有限公司')).id
	assessor = await memberOf(workspaceId, 'assessor', { name: '李评价' })
	viewer = await memberOf(workspaceId, 'viewer', { name: '赵查看' })
	outsider = await signedIn({ name: '其他企业' })
	otherWorkspaceId = (await createWorkspace(outsider.user.id, '其他企业')).id
	for (const scheme of [
		'green-aftersales-2025',
		'dni-cts-0301-2025',
		'bac-fr01-2021',
		'gbt-aftersales-general-draft',
	])
		ids[scheme] = await newAssessment(workspaceId, scheme, owner.user.id)
	ids.other = await newAssessment(otherWorkspaceId, 'green-aftersales-2025', outsider.user.id)
})

const pageUrl = (assessmentId: string, sectionId?: string, search = '') =>
	`/w/${workspaceId}/assessments/${assessmentId}/answer${sectionId ? `/${sectionId}` : ''}${search}`

async function load(
	cookie: string,
	assessmentId: string,
	sectionId?: string,
	search = '',
	ws = workspaceId,
) {
	const params: Record<string, string> = { workspaceId: ws, assessmentId }
	if (sectionId) params.sectionId = sectionId
	return respond(() =>
		section.loader(
			routeArgs(pageUrl(assessmentId, sectionId, search), { cookie, params }) as never,
		),
	)
}

type Page =
	Awaited<ReturnType<typeof section.loader>> extends infer R
		? R extends { data: infer D }
			? D
			: never
		: never

async function page(
	cookie: string,
	assessmentId: string,
	sectionId?: string,
	search = '',
): Promise<Page> {
	const result = await load(cookie, assessmentId, sectionId, search)
	expect(result.status).toBe(200)
	return result.data as Page
}

/** Posts an indicator form to the autosave endpoint and reads its JSON. */
async function autosavePost(
	cookie: string | undefined,
	assessmentId: string,
	form: Record<string, string>,
	ws = workspaceId,
) {
	const args = routeArgs(`/w/${ws}/assessments/${assessmentId}/autosave`, {
		form: { _autosave: '1', intent: 'save', note: '', ...form },
		cookie,
		params: { workspaceId: ws, assessmentId },
	})
	const response = await autosave.action(args as never)
	return { status: response.status, body: await response.json() }
}

async function stored(assessmentId: string, indicatorId: string) {
	const [row] = await database()
		.select()
		.from(answers)
		.where(and(eq(answers.assessmentId, assessmentId), eq(answers.indicatorId, indicatorId)))
	return row ?? null
}

type OnePage = Extract<Page, { view: 'one' }>
type ListPage = Extract<Page, { view: 'list' }>

async function onePage(cookie: string, assessmentId: string, sectionId?: string, search = '') {
	const data = await page(cookie, assessmentId, sectionId, search)
	if (data.view !== 'one') throw new Error(`expected one indicator at a time, got ${data.view}`)
	return data as OnePage
}

async function listPage(cookie: string, assessmentId: string, sectionId: string) {
	const data = await page(cookie, assessmentId, sectionId, '?view=list')
	if (data.view !== 'list') throw new Error(`expected the list, got ${data.view}`)
	return data as ListPage
}

describe('the answering page', () => {
	test('a section opens at its first indicator in full: clause, rule, notes, points, answer version', async () => {
		const data = await onePage(assessor.cookie, ids['green-aftersales-2025']!, '5.1')
		expect(data.section).toMatchObject({ id: '5.1', title: '售后服务体系', points: 56 })
		expect(data.sections.map((s) => [s.id, s.firstOpen])).toEqual([
			['5.1', '5.1.1.1'],
			['5.2', '5.2.1.1'],
			['5.3', '5.3.1.1'],
		])
		expect(data.previous).toBeNull()
		expect(data.next).toMatchObject({ id: '5.2' })
		expect(data.canEdit).toBe(true)
		expect(data.count).toBe(30)
		// every indicator of the section to jump to, with its state; the one shown is the first
		expect(data.outline).toHaveLength(30)
		expect(data.outline[0]).toEqual({ id: '5.1.1.1', title: '售后服务部门', state: 'unanswered' })
		expect(data.focus).toEqual({
			id: '5.1.1.1',
			position: 1,
			previous: null,
			next: '5.1.1.2',
			nextOpen: '5.1.1.2',
		})
		expect(data.group).toMatchObject({ id: '5.1.1', title: '组织架构' })
		const first = data.indicator
		expect(first).toMatchObject({
			id: '5.1.1.1',
			title: '售后服务部门',
			points: 1,
			excludable: false,
			sampling: true,
		})
		expect(first.text).toContain('设立或指定专门从事售后服务工作的部门')
		// on its own, an indicator shows its rule in full
		expect(first.scoringRule).toContain('6.2.3')
		expect(first.answer).toMatchObject({ value: null, version: 0 })
		expect(first.state).toBe('unanswered')
		expect(first.notes).toEqual([])
		// decision 4 of the green data applies to the 0-point indicator 5.1.1.3 only
		const zeroPoint = await onePage(
			assessor.cookie,
			ids['green-aftersales-2025']!,
			'5.1',
			'?indicator=5.1.1.3',
		)
		expect(zeroPoint.indicator.notes.map((n) => n.decision)).toEqual([4])
		expect(data.live.progress).toMatchObject({ total: 83, answered: 0 })
		// the panel gets the score, not each indicator's arithmetic
		expect(data.live.ok && 'indicators' in data.live.result).toBe(false)
	})

	test('viewers read without a form; the compact list has a row per indicator under its clause', async () => {
		expect((await page(viewer.cookie, ids['green-aftersales-2025']!, '5.1')).canEdit).toBe(false)
		const list = await listPage(owner.cookie, ids['green-aftersales-2025']!, '5.2')
		expect(list.rows).toHaveLength(45)
		expect(list.rows[0]).toMatchObject({
			id: '5.2.1.1',
			groupId: '5.2.1',
			state: 'unanswered',
			value: null,
		})
		expect(list.groups.map((g) => g.id)).toEqual([
			'5.2.1',
			'5.2.2',
			'5.2.3',
			'5.2.4',
			'5.2.5',
			'5.2.6',
		])
		// the rule every green indicator shares is printed once above the list
		expect(list.sharedRule).toContain('6.2.3')
		// no clause text in the list
		expect(JSON.stringify(list.rows)).not.toContain('设立或指定')
		const one = await onePage(
			owner.cookie,
			ids['green-aftersales-2025']!,
			'5.1',
			'?indicator=5.1.1.2',
		)
		expect(one.focus).toMatchObject({
			id: '5.1.1.2',
			position: 2,
			previous: '5.1.1.1',
			next: '5.1.1.3',
		})
		expect(one.indicator.id).toBe('5.1.1.2')
	})

	test('/answer opens the first section, or the one holding ?indicator', async () => {
		const bac = await onePage(owner.cookie, ids['bac-fr01-2021']!)
		expect(bac.section.id).toBe('5.1')
		expect(bac.group).toBeNull()
		// every BAC 5.1 indicator is all-or-nothing; in 5.2 the rules differ, so none is shared
		expect((await listPage(owner.cookie, ids['bac-fr01-2021']!, '5.1')).sharedRule).toBe(
			'任何 1 项不符合得 0 分',
		)
		expect((await listPage(owner.cookie, ids['bac-fr01-2021']!, '5.2')).sharedRule).toBeNull()
		const at = await onePage(owner.cookie, ids['bac-fr01-2021']!, undefined, '?indicator=5.2.4')
		expect(at.section.id).toBe('5.2')
		expect(at.focus).toMatchObject({ id: '5.2.4' })
		expect(at.indicator.id).toBe('5.2.4')
	})

	test('an unknown section or indicator, or another workspace, is a 404', async () => {
		expect((await load(owner.cookie, ids['green-aftersales-2025']!, '9')).status).toBe(404)
		expect(
			(await load(owner.cookie, ids['green-aftersales-2025']!, '5.1', '?indicator=5.2.1.1')).status,
		).toBe(404)
		expect(
			(await load(owner.cookie, ids['green-aftersales-2025']!, undefined, '?indicator=5.1.1'))
				.status,
		).toBe(404)
		expect((await load(owner.cookie, ids.other!, '5.1')).status).toBe(404)
		expect((await load(outsider.cookie, ids['green-aftersales-2025']!, '5.1')).status).toBe(404)
	})
})

describe('plain posts (no JavaScript)', () => {
	const green = () => ids['green-aftersales-2025']!
	const post = (cookie: string, form: Record<string, string>, search = '') =>
		respond(() =>
			section.action(
				routeArgs(pageUrl(green(), '5.1', search), {
					form: { intent: 'save', note: '', ...form },
					cookie,
					params: { workspaceId, assessmentId: green(), sectionId: '5.1' },
				}) as never,
			),
		)

	test('a save redirects back to the indicator with a saved notice', async () => {
		const result = await post(
			assessor.cookie,
			{
				indicatorId: '5.1.2.1',
				version: '0',
				choice: 'partly',
				partlyBy: 'samples',
				checked: '12',
				nonconforming: '3',
				population: '18',
				note: '抽查\r\n两个网点',
			},
			// posted from the list or the section's first page: back to that indicator, whichever
			'?view=list',
		)
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe(
			`${pageUrl(green(), '5.1')}?indicator=5.1.2.1&saved=5.1.2.1#indicator-5.1.2.1`,
		)
		expect(await stored(green(), '5.1.2.1')).toMatchObject({
			value: { samples: { checked: 12, nonconforming: 3, population: 18 } },
			note: '抽查\n两个网点',
			version: 1,
			updatedBy: assessor.user.id,
		})
		const data = await page(owner.cookie, green(), '5.1', '?saved=5.1.2.1')
		expect(data.savedId).toBe('5.1.2.1')
	})

	test('field errors come back with what was typed, status 400, and nothing is saved', async () => {
		const result = await post(owner.cookie, {
			indicatorId: '5.1.2.2',
			version: '0',
			choice: 'partly',
			partlyBy: 'samples',
			checked: '0',
			nonconforming: '2',
			population: 'x',
			note: '记录',
		})
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({
			result: {
				kind: 'invalid',
				indicatorId: '5.1.2.2',
				errors: {
					checked: ['抽样数须为至少 1 的整数'],
					nonconforming: ['不符合数须为 0 到抽样数之间的整数'],
					population: ['总样本数须为不小于抽样数的整数'],
				},
				values: { choice: 'partly', checked: '0', note: '记录' },
			},
		})
		expect(
			await post(owner.cookie, { indicatorId: '5.1.2.2', version: '0', choice: 'maybe' }),
		).toMatchObject({
			status: 400,
			data: { result: { errors: { choice: ['请选择一个答案'] } } },
		})
		expect(
			await post(owner.cookie, { indicatorId: '5.1.2.2', version: '0', choice: 'na', reason: '' }),
		).toMatchObject({
			status: 400,
			data: {
				result: { errors: { choice: ['此指标不可删减'], reason: ['选择不适用时须说明理由'] } },
			},
		})
		expect(await stored(green(), '5.1.2.2')).toBeNull()
	})

	test('a note alone is saved and the indicator stays unanswered', async () => {
		expect(
			(await post(owner.cookie, { indicatorId: '5.1.3.3', version: '0', note: '记录待补充' }))
				.status,
		).toBe(302)
		expect(await stored(green(), '5.1.3.3')).toMatchObject({
			value: null,
			note: '记录待补充',
			version: 1,
		})
		const data = await onePage(owner.cookie, green(), '5.1', '?indicator=5.1.3.3')
		expect(data.indicator).toMatchObject({ state: 'unanswered', answer: { note: '记录待补充' } })
		expect(data.outline.find((entry) => entry.id === '5.1.3.3')?.state).toBe('unanswered')
	})

	test('a stale version is a 409 showing the server version and keeping mine; saving again keeps mine', async () => {
		const result = await post(owner.cookie, {
			indicatorId: '5.1.2.1',
			version: '0',
			choice: 'met',
			note: '我的说明',
		})
		expect(result.status).toBe(409)
		expect(result.data).toMatchObject({
			result: {
				kind: 'conflict',
				theirs: {
					value: { samples: { checked: 12 } },
					note: '抽查\n两个网点',
					version: 1,
					by: '李评价',
					byMe: false,
				},
				mine: { value: { fraction: 1 }, note: '我的说明' },
				values: { choice: 'met', note: '我的说明' },
			},
		})
		expect(await stored(green(), '5.1.2.1')).toMatchObject({
			version: 1,
			updatedBy: assessor.user.id,
		})
		expect(
			(
				await post(owner.cookie, {
					indicatorId: '5.1.2.1',
					version: '1',
					choice: 'met',
					note: '我的说明',
				})
			).status,
		).toBe(302)
		expect(await stored(green(), '5.1.2.1')).toMatchObject({ value: { fraction: 1 }, version: 2 })
	})

	test('clear removes the value and keeps the note', async () => {
		expect(
			(
				await post(owner.cookie, {
					intent: 'clear',
					indicatorId: '5.1.2.1',
					version: '2',
					note: '我的说明',
				})
			).status,
		).toBe(302)
		expect(await stored(green(), '5.1.2.1')).toMatchObject({
			value: null,
			note: '我的说明',
			version: 3,
		})
	})

	test('viewers get 403 and an outsider 404; nothing is written', async () => {
		expect(
			(await post(viewer.cookie, { indicatorId: '5.1.3.1', version: '0', choice: 'met' })).status,
		).toBe(403)
		expect(
			(await post(outsider.cookie, { indicatorId: '5.1.3.1', version: '0', choice: 'met' })).status,
		).toBe(404)
		expect(await stored(green(), '5.1.3.1')).toBeNull()
	})
})

describe('the autosave endpoint', () => {
	test('answers JSON: 200 saved with the new version, 409 conflict, 400 invalid', async () => {
		const draft = ids['gbt-aftersales-general-draft']!
		const saved = await autosavePost(owner.cookie, draft, {
			indicatorId: '4.1.1',
			version: '0',
			choice: 'partial',
		})
		expect(saved).toMatchObject({
			status: 200,
			body: { kind: 'saved', indicatorId: '4.1.1', version: 1, value: { fraction: 0.5 } },
		})
		const stale = await autosavePost(assessor.cookie, draft, {
			indicatorId: '4.1.1',
			version: '0',
			choice: 'conform',
		})
		expect(stale).toMatchObject({
			status: 409,
			body: {
				kind: 'conflict',
				theirs: { by: '王经理', version: 1 },
				mine: { value: { fraction: 1 } },
			},
		})
		// only conform, partial, not or n.a. exist on a checklist
		expect(
			await autosavePost(owner.cookie, draft, {
				indicatorId: '4.1.2',
				version: '0',
				choice: 'partly',
			}),
		).toMatchObject({
			status: 400,
			body: { errors: { choice: ['请选择一个答案'] } },
		})
	})

	test('a missing session is 401 (the page keeps what was typed), a viewer 403, an outsider or unknown indicator 404', async () => {
		const draft = ids['gbt-aftersales-general-draft']!
		expect(
			(
				await autosavePost(undefined, draft, {
					indicatorId: '4.1.3',
					version: '0',
					choice: 'conform',
				})
			).status,
		).toBe(401)
		expect(
			(
				await autosavePost(viewer.cookie, draft, {
					indicatorId: '4.1.3',
					version: '0',
					choice: 'conform',
				})
			).status,
		).toBe(403)
		expect(
			(
				await autosavePost(outsider.cookie, draft, {
					indicatorId: '4.1.3',
					version: '0',
					choice: 'conform',
				})
			).status,
		).toBe(404)
		expect(
			(
				await autosavePost(owner.cookie, ids.other!, {
					indicatorId: '4.1.3',
					version: '0',
					choice: 'conform',
				})
			).status,
		).toBe(404)
		expect(
			(
				await autosavePost(owner.cookie, draft, {
					indicatorId: '4.1',
					version: '0',
					choice: 'conform',
				})
			).status,
		).toBe(404)
		expect(
			(
				await autosavePost(owner.cookie, draft, {
					indicatorId: '../4.1.3',
					version: '0',
					choice: 'conform',
				})
			).status,
		).toBe(404)
		expect(await stored(draft, '4.1.3')).toBeNull()
	})

	test('malformed posts are a 400 with a clear message: unknown fields, repeats, files, bad versions', async () => {
		const draft = ids['gbt-aftersales-general-draft']!
		const url = `/w/${workspaceId}/assessments/${draft}/autosave`
		const params = { workspaceId, assessmentId: draft }
		const forms: Record<string, string>[] = [
			{ indicatorId: '4.1.3', version: '0', choice: 'conform', role: 'owner' },
			{ indicatorId: '4.1.3', version: '0', choice: 'conform', share: '50' },
			{ indicatorId: '4.1.3', version: '-1', choice: 'conform' },
			{ indicatorId: '4.1.3', version: 'abc', choice: 'conform' },
			{ indicatorId: '4.1.3', version: '0', choice: 'conform', intent: 'delete' },
			{ version: '0', choice: 'conform' },
		]
		for (const form of forms) {
			const result = await autosavePost(owner.cookie, draft, form)
			expect(result.status, JSON.stringify(form)).toBe(400)
			expect(result.body.errors['']).toEqual(['提交的表单不完整，请重新加载页面后再试'])
		}
		const repeated = routeArgs(url, {
			form: { indicatorId: '4.1.3', version: '0', choice: ['conform', 'notConform'] },
			cookie: owner.cookie,
			params,
		})
		expect((await autosave.action(repeated as never)).status).toBe(400)
		const body = new FormData()
		body.set('indicatorId', '4.1.3')
		body.set('version', '0')
		body.set('choice', new Blob(['conform']), 'choice.txt')
		const withFile = new Request(`http://localhost${url}`, {
			method: 'POST',
			body,
			headers: { Cookie: owner.cookie },
		})
		expect(
			(
				await autosave.action({
					request: withFile,
					params,
					context: { clientIp: '127.0.0.1' },
				} as never)
			).status,
		).toBe(400)
		expect(await stored(draft, '4.1.3')).toBeNull()
	})

	test('BAC: a box per sub-requirement, n.a. only where allowed and then with a reason', async () => {
		const bac = ids['bac-fr01-2021']!
		expect(
			await autosavePost(owner.cookie, bac, {
				indicatorId: '5.1.3',
				version: '0',
				'check-1': 'met',
				'check-3': 'met',
			}),
		).toMatchObject({
			status: 200,
			body: { value: { checks: [true, false, true, false, false, false, false] } },
		})
		expect(
			await autosavePost(owner.cookie, bac, {
				indicatorId: '5.1.2',
				version: '0',
				'check-1': 'met',
				'na-2': 'na',
				reason: '不涉及',
			}),
		).toMatchObject({
			status: 400,
			body: { errors: { 'check-2': ['此指标的子要求不可标记为不适用'] } },
		})
		expect(
			await autosavePost(owner.cookie, bac, {
				indicatorId: '5.2.1',
				version: '0',
				'check-1': 'met',
				'na-1': 'na',
				'na-2': 'na',
			}),
		).toMatchObject({
			status: 400,
			body: {
				errors: {
					'check-1': ['同一子要求不能既“符合”又“不适用”'],
					reason: ['选择不适用时须说明理由'],
				},
			},
		})
		expect(
			await autosavePost(owner.cookie, bac, {
				indicatorId: '5.2.1',
				version: '0',
				'check-1': 'met',
				'na-2': 'na',
				reason: '不提供送货',
			}),
		).toMatchObject({
			status: 200,
			body: { value: { checks: [true, 'na', false], reason: '不提供送货' } },
		})
		expect(
			await autosavePost(owner.cookie, bac, {
				indicatorId: '5.2.6',
				version: '0',
				excluded: 'on',
				reason: '不销售需回收的商品',
			}),
		).toMatchObject({
			status: 200,
			body: { value: { na: true, reason: '不销售需回收的商品' } },
		})
		expect(
			await autosavePost(owner.cookie, bac, {
				indicatorId: '5.1.4',
				version: '0',
				excluded: 'on',
				reason: '无',
			}),
		).toMatchObject({
			status: 400,
			body: { errors: { excluded: ['此指标不可删减'] } },
		})
		// typing a note on an unanswered indicator does not answer it; once answered, empty boxes mean "not met"
		const note = { indicatorId: '5.3.2', version: '0', note: '待核实' }
		expect(await autosavePost(owner.cookie, bac, { ...note, intent: '' })).toMatchObject({
			status: 400,
		})
		const autosaved = await autosave.action(
			routeArgs(`/w/${workspaceId}/assessments/${bac}/autosave`, {
				form: { _autosave: '1', ...note },
				cookie: owner.cookie,
				params: { workspaceId, assessmentId: bac },
			}) as never,
		)
		expect(await autosaved.json()).toMatchObject({
			kind: 'saved',
			value: null,
			note: '待核实',
			version: 1,
		})
		expect(
			await autosavePost(owner.cookie, bac, {
				indicatorId: '5.3.2',
				version: '1',
				note: '待核实',
				'check-2': 'met',
			}),
		).toMatchObject({
			body: { value: { checks: [false, true, false] }, version: 2 },
		})
		const unchecked = await autosave.action(
			routeArgs(`/w/${workspaceId}/assessments/${bac}/autosave`, {
				form: { _autosave: '1', indicatorId: '5.3.2', version: '2', note: '待核实' },
				cookie: owner.cookie,
				params: { workspaceId, assessmentId: bac },
			}) as never,
		)
		expect(await unchecked.json()).toMatchObject({
			value: { checks: [false, false, false] },
			version: 3,
		})
		// a sub-requirement the indicator does not have, or a box another scheme's form would send
		expect(
			(
				await autosavePost(owner.cookie, bac, {
					indicatorId: '5.1.1',
					version: '0',
					'check-9': 'met',
				})
			).status,
		).toBe(400)
		expect(
			(await autosavePost(owner.cookie, bac, { indicatorId: '5.1.1', version: '0', choice: 'met' }))
				.status,
		).toBe(400)
		expect(await stored(bac, '5.1.1')).toBeNull()
	})

	test('DNI: the percentage is the assessor’s own rating; others show once one has rated', async () => {
		const dni = ids['dni-cts-0301-2025']!
		expect(
			await autosavePost(owner.cookie, dni, {
				indicatorId: '5.2.1.1',
				version: '0',
				ratingVersion: '0',
				percent: '70',
				note: '包装信息完整',
			}),
		).toMatchObject({
			status: 200,
			body: { kind: 'saved', version: 1, ratingVersion: 1 },
		})
		const hidden = (await onePage(assessor.cookie, dni, undefined, '?indicator=5.2.1.1')).indicator
		expect(hidden.rating).toEqual({
			mine: null,
			others: [],
			othersCount: 1,
			imported: [],
			mean: null,
			spread: null,
		})
		expect(hidden.answer.note).toBe('包装信息完整')
		// the assessor's own save: the shared note's version is 1 now, their rating starts at 0
		expect(
			await autosavePost(assessor.cookie, dni, {
				indicatorId: '5.2.1.1',
				version: '1',
				ratingVersion: '0',
				percent: '80,5',
				note: '包装信息完整',
			}),
		).toMatchObject({
			status: 200,
			body: { version: 1, ratingVersion: 1 },
		})
		const after = (await onePage(assessor.cookie, dni, undefined, '?indicator=5.2.1.1')).indicator
		expect(after.rating).toEqual({
			mine: { percent: '80.5', version: 1 },
			others: [{ name: '王经理', percent: '70' }],
			othersCount: 1,
			imported: [],
			mean: 75.25,
			spread: 10.5,
		})
		expect(
			await autosavePost(owner.cookie, dni, {
				indicatorId: '5.2.1.2',
				version: '0',
				ratingVersion: '0',
				percent: '101',
			}),
		).toMatchObject({
			status: 400,
			body: { errors: { percent: ['请输入 0 到 100 之间的数字，最多两位小数'] } },
		})
		// excluded: the answer says so, the rating is left alone
		expect(
			await autosavePost(owner.cookie, dni, {
				indicatorId: '5.2.1.2',
				version: '0',
				ratingVersion: '0',
				excluded: 'on',
				reason: '不涉及包装',
				percent: '50',
			}),
		).toMatchObject({
			status: 200,
			body: { value: { na: true, reason: '不涉及包装' }, ratingVersion: 0 },
		})
		const ratings = await database()
			.select()
			.from(assessorRatings)
			.where(eq(assessorRatings.assessmentId, dni))
		expect(ratings.map((r) => [r.indicatorId, r.percent]).sort()).toEqual([
			['5.2.1.1', '70'],
			['5.2.1.1', '80.5'],
		])
		// a rating from another window of the same person is a conflict too
		expect(
			await autosavePost(owner.cookie, dni, {
				indicatorId: '5.2.1.1',
				version: '1',
				ratingVersion: '0',
				percent: '60',
				note: '包装信息完整',
			}),
		).toMatchObject({
			status: 409,
			body: {
				kind: 'conflict',
				theirs: { percent: '70', ratingVersion: 1 },
				mine: { percent: '60' },
			},
		})
	})

	test('a submitted assessment answers 409 locked and changes nothing', async () => {
		const locked = await newAssessment(workspaceId, 'green-aftersales-2025', owner.user.id)
		await database()
			.update(assessments)
			.set({ status: 'submitted' })
			.where(eq(assessments.id, locked))
		expect(
			await autosavePost(owner.cookie, locked, {
				indicatorId: '5.1.1.1',
				version: '0',
				choice: 'met',
			}),
		).toMatchObject({
			status: 409,
			body: { kind: 'locked' },
		})
		expect(await stored(locked, '5.1.1.1')).toBeNull()
		expect((await page(owner.cookie, locked, '5.1')).canEdit).toBe(false)
	})
})
