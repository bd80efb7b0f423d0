import { describe, expect, test } from 'vitest'
import { getScheme } from '../schemes/index.ts'
import { forPanel, scoreStored } from './live-score.ts'

const green = getScheme('green-aftersales-2025')!

describe('forPanel', () => {
	test('keeps the score, level, reasons and progress, drops each indicator and the open lists', () => {
		const live = scoreStored(green, {
			answers: [
				{ indicatorId: '5.1.1.1', value: { fraction: 1 }, note: '', status: 'answered' },
				{ indicatorId: '5.1.1.2', value: { fraction: 0 }, note: '', status: 'answered' },
			],
			ratings: [],
			specialItems: [],
			evidence: [],
		})
		expect(live.ok).toBe(true)
		const panel = forPanel(live)
		if (!live.ok || !panel.ok) throw new Error('expected a score')
		expect(panel.result.score).toBe(live.result.score)
		expect(panel.result.level).toEqual(live.result.level)
		expect(panel.reasons).toEqual(live.reasons)
		expect(panel.progress).toEqual(live.progress)
		expect('indicators' in panel.result).toBe(false)
		expect('sections' in panel).toBe(false)
		// the original is not changed: the snapshot it came from is shared between requests
		expect(live.result.indicators.length).toBeGreaterThan(0)
		expect(live.sections.length).toBe(3)
	})

	test('a score the validator refused keeps its message', () => {
		const live = scoreStored(green, {
			answers: [{ indicatorId: '5.1.1.1', value: { fraction: 2 }, note: '', status: 'answered' }],
			ratings: [],
			specialItems: [],
			evidence: [],
		})
		const panel = forPanel(live)
		if (live.ok || panel.ok) throw new Error('expected the validator to refuse a fraction of 2')
		expect(panel.error).toBe(live.error)
		expect(panel.error).toContain('5.1.1.1')
		expect('sections' in panel).toBe(false)
	})
})
