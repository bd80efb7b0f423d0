import { type RouteConfig, index, layout, route } from '@react-router/dev/routes'

export default [
	index('routes/home.tsx'),
	route('healthz', 'routes/healthz.ts'),
	route('set-language', 'routes/set-language.ts'),
	route('signup', 'routes/auth/signup.tsx'),
	route('login', 'routes/auth/login.tsx'),
	route('logout', 'routes/auth/logout.ts'),
	route('verify-email', 'routes/auth/verify-email.tsx'),
	route('forgot-password', 'routes/auth/forgot-password.tsx'),
	route('reset-password', 'routes/auth/reset-password.tsx'),
	route('dev/outbox', 'routes/dev/outbox.tsx'),
	route('workspaces/switch', 'routes/workspaces/switch.ts'),
	route('invitations/:token', 'routes/invitations/invitation.tsx'),
	// every signed-in page inside the shell (header, switcher, workspace navigation)
	layout('routes/app-layout.tsx', [
		route('workspaces', 'routes/workspaces/list.tsx'),
		route('account', 'routes/auth/account.tsx'),
		route('w/:workspaceId', 'routes/workspaces/overview.tsx'),
		route('w/:workspaceId/members', 'routes/workspaces/members.tsx'),
		route('w/:workspaceId/members/invite', 'routes/workspaces/invite.tsx'),
		route('w/:workspaceId/members/:memberId', 'routes/workspaces/member.tsx'),
		route('w/:workspaceId/audit', 'routes/workspaces/audit.tsx'),
		route('w/:workspaceId/assessments', 'routes/assessments/list.tsx'),
		route('w/:workspaceId/assessments/new', 'routes/assessments/new.tsx'),
		route('w/:workspaceId/assessments/:assessmentId', 'routes/assessments/detail.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/export', 'routes/assessments/export.ts'),
		route('w/:workspaceId/my-assignments', 'routes/collaboration/my-assignments.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/assignments', 'routes/collaboration/assignments.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/comments', 'routes/collaboration/comments.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/evidence', 'routes/evidence/evidence.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/evidence/:evidenceId/download', 'routes/evidence/download.ts'),
		// /answer opens the first section, /answer?indicator=ID the one holding that indicator
		route('w/:workspaceId/assessments/:assessmentId/answer', 'routes/questionnaire/section.tsx', {
			id: 'routes/questionnaire/start',
		}),
		route('w/:workspaceId/assessments/:assessmentId/answer/:sectionId', 'routes/questionnaire/section.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/autosave', 'routes/questionnaire/autosave.ts'),
		route('w/:workspaceId/assessments/:assessmentId/results', 'routes/results/results.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/results/gaps', 'routes/results/gaps.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/results/what-if', 'routes/results/what-if.tsx'),
		route('w/:workspaceId/assessments/:assessmentId/results/cross-scheme', 'routes/results/cross-scheme.tsx'),
		// one module for both report files: the extension picks the format
		route('w/:workspaceId/assessments/:assessmentId/report.pdf', 'routes/results/report.ts', {
			id: 'routes/results/report-pdf',
		}),
		route('w/:workspaceId/assessments/:assessmentId/report.xlsx', 'routes/results/report.ts', {
			id: 'routes/results/report-xlsx',
		}),
		route('w/:workspaceId/timeline', 'routes/annual-cycle/timeline.tsx'),
		route('w/:workspaceId/compare', 'routes/annual-cycle/compare.tsx'),
		route('w/:workspaceId/actions', 'routes/actions/list.tsx'),
		route('w/:workspaceId/actions/:actionId', 'routes/actions/detail.tsx'),
		route('w/:workspaceId/actions/:actionId/evidence/:evidenceId/download', 'routes/actions/evidence-download.ts'),
		route('w/:workspaceId/assessments/:assessmentId/actions', 'routes/actions/assessment.tsx'),
		route('actions', 'routes/actions/mine.tsx'),
	]),
] satisfies RouteConfig
