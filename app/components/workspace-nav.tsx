import { NavLink } from 'react-router'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { hasRole, type Role } from '#app/utils/roles.ts'

/**
 * The sections of an open workspace, in menu order. A new area (assessments, reports, …) adds one
 * entry here: the header, the mobile menu and the workspace switcher all read this list.
 */
export const workspaceSections = [
	{ key: 'overview', path: '', label: 'workspace.nav.overview', minimumRole: 'viewer' },
	{
		key: 'assessments',
		path: 'assessments',
		label: 'workspace.nav.assessments',
		minimumRole: 'viewer',
	},
	{
		key: 'myAssignments',
		path: 'my-assignments',
		label: 'collab.nav.myAssignments',
		minimumRole: 'assessor',
	},
	{ key: 'timeline', path: 'timeline', label: 'workspace.nav.timeline', minimumRole: 'viewer' },
	{ key: 'actions', path: 'actions', label: 'actions.nav', minimumRole: 'viewer' },
	{ key: 'members', path: 'members', label: 'workspace.nav.members', minimumRole: 'viewer' },
	{ key: 'audit', path: 'audit', label: 'workspace.nav.audit', minimumRole: 'admin' },
] as const satisfies readonly { key: string; path: string; label: MessageKey; minimumRole: Role }[]

export type SectionKey = (typeof workspaceSections)[number]['key']

export function workspacePath(workspaceId: string, section: SectionKey = 'overview'): string {
	const entry = workspaceSections.find((s) => s.key === section)
	const base = `/w/${encodeURIComponent(workspaceId)}`
	return entry?.path ? `${base}/${entry.path}` : base
}

/** The section a path inside a workspace belongs to (/w/x/members/invite → members). */
export function sectionOf(pathname: string): SectionKey {
	const segment = pathname.split('/')[3] ?? ''
	return workspaceSections.find((s) => s.path !== '' && s.path === segment)?.key ?? 'overview'
}

export function sectionsFor(role: Role) {
	return workspaceSections.filter((s) => hasRole(role, s.minimumRole))
}

export function WorkspaceNav({ workspaceId, role }: { workspaceId: string; role: Role }) {
	const { t } = useI18n()
	return (
		<nav aria-label={t('shell.mainNav')} className="-mb-px overflow-x-auto">
			<ul className="flex gap-1">
				{sectionsFor(role).map((section) => (
					<li key={section.key}>
						<NavLink
							to={workspacePath(workspaceId, section.key)}
							end={section.key === 'overview'}
							className={({ isActive }) =>
								`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
									isActive
										? 'border-brand-700 text-brand-800'
										: 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
								}`
							}
						>
							{t(section.label)}
						</NavLink>
					</li>
				))}
			</ul>
		</nav>
	)
}
