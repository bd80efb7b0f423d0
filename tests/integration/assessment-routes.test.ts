import { asc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessments, auditLog, specialItems } from '#db/schema/index.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import { scoreJson } from '#app/domain/scoring/index.ts'
import { assessmentTemplate } from '#app/domain/scoring/template.ts'
import * as detail from '#app/routes/assessments/detail.tsx'
import * as exportRoute from '#app/routes/assessments/export.ts'
import * as list from '#app/routes/assessments/list.tsx'
import * as create from '#app/routes/assessments/new.tsx'
import {
	IMPORT_MAX_BYTES,
	liveResult,
	requireAssessment,
} from '#app/services/assessments.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { respond } from './helpers.ts'
import { argsFor, memberOf, signedIn } from './workspace-support.ts'
import { createWorkspace } from './helpers.ts'

type Member = Awaited<ReturnType<typeof memberOf>>
let owner: Awaited<ReturnType<typeof signedIn>>
let assessor: Member
let viewer: Member
let workspaceId: string
let otherWorkspaceId: string
let otherOwner: Awaited<ReturnType<typeof signedIn>>

beforeAll(async () => {
	owner = await signedIn({ name: '王经理' })
	workspaceId = (await createWorkspace(owner.user.id, '示例电器有限公司')).id
	assessor = await memberOf(workspaceId, 'assessor', { name: '李评价' })
	viewer = await memberOf(workspaceId, 'viewer', { name: '赵查看' })
	otherOwner = await signedIn({ name: '其他企业' })
	otherWorkspaceId = (await createWorkspace(otherOwner.user.id, '其他企业')).id
})

const base = () => `/w/${workspaceId}/assessments`

function createForm(extra: Record<string, string> = {}) {
	return {
		schemeId: 'bac-fr01-2021',
		period: '2026',
		title: '2026 年度售后服务自评',
		scopeSites: '上海总部',
		scopeProducts: '空调',
		scopeNotes: '',
		fromAssessmentId: '',
		...extra,
	}
}

async function start(cookie: string, form: Record<string, string>, ws = workspaceId) {
	return respond(() =>
		create.action(
			argsFor(`/w/${ws}/assessments/new`, { form, cookie, params: { workspaceId: ws } }),
		),
	)
}

async function newAssessment(schemeId = 'bac-fr01-2021', cookie = owner.cookie, ws = workspaceId) {
	const result = await start(cookie, createForm({ schemeId }), ws)
	expect(result.status).toBe(302)
	const location = result.headers.get('Location') ?? ''
	const id = location.split('/').pop() ?? ''
	expect(location).toBe(`/w/${ws}/assessments/${id}`)
	return id
}

function params(assessmentId: string, ws = workspaceId) {
	return { workspaceId: ws, assessmentId }
}

async function post(
	assessmentId: string,
	form: Record<string, string>,
	cookie = owner.cookie,
	ws = workspaceId,
) {
	return respond(() =>
		detail.action(
			argsFor(`/w/${ws}/assessments/${assessmentId}`, {
				form,
				cookie,
				params: params(assessmentId, ws),
			}),
		),
	)
}

/** A multipart post as the browser sends the import form. */
async function postFile(
	assessmentId: string,
	content: BlobPart,
	cookie = owner.cookie,
	name = 'answers.json',
) {
	const body = new FormData()
	body.set('intent', 'import')
	body.set('file', new File([content], name, { type: 'application/json' }))
	const url = `http://localhost${base()}/${assessmentId}`
	const request = new Request(url, { method: 'POST', body, headers: { Cookie: cookie } })
	return respond(() =>
		detail.action({
			...argsFor(`${base()}/${assessmentId}`, { cookie, params: params(assessmentId) }),
			request,
		}),
	)
}

async function rows(assessmentId: string) {
	const db = database()
	return JSON.stringify({
		assessment: await db.select().from(assessments).where(eq(assessments.id, assessmentId)),
		answers: await db
			.select()
			.from(answers)
			.where(eq(answers.assessmentId, assessmentId))
			.orderBy(asc(answers.id)),
		items: await db
			.select()
			.from(specialItems)
			.where(eq(specialItems.assessmentId, assessmentId))
			.orderBy(asc(specialItems.id)),
		audit: await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.targetId, assessmentId))
			.orderBy(asc(auditLog.id)),
	})
}

function template(schemeId: string) {
	return assessmentTemplate(getScheme(schemeId)!)
}

