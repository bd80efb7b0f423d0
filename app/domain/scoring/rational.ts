/**
 * Exact rational numbers for scoring (docs/decisions/002-exact-arithmetic.md).
 *
 * A value is kept as two safe-integer numbers while it fits, which covers every score a real
 * assessment produces, and moves to bigints only when a product would pass 2^53. Values are
 * immutable with a positive denominator; sums are not reduced to lowest terms (the gcd was a
 * sixth of the scoring time), so compare values with `compare`, never field by field.
 */
export type Rational = {
	readonly n: number | bigint
	readonly d: number | bigint
}

type Small = { readonly n: number; readonly d: number }
type Big = { readonly n: bigint; readonly d: bigint }

export const ZERO: Rational = { n: 0, d: 1 }
export const ONE: Rational = { n: 1, d: 1 }

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

function isSmall(value: Rational): value is Small {
	return typeof value.n === 'number'
}

function gcd(a: number, b: number): number {
	if (a < 0) a = -a
	while (b !== 0) {
		const t = a % b
		a = b
		b = t
	}
	return a
}

function gcdBig(a: bigint, b: bigint): bigint {
	if (a < 0n) a = -a
	if (b < 0n) b = -b
	while (b !== 0n) {
		const t = a % b
		a = b
		b = t
	}
	return a
}

function big(value: Rational): Big {
	return { n: BigInt(value.n), d: BigInt(value.d) }
}

/** Reduces and returns the small form when both parts fit. */
function fromBig(n: bigint, d: bigint): Rational {
	if (d < 0n) {
		n = -n
		d = -d
	}
	const g = gcdBig(n, d)
	if (g > 1n) {
		n /= g
		d /= g
	}
	if (n <= MAX_SAFE && n >= -MAX_SAFE && d <= MAX_SAFE) return { n: Number(n), d: Number(d) }
	return { n, d }
}

/** n and d are safe integers, d > 0. */
function fromSmall(n: number, d: number): Rational {
	if (n === 0) return ZERO
	const g = gcd(n, d)
	return g === 1 ? { n, d } : { n: n / g, d: d / g }
}

export function rational(n: number | bigint, d: number | bigint = 1): Rational {
	if (typeof n === 'number' && typeof d === 'number') {
		if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0)
			throw new RangeError(`not a rational: ${n}/${d}`)
		return d < 0 ? fromSmall(-n, -d) : fromSmall(n, d)
	}
	const bd = BigInt(d)
	if (bd === 0n) throw new RangeError('zero denominator')
	return fromBig(BigInt(n), bd)
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/

const decimals = new Map<number, Rational>()

/**
 * The exact value of a JSON number as written: its shortest decimal representation, so 0.1
 * is 1/10 and not the binary double nearest to it.
 */
export function fromDecimal(value: number): Rational {
	if (Number.isSafeInteger(value)) return value === 0 ? ZERO : { n: value, d: 1 }
	// answers repeat the same few values (0.5, 0.7, 72.5 …); reading each once saves the string work
	const known = decimals.get(value)
	if (known) return known
	const exact = readDecimal(value)
	if (decimals.size >= 10_000) decimals.clear()
	decimals.set(value, exact)
	return exact
}

