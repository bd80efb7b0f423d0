/** Longest comment accepted (the form and the server agree). */
export const COMMENT_MAX_LENGTH = 2000

const enc = encodeURIComponent

function withQuery(path: string, query: Record<string, string | undefined>): string {
	const params = new URLSearchParams()
	for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
	const search = params.toString()
	return search ? `${path}?${search}` : path
}

export function assessmentPath(workspaceId: string, assessmentId: string): string {
	return `/w/${enc(workspaceId)}/assessments/${enc(assessmentId)}`
}

/** The evidence page and resource: all of the assessment's, or one indicator's with its upload form. */
export function evidencePath(
	workspaceId: string,
	assessmentId: string,
	query: { indicator?: string; redirectTo?: string } = {},
): string {
	return withQuery(`${assessmentPath(workspaceId, assessmentId)}/evidence`, query)
}

export function evidenceDownloadPath(
	workspaceId: string,
	assessmentId: string,
	evidenceId: string,
): string {
	return `${assessmentPath(workspaceId, assessmentId)}/evidence/${enc(evidenceId)}/download`
}

export function commentsPath(
	workspaceId: string,
	assessmentId: string,
	query: { indicator?: string; redirectTo?: string } = {},
): string {
	return withQuery(`${assessmentPath(workspaceId, assessmentId)}/comments`, query)
}

export function assignmentsPath(
	workspaceId: string,
	assessmentId: string,
	query: { redirectTo?: string } = {},
): string {
	return withQuery(`${assessmentPath(workspaceId, assessmentId)}/assignments`, query)
}

export function myAssignmentsPath(workspaceId: string): string {
	return `/w/${enc(workspaceId)}/my-assignments`
}

/** The questionnaire at a section, or at the section holding an indicator. */
export function answerPath(
	workspaceId: string,
	assessmentId: string,
	target: { section: string } | { indicator: string },
): string {
	const base = `${assessmentPath(workspaceId, assessmentId)}/answer`
	return 'section' in target
		? `${base}/${enc(target.section)}`
		: withQuery(base, { indicator: target.indicator })
}
