import { assessments, specialItems } from '#db/schema/index.ts'
import { database } from '#app/utils/db.server.ts'

const fixtures = new Map<string, { assessmentId: string; itemId: string }>()

/** One BAC assessment with a special item in each workspace, for route tables that need their ids. */
export async function seedAssessments(workspaces: { id: string; createdBy: string | null }[]) {
	for (const workspace of workspaces) {
		const [assessment] = await database()
			.insert(assessments)
			.values({
				workspaceId: workspace.id,
				schemeId: 'bac-fr01-2021',
				schemeVersion: '1.0.0',
				title: '2026 年度自评',
				period: '2026',
				createdBy: workspace.createdBy,
			})
			.returning({ id: assessments.id })
		const [item] = await database()
			.insert(specialItems)
			.values({
				workspaceId: workspace.id,
				assessmentId: assessment!.id,
				kind: 'deduction',
				description: '投诉超期未处理',
				correctiveAction: '建立投诉台账',
			})
			.returning({ id: specialItems.id })
		fixtures.set(workspace.id, { assessmentId: assessment!.id, itemId: item!.id })
	}
}

export function assessmentOf(workspaceId: string): { assessmentId: string; itemId: string } {
	const fixture = fixtures.get(workspaceId)
	if (!fixture) throw new Error(`no assessment seeded for workspace ${workspaceId}`)
	return fixture
}

/** A valid submission for every intent of the assessment page. */
export function assessmentIntents(workspaceId: string): Record<string, Record<string, string>> {
	const { itemId } = assessmentOf(workspaceId)
	return {
		submit: { intent: 'submit' },
		reopen: { intent: 'reopen', reason: '需要修改答案' },
		'add-deduction': {
			intent: 'add-deduction',
			description: '超期维修',
			correctiveAction: '增加备件库存',
		},
		'add-bonus': { intent: 'add-bonus', justification: '获得省级服务奖' },
		'remove-special': { intent: 'remove-special', itemId },
		import: { intent: 'import' },
	}
}
