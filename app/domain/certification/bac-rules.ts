/**
 * Certification facts of BAC-FR01-2021 (seed 003) that the portal computes:
 * certificate numbers (§6.2.2, scheme-decisions.md decision 14) and surveillance deadlines
 * (§5.1.4.2 3) and §5.7.1, decision 13). Dates are ISO calendar dates ("2025-03-15"), not
 * instants, so that no time zone can move a deadline by a day.
 */

export const FIRST_SURVEILLANCE_MONTHS = 12
export const MAX_SURVEILLANCE_GAP_MONTHS = 15

export type CertificateNumberParts = {
	/** the body's approval number, e.g. "307" (last three digits of its CNCA approval) */
	approvalNo: string
	/** the four-digit year the certificate is issued; printed as its last two digits */
	year: number
	/** the CNAS service-certification field code */
	fieldCode: string
	/** issue order, 1 → "0001" */
	sequence: number
	/** 0 for the initial certification, 1 for the first recertification, … */
	recertification: number
	/** sub-certificate number for one of several sites */
	site?: number
}

function isWholeInRange(value: number, min: number, max: number): boolean {
	return Number.isInteger(value) && value >= min && value <= max
}

/** "307 19 XXXX 0001 R0-1": the parts separated by spaces, the site joined to R{n} by "-". */
export function formatCertificateNumber(parts: CertificateNumberParts): string {
	const { approvalNo, year, fieldCode, sequence, recertification, site } = parts
	if (!/^\S+$/.test(approvalNo))
		throw new RangeError('approvalNo must be non-empty, without spaces')
	if (!/^\S+$/.test(fieldCode)) throw new RangeError('fieldCode must be non-empty, without spaces')
	if (!isWholeInRange(year, 1000, 9999)) throw new RangeError('year must be a four-digit year')
	if (!isWholeInRange(sequence, 1, 9999))
		throw new RangeError('sequence must be a whole number 1–9999')
	if (!isWholeInRange(recertification, 0, Number.MAX_SAFE_INTEGER))
		throw new RangeError('recertification must be a whole number ≥ 0')
	if (site !== undefined && !isWholeInRange(site, 1, Number.MAX_SAFE_INTEGER))
		throw new RangeError('site must be a whole number ≥ 1')
	const yy = String(year % 100).padStart(2, '0')
	const seq = String(sequence).padStart(4, '0')
	const suffix = site === undefined ? '' : `-${site}`
	return `${approvalNo} ${yy} ${fieldCode} ${seq} R${recertification}${suffix}`
}

type CalendarDate = { year: number; month: number; day: number }

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function parseDate(value: string, name: string): CalendarDate {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
	const [year, month, day] = match
		? [Number(match[1]), Number(match[2]), Number(match[3])]
		: [0, 0, 0]
	if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
		throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got "${value}"`)
	return { year, month, day }
}

function formatDate({ year, month, day }: CalendarDate): string {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
	return a.year - b.year || a.month - b.month || a.day - b.day
}

/**
 * The last day of a period of whole months, as the Civil Code counts it (民法典 §201–202): the
 * day with the same number in the final month, or that month's last day when it has none.
 */
function addMonths(date: CalendarDate, months: number): CalendarDate {
	const index = date.year * 12 + (date.month - 1) + months
	const year = Math.floor(index / 12)
	const month = (index % 12) + 1
	return { year, month, day: Math.min(date.day, daysInMonth(year, month)) }
}

/**
 * The latest date the next surveillance may take place (§5.1.4.2 3), §5.7.1): the first within
 * 12 months of the certification decision; after a surveillance, one in the following calendar
 * year and no more than 15 months later, whichever comes first. The recertification year, which
 * needs no surveillance, is for the caller to recognise.
 */
export function nextSurveillanceDue(
	decisionDate: string,
	lastSurveillanceDate: string | null,
): string {
	const decision = parseDate(decisionDate, 'decisionDate')
	if (lastSurveillanceDate === null)
		return formatDate(addMonths(decision, FIRST_SURVEILLANCE_MONTHS))
	const last = parseDate(lastSurveillanceDate, 'lastSurveillanceDate')
	if (compareDates(last, decision) < 0)
		throw new RangeError('lastSurveillanceDate must not be before decisionDate')
	const byGap = addMonths(last, MAX_SURVEILLANCE_GAP_MONTHS)
	const byCalendarYear = { year: last.year + 1, month: 12, day: 31 }
	return formatDate(compareDates(byGap, byCalendarYear) <= 0 ? byGap : byCalendarYear)
}
