import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { LanguageSwitcher } from './language-switcher.tsx'

/** The centred card of the signed-out pages (sign-up, log-in, password reset, verification). */
export function AuthCard({
	title,
	description,
	children,
	footer,
}: {
	title: string
	description?: ReactNode
	children: ReactNode
	footer?: ReactNode
}) {
	const { t } = useI18n()
	return (
		<div className="flex min-h-full flex-col">
			<header className="mx-auto flex w-full max-w-md items-center justify-between gap-4 px-4 pt-6">
				<Link to="/" className="font-bold text-brand-800 underline-offset-2 hover:underline">
					{t('app.name')}
				</Link>
				<LanguageSwitcher />
			</header>
			<main
				id="main"
				className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 py-10"
			>
				<div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
					<h1 className="text-2xl font-bold text-slate-900">{title}</h1>
					{description ? <div className="mt-2 text-sm text-slate-600">{description}</div> : null}
					<div className="mt-6">{children}</div>
				</div>
				{footer ? <div className="mt-6 text-center text-sm text-slate-700">{footer}</div> : null}
			</main>
		</div>
	)
}
