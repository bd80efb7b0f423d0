import { useId } from 'react'
import { Form, Link, useLocation } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import type { Role } from '#app/utils/roles.ts'
import { sectionOf } from './workspace-nav.tsx'

export type SwitcherWorkspace = { id: string; name: string; role: Role }

/**
 * Which client is open, and the way to another one. A GET form, so it works without JavaScript;
 * /workspaces/switch keeps the section (members stays members) when the role allows it there.
 */
export function WorkspaceSwitcher({
	workspaces,
	currentId,
}: {
	workspaces: SwitcherWorkspace[]
	currentId: string | null
}) {
	const { t } = useI18n()
	const id = useId()
	const location = useLocation()
	return (
		<div className="flex flex-wrap items-end gap-2">
			<Form method="get" action="/workspaces/switch" className="flex items-end gap-2">
				<div>
					<label htmlFor={id} className="block text-xs font-medium text-slate-600">
						{t('shell.switcher.label')}
					</label>
					<select
						id={id}
						name="to"
						defaultValue={currentId ?? ''}
						key={currentId ?? ''}
						required
						className="mt-0.5 block w-full max-w-[16rem] truncate rounded border border-slate-300 bg-white py-1.5 pl-2 pr-8 text-sm font-medium text-slate-900"
					>
						{currentId ? null : (
							<option value="" disabled>
								{t('shell.switcher.none')}
							</option>
						)}
						{workspaces.map((workspace) => (
							<option key={workspace.id} value={workspace.id}>
								{workspace.name}
							</option>
						))}
					</select>
				</div>
				{currentId ? (
					<input type="hidden" name="section" value={sectionOf(location.pathname)} />
				) : null}
				<button
					type="submit"
					className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
				>
					{t('shell.switcher.submit')}
				</button>
			</Form>
			<Link
				to="/workspaces"
				className="py-1.5 text-sm text-brand-700 underline-offset-2 hover:underline"
			>
				{t('shell.switcher.all')}
			</Link>
		</div>
	)
}
