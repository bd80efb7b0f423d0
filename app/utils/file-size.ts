/** A byte count for people: "812 B", "35 KB", "20 MB" (1024-based, at most one decimal). */
export function formatFileSize(bytes: number, locale: string): string {
	const units = ['B', 'KB', 'MB', 'GB']
	let value = bytes
	let unit = 0
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024
		unit++
	}
	const digits = unit === 0 || value >= 10 ? 0 : 1
	return `${numberFormat(locale, digits).format(value)} ${units[unit]}`
}

// a formatter per call cost ~1 ms on a questionnaire page that shows the limit on every indicator
const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
	const key = `${locale}|${digits}`
	let format = formats.get(key)
	if (!format) {
		format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })
		formats.set(key, format)
	}
	return format
}
