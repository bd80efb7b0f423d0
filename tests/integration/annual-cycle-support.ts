import { eq } from 'drizzle-orm'
import {
	actionIndicators,
	answers,
	assessments,
	improvementActions,
	type ActionStatus,
} from '#db/schema/index.ts'
import { fromV1 } from '#app/domain/assessments/to-v1.ts'
import {
	assessment as v1Assessment,
	checksWithUnmet,
	fullAnswers,
	indicatorById,
	schemeById,
} from '#app/domain/gaps/test-support.ts'
import type { AnswerV1 } from '#app/domain/scoring/types.ts'
import {
	addSpecialItem,
	createAssessment,
	submitAssessment,
	type AssessmentRow,
} from '#app/services/assessments.server.ts'
import { requireWorkspace, type WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { database } from '#app/utils/db.server.ts'
import { cookieFor } from './helpers.ts'

export const ip = '127.0.0.1'
export const bac = schemeById('bac-fr01-2021')

export async function scopeOf(userId: string, workspaceId: string): Promise<WorkspaceScope> {
	const request = new Request('http://localhost/', { headers: { Cookie: await cookieFor(userId) } })
	return requireWorkspace(request, workspaceId)
}

/** An assessment answered with a v1 document, submitted at a given instant when `submittedAt` is set. */
export async function seed(
	scope: WorkspaceScope,
	{
		schemeId,
		period,
		answered,
		deductions = 0,
		createdAt,
		submittedAt,
		fromAssessmentId = '',
	}: {
		schemeId: string
		period: string
		answered?: Record<string, AnswerV1>
		deductions?: number
		createdAt: string
		submittedAt?: string
		fromAssessmentId?: string
	},
): Promise<AssessmentRow> {
	const outcome = await createAssessment(
		scope,
		{
			schemeId,
			period,
			title: `${period} 年度自评`,
			scopeSites: '',
			scopeProducts: '',
			scopeNotes: '',
			fromAssessmentId,
			resetStatuses: fromAssessmentId ? 'on' : undefined,
		},
		ip,
	)
	if (!outcome.ok) throw new Error(outcome.message)
	const id = outcome.assessment.id
	if (answered) {
		const rows = fromV1(v1Assessment(schemeById(schemeId), answered))
		await database()
			.insert(answers)
			.values(
				rows.answers.map((row) => ({
					workspaceId: scope.workspace.id,
					assessmentId: id,
					indicatorId: row.indicatorId,
					value: row.value,
					note: row.note,
				})),
			)
	}
	for (let n = 0; n < deductions; n++)
		await addSpecialItem(
			scope,
			id,
			{ kind: 'deduction', description: '投诉超期未处理', correctiveAction: '建立投诉台账' },
			ip,
		)
	if (submittedAt) {
		const submitted = await submitAssessment(scope, id, ip)
		if (!submitted.ok) throw new Error(submitted.message)
	}
	await database()
		.update(assessments)
		.set({
			createdAt: new Date(createdAt),
			...(submittedAt ? { submittedAt: new Date(submittedAt) } : {}),
		})
		.where(eq(assessments.id, id))
	const [row] = await database().select().from(assessments).where(eq(assessments.id, id))
	return row!
}

// The worked example of app/domain/gaps/annual-cycle.test.ts, checked by hand there:
// 2024: 5.1.3 (2) unmet: 0 of 6; 5.2.4 (1) unmet: 8 of 10; 5.2.6 (2) excluded; one special
// deduction. Involved 98, earned 90: 91.84 − 1 = 90.84, 四星级.
export const answers2024 = fullAnswers(bac)
answers2024['5.1.3'] = checksWithUnmet(indicatorById(bac, '5.1.3'), [2])
answers2024['5.2.4'] = checksWithUnmet(indicatorById(bac, '5.2.4'), [1])
answers2024['5.2.6'] = { na: true, reason: '不销售需回收的商品' }
// 2025: 5.1.3 met; 5.2.4 (1) and (2) unmet: 6; 5.2.6 answered and met; 5.2.1 (6) excluded.
// Involved 94, earned 90: 95.74, 五星级.
export const answers2025 = fullAnswers(bac)
answers2025['5.2.4'] = checksWithUnmet(indicatorById(bac, '5.2.4'), [1, 2])
answers2025['5.2.1'] = { na: true, reason: '仅提供服务，不销售商品' }

/** An improvement action written directly, as the actions pages would have left it. */
export async function action(
	scope: WorkspaceScope,
	values: {
		title: string
		status: ActionStatus
		assessmentId?: string | null
		completedAt?: string
		dueDate?: string
		indicators?: string[]
	},
) {
	const [row] = await database()
		.insert(improvementActions)
		.values({
			workspaceId: scope.workspace.id,
			assessmentId: values.assessmentId ?? null,
			title: values.title,
			status: values.status,
			ownerUserId: scope.user.id,
			dueDate: values.dueDate ?? null,
			completedAt: values.completedAt ? new Date(values.completedAt) : null,
		})
		.returning()
	for (const indicatorId of values.indicators ?? [])
		await database()
			.insert(actionIndicators)
			.values({ workspaceId: scope.workspace.id, actionId: row!.id, indicatorId })
	return row!
}
