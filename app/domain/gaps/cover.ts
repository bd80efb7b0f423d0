import type { Rational } from '../scoring/rational.ts'

export type CoverItem = { gain: Rational; position: number }

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) {
		const t = a % b
		a = b
		b = t
	}
	return a
}

/** Ceiling of a / b for b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
	const q = a / b
	return a % b !== 0n && a > 0n ? q + 1n : q
}

/** The chosen items in clause order, and whether the tie-breaks were searched to the end. */
export type Cover<T> = { items: T[]; exact: boolean }

/** Search nodes before the tie-breaks settle for the best found (about 50 ms). */
export const COVER_BUDGET = 400_000

/**
 * The fewest items whose gains add up to at least `need`; among those, the least total gain;
 * among those, the set that comes first in clause order (positions compared in ascending
 * order). Null when all of them together fall short.
 *
 * Why this is exact:
 * - The fewest: a set of j items adds up to at most the j largest gains, so if the j largest
 *   fall short every j-set does; the minimum count k is the first prefix of the gains sorted
 *   largest first that reaches `need`. This part is always exact.
 * - The least total among k-sets is a k-subset-sum problem, solved by branch and bound over
 *   the distinct gain values (equal gains are interchangeable, and the earliest clauses of a
 *   value are always the best pick for the tie-break). A branch is cut only when even its
 *   largest remaining gains fall short, or when its smallest remaining gains already exceed
 *   the best total found; when the smallest remaining gains already reach `need`, they are the
 *   unique cheapest completion of the branch (any other choice of values is larger element by
 *   element), so the branch is settled without enumerating it.
 * Where the argument needs care: subset sum is NP-hard, and dozens of distinct partial gains
 * (83 indicators each at a different share, far below the target) make the tie-break search
 * run to tens of millions of nodes. After `budget` nodes it keeps the best set found — still
 * of the minimum size and reaching `need`, the cheapest seen — and says so with exact: false.
 * The first set the search meets is the k largest gains, so there always is one.
 * Gains are counted in whole units of their common denominator, so the search adds integers.
 */
export function smallestCover<T extends CoverItem>(
	items: readonly T[],
	need: Rational,
	budget = COVER_BUDGET,
): Cover<T> | null {
	let unit = BigInt(need.d)
	for (const item of items) {
		const d = BigInt(item.gain.d)
		unit = (unit / gcd(unit, d)) * d
	}
	const target = ceilDiv(BigInt(need.n) * unit, BigInt(need.d))
	if (target <= 0n) return { items: [], exact: true }
	const useful = items
		.map((item) => ({ item, units: (BigInt(item.gain.n) * unit) / BigInt(item.gain.d) }))
		.filter(({ units }) => units > 0n)
		.sort((a, b) =>
			a.units > b.units ? -1 : a.units < b.units ? 1 : a.item.position - b.item.position,
		)
	const n = useful.length
	const prefix: bigint[] = [0n]
	for (const { units } of useful) prefix.push(prefix[prefix.length - 1]! + units)
	let k = 0
	while (k < n && prefix[k]! < target) k++
	if (prefix[k]! < target) return null

	// runs of equal gains, largest first, each in clause order
	const groups: { start: number; size: number; units: bigint }[] = []
	useful.forEach(({ units }, i) => {
		const last = groups.at(-1)
		if (last && last.units === units) last.size++
		else groups.push({ start: i, size: 1, units })
	})
	const counts = groups.map(() => 0)
	const state: { total: bigint | null; chosen: T[] | null; nodes: number } = {
		total: null,
		chosen: null,
		nodes: 0,
	}

	const consider = (total: bigint) => {
		if (state.total !== null && total > state.total) return
		const chosen = groups
			.flatMap((group, j) => useful.slice(group.start, group.start + (counts[j] ?? 0)))
			.map(({ item }) => item)
			.sort((a, b) => a.position - b.position)
		if (
			state.total !== null &&
			total === state.total &&
			state.chosen &&
			!positionsBefore(chosen, state.chosen)
		)
			return
		state.total = total
		state.chosen = chosen
	}
	const search = (j: number, r: number, total: bigint): void => {
		if (++state.nodes > budget && state.chosen) return
		if (r === 0) {
			if (total >= target) consider(total)
			return
		}
		const start = groups[j]?.start ?? n
		if (start + r > n || total + prefix[start + r]! - prefix[start]! < target) return
		const low = total + prefix[n]! - prefix[n - r]!
		if (state.total !== null && low > state.total) return
		if (low >= target) {
			// the r smallest gains: the last groups, each from its earliest clause
			let left = r
			for (let g = groups.length - 1; left > 0; g--) {
				const take = Math.min(groups[g]!.size, left)
				counts[g] = take
				left -= take
			}
			consider(low)
			for (let g = j; g < groups.length; g++) counts[g] = 0
			return
		}
		const group = groups[j]!
		for (let take = Math.min(group.size, r); take >= 0; take--) {
			counts[j] = take
			search(j + 1, r - take, total + group.units * BigInt(take))
		}
		counts[j] = 0
	}
	search(0, k, 0n)
	return state.chosen && { items: state.chosen, exact: state.nodes <= budget }
}

function positionsBefore(a: readonly CoverItem[], b: readonly CoverItem[]): boolean {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		const diff = a[i]!.position - b[i]!.position
		if (diff !== 0) return diff < 0
	}
	return a.length < b.length
}
