import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessments, assessorRatings, specialItems } from '#db/schema/index.ts'
import { getScheme } from '#app/domain/schemes/index.ts'
import * as section from '#app/routes/questionnaire/section.tsx'
import { answerSnapshot } from '#app/services/answer-snapshot.server.ts'
import { requireAssessment } from '#app/services/assessments.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { createWorkspace, respond, routeArgs } from './helpers.ts'
import { signedIn } from './workspace-support.ts'

let owner: Awaited<ReturnType<typeof signedIn>>
let workspaceId: string

async function newAssessment(schemeId: string) {
	const [row] = await database()
		.insert(assessments)
		.values({
			workspaceId,
			schemeId,
			schemeVersion: getScheme(schemeId)!.version,
			title: '2026 年度自评',
			period: '2026',
			createdBy: owner.user.id,
		})
		.returning()
	return row!.id
}

async function revision(assessmentId: string) {
	const [row] = await database()
		.select({ revision: assessments.revision })
		.from(assessments)
		.where(eq(assessments.id, assessmentId))
	return row!.revision
}

async function snapshot(assessmentId: string) {
	const request = new Request(`http://localhost/w/${workspaceId}`, {
		headers: { cookie: owner.cookie },
	})
	const scope = await requireWorkspace(request, workspaceId)
	return answerSnapshot(scope, await requireAssessment(scope, assessmentId))
}

async function sectionPage(assessmentId: string, sectionId: string) {
	const result = await respond(() =>
		section.loader(
			routeArgs(`/w/${workspaceId}/assessments/${assessmentId}/answer/${sectionId}`, {
				cookie: owner.cookie,
				params: { workspaceId, assessmentId, sectionId },
			}) as never,
		),
	)
	expect(result.status).toBe(200)
	return result.data as Extract<Awaited<ReturnType<typeof section.loader>>['data'], { view: 'one' }>
}

beforeAll(async () => {
	owner = await signedIn({ name: '王经理' })
	workspaceId = (await createWorkspace(owner.user.id, '示例电器有限公司')).id
})

describe('the revision of an assessment', () => {
	test('moves on every insert, update and delete of its answers, ratings and special items', async () => {
		const id = await newAssessment('dni-cts-0301-2025')
		const other = await newAssessment('dni-cts-0301-2025')
		const db = database()
		const steps: [string, () => Promise<unknown>][] = [
			[
				'answer inserted',
				() =>
					db.insert(answers).values({
						workspaceId,
						assessmentId: id,
						indicatorId: '4.1.1.1',
						value: { na: true, reason: '不涉及' },
					}),
			],
			[
				'answer updated',
				() => db.update(answers).set({ note: '改了' }).where(eq(answers.assessmentId, id)),
			],
			['answer deleted', () => db.delete(answers).where(eq(answers.assessmentId, id))],
			[
				'rating inserted',
				() =>
					db.insert(assessorRatings).values({
						workspaceId,
						assessmentId: id,
						indicatorId: '4.1.1.1',
						userId: owner.user.id,
						percent: '70',
					}),
			],
			[
				'rating updated',
				() =>
					db
						.update(assessorRatings)
						.set({ percent: '75' })
						.where(eq(assessorRatings.assessmentId, id)),
			],
			[
				'rating deleted',
				() => db.delete(assessorRatings).where(eq(assessorRatings.assessmentId, id)),
			],
			[
				'special item inserted',
				() =>
					db.insert(specialItems).values({
						workspaceId,
						assessmentId: id,
						kind: 'deduction',
						description: '投诉处理超时',
						correctiveAction: '增设回访岗',
					}),
			],
			[
				'special item updated',
				() =>
					db
						.update(specialItems)
						.set({ description: '投诉处理超时两次' })
						.where(eq(specialItems.assessmentId, id)),
			],
			[
				'special item deleted',
				() => db.delete(specialItems).where(eq(specialItems.assessmentId, id)),
			],
		]
		let expected = await revision(id)
		for (const [what, step] of steps) {
			await step()
			expected++
			expect({ what, revision: await revision(id) }).toEqual({ what, revision: expected })
		}
		// another assessment's revision is not touched
		expect(await revision(other)).toBe(0)
	})
})

describe('the answer snapshot', () => {
	test('is reused while nothing changed, and follows a change made by any code', async () => {
		const id = await newAssessment('green-aftersales-2025')
		const first = await snapshot(id)
		expect(await snapshot(id)).toBe(first)
		expect(first.live.progress).toMatchObject({ answered: 0 })

		// a write that bypasses every service: only the trigger can tell the snapshot
		await database()
			.insert(answers)
			.values({
				workspaceId,
				assessmentId: id,
				indicatorId: '5.1.1.1',
				value: { fraction: 1 },
			})
		const second = await snapshot(id)
		expect(second).not.toBe(first)
		expect(second.live.progress).toMatchObject({ answered: 1 })
		expect(second.stored.answers.map((answer) => answer.indicatorId)).toEqual(['5.1.1.1'])

		// the page shows it at once: state, progress, and the section's link goes to the next open one
		const page = await sectionPage(id, '5.1')
		expect(page.outline[0]).toMatchObject({ id: '5.1.1.1', state: 'answered' })
		expect(page.focus).toMatchObject({ id: '5.1.1.1', nextOpen: '5.1.1.2' })
		expect(page.sections[0]).toMatchObject({ id: '5.1', answered: 1, firstOpen: '5.1.1.2' })

		await database()
			.update(answers)
			.set({ value: { fraction: 0 } })
			.where(and(eq(answers.assessmentId, id), eq(answers.indicatorId, '5.1.1.1')))
		const third = await snapshot(id)
		expect(third.live.ok && third.live.result.earned).toBe(0)
		expect(second.live.ok && second.live.result.earned).toBe(1)
	})

	test('submitting or reopening changes the score shown without an answer changing', async () => {
		const id = await newAssessment('green-aftersales-2025')
		const open = await snapshot(id)
		expect(open.live.ok && open.live.submitted).toBe(false)
		const before = await snapshot(id)
		expect(before).toBe(open)
		await database()
			.update(assessments)
			.set({
				status: 'submitted',
				submittedAt: new Date(),
				submittedResult: before.live.ok ? before.live.result : null,
			})
			.where(eq(assessments.id, id))
		const submitted = await snapshot(id)
		expect(submitted.live.ok && submitted.live.submitted).toBe(true)
	})
})
