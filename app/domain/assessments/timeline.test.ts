import { describe, expect, it } from 'vitest'
import {
	byHappened,
	chronological,
	clientGlance,
	defaultPair,
	levelView,
	soonestDue,
	timelineByScheme,
	type CycleAssessment,
} from './timeline.ts'

function row(
	id: string,
	schemeId: string,
	period: string,
	created: string,
	submitted: string | null = null,
): CycleAssessment {
	return {
		id,
		schemeId,
		period,
		status: submitted ? 'submitted' : 'in_progress',
		createdAt: new Date(created),
		submittedAt: submitted ? new Date(submitted) : null,
	}
}

// BAC: submitted 2024-03-20 and, late at night UTC but 1 April in China, 2025-03-31T17:30Z;
// this year's copy in progress. GB/T: one submission on 2025-06-10.
const bac2024 = row(
	'bac-2024',
	'bac-fr01-2021',
	'2024',
	'2024-02-01T02:00:00Z',
	'2024-03-20T03:00:00Z',
)
const bac2025 = row(
	'bac-2025',
	'bac-fr01-2021',
	'2025',
	'2025-02-01T02:00:00Z',
	'2025-03-31T17:30:00Z',
)
const bac2026 = row('bac-2026', 'bac-fr01-2021', '2026', '2026-02-15T02:00:00Z')
const gbt2025 = row(
	'gbt-2025',
	'gbt27922-2011',
	'2025',
	'2025-05-01T02:00:00Z',
	'2025-06-10T03:00:00Z',
)
const rows = [gbt2025, bac2024, bac2026, bac2025]

describe('timelineByScheme', () => {
	it('groups by scheme, newest period first, and dates the next review from the last submission in China', () => {
		const [bac, gbt] = timelineByScheme(rows, '2026-03-10')
		expect(bac?.schemeId).toBe('bac-fr01-2021')
		expect(bac?.entries.map((entry) => entry.id)).toEqual(['bac-2026', 'bac-2025', 'bac-2024'])
		expect(bac?.inProgress?.id).toBe('bac-2026')
		expect(bac?.lastSubmitted?.id).toBe('bac-2025')
		expect(bac?.due).toEqual({
			lastSubmitted: '2025-04-01',
			due: '2026-04-01',
			daysLeft: 22,
			overdue: false,
			dueSoon: true,
		})
		expect(gbt?.schemeId).toBe('gbt27922-2011')
		expect(gbt?.inProgress).toBeNull()
		expect(gbt?.due).toMatchObject({ due: '2026-06-10', daysLeft: 92, dueSoon: false })
	})

	it('marks a review overdue the day after it was due, and gives none before any submission', () => {
		const [bac] = timelineByScheme(rows, '2026-04-02')
		expect(bac?.due).toMatchObject({ daysLeft: -1, overdue: true, dueSoon: false })
		const [only] = timelineByScheme([bac2026], '2026-04-02')
		expect(only?.due).toBeNull()
		expect(only?.lastSubmitted).toBeNull()
		expect(timelineByScheme([], '2026-04-02')).toEqual([])
	})

	it('orders periods as numbers and puts the scheme worked on most recently first', () => {
		const h2 = row('h2', 'dni-cts-0301-2025', '2025-H2', '2025-07-01T00:00:00Z')
		const h10 = row('h10', 'dni-cts-0301-2025', '2025-H10', '2025-01-01T00:00:00Z')
		const dni = timelineByScheme([...rows, h2, h10], '2026-03-10').find(
			(timeline) => timeline.schemeId === 'dni-cts-0301-2025',
		)
		expect(dni?.entries.map((entry) => entry.id)).toEqual(['h10', 'h2'])
		expect(timelineByScheme(rows, '2026-03-10').map((timeline) => timeline.schemeId)).toEqual([
			'bac-fr01-2021',
			'gbt27922-2011',
		])
	})
})

describe('the order two assessments happened in', () => {
	it('puts submitted ones by submission, and one in progress after them', () => {
		expect([bac2026, bac2025, bac2024].sort(byHappened).map((entry) => entry.id)).toEqual([
			'bac-2024',
			'bac-2025',
			'bac-2026',
		])
		expect(chronological(bac2025, bac2024)).toEqual({
			before: bac2024,
			after: bac2025,
			swapped: true,
		})
		expect(chronological(bac2025, bac2026)).toMatchObject({ swapped: false })
	})

	it('opens a comparison with the latest assessment and the one before it of the same scheme', () => {
		expect(defaultPair(rows)).toEqual({ a: bac2025, b: bac2026 })
		const newGreen = row('green', 'green-aftersales-2025', '2026', '2026-03-01T00:00:00Z')
		expect(defaultPair([...rows, newGreen])).toEqual({ a: bac2025, b: bac2026 })
		expect(defaultPair([gbt2025, newGreen])).toBeNull()
		expect(defaultPair([])).toBeNull()
	})
})

describe('a client at a glance', () => {
	it('shows the assessment in progress, the last submitted and the soonest review', () => {
		const glance = clientGlance(rows, '2026-03-10')
		expect(glance.current?.id).toBe('bac-2026')
		expect(glance.last?.id).toBe('gbt-2025')
		expect(glance.nextReview).toMatchObject({ schemeId: 'bac-fr01-2021', due: '2026-04-01' })
		expect(soonestDue(timelineByScheme([gbt2025], '2026-07-01'))).toMatchObject({
			schemeId: 'gbt27922-2011',
			daysLeft: -21,
			overdue: true,
		})
		expect(clientGlance([], '2026-03-10')).toEqual({ current: null, last: null, nextReview: null })
	})
})

describe('levelView', () => {
	it('gives the scheme’s names and the stars to draw beside them', () => {
		expect(levelView('bac-fr01-2021', { key: 'star-4', name: '四星级' })).toEqual({
			key: 'star-4',
			name: '四星级',
			nameEn: 'Four-star',
			stars: 4,
		})
		expect(levelView('xbht-s04-2025', { key: 'star-3', name: '★★★' })).toMatchObject({
			name: '★★★',
			stars: 0,
		})
		expect(levelView('bac-fr01-2021', { key: 'fail', name: '不合格' })).toEqual({
			key: 'fail',
			name: '不合格',
			nameEn: null,
			stars: 0,
		})
		expect(levelView('bac-fr01-2021', null)).toBeNull()
	})
})
