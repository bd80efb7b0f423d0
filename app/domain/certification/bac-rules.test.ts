import { describe, expect, it } from 'vitest'
import { formatCertificateNumber, nextSurveillanceDue } from './bac-rules.ts'

describe('formatCertificateNumber (BAC-FR01-2021 §6.2.2)', () => {
	it('prints the first certificate of 2019 as the seed does: approval, year, field, sequence, R0', () => {
		expect(
			formatCertificateNumber({
				approvalNo: '307',
				year: 2019,
				fieldCode: 'SHFW',
				sequence: 1,
				recertification: 0,
			}),
		).toBe('307 19 SHFW 0001 R0')
	})

	it('joins a sub-certificate to the R part with a hyphen', () => {
		expect(
			formatCertificateNumber({
				approvalNo: '307',
				year: 2025,
				fieldCode: 'SHFW',
				sequence: 123,
				recertification: 1,
				site: 2,
			}),
		).toBe('307 25 SHFW 0123 R1-2')
	})

	it('pads the year and keeps four-digit sequences as they are', () => {
		expect(
			formatCertificateNumber({
				approvalNo: '307',
				year: 2005,
				fieldCode: 'A1',
				sequence: 9999,
				recertification: 12,
				site: 10,
			}),
		).toBe('307 05 A1 9999 R12-10')
	})

	it.each([
		['sequence 0', { sequence: 0 }],
		['sequence 10000', { sequence: 10000 }],
		['fractional sequence', { sequence: 1.5 }],
		['negative recertification', { recertification: -1 }],
		['site 0', { site: 0 }],
		['two-digit year', { year: 19 }],
		['approval number with a space', { approvalNo: '30 7' }],
		['empty field code', { fieldCode: '' }],
	])('refuses %s', (_name, override) => {
		const parts = {
			approvalNo: '307',
			year: 2019,
			fieldCode: 'SHFW',
			sequence: 1,
			recertification: 0,
		}
		expect(() => formatCertificateNumber({ ...parts, ...override })).toThrow(RangeError)
	})
})

describe('nextSurveillanceDue (BAC-FR01-2021 §5.7.1)', () => {
	it('allows the first surveillance up to the same day 12 months after the decision', () => {
		expect(nextSurveillanceDue('2025-03-15', null)).toBe('2026-03-15')
		expect(nextSurveillanceDue('2025-12-31', null)).toBe('2026-12-31')
	})

	it('ends a period from 29 February on 28 February when the final month has no 29th', () => {
		expect(nextSurveillanceDue('2024-02-29', null)).toBe('2025-02-28')
	})

	it('takes 15 months after the last surveillance when that falls within the next calendar year', () => {
		// 2026-03-10 + 15 months = 2027-06-10, before 2027-12-31
		expect(nextSurveillanceDue('2025-03-15', '2026-03-10')).toBe('2027-06-10')
		// 2026-09-30 + 15 months = 2027-12-30, one day before the calendar-year limit
		expect(nextSurveillanceDue('2025-10-01', '2026-09-30')).toBe('2027-12-30')
	})

	it('takes the end of the next calendar year when 15 months would run past it', () => {
		// 2026-10-01 + 15 months = 2028-01-01, after 2027-12-31
		expect(nextSurveillanceDue('2025-10-20', '2026-10-01')).toBe('2027-12-31')
		// 2026-11-20 + 15 months = 2028-02-20
		expect(nextSurveillanceDue('2025-12-01', '2026-11-20')).toBe('2027-12-31')
	})

	it('ends a 15-month period on the last day of a shorter final month', () => {
		// 2025-01-31 + 15 months = 2026-04-31, which does not exist → 2026-04-30
		expect(nextSurveillanceDue('2024-02-05', '2025-01-31')).toBe('2026-04-30')
	})

	it('refuses a surveillance before the decision and dates that do not exist', () => {
		expect(() => nextSurveillanceDue('2025-03-15', '2025-03-14')).toThrow(RangeError)
		expect(() => nextSurveillanceDue('2025-02-30', null)).toThrow(RangeError)
		expect(() => nextSurveillanceDue('2025-3-15', null)).toThrow(RangeError)
		expect(() => nextSurveillanceDue('2025-03-15', '2025-13-01')).toThrow(RangeError)
	})
})
