const enc = encodeURIComponent

export function assessmentsPath(workspaceId: string): string {
	return `/w/${enc(workspaceId)}/assessments`
}

export function newAssessmentPath(workspaceId: string, schemeId?: string): string {
	const base = `${assessmentsPath(workspaceId)}/new`
	return schemeId ? `${base}?scheme=${enc(schemeId)}` : base
}

export function assessmentPath(workspaceId: string, assessmentId: string): string {
	return `${assessmentsPath(workspaceId)}/${enc(assessmentId)}`
}

export function assessmentExportPath(workspaceId: string, assessmentId: string): string {
	return `${assessmentPath(workspaceId, assessmentId)}/export`
}

/** The questionnaire (answering page) of an assessment. */
export function assessmentAnswerPath(workspaceId: string, assessmentId: string): string {
	return `${assessmentPath(workspaceId, assessmentId)}/answer`
}
