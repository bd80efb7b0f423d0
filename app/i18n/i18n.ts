import type { MessageKey } from './catalog.ts'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

/**
 * A translate function over one language's messages. The server has every catalogue
 * (translator.ts); the browser gets only the active language's messages from the root loader,
 * so the catalogues never ship in the page's JavaScript.
 */
export function createTranslate(locale: Locale, messages: Readonly<Record<string, string>>): Translate {
	const numbers = new Intl.NumberFormat(locale)
	return (key, vars) => {
		const template = messages[key] ?? key
		if (!vars) return template
		return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
			const value = vars[name]
			if (value === undefined) return whole
			return typeof value === 'number' ? numbers.format(value) : value
		})
	}
}

// Building an Intl formatter costs far more than using one, and a page may format hundreds of values.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
	const key = `date|${locale}|${withTime}`
	let format = formatters.get(key)
	if (!(format instanceof Intl.DateTimeFormat)) {
		format = new Intl.DateTimeFormat(locale, {
			dateStyle: 'medium',
			...(withTime ? { timeStyle: 'short' } : {}),
			timeZone: 'Asia/Shanghai',
		})
		formatters.set(key, format)
	}
	return format
}

function numberFormat(locale: Locale, fractionDigits: number | undefined): Intl.NumberFormat {
	const key = `number|${locale}|${fractionDigits}`
	let format = formatters.get(key)
	if (!(format instanceof Intl.NumberFormat)) {
		format = new Intl.NumberFormat(locale, {
			minimumFractionDigits: fractionDigits,
			maximumFractionDigits: fractionDigits ?? 2,
		})
		formatters.set(key, format)
	}
	return format
}

export function formatDate(locale: Locale, date: Date | number, withTime = false): string {
	return dateFormat(locale, withTime).format(date)
}

export function formatNumber(locale: Locale, value: number, fractionDigits?: number): string {
	return numberFormat(locale, fractionDigits).format(value)
}

/** Picks the language: explicit cookie, then the browser's Accept-Language, then Chinese. */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookieValue)) return cookieValue
	const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
	if (first.startsWith('en')) return 'en'
	return DEFAULT_LOCALE
}
