import type { MessageKey } from '#app/i18n/catalog.ts'
import type { Translate } from '#app/i18n/i18n.ts'
import { actionsAudit } from './actions-audit.ts'
import { assessmentAudit } from './assessment-audit.ts'
import { collaborationAuditDetail, collaborationAuditLabels } from './collaboration-audit.ts'
import { questionnaireAudit } from './questionnaire-audit.ts'
import { workspaceAudit } from './workspace-audit.ts'

export type AuditDescribed = { action: string; detail: Record<string, unknown> | null }

/** How one area's audit actions read: a label per action it writes, and its details in words. */
export type AuditArea = {
	labels: Record<string, MessageKey>
	/** '' for an action of another area */
	detail: (t: Translate, entry: AuditDescribed) => string
}

/**
 * Every area that writes audit rows, in one table: a new area adds its entry here and the audit
 * log and the overview's recent activity show its actions in words, without touching either.
 */
export const auditAreas: readonly AuditArea[] = [
	workspaceAudit,
	assessmentAudit,
	questionnaireAudit,
	{ labels: collaborationAuditLabels, detail: collaborationAuditDetail },
	actionsAudit,
]
