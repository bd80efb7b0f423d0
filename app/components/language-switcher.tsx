import { Form, useLocation } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'

/** A plain form, so switching language works without JavaScript. */
export function LanguageSwitcher() {
	const { t, locale } = useI18n()
	const location = useLocation()
	const other = locale === 'zh-CN' ? 'en' : 'zh-CN'
	return (
		<Form method="post" action="/set-language">
			<input type="hidden" name="redirectTo" value={location.pathname + location.search} />
			<input type="hidden" name="locale" value={other} />
			<button
				type="submit"
				className="rounded px-2 py-1 text-sm text-slate-700 underline-offset-2 hover:underline"
				aria-label={t('nav.switchLanguage')}
				lang={other}
			>
				{other === 'en' ? 'English' : '中文'}
			</button>
		</Form>
	)
}