describe('list and new', () => {
	test('the list shows each assessment with score, level and progress; only admins see the start button', async () => {
		const id = await newAssessment('gbt27922-2011')
		const result = await respond(() =>
			list.loader(argsFor(base(), { cookie: viewer.cookie, params: { workspaceId } })),
		)
		expect(result.status).toBe(200)
		expect(result.data).toMatchObject({ canCreate: false })
		const data = result.data as {
			rows: { id: string; progress: { total: number }; score: number | null; level: unknown }[]
		}
		expect(data.rows.find((row) => row.id === id)).toMatchObject({
			schemeTitle: 'GB/T 27922-2011',
			status: 'in_progress',
			score: 0,
			progress: { total: 51, answered: 0 },
			level: { key: 'fail' },
		})
	})

	test('the new page compares every scheme and is for owners and admins only', async () => {
		const url = `${base()}/new?scheme=dni-cts-0301-2025`
		const ok = await respond(() =>
			create.loader(argsFor(url, { cookie: owner.cookie, params: { workspaceId } })),
		)
		expect(ok.status).toBe(200)
		expect(ok.data).toMatchObject({ defaults: { schemeId: 'dni-cts-0301-2025' } })
		const data = ok.data as {
			schemes: { id: string; levels: unknown[]; source: { code: string } }[]
		}
		expect(data.schemes.map((s) => s.id)).toHaveLength(6)
		expect(data.schemes.find((s) => s.id === 'bac-fr01-2021')).toMatchObject({
			fullMarks: 100,
			passMark: 70,
			answerMode: 'checks',
			specialItems: true,
			source: { code: 'BAC-FR01-2021' },
			indicatorCount: 15,
		})
		for (const cookie of [assessor.cookie, viewer.cookie]) {
			expect(
				(await respond(() => create.loader(argsFor(url, { cookie, params: { workspaceId } }))))
					.status,
			).toBe(403)
			expect((await start(cookie, createForm())).status).toBe(403)
		}
	})

	test('bad input: 400 with a message per field, and nothing is created', async () => {
		const before = (await database().select().from(assessments)).length
		const blank = await start(owner.cookie, createForm({ title: '  ', schemeId: 'no-such-scheme' }))
		expect(blank.status).toBe(400)
		expect(blank.data).toMatchObject({
			errors: { title: ['此项为必填项'], schemeId: ['请选择一个评价方案'] },
			values: { title: '  ' },
		})
		const extra = await start(owner.cookie, { ...createForm(), admin: 'yes' })
		expect(extra.status).toBe(400)
		expect(extra.data).toMatchObject({ errors: { admin: ['表单包含未知字段：admin'] } })
		const long = await start(owner.cookie, createForm({ period: '2'.repeat(41) }))
		expect(long.data).toMatchObject({ errors: { period: ['不能超过 40 个字符'] } })
		const gbt = await newAssessment('gbt27922-2011')
		const otherScheme = await start(owner.cookie, createForm({ fromAssessmentId: gbt }))
		expect(otherScheme.status).toBe(400)
		expect(otherScheme.data).toMatchObject({
			errors: { fromAssessmentId: ['只能从同一方案（BAC-FR01-2021）的自评开始'] },
		})
		const foreign = await newAssessment('bac-fr01-2021', otherOwner.cookie, otherWorkspaceId)
		expect((await start(owner.cookie, createForm({ fromAssessmentId: foreign }))).status).toBe(404)
		expect((await database().select().from(assessments)).length).toBe(before + 2)
	})

	test('start from last year with "to review": every copied answer must be confirmed', async () => {
		const last = await newAssessment('bac-fr01-2021')
		expect((await postFile(last, JSON.stringify(template('bac-fr01-2021')))).status).toBe(200)
		const result = await start(
			owner.cookie,
			createForm({ fromAssessmentId: last, resetStatuses: 'on', period: '2027' }),
		)
		expect(result.status).toBe(302)
		const id = (result.headers.get('Location') ?? '').split('/').pop()!
		const copied = await database().select().from(answers).where(eq(answers.assessmentId, id))
		expect(copied).toHaveLength(15)
		expect(new Set(copied.map((a) => a.status))).toEqual(new Set(['to_review']))
		const submitted = await post(id, { intent: 'submit' })
		expect(submitted.status).toBe(422)
	})
})

