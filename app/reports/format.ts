import type { Locale } from '#app/i18n/i18n.ts'

const formats = new Map<string, Intl.NumberFormat>()

/** A number formatter, kept: building an Intl.NumberFormat costs more than a hundred uses of one. */
export function numberFormat(
	locale: Locale,
	maxDigits: number,
	minDigits = 0,
): (value: number) => string {
	const key = `${locale}:${minDigits}:${maxDigits}`
	let format = formats.get(key)
	if (!format) {
		format = new Intl.NumberFormat(locale, {
			minimumFractionDigits: minDigits,
			maximumFractionDigits: maxDigits,
		})
		formats.set(key, format)
	}
	const kept = format
	return (value) => kept.format(value)
}
