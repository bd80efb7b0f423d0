import { expect, test } from 'vitest'
import { formatDate, formatNumber } from './i18n.ts'

test('cached formatters keep each locale and option apart', () => {
	const when = Date.UTC(2026, 2, 5, 4, 30)
	for (let round = 0; round < 2; round++) {
		expect(formatDate('zh-CN', when)).toBe('2026年3月5日')
		expect(formatDate('en', when)).toBe('Mar 5, 2026')
		expect(formatDate('zh-CN', when, true)).toBe('2026年3月5日 12:30')
		expect(formatNumber('en', 1234.5)).toBe('1,234.5')
		expect(formatNumber('en', 1234.5, 2)).toBe('1,234.50')
		expect(formatNumber('zh-CN', 0.125)).toBe('0.13')
	}
})
