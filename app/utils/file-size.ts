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
	return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`
}
