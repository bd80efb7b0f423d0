import type { MetaDescriptor } from 'react-router'
import type { MessageKey } from '#app/i18n/catalog.ts'
import { createTranslate, DEFAULT_LOCALE, isLocale } from '#app/i18n/i18n.ts'

type Match = { id: string; data?: unknown } | undefined

/**
 * A page title in the page's language ("成员 · 示例公司 · 门户"), for a route's meta(). meta() runs
 * in the browser too, so it reads the messages the root loader sent rather than the catalogues.
 */
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
	const messages =
		root && typeof root === 'object' && 'messages' in root && isMessages(root.messages)
			? root.messages
			: {}
	const t = createTranslate(locale, messages)
	return [{ title: [t(key), context, t('app.name')].filter(Boolean).join(' · ') }]
}

function isMessages(value: unknown): value is Record<string, string> {
	return typeof value === 'object' && value !== null
}
