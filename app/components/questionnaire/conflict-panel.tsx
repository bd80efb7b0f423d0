import { useI18n } from '#app/i18n/use-i18n.tsx'
import { buttonClass } from '#app/components/form-fields.tsx'
import { summariseVersion, type AnswerMode, type AnswerValue } from './answer-model.ts'

export type Conflict = {
	theirs: {
		value: AnswerValue
		note: string
		version: number
		by: string | null
		byMe: boolean
		at: string | null
		percent: string | null
		ratingVersion: number
	}
	mine: { value: AnswerValue; note: string; percent: string | null }
}

/** The version not chosen in a conflict, kept on screen until dismissed so nothing is lost. */
export type Discarded = {
	kind: 'mine' | 'theirs'
	by: string | null
	byMe: boolean
	lines: string[]
}

function Version({ heading, lines }: { heading: string; lines: string[] }) {
	return (
		<section className="rounded border border-slate-200 bg-white p-3">
			<h4 className="text-sm font-semibold">{heading}</h4>
			<ul className="mt-1 space-y-1 text-sm whitespace-pre-line text-slate-800">
				{lines.map((line, i) => (
					<li key={i}>{line}</li>
				))}
			</ul>
		</section>
	)
}

function useWho() {
	const { t } = useI18n()
	return (by: string | null, byMe: boolean) =>
		byMe ? t('questionnaire.yourOtherTab') : by || t('questionnaire.someone')
}

export function ConflictPanel({
	mode,
	conflict,
	hydrated,
	onKeepMine,
	onUseTheirs,
	reloadHref,
}: {
	mode: AnswerMode
	conflict: Conflict
	hydrated: boolean
	onKeepMine: () => void
	onUseTheirs: () => void
	reloadHref: string
}) {
	const { t, date } = useI18n()
	const who = useWho()(conflict.theirs.by, conflict.theirs.byMe)
	const time = conflict.theirs.at ? date(new Date(conflict.theirs.at), true) : ''
	return (
		<div
			role="alert"
			className="space-y-3 rounded border border-amber-400 bg-amber-50 p-4"
			data-conflict=""
		>
			<h4 className="font-semibold text-amber-900">
				{t('questionnaire.conflict.title', { name: who, time })}
			</h4>
			<p className="text-sm text-amber-900">{t('questionnaire.conflict.intro')}</p>
			<div className="grid gap-3 sm:grid-cols-2">
				<Version
					heading={t('questionnaire.conflict.yours')}
					lines={summariseVersion(t, mode, conflict.mine)}
				/>
				<Version
					heading={t('questionnaire.conflict.theirs', { name: who })}
					lines={summariseVersion(t, mode, conflict.theirs)}
				/>
			</div>
			{hydrated ? (
				<div className="flex flex-wrap gap-2">
					<button type="button" onClick={onKeepMine} className={buttonClass()}>
						{t('questionnaire.conflict.keepMine')}
					</button>
					<button type="button" onClick={onUseTheirs} className={buttonClass('secondary')}>
						{t('questionnaire.conflict.useTheirs', { name: who })}
					</button>
				</div>
			) : (
				<p className="text-sm text-amber-900">
					{t('questionnaire.conflict.noJs')}{' '}
					<a href={reloadHref} className="font-medium underline">
						{t('questionnaire.conflict.reload')}
					</a>
				</p>
			)}
		</div>
	)
}

export function DiscardedPanel({
	discarded,
	onDismiss,
}: {
	discarded: Discarded
	onDismiss: () => void
}) {
	const { t } = useI18n()
	const who = useWho()(discarded.by, discarded.byMe)
	const heading =
		discarded.kind === 'mine'
			? t('questionnaire.discarded.mine')
			: t('questionnaire.discarded.theirs', { name: who })
	return (
		<div
			className="space-y-2 rounded border border-slate-300 bg-slate-100 p-3"
			data-discarded={discarded.kind}
		>
			<Version heading={heading} lines={discarded.lines} />
			<button type="button" onClick={onDismiss} className={buttonClass('secondary')}>
				{t('questionnaire.discarded.dismiss')}
			</button>
		</div>
	)
}
