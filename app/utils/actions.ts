import type { ActionPriority, ActionStatus } from '#db/schema/actions.ts'

/** Field limits of the action forms, shared by the server's schemas and the forms' maxLength. */
export const ACTION_TITLE_MAX = 200
export const ACTION_DESCRIPTION_MAX = 4000
export const ACTION_COMMENT_MAX = 2000
/** how many indicators one action may link */
export const ACTION_INDICATORS_MAX = 50

// the schema's lists, repeated here because the browser bundle may not import the schema module
export const PRIORITIES = ['high', 'medium', 'low'] as const satisfies readonly ActionPriority[]
export const STATUSES = [
	'open',
	'in_progress',
	'done',
	'cancelled',
] as const satisfies readonly ActionStatus[]
/** statuses an action is still to be done in: only these can be overdue or be reminded of */
export const ACTIVE_STATUSES = ['open', 'in_progress'] as const satisfies readonly ActionStatus[]

export type { ActionPriority, ActionStatus }

/** A calendar date "YYYY-MM-DD" that exists, in the years a plan can sensibly name. */
export function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
	if (!match) return false
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
	if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) return false
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Calendar dates compare as text; `today` is China's date (calendarDate in app/domain/gaps). */
export function isOverdue(
	action: { status: ActionStatus; dueDate: string | null },
	today: string,
): boolean {
	return (
		action.dueDate !== null &&
		action.dueDate < today &&
		(ACTIVE_STATUSES as readonly string[]).includes(action.status)
	)
}

const enc = encodeURIComponent

function withQuery(path: string, query: Record<string, string | undefined>): string {
	const params = new URLSearchParams()
	for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
	const search = params.toString()
	return search ? `${path}?${search}` : path
}

export type ActionFilterQuery = { status?: string; owner?: string; overdue?: string }

export function workspaceActionsPath(workspaceId: string, query: ActionFilterQuery = {}): string {
	return withQuery(`/w/${enc(workspaceId)}/actions`, query)
}

export function actionPath(workspaceId: string, actionId: string): string {
	return `/w/${enc(workspaceId)}/actions/${enc(actionId)}`
}

export function actionEvidenceDownloadPath(
	workspaceId: string,
	actionId: string,
	evidenceId: string,
): string {
	return `${actionPath(workspaceId, actionId)}/evidence/${enc(evidenceId)}/download`
}

/** The per-assessment list, and where "create from gap" forms post (`intent=create-from-gap`). */
export function assessmentActionsPath(
	workspaceId: string,
	assessmentId: string,
	query: ActionFilterQuery & { indicator?: string; created?: string } = {},
): string {
	return withQuery(`/w/${enc(workspaceId)}/assessments/${enc(assessmentId)}/actions`, query)
}

export function myActionsPath(
	query: { workspace?: string; status?: string; mine?: string; overdue?: string } = {},
): string {
	return withQuery('/actions', query)
}
