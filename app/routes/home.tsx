import { Link, redirect } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { getSessionUser } from '#app/utils/session.server.ts'
import { LanguageSwitcher } from '#app/components/language-switcher.tsx'
import type { Route } from './+types/home'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await getSessionUser(request)
	if (user) throw redirect('/workspaces')
	return null
}

export function meta() {
	return [{ title: '售后服务认证自评门户' }]
}

export default function Home() {
	const { t } = useI18n()
	return (
		<main id="main" className="mx-auto flex min-h-full max-w-3xl flex-col justify-center px-6 py-16">
			<div className="flex justify-end">
				<LanguageSwitcher />
			</div>
			<h1 className="mt-8 text-3xl font-bold text-brand-800">{t('app.name')}</h1>
			<p className="mt-4 text-lg text-slate-700">{t('app.tagline')}</p>
			<div className="mt-10 flex gap-4">
				<Link to="/signup" className="rounded bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800">
					{t('home.signup')}
				</Link>
				<Link to="/login" className="rounded border border-slate-300 bg-white px-5 py-2.5 font-medium hover:bg-slate-100">
					{t('home.login')}
				</Link>
			</div>
		</main>
	)
}
