import type { MetaDescriptor } from 'react-router'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { DEFAULT_LOCALE, isLocale, translator } from '#app/i18n/i18n.ts'

type Match = { id: string; data?: unknown } | undefined

/** A page title in the page's language ("成员 · 示例公司 · 门户"), for a route's meta(). */
export function pageTitle(
	matches: readonly Match[],
	key: MessageKey,
	context?: string,
): MetaDescriptor[] {
	const root = matches.find((match) => match?.id === 'root')?.data
	const locale =
		root && typeof root === 'object' && 'locale' in root && isLocale(root.locale)
			? root.locale
			: DEFAULT_LOCALE
	const t = translator(locale)
	return [{ title: [t(key), context, t('app.name')].filter(Boolean).join(' · ') }]
}
