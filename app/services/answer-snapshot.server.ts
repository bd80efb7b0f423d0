import { eq } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { assessments } from '#db/schema/index.ts'
import type { LiveScore } from '#app/domain/assessments/live-score.ts'
import type { StoredAssessment } from '#app/domain/assessments/to-v1.ts'
import { database } from '#app/utils/db.server.ts'
import { liveResult, loadStored, type AssessmentRow } from './assessments.server.ts'
import type { WorkspaceScope } from './workspace-scope.server.ts'

/** An assessment's answers, ratings and special items as stored at one revision, and its score. */
export type AnswerSnapshot = {
	revision: number
	stored: StoredAssessment
	live: LiveScore
}

/**
 * Snapshots by workspace and assessment, at most this many. Each holds one assessment's answers
 * (notes included); a few hundred cover the assessments being worked on at any one time.
 */
const SNAPSHOTS = 300

const snapshots = new LRUCache<string, AnswerSnapshot & { status: string; submittedAt: number }>({
	max: SNAPSHOTS,
})

/**
 * The stored answers of an assessment and their live score, reading and scoring them only when
 * they changed. Every page of the questionnaire shows the score and each indicator's state, and
 * reading all answers and scoring them was most of what such a page cost (issue 4's benchmark).
 *
 * Correct by construction: the database triggers of migration 0003 move `assessments.revision`
 * on every insert, update or delete of the assessment's answers, DNI ratings and special items,
 * in the writing transaction, whatever code writes. `assessment` was just read (requireAssessment),
 * so its revision is current; a snapshot is kept only if the revision was the same before and
 * after its rows were read, so it is exactly the state at that revision. With several server
 * processes (a libSQL server) each keeps its own snapshots and checks them against the same
 * revision. Status and submission are part of the key: submitting or reopening changes the score
 * shown without changing an answer. Evidence is not in a snapshot (the score does not use it).
 */
export async function answerSnapshot(
	scope: WorkspaceScope,
	assessment: AssessmentRow,
): Promise<AnswerSnapshot> {
	const key = `${scope.workspace.id}/${assessment.id}`
	const submittedAt = assessment.submittedAt?.getTime() ?? 0
	const kept = snapshots.get(key)
	if (
		kept &&
		kept.revision === assessment.revision &&
		kept.status === assessment.status &&
		kept.submittedAt === submittedAt
	)
		return kept
	const stored = await loadStored(scope, assessment.id, database(), { withEvidence: false })
	const snapshot = {
		revision: assessment.revision,
		status: assessment.status,
		submittedAt,
		stored,
		live: await liveResult(scope, assessment, stored),
	}
	const [after] = await database()
		.select({ revision: assessments.revision })
		.from(assessments)
		.where(scope.where(assessments, eq(assessments.id, assessment.id)))
	if (after?.revision === assessment.revision) snapshots.set(key, snapshot)
	return snapshot
}
