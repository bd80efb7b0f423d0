import { and, eq, inArray } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { beforeAll, describe, expect, test } from 'vitest'
import * as schema from '#db/schema/index.ts'
import { answers } from '#db/schema/index.ts'
import { fullAnswers, schemeById } from '#app/domain/gaps/test-support.ts'
import { NO_FIGURES, portfolioFigures } from '#app/services/portfolio.server.ts'
import type { WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { database, openClient } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { action, answers2025, bac, scopeOf, seed } from './annual-cycle-support.ts'
import { addMember, cookieFor, createUser, createWorkspace, respond } from './helpers.ts'
import { argsFor } from './workspace-support.ts'

const gbt = schemeById('gbt27922-2011')
const today = '2026-03-10'

let consultant: { id: string; cookie: string }
let staffB: { cookie: string }
let a: WorkspaceScope
let b: WorkspaceScope
let c: WorkspaceScope
let foreign: WorkspaceScope
let bac2025Id: string
let bac2026Id: string
let gbtId: string

/** Overdue today: open or in progress with a due date before today (due today is not late yet). */
async function actionsFor(scope: WorkspaceScope, overdue: number) {
	for (let n = 0; n < overdue; n++)
		await action(scope, {
			title: `逾期 ${n}`,
			status: n % 2 ? 'in_progress' : 'open',
			dueDate: '2026-03-09',
		})
	await action(scope, { title: '今天到期', status: 'open', dueDate: today })
	await action(scope, { title: '已完成', status: 'done', dueDate: '2026-01-01' })
	await action(scope, { title: '已取消', status: 'cancelled', dueDate: '2026-01-01' })
	await action(scope, { title: '无期限', status: 'open' })
}

beforeAll(async () => {
	const user = await createUser({ name: '顾问 王' })
	consultant = { id: user.id, cookie: await cookieFor(user.id) }
	const clientA = await createWorkspace(user.id, '甲电器有限公司')
	const clientB = await createWorkspace(user.id, '乙物流有限公司')
	const clientC = await createWorkspace(user.id, '丙家居有限公司')
	a = await scopeOf(user.id, clientA.id)
	b = await scopeOf(user.id, clientB.id)
	c = await scopeOf(user.id, clientC.id)
	const staff = await createUser({ name: '乙 管理员' })
	await addMember(clientB.id, staff.id, 'admin')
	staffB = { cookie: await cookieFor(staff.id) }
	const stranger = await createUser({ name: '外部人员' })
	foreign = await scopeOf(stranger.id, (await createWorkspace(stranger.id, '丁企业')).id)

	// A: BAC submitted 2025-04-01 (China) with 95.74, 五星级; this year's copy in progress with
	// 3 of 15 answers confirmed; 2 overdue actions
	const bac2025 = await seed(a, {
		schemeId: bac.id,
		period: '2025',
		answered: answers2025,
		createdAt: '2025-02-01T02:00:00Z',
		submittedAt: '2025-03-31T17:30:00Z',
	})
	bac2025Id = bac2025.id
	const bac2026 = await seed(a, {
		schemeId: bac.id,
		period: '2026',
		createdAt: '2026-02-15T02:00:00Z',
		fromAssessmentId: bac2025.id,
	})
	bac2026Id = bac2026.id
	await database()
		.update(answers)
		.set({ status: 'answered' })
		.where(
			and(
				eq(answers.assessmentId, bac2026.id),
				inArray(answers.indicatorId, ['5.1.1', '5.1.2', '5.1.3']),
			),
		)
	await actionsFor(a, 2)
	// B: GB/T 27922 submitted 2025-06-10 with full marks; 1 overdue action
	gbtId = (
		await seed(b, {
			schemeId: gbt.id,
			period: '2025',
			answered: fullAnswers(gbt),
			createdAt: '2025-05-01T02:00:00Z',
			submittedAt: '2025-06-10T03:00:00Z',
		})
	).id
	await actionsFor(b, 1)
	// another company's workspace, which the consultant does not belong to
	await seed(foreign, {
		schemeId: bac.id,
		period: '2025',
		answered: answers2025,
		createdAt: '2025-02-01T02:00:00Z',
		submittedAt: '2025-01-10T02:00:00Z',
	})
	await seed(foreign, { schemeId: gbt.id, period: '2026', createdAt: '2026-01-01T02:00:00Z' })
	await actionsFor(foreign, 3)
})

describe('My clients at a glance', () => {
	test('each client: scheme, last score and level, progress of the current assessment, overdue actions, next review', async () => {
		const figures = await portfolioFigures(consultant.id, today)
		expect([...figures.keys()].sort()).toEqual([a.workspace.id, b.workspace.id].sort())
		expect(figures.get(a.workspace.id)).toEqual({
			scheme: { id: bac.id, shortTitle: 'BAC-FR01-2021' },
			current: {
				id: bac2026Id,
				title: '2026 年度自评',
				period: '2026',
				progress: { total: 15, answered: 3, toReview: 12, unanswered: 0 },
			},
			last: {
				id: bac2025Id,
				title: '2025 年度自评',
				period: '2025',
				schemeTitle: 'BAC-FR01-2021',
				submittedDate: '2025-04-01',
				score: 95.74,
				checklist: false,
				passed: true,
				level: { key: 'star-5', name: '五星级', nameEn: 'Five-star', stars: 5 },
			},
			overdueActions: 2,
			nextReview: {
				schemeTitle: 'BAC-FR01-2021',
				due: '2026-04-01',
				daysLeft: 22,
				overdue: false,
				dueSoon: true,
			},
		})
		expect(figures.get(b.workspace.id)).toEqual({
			scheme: { id: gbt.id, shortTitle: 'GB/T 27922-2011' },
			current: null,
			last: {
				id: gbtId,
				title: '2025 年度自评',
				period: '2025',
				schemeTitle: 'GB/T 27922-2011',
				submittedDate: '2025-06-10',
				score: 100,
				checklist: false,
				passed: true,
				level: { key: 'star-5', name: '五星级', nameEn: '5 stars', stars: 5 },
			},
			overdueActions: 1,
			nextReview: {
				schemeTitle: 'GB/T 27922-2011',
				due: '2026-06-10',
				daysLeft: 92,
				overdue: false,
				dueSoon: false,
			},
		})
		expect(figures.has(c.workspace.id)).toBe(false)
	})

	test('the dates follow the given today', async () => {
		const later = await portfolioFigures(consultant.id, '2026-04-02')
		expect(later.get(a.workspace.id)?.nextReview).toMatchObject({ daysLeft: -1, overdue: true })
		// the actions due on 10 March are late now too
		expect(later.get(a.workspace.id)?.overdueActions).toBe(3)
	})

	test('the page shows every client of the consultant with its own figures, and a client’s staff only theirs', async () => {
		const { loader } = await import('#app/routes/workspaces/list.tsx')
		const mine = await respond(() =>
			loader(argsFor('/workspaces', { cookie: consultant.cookie, params: {} })),
		)
		expect(mine.status).toBe(200)
		const rows = (mine.data as { workspaces: { id: string; figures: unknown }[] }).workspaces
		expect(rows.map((row) => row.id).sort()).toEqual(
			[a.workspace.id, b.workspace.id, c.workspace.id].sort(),
		)
		expect(rows.find((row) => row.id === c.workspace.id)?.figures).toEqual(NO_FIGURES)
		// the page counts with the real clock: the same figures as the service gives for today
		const now = await portfolioFigures(consultant.id)
		for (const scope of [a, b])
			expect(rows.find((row) => row.id === scope.workspace.id)?.figures).toEqual(
				now.get(scope.workspace.id),
			)
		expect(now.get(b.workspace.id)).toMatchObject({ last: { id: gbtId } })
		const staff = await respond(() =>
			loader(argsFor('/workspaces', { cookie: staffB.cookie, params: {} })),
		)
		expect(staff.data).toMatchObject({
			workspaces: [{ id: b.workspace.id, figures: now.get(b.workspace.id) }],
		})
		expect((staff.data as { workspaces: unknown[] }).workspaces).toHaveLength(1)
	})

	test('the number of queries does not grow with the number of clients', async () => {
		const client = openClient(env().DATABASE_URL)
		let statements = 0
		const counting = new Proxy(client, {
			get(target, property) {
				const value = Reflect.get(target, property)
				if (typeof value !== 'function') return value
				return (...args: unknown[]) => {
					if (property === 'execute' || property === 'batch') statements++
					return value.apply(target, args)
				}
			},
		})
		const db = drizzle(counting, { schema })
		try {
			await portfolioFigures(consultant.id, today, db)
			const withTwo = statements
			expect(withTwo).toBe(4)
			// two more clients, each with an assessment in progress, one submitted and overdue actions
			for (const name of ['戊电器有限公司', '己电器有限公司']) {
				const scope = await scopeOf(consultant.id, (await createWorkspace(consultant.id, name)).id)
				await seed(scope, {
					schemeId: bac.id,
					period: '2025',
					answered: answers2025,
					createdAt: '2025-02-01T02:00:00Z',
					submittedAt: '2025-03-01T02:00:00Z',
				})
				await seed(scope, { schemeId: gbt.id, period: '2026', createdAt: '2026-01-01T02:00:00Z' })
				await actionsFor(scope, 1)
			}
			statements = 0
			const figures = await portfolioFigures(consultant.id, today, db)
			expect(figures.size).toBe(4)
			expect(statements).toBe(withTwo)
		} finally {
			client.close()
		}
	})
})
