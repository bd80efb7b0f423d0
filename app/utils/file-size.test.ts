import { expect, test } from 'vitest'
import { formatFileSize } from './file-size.ts'

test('sizes in 1024 steps with one decimal below ten, the same after the formatter is reused', () => {
	for (let round = 0; round < 2; round++) {
		expect(formatFileSize(812, 'en')).toBe('812 B')
		expect(formatFileSize(1536, 'en')).toBe('1.5 KB')
		expect(formatFileSize(35 * 1024, 'zh-CN')).toBe('35 KB')
		expect(formatFileSize(20 * 1024 * 1024, 'en')).toBe('20 MB')
		expect(formatFileSize(1234 * 1024 * 1024 * 1024, 'en')).toBe('1,234 GB')
	}
})
