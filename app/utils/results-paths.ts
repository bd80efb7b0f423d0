import { assessmentPath } from './assessment-paths.ts'

export function resultsPath(workspaceId: string, assessmentId: string): string {
	return `${assessmentPath(workspaceId, assessmentId)}/results`
}

export function gapsPath(workspaceId: string, assessmentId: string): string {
	return `${resultsPath(workspaceId, assessmentId)}/gaps`
}

export function whatIfPath(workspaceId: string, assessmentId: string): string {
	return `${resultsPath(workspaceId, assessmentId)}/what-if`
}

export function crossSchemePath(workspaceId: string, assessmentId: string): string {
	return `${resultsPath(workspaceId, assessmentId)}/cross-scheme`
}

export function reportPath(workspaceId: string, assessmentId: string, format: 'pdf' | 'xlsx') {
	return `${assessmentPath(workspaceId, assessmentId)}/report.${format}`
}
