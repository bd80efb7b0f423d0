import { answers, assessments, assignments, specialItems } from '#db/schema/index.ts'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { database } from '#app/utils/db.server.ts'

/**
 * A GB/T 27922-2011 self-assessment answered in full: 98 involved points (5.2.1.2 excluded),
 * 81 earned — 82.65, 三星级, 7.35 short of 四星级. Four indicators lose points:
 * 5.3.2.2 (7, not met), 5.1.2.2 (5, not met), 5.1.5.2 (6, half met), 5.3.1.4 (5, 4 of 10
 * samples nonconforming, below two thirds of the population: a sampling warning).
 */
export const GBT_ANSWERS: Record<string, Record<string, unknown>> = {
	'5.1.2.2': { fraction: 0 },
	'5.1.5.2': { fraction: 0.5 },
	'5.3.2.2': { fraction: 0 },
	'5.2.1.2': { na: true, reason: '本企业不提供上门安装服务' },
	'5.3.1.4': { samples: { checked: 10, nonconforming: 4, population: 30 } },
}

export async function seedGbtAssessment(
	workspaceId: string,
	answeredBy: string,
	{ title = '2026 年度自评', skip = [] as string[] } = {},
): Promise<string> {
	const scheme = getScheme('gbt27922-2011')!
	const db = database()
	const [row] = await db
		.insert(assessments)
		.values({
			workspaceId,
			schemeId: scheme.id,
			schemeVersion: scheme.version,
			title,
			period: '2026',
			scopeSites: '上海总部',
			scopeProducts: '空调',
			createdBy: answeredBy,
		})
		.returning({ id: assessments.id })
	const assessmentId = row!.id
	const values = schemeIndicators(scheme)
		.filter(({ indicator }) => !skip.includes(indicator.id))
		.map(({ indicator }) => ({
			workspaceId,
			assessmentId,
			indicatorId: indicator.id,
			value: GBT_ANSWERS[indicator.id] ?? { fraction: 1 },
			updatedBy: answeredBy,
		}))
	await db.insert(answers).values(values)
	return assessmentId
}

export async function addDeductions(workspaceId: string, assessmentId: string, count: number) {
	for (let i = 0; i < count; i++)
		await database()
			.insert(specialItems)
			.values({
				workspaceId,
				assessmentId,
				kind: 'deduction',
				description: `超期未处理的投诉 ${i + 1}`,
				correctiveAction: '建立投诉台账并每周复核',
			})
}

export async function assignTo(
	workspaceId: string,
	assessmentId: string,
	targetType: 'section' | 'indicator',
	targetId: string,
	userId: string,
) {
	await database()
		.insert(assignments)
		.values({ workspaceId, assessmentId, targetType, targetId, userId })
}
