import { useId } from 'react'
import { useFetcher, useLocation } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { assignmentsPath } from '#app/utils/collaboration.ts'
import { hasRole, type Role } from '#app/utils/roles.ts'
import type { PanelErrors } from './evidence-panel.tsx'
import { buttonClass } from './form-fields.tsx'

export type AssigneeOption = { userId: string; name: string }

/**
 * Who answers a section or an indicator. Owners and admins pick anyone who can answer (or nobody);
 * an assessor may take what is unassigned, or hand back their own; viewers and a submitted
 * assessment see the name only.
 */
export function AssigneePicker({
	workspaceId,
	assessmentId,
	targetType,
	targetId,
	targetLabel,
	assignee,
	inheritedFrom,
	members,
	viewer,
	locked,
	redirectTo,
	errors,
}: {
	workspaceId: string
	assessmentId: string
	targetType: 'section' | 'indicator'
	targetId: string
	/** the section or indicator in words ("5.1.1 组织架构"), for the control's label */
	targetLabel: string
	assignee: AssigneeOption | null
	/** an indicator without its own assignee is answered by its section's */
	inheritedFrom?: AssigneeOption | null
	/** members who can answer (assessors and above) */
	members: AssigneeOption[]
	viewer: { userId: string; role: Role }
	/** the assessment is submitted */
	locked: boolean
	redirectTo?: string
	errors?: PanelErrors
}) {
	const { t } = useI18n()
	const location = useLocation()
	const back = redirectTo ?? `${location.pathname}${location.search}`
	const fetcher = useFetcher<{ errors?: PanelErrors } | undefined>({
		key: `assign-${assessmentId}-${targetType}-${targetId}`,
	})
	const id = useId()
	const action = assignmentsPath(workspaceId, assessmentId, { redirectTo: back })
	const shownErrors = fetcher.data?.errors ?? errors
	const messages = shownErrors ? Object.values(shownErrors).flatMap((list) => list ?? []) : []
	const manager = hasRole(viewer.role, 'admin')
	const mayChange = !locked && hasRole(viewer.role, 'assessor')
	const current = assignee
		? assignee.name
		: inheritedFrom
			? t('collab.assign.inherited', { name: inheritedFrom.name })
			: t('collab.assign.none')
	const busy = fetcher.state !== 'idle'
	const hidden = (
		<>
			<input type="hidden" name="targetType" value={targetType} />
			<input type="hidden" name="targetId" value={targetId} />
			<input type="hidden" name="redirectTo" value={back} />
		</>
	)

	return (
		<div className="space-y-1 text-sm">
			{manager && mayChange ? (
				<div className="flex flex-wrap items-end gap-2">
					<fetcher.Form
						method="post"
						action={action}
						preventScrollReset
						className="flex flex-wrap items-end gap-2"
					>
						{hidden}
						<input type="hidden" name="intent" value="assign" />
						<div>
							<label htmlFor={`${id}-user`} className="block text-xs font-medium text-slate-700">
								{t('collab.assign.assigneeFor', { target: targetLabel })}
							</label>
							<select
								id={`${id}-user`}
								name="userId"
								// a new default when the assignee changes elsewhere
								key={assignee?.userId ?? ''}
								defaultValue={assignee?.userId ?? ''}
								required
								aria-invalid={messages.length > 0 || undefined}
								aria-describedby={messages.length > 0 ? `${id}-error` : `${id}-current`}
								className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5 text-base sm:text-sm"
							>
								{assignee ? null : (
									<option value="" disabled>
										{t('collab.assign.choose')}
									</option>
								)}
								{members.map((member) => (
									<option key={member.userId} value={member.userId}>
										{member.name}
									</option>
								))}
							</select>
						</div>
						<button
							type="submit"
							disabled={busy}
							aria-label={t('collab.assign.assignLabel', { target: targetLabel })}
							className={buttonClass('secondary')}
						>
							{t('collab.assign.assign')}
						</button>
					</fetcher.Form>
					{assignee ? (
						<fetcher.Form method="post" action={action} preventScrollReset>
							{hidden}
							<input type="hidden" name="intent" value="unassign" />
							<button
								type="submit"
								disabled={busy}
								aria-label={t('collab.assign.unassignLabel', { target: targetLabel })}
								className={buttonClass('secondary')}
							>
								{t('collab.assign.unassign')}
							</button>
						</fetcher.Form>
					) : null}
				</div>
			) : (
				<div className="flex flex-wrap items-center gap-2">
					<span className="text-slate-700">{t('collab.assign.current', { name: current })}</span>
					{mayChange && !assignee ? (
						<fetcher.Form method="post" action={action} preventScrollReset>
							{hidden}
							<input type="hidden" name="intent" value="assign" />
							<input type="hidden" name="userId" value={viewer.userId} />
							<button
								type="submit"
								disabled={busy}
								aria-label={t('collab.assign.takeLabel', { target: targetLabel })}
								className={buttonClass('secondary')}
							>
								{t('collab.assign.take')}
							</button>
						</fetcher.Form>
					) : null}
					{mayChange && assignee?.userId === viewer.userId ? (
						<fetcher.Form method="post" action={action} preventScrollReset>
							{hidden}
							<input type="hidden" name="intent" value="unassign" />
							<button
								type="submit"
								disabled={busy}
								aria-label={t('collab.assign.releaseLabel', { target: targetLabel })}
								className={buttonClass('secondary')}
							>
								{t('collab.assign.release')}
							</button>
						</fetcher.Form>
					) : null}
				</div>
			)}
			{manager && mayChange ? (
				<p id={`${id}-current`} className="text-xs text-slate-600">
					{t('collab.assign.current', { name: current })}
				</p>
			) : null}
			{messages.length > 0 ? (
				<ul id={`${id}-error`} role="alert" className="text-sm text-red-700">
					{messages.map((message) => (
						<li key={message}>{message}</li>
					))}
				</ul>
			) : null}
		</div>
	)
}
