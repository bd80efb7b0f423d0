import { beforeAll, describe, expect, test } from 'vitest'
import { answers, assignments } from '#db/schema/index.ts'
import { schemeIndicators } from '#app/domain/schemes/index.ts'
import * as detail from '#app/routes/assessments/detail.tsx'
import { database } from '#app/utils/db.server.ts'
import { assessmentIn, team } from './collaboration-support.ts'
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
