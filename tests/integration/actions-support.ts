import { createHash, randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { asc } from 'drizzle-orm'
import {
	actionComments,
	actionEvidence,
	actionIndicators,
	answers,
	auditLog,
	emailOutbox,
	improvementActions,
} from '#db/schema/index.ts'
import { database } from '#app/utils/db.server.ts'
import { pdfFile } from '#tests/fixtures/files.ts'
import { assessmentIn } from './collaboration-support.ts'

type ActionValues = typeof improvementActions.$inferInsert

/** An action written directly, with its indicator links. */
export async function actionIn(
	workspaceId: string,
	values: Partial<ActionValues> & { title?: string },
	indicatorIds: string[] = [],
) {
	const [row] = await database()
		.insert(improvementActions)
		.values({ workspaceId, title: '改进措施', ...values })
		.returning()
	if (indicatorIds.length)
		await database()
			.insert(actionIndicators)
			.values(indicatorIds.map((indicatorId) => ({ workspaceId, actionId: row!.id, indicatorId })))
	return row!
}

/** Evidence of an action as an upload leaves it: a row and its file under a random name. */
export async function actionEvidenceIn(workspaceId: string, actionId: string, name: string) {
	const bytes = pdfFile(name)
	const storedName = randomUUID()
	await mkdir(process.env.UPLOAD_DIR!, { recursive: true })
	await writeFile(path.join(process.env.UPLOAD_DIR!, storedName), bytes)
	const [row] = await database()
		.insert(actionEvidence)
		.values({
			workspaceId,
			actionId,
			originalName: name,
			storedName,
			contentType: 'application/pdf',
			size: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
		})
		.returning()
	return row!
}

/** A gbt27922-2011 assessment with one answer that loses points (5.1.1.1, half met). */
export async function assessmentWithGap(workspaceId: string) {
	const created = await assessmentIn(workspaceId, { schemeId: 'gbt27922-2011' })
	await database()
		.insert(answers)
		.values({
			workspaceId,
			assessmentId: created.assessment.id,
			indicatorId: '5.1.1.1',
			value: { fraction: 0.5 },
		})
	return created
}

type Seeded = {
	assessmentId: string
	/** linked to indicatorIds[0] and [1]; [2] is free to link */
	actionId: string
	indicatorIds: [string, string, string]
	/** for a removal that may succeed without spoiling the other routes */
	removableActionId: string
	evidenceId: string
	removableEvidenceId: string
}
const seeded = new Map<string, Seeded>()

/** For route tables: in each workspace an assessment, an action from its gaps with evidence, and one more. */
export async function seedActions(workspaces: { id: string; createdBy: string | null }[]) {
	for (const workspace of workspaces) {
		const { assessment, indicators } = await assessmentWithGap(workspace.id)
		const indicatorIds: [string, string, string] = [indicators[0]!, indicators[1]!, indicators[3]!]
		const action = await actionIn(
			workspace.id,
			{
				assessmentId: assessment.id,
				title: '完善售后服务部门职责',
				ownerUserId: workspace.createdBy,
				createdBy: workspace.createdBy,
				dueDate: '2026-12-31',
			},
			indicatorIds.slice(0, 2),
		)
		const removable = await actionIn(workspace.id, {
			title: '组织服务人员培训',
			createdBy: workspace.createdBy,
		})
		seeded.set(workspace.id, {
			assessmentId: assessment.id,
			actionId: action.id,
			indicatorIds,
			removableActionId: removable.id,
			evidenceId: (await actionEvidenceIn(workspace.id, action.id, '职责说明书.pdf')).id,
			removableEvidenceId: (await actionEvidenceIn(workspace.id, action.id, '旧版职责.pdf')).id,
		})
	}
}

export function actionsOf(workspaceId: string): Seeded {
	const fixture = seeded.get(workspaceId)
	if (!fixture) throw new Error(`no actions seeded for workspace ${workspaceId}`)
	return fixture
}

/** A valid submission for every intent of the action page. */
export function actionIntents(workspaceId: string, ownerUserId: string) {
	const { indicatorIds, removableEvidenceId } = actionsOf(workspaceId)
	return {
		edit: {
			intent: 'edit',
			title: '完善售后服务部门职责（修订）',
			description: '',
			ownerUserId,
			dueDate: '2027-01-15',
			priority: 'high',
		},
		status: { intent: 'status', status: 'in_progress' },
		comment: { intent: 'comment', body: '已安排下周培训' },
		link: { intent: 'link', indicatorId: indicatorIds[2] },
		unlink: { intent: 'unlink', indicatorId: indicatorIds[1] },
		upload: { intent: 'upload' },
		'remove-evidence': { intent: 'remove-evidence', evidenceId: removableEvidenceId },
	}
}

/** Everything the actions feature may change, in a stable order: equal snapshots mean nothing changed. */
export async function actionsSnapshot(): Promise<string> {
	const db = database()
	return JSON.stringify({
		actions: await db.select().from(improvementActions).orderBy(asc(improvementActions.id)),
		links: await db.select().from(actionIndicators).orderBy(asc(actionIndicators.id)),
		comments: await db.select().from(actionComments).orderBy(asc(actionComments.id)),
		evidence: await db.select().from(actionEvidence).orderBy(asc(actionEvidence.id)),
		audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
		outbox: await db.select({ id: emailOutbox.id }).from(emailOutbox).orderBy(asc(emailOutbox.id)),
	})
}
