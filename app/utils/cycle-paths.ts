import { newAssessmentPath } from './assessment-paths.ts'

const enc = encodeURIComponent

export function timelinePath(workspaceId: string): string {
	return `/w/${enc(workspaceId)}/timeline`
}

/** The comparison page, with the two assessments when they are known. */
export function comparePath(workspaceId: string, a?: string, b?: string): string {
	const base = `/w/${enc(workspaceId)}/compare`
	return a && b ? `${base}?a=${enc(a)}&b=${enc(b)}` : base
}

/** The new-assessment page with the scheme chosen and the earlier assessment to start from. */
export function startReviewPath(workspaceId: string, schemeId: string, fromId: string): string {
	return `${newAssessmentPath(workspaceId, schemeId)}&from=${enc(fromId)}`
}
