import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { formatDate, formatNumber, translator, type Locale, type Translate } from './i18n.ts'

type I18n = {
	locale: Locale
	t: Translate
	date: (value: Date | number, withTime?: boolean) => string
	number: (value: number, fractionDigits?: number) => string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
	const value = useMemo<I18n>(
		() => ({
			locale,
			t: translator(locale),
			date: (v, withTime) => formatDate(locale, v, withTime),
			number: (v, digits) => formatNumber(locale, v, digits),
		}),
		[locale],
	)
	return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
	const value = useContext(I18nContext)
	if (!value) throw new Error('useI18n outside I18nProvider')
	return value
}