describe('the assessment page', () => {
	test("loads for every member; another workspace's assessment id is a 404, also under the own workspace", async () => {
		const id = await newAssessment()
		const foreign = await newAssessment('bac-fr01-2021', otherOwner.cookie, otherWorkspaceId)
		const url = `${base()}/${id}`
		const page = await respond(() =>
			detail.loader(argsFor(url, { cookie: viewer.cookie, params: params(id) })),
		)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({
			can: { answer: false, manage: false },
			assessment: { status: 'in_progress' },
		})
		const before = await rows(foreign)
		expect(
			(
				await respond(() =>
					detail.loader(
						argsFor(`${base()}/${foreign}`, { cookie: owner.cookie, params: params(foreign) }),
					),
				)
			).status,
		).toBe(404)
		expect(
			(
				await respond(() =>
					exportRoute.loader(
						argsFor(`${base()}/${foreign}/export`, {
							cookie: owner.cookie,
							params: params(foreign),
						}),
					),
				)
			).status,
		).toBe(404)
		const forms: Record<string, string>[] = [
			{ intent: 'submit' },
			{ intent: 'reopen', reason: '原因' },
			{ intent: 'add-deduction', description: 'a', correctiveAction: 'b' },
			{ intent: 'add-bonus', justification: 'c' },
		]
		for (const form of forms) expect((await post(foreign, form)).status).toBe(404)
		expect((await postFile(foreign, JSON.stringify(template('bac-fr01-2021')))).status).toBe(404)
		expect(await rows(foreign)).toBe(before)
	})

	test('submit incomplete: 422 with the missing indicators per section', async () => {
		const id = await newAssessment()
		const doc = template('bac-fr01-2021')
		const { '5.3.2': _left, ...rest } = doc.answers
		expect((await postFile(id, JSON.stringify({ ...doc, answers: rest }))).status).toBe(200)
		const before = await rows(id)
		const result = await post(id, { intent: 'submit' })
		expect(result.status).toBe(422)
		expect(result.data).toMatchObject({
			intent: 'submit',
			ok: false,
			message: '还有 1 个指标未作答或待复核，不能提交：',
			missing: [{ id: '5.3', title: '顾客服务', unanswered: ['5.3.2'], toReview: [] }],
		})
		expect(await rows(id)).toBe(before)
	})

	test('special items through the page: field errors, the one-bonus rule, removal', async () => {
		const id = await newAssessment()
		const missing = await post(
			id,
			{ intent: 'add-deduction', description: '投诉超期', correctiveAction: ' ' },
			assessor.cookie,
		)
		expect(missing.status).toBe(400)
		expect(missing.data).toMatchObject({
			intent: 'add-deduction',
			errors: { correctiveAction: ['此项为必填项'] },
			values: { description: '投诉超期' },
		})
		expect(
			(
				await post(
					id,
					{ intent: 'add-deduction', description: '投诉超期', correctiveAction: '建台账' },
					assessor.cookie,
				)
			).status,
		).toBe(200)
		expect(
			(await post(id, { intent: 'add-bonus', justification: '服务创新' }, assessor.cookie)).status,
		).toBe(200)
		const second = await post(id, { intent: 'add-bonus', justification: '另一项' }, assessor.cookie)
		expect(second.status).toBe(409)
		expect(second.data).toMatchObject({ message: '特别加分项至多一项，已经有了' })
		expect(
			(await post(id, { intent: 'add-bonus', justification: 'x' }, viewer.cookie)).status,
		).toBe(403)
		const [item] = await database()
			.select()
			.from(specialItems)
			.where(eq(specialItems.assessmentId, id))
		expect(
			(await post(id, { intent: 'remove-special', itemId: item!.id }, assessor.cookie)).status,
		).toBe(200)
		expect(
			(await post(id, { intent: 'remove-special', itemId: 'no-such-item' }, assessor.cookie))
				.status,
		).toBe(404)
		expect((await post(id, { intent: 'delete-everything' })).status).toBe(400)
		const xbht = await newAssessment('xbht-s04-2025')
		const refused = await post(xbht, { intent: 'add-bonus', justification: '理由' })
		expect(refused.status).toBe(400)
		expect(refused.data).toMatchObject({ message: 'CTS XBHT-S04-2025 不设特别扣分项和特别加分项' })
	})

	test('import: bad files are 400 on the file field with the validator message; nothing changes', async () => {
		const id = await newAssessment()
		const before = await rows(id)
		const doc = template('bac-fr01-2021')
		const cases: [BlobPart, RegExp][] = [
			['{"format": "aftersales', /文件无法导入：malformed JSON/],
			[
				JSON.stringify({ ...doc, answers: { ...doc.answers, '5.9.9': { checks: [true] } } }),
				/unknown indicator "5\.9\.9"/,
			],
			[
				JSON.stringify({ ...doc, answers: { ...doc.answers, '5.1.1': { checks: [true] } } }),
				/indicator 5\.1\.1: 1 checks given, but it has 2 sub-requirements/,
			],
			[
				JSON.stringify(template('dni-cts-0301-2025')),
				/文件的评价方案是 dni-cts-0301-2025，而此自评使用 bac-fr01-2021/,
			],
			[new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /UTF-8/],
			['', /请选择一个 JSON 文件/],
		]
		for (const [content, message] of cases) {
			const result = await postFile(id, content)
			expect(result.status).toBe(400)
			const errors = (result.data as { errors: { file: string[] } }).errors.file
			expect(errors.join(' ')).toMatch(message)
		}
		const big = await postFile(id, `{"pad": "${'x'.repeat(IMPORT_MAX_BYTES + 70 * 1024)}"}`)
		expect(big.status).toBe(400)
		expect(big.data).toMatchObject({ errors: { file: ['文件不能超过 2 MB'] } })
		expect((await post(id, { intent: 'import' })).status).toBe(400)
		expect((await postFile(id, JSON.stringify(doc), assessor.cookie)).status).toBe(403)
		expect(await rows(id)).toBe(before)
	})

	test('export: a JSON attachment that scores, with the CLI engine, exactly as the page shows', async () => {
		const id = await newAssessment()
		const doc = template('bac-fr01-2021')
		const file = {
			...doc,
			answers: {
				...doc.answers,
				'5.2.4': { checks: [true, true, false, 'na', true, true, true], reason: '不提供代用品' },
			},
			specialDeductions: [{ description: '投诉超期', correctiveAction: '建台账' }],
		}
		expect((await postFile(id, JSON.stringify(file))).status).toBe(200)
		const response = await exportRoute.loader(
			argsFor(`${base()}/${id}/export`, { cookie: viewer.cookie, params: params(id) }),
		)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
		expect(response.headers.get('Content-Disposition')).toMatch(
			/^attachment; filename="bac-fr01-2021-2026-[0-9a-f]{8}\.json"$/,
		)
		const text = await response.text()
		const scope = await requireWorkspace(
			new Request('http://localhost/', { headers: { Cookie: viewer.cookie } }),
			workspaceId,
		)
		const live = await liveResult(scope, await requireAssessment(scope, id))
		expect(scoreJson(text)).toEqual({ ok: true, result: live.ok ? live.result : null })
		const page = await respond(() =>
			detail.loader(argsFor(`${base()}/${id}`, { cookie: viewer.cookie, params: params(id) })),
		)
		expect((page.data as { live: unknown }).live).toEqual(live)
	})

	test('submit, then every intent is a 409 and nothing changes; reopen needs an admin and a reason', async () => {
		const id = await newAssessment()
		expect((await postFile(id, JSON.stringify(template('bac-fr01-2021')))).status).toBe(200)
		const [item] = await database()
			.select()
			.from(specialItems)
			.where(eq(specialItems.assessmentId, id))
		expect(item).toBeUndefined()
		expect(
			(await post(id, { intent: 'add-deduction', description: 'a', correctiveAction: 'b' })).status,
		).toBe(200)
		const [deduction] = await database()
			.select()
			.from(specialItems)
			.where(eq(specialItems.assessmentId, id))
		const submitted = await post(id, { intent: 'submit' })
		expect(submitted.status).toBe(200)
		expect(submitted.data).toMatchObject({ ok: true, message: '自评已提交并锁定。' })
		const before = await rows(id)
		const locked = [
			await post(id, { intent: 'submit' }),
			await post(id, { intent: 'add-deduction', description: 'a', correctiveAction: 'b' }),
			await post(id, { intent: 'add-bonus', justification: 'c' }),
			await post(id, { intent: 'remove-special', itemId: deduction!.id }),
			await postFile(id, JSON.stringify(template('bac-fr01-2021'))),
		]
		for (const result of locked) {
			expect(result.status).toBe(409)
			expect(result.data).toMatchObject({ message: expect.stringContaining('已提交并锁定') })
		}
		expect((await post(id, { intent: 'reopen', reason: '修改' }, assessor.cookie)).status).toBe(403)
		const blank = await post(id, { intent: 'reopen', reason: ' ' })
		expect(blank.status).toBe(400)
		expect(blank.data).toMatchObject({ errors: { reason: ['此项为必填项'] } })
		expect(await rows(id)).toBe(before)
		const page = await respond(() =>
			detail.loader(argsFor(`${base()}/${id}`, { cookie: viewer.cookie, params: params(id) })),
		)
		expect(page.data).toMatchObject({
			assessment: { status: 'submitted', submittedBy: '王经理' },
			live: { submitted: true },
		})
		expect((await post(id, { intent: 'reopen', reason: '管理评审要求补充证据' })).status).toBe(200)
		const [audit] = await database()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'assessment.reopened'))
		expect(audit!.detail).toMatchObject({ reason: '管理评审要求补充证据' })
	})
})
