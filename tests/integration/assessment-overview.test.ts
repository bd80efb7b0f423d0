import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assessments, assignments, users } from '#db/schema/index.ts'
import { schemeIndicators } from '#app/domain/schemes/index.ts'
import { assessmentTemplate } from '#app/domain/scoring/template.ts'
import * as detail from '#app/routes/assessments/detail.tsx'
import {
	importAssessment,
	reopenAssessment,
	submitAssessment,
} from '#app/services/assessments.server.ts'
import { requireWorkspace } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { assessmentIn, person, team } from './collaboration-support.ts'
import { respond } from './helpers.ts'
import { argsFor } from './workspace-support.ts'

let crew: Awaited<ReturnType<typeof team>>

beforeAll(async () => {
	crew = await team()
})

async function overview(assessmentId: string, cookie: string) {
	const workspaceId = crew.workspace.id
	const result = await respond(() =>
		detail.loader(
			argsFor(`/w/${workspaceId}/assessments/${assessmentId}`, {
				cookie,
				params: { workspaceId, assessmentId },
			}),
		),
	)
	expect(result.status).toBe(200)
	return result.data
}

describe('assessment overview', () => {
	test('shows progress per person with assigned indicators, to every member', async () => {
		const { assessment, scheme } = await assessmentIn(crew.workspace.id)
		const section = scheme.sections[0]!
		const inSection = schemeIndicators(scheme)
			.filter((entry) => entry.section.id === section.id)
			.map((entry) => entry.indicator.id)
		await database().insert(assignments).values({
			workspaceId: crew.workspace.id,
			assessmentId: assessment.id,
			targetType: 'section',
			targetId: section.id,
			userId: crew.assessor.user.id,
		})
		await database()
			.insert(answers)
			.values({
				workspaceId: crew.workspace.id,
				assessmentId: assessment.id,
				indicatorId: inSection[0]!,
				value: { fraction: 1 },
				status: 'answered',
			})
		for (const who of [crew.viewer, crew.owner]) {
			expect(await overview(assessment.id, who.cookie)).toMatchObject({
				progress: [
					{
						userId: crew.assessor.user.id,
						name: '评价员 张',
						total: inSection.length,
						answered: 1,
						toReview: 0,
					},
				],
			})
		}
	})

	test('nothing assigned: an empty list, not an error', async () => {
		const { assessment } = await assessmentIn(crew.workspace.id)
		expect(await overview(assessment.id, crew.viewer.cookie)).toMatchObject({ progress: [] })
	})
})

describe('reopened: the submission it undid stays on the overview', () => {
	async function scopeOf(cookie: string) {
		const request = new Request('http://localhost/', { headers: { Cookie: cookie } })
		return requireWorkspace(request, crew.workspace.id)
	}

	async function submitted() {
		const { assessment, scheme } = await assessmentIn(crew.workspace.id, {
			schemeId: 'bac-fr01-2021',
		})
		const scope = await scopeOf(crew.owner.cookie)
		const file = JSON.stringify(assessmentTemplate(scheme))
		expect(await importAssessment(scope, assessment.id, file, '192.0.2.1')).toMatchObject({
			ok: true,
		})
		const outcome = await submitAssessment(scope, assessment.id, '192.0.2.1')
		if (!outcome.ok || !outcome.live.ok) throw new Error('the template should submit')
		const [row] = await database()
			.select({ submittedAt: assessments.submittedAt })
			.from(assessments)
			.where(eq(assessments.id, assessment.id))
		return { assessment, score: outcome.live.result.score, submittedAt: row!.submittedAt! }
	}

	test('previously submitted on … with score … (reopened by … because …), to every member', async () => {
		const { assessment, score, submittedAt } = await submitted()
		expect(await overview(assessment.id, crew.viewer.cookie)).toMatchObject({ reopened: null })

		const admin = await scopeOf(crew.admin.cookie)
		const reason = '管理评审要求补充证据'
		expect(await reopenAssessment(admin, assessment.id, reason, '192.0.2.1')).toEqual({ ok: true })

		const page = await overview(assessment.id, crew.viewer.cookie)
		expect(page).toMatchObject({
			assessment: { status: 'in_progress', submittedAt: null },
			reopened: {
				submittedAt,
				score,
				reopenedBy: '管理员 周',
				reason,
				reopenedAt: expect.any(Date),
			},
		})

		// submitted again and reopened again: the latest reopening is the one shown
		const owner = await scopeOf(crew.owner.cookie)
		const again = await submitAssessment(owner, assessment.id, '192.0.2.1')
		expect(again.ok).toBe(true)
		expect(await overview(assessment.id, crew.viewer.cookie)).toMatchObject({
			assessment: { status: 'submitted' },
			reopened: { reason },
		})
		expect(await reopenAssessment(owner, assessment.id, '第二次：更正', '192.0.2.1')).toEqual({
			ok: true,
		})
		expect(await overview(assessment.id, crew.viewer.cookie)).toMatchObject({
			reopened: { reopenedBy: '负责人 李', reason: '第二次：更正', score },
		})
	})

	test('a reopener whose account was deleted is shown as unknown, not lost', async () => {
		const { assessment } = await submitted()
		const leaver = await person('离职 孙', { workspaceId: crew.workspace.id, role: 'admin' })
		const scope = await scopeOf(leaver.cookie)
		expect(await reopenAssessment(scope, assessment.id, '离职前重新打开', '192.0.2.1')).toEqual({
			ok: true,
		})
		await database().delete(users).where(eq(users.id, leaver.user.id))
		expect(await overview(assessment.id, crew.viewer.cookie)).toMatchObject({
			reopened: { reopenedBy: null, reason: '离职前重新打开' },
		})
	})
})
