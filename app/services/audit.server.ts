import { auditLog } from '#db/schema/index.ts'
import type { Database } from '#app/utils/db.server.ts'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export type AuditEntry = {
	workspaceId: string | null
	actorUserId: string | null
	action: string
	targetType: string
	targetId: string
	detail?: Record<string, unknown>
	ip: string
}

/** Writes one audit row. Pass the transaction that makes the change, so both commit or neither. */
export async function recordAudit(tx: Tx | Database, entry: AuditEntry): Promise<void> {
	await tx.insert(auditLog).values(entry)
}

export type { Tx }
