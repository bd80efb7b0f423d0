import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	add,
	compare,
	div,
	fromDecimal,
	mul,
	rational,
	roundHalfUp,
	sub,
	toDecimalString,
	toExactNumber,
	toNumber,
	type Rational,
} from './rational.ts'

const text = (value: Rational) => toDecimalString(value)
const same = (a: Rational, b: Rational) => compare(a, b) === 0

describe('fromDecimal reads a JSON number as the decimal it was written as', () => {
	test.each([
		[0.1, 1n, 10n],
		[0.7, 7n, 10n],
		[72.5, 145n, 2n],
		[-1.005, -201n, 200n],
		[1e-7, 1n, 10_000_000n],
		[1.5e-7, 3n, 20_000_000n],
		[0.30000000000000004, 30_000_000_000_000_004n, 100_000_000_000_000_000n],
		[1e21, 10n ** 21n, 1n],
		[0, 0n, 1n],
	])('%s = %s/%s', (value, n, d) => {
		expect(same(fromDecimal(value), rational(n, d))).toBe(true)
	})

	test('rejects what is not a finite number', () => {
		expect(() => fromDecimal(Number.NaN)).toThrow('not a finite number')
		expect(() => fromDecimal(Infinity)).toThrow('not a finite number')
	})
})

describe('arithmetic', () => {
	test('0.7 + 0.8 = 1.5, 0.1 + 0.2 = 0.3, 1.5 × 3 = 4.5, 1.5 × 0.3 = 0.45', () => {
		expect(text(add(fromDecimal(0.7), fromDecimal(0.8)))).toBe('1.5')
		expect(text(add(fromDecimal(0.1), fromDecimal(0.2)))).toBe('0.3')
		expect(text(mul(fromDecimal(1.5), rational(3)))).toBe('4.5')
		expect(text(mul(fromDecimal(1.5), fromDecimal(0.3)))).toBe('0.45')
	})

	test('(70 + 80 + 65) / 3 × 3 / 100 = 2.15', () => {
		const mean = div(add(add(rational(70), rational(80)), rational(65)), rational(3))
		expect(text(div(mul(mean, rational(3)), rational(100)))).toBe('2.15')
	})

	test('moves to bigints past 2^53 and back when the value shrinks', () => {
		const huge = mul(rational(Number.MAX_SAFE_INTEGER), rational(10))
		expect(typeof huge.n).toBe('bigint')
		const back = div(huge, rational(10))
		expect(back).toEqual({ n: Number.MAX_SAFE_INTEGER, d: 1 })
		const tiny = mul(fromDecimal(0.123456789012345), fromDecimal(0.987654321098765))
		expect(text(tiny)).toBe('0.121932631137021071359549253925')
	})

	test('division by zero throws', () => {
		expect(() => div(rational(1), rational(0))).toThrow('division by zero')
		expect(() => rational(1, 0)).toThrow()
	})
})

describe('roundHalfUp to 2 decimals, halves towards +∞', () => {
	test.each([
		['84.705', '84.71'],
		['84.7049', '84.7'],
		['1.005', '1.01'],
		['-1.005', '-1'],
		['-1.0051', '-1.01'],
		['-0.004', '0'],
		['69.995', '70'],
		['0.125', '0.13'],
	])('%s → %s', (value, rounded) => {
		expect(text(roundHalfUp(fromDecimal(Number(value)), 2))).toBe(rounded)
	})

	test('from the exact value, not from its double: 2/3 → 0.67, 1/8 → 0.13', () => {
		expect(text(roundHalfUp(rational(2, 3), 2))).toBe('0.67')
		expect(text(roundHalfUp(rational(-2, 3), 2))).toBe('-0.67')
		expect(text(roundHalfUp(rational(1, 8), 2))).toBe('0.13')
	})
})

describe('toNumber gives the double nearest to the exact value', () => {
	test('small and bigint forms', () => {
		expect(toNumber(rational(600, 7))).toBe(600 / 7)
		expect(toNumber(rational(10n ** 30n + 1n, 10n ** 28n))).toBe(100)
		expect(toNumber(rational(-(2n ** 60n) - 1n, 2n ** 7n))).toBe(-(2 ** 53))
		expect(toNumber(rational(1n, 3n * 10n ** 20n))).toBe(1 / 3e20)
	})

	test('property: no double lies closer to the exact quotient of two bigints', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).filter((n) => n !== 0n),
				fc.bigInt({ min: 1n, max: 10n ** 40n }),
				(n, d) => {
					const exact = rational(n, d)
					const chosen = toNumber(exact)
					const [below, above] = neighbours(chosen)
					const gap = (x: number) => distance(exactDouble(x), exact)
					return compare(gap(chosen), gap(below)) <= 0 && compare(gap(chosen), gap(above)) <= 0
				},
			),
		)
	})
})

/** The exact binary value of a double. */
function exactDouble(x: number): Rational {
	const view = new DataView(new ArrayBuffer(8))
	view.setFloat64(0, x)
	const bits = view.getBigUint64(0)
	const sign = bits >> 63n ? -1n : 1n
	const exponent = Number((bits >> 52n) & 0x7ffn)
	const fraction = bits & ((1n << 52n) - 1n)
	const mantissa = sign * (exponent === 0 ? fraction : fraction | (1n << 52n))
	const power = (exponent === 0 ? 1 : exponent) - 1075
	return power >= 0
		? rational(mantissa << BigInt(power), 1n)
		: rational(mantissa, 1n << BigInt(-power))
}

/** The doubles either side of a non-zero double. */
function neighbours(x: number): [number, number] {
	const view = new DataView(new ArrayBuffer(8))
	view.setFloat64(0, x)
	const bits = view.getBigUint64(0)
	view.setBigUint64(0, bits + 1n)
	const outward = view.getFloat64(0)
	view.setBigUint64(0, bits - 1n)
	return [view.getFloat64(0), outward]
}

function distance(a: Rational, b: Rational): Rational {
	const difference = sub(a, b)
	return compare(difference, rational(0)) < 0 ? sub(b, a) : difference
}

test('toExactNumber returns a number only when JSON can carry the value exactly', () => {
	expect(toExactNumber(fromDecimal(72.5))).toBe(72.5)
	expect(toExactNumber(mul(fromDecimal(0.7), rational(100)))).toBe(70)
	expect(toExactNumber(rational(2, 3))).toBeNull()
	expect(toExactNumber(rational(1n, 2n ** 80n))).toBeNull()
})

test('property: add and mul agree with a bigint reference', () => {
	const value = fc
		.tuple(
			fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
			fc.bigInt({ min: 1n, max: 10n ** 12n }),
		)
		.map(([n, d]) => ({ n, d }))
	fc.assert(
		fc.property(value, value, (a, b) => {
			const x = rational(a.n, a.d)
			const y = rational(b.n, b.d)
			return (
				same(add(x, y), rational(a.n * b.d + b.n * a.d, a.d * b.d)) &&
				same(mul(x, y), rational(a.n * b.n, a.d * b.d)) &&
				same(sub(add(x, y), y), x)
			)
		}),
	)
})
