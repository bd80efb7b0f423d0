import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { createTranslate, formatDate, formatNumber, type Locale, type Translate } from './i18n.ts'

type I18n = {
	locale: Locale
	t: Translate
	date: (value: Date | number, withTime?: boolean) => string
	number: (value: number, fractionDigits?: number) => string
}

const I18nContext = createContext<I18n | null>(null)

/** `messages` are the active language's, from the root loader (see createTranslate). */
export function I18nProvider({
	locale,
	messages,
	children,
}: {
	locale: Locale
	messages: Readonly<Record<string, string>>
	children: ReactNode
}) {
	const value = useMemo<I18n>(
		() => ({
			locale,
			t: createTranslate(locale, messages),
			date: (v, withTime) => formatDate(locale, v, withTime),
			number: (v, digits) => formatNumber(locale, v, digits),
		}),
		[locale, messages],
	)
	return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
	const value = useContext(I18nContext)
	if (!value) throw new Error('useI18n outside I18nProvider')
	return value
}