function readDecimal(value: number): Rational {
	if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`)
	const match = DECIMAL.exec(String(value))
	if (!match) throw new RangeError(`cannot read ${value} as a decimal`)
	const [, sign, whole, fractionDigits = '', exponent = '0'] = match
	const digits = `${whole}${fractionDigits}`
	const scale = fractionDigits.length - Number(exponent)
	let n = BigInt(digits)
	if (sign) n = -n
	return scale >= 0 ? fromBig(n, 10n ** BigInt(scale)) : fromBig(n * 10n ** BigInt(-scale), 1n)
}

export function add(a: Rational, b: Rational): Rational {
	if (isSmall(a) && isSmall(b)) {
		if (a.d === b.d) {
			const n = a.n + b.n
			if (Number.isSafeInteger(n)) return n === 0 ? ZERO : { n, d: a.d }
		} else {
			const g = gcd(a.d, b.d)
			const bd = b.d / g
			const ad = a.d / g
			const left = a.n * bd
			const right = b.n * ad
			const n = left + right
			const d = a.d * bd
			if (
				Number.isSafeInteger(left) &&
				Number.isSafeInteger(right) &&
				Number.isSafeInteger(n) &&
				Number.isSafeInteger(d)
			)
				return n === 0 ? ZERO : { n, d }
		}
	}
	const x = big(a)
	const y = big(b)
	return fromBig(x.n * y.d + y.n * x.d, x.d * y.d)
}

export function negate(a: Rational): Rational {
	if (isSmall(a)) return a.n === 0 ? ZERO : { n: -a.n, d: a.d }
	const x = big(a)
	return fromBig(-x.n, x.d)
}

export function sub(a: Rational, b: Rational): Rational {
	return add(a, negate(b))
}

export function mul(a: Rational, b: Rational): Rational {
	if (isSmall(a) && isSmall(b)) {
		if (a.n === 0 || b.n === 0) return ZERO
		if (b.d === 1 && b.n === 1) return a
		const g1 = gcd(a.n, b.d)
		const g2 = gcd(b.n, a.d)
		const n = (a.n / g1) * (b.n / g2)
		const d = (a.d / g2) * (b.d / g1)
		if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return { n, d }
	}
	const x = big(a)
	const y = big(b)
	return fromBig(x.n * y.n, x.d * y.d)
}

export function div(a: Rational, b: Rational): Rational {
	if (isZero(b)) throw new RangeError('division by zero')
	const inverse: Rational = isSmall(b)
		? b.n < 0
			? { n: -b.d, d: -b.n }
			: { n: b.d, d: b.n }
		: fromBig(BigInt(b.d), BigInt(b.n))
	return mul(a, inverse)
}

export function isZero(a: Rational): boolean {
	return a.n === 0 || a.n === 0n
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
	if (isSmall(a) && isSmall(b)) {
		const left = a.n * b.d
		const right = b.n * a.d
		if (Number.isSafeInteger(left) && Number.isSafeInteger(right))
			return left < right ? -1 : left > right ? 1 : 0
	}
	const x = big(a)
	const y = big(b)
	const left = x.n * y.d
	const right = y.n * x.d
	return left < right ? -1 : left > right ? 1 : 0
}

export function min(a: Rational, b: Rational): Rational {
	return compare(a, b) <= 0 ? a : b
}

export function max(a: Rational, b: Rational): Rational {
	return compare(a, b) >= 0 ? a : b
}

export function sum(values: readonly Rational[]): Rational {
	let total = ZERO
	for (const value of values) total = add(total, value)
	return total
}

function floorDiv(n: bigint, d: bigint): bigint {
	const q = n / d
	return n % d !== 0n && n < 0n ? q - 1n : q
}

/**
 * Rounds to `places` decimals with halves going up, towards +∞ (84.705 → 84.71,
 * −1.005 → −1.00), from the exact value: floor(x × 10^places + 1/2).
 */
export function roundHalfUp(a: Rational, places: number): Rational {
	const scale = 10n ** BigInt(places)
	const x = big(a)
	const scaled = floorDiv(2n * x.n * scale + x.d, 2n * x.d)
	return fromBig(scaled, scale)
}

/** The double nearest to the exact value (ties to even), as JSON output needs. */
export function toNumber(a: Rational): number {
	if (isSmall(a)) return a.n / a.d
	const { n, d } = big(a)
	const negative = n < 0n
	const magnitude = negative ? -n : n
	if (magnitude === 0n) return 0
	// Scale so the integer quotient carries at least 55 significant bits; a sticky low bit for
	// a non-zero remainder keeps the single rounding in Number() correct.
	const shift = Math.max(0, 55 - (magnitude.toString(2).length - d.toString(2).length))
	const scaled = magnitude << BigInt(shift)
	let q = scaled / d
	if (scaled % d !== 0n) q |= 1n
	const value = Number(q) / 2 ** shift
	return negative ? -value : value
}

export function toDecimalString(a: Rational): string {
	const { n, d } = big(fromBig(BigInt(a.n), BigInt(a.d)))
	let twos = 0
	let fives = 0
	let rest = d
	while (rest % 2n === 0n) {
		rest /= 2n
		twos++
	}
	while (rest % 5n === 0n) {
		rest /= 5n
		fives++
	}
	if (rest !== 1n) throw new RangeError('not a terminating decimal')
	const places = Math.max(twos, fives)
	const scaled = (n * 10n ** BigInt(places)) / d
	const negative = scaled < 0n
	const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0')
	const whole = digits.slice(0, digits.length - places)
	const fraction = places ? `.${digits.slice(digits.length - places)}` : ''
	return `${negative ? '-' : ''}${whole}${fraction}`
}

/** Whether the value has a finite decimal expansion that a JSON number reproduces exactly. */
export function toExactNumber(a: Rational): number | null {
	let text: string
	try {
		text = toDecimalString(a)
	} catch {
		return null
	}
	const value = Number(text)
	return compare(fromDecimal(value), a) === 0 ? value : null
}
