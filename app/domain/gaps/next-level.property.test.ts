import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScheme } from '../schemes/load-scheme.ts'
import type { ChecksRule, LevelKey, Scheme, SchemeInput } from '../schemes/scheme-schema.ts'
import { compare, fromDecimal, rational, sum, type Rational } from '../scoring/rational.ts'
import { scoreAssessment } from '../scoring/score.ts'
import type { AssessmentV1, ScoreResult } from '../scoring/types.ts'
import { validateAssessment } from '../scoring/validate.ts'
import { exactScore, fullMarksAnswer, lostPoints, type IndicatorEntry } from './marks.ts'
import { smallestCover } from './cover.ts'
import { applyPath, pathToNextLevel } from './next-level.ts'
import { assessment, assessmentArbitrary, fullAnswers } from './test-support.ts'

// Small random schemes of every answer mode, scored by the engine, against a brute force over
// every subset of indicators: the path reaches its target, and no smaller set, no cheaper set
// of the same size and no earlier set (clause order) of the same size and cost does.

type IndicatorSpec = { points: number; excludable: boolean; rule?: ChecksRule; subs?: number }

const LEVEL_KEYS: readonly Exclude<LevelKey, 'fail'>[] = ['standard', 'star-3', 'star-4', 'star-5']

const shares = fc.integer({ min: 0, max: 1100 }).map((n) => n / 1000)

const pointsArbitrary = fc.constantFrom(0, 0.5, 1, 1.5, 2, 3, 4, 5)

const checksIndicator: fc.Arbitrary<IndicatorSpec> = fc
	.record({
		kind: fc.constantFrom('all-or-nothing', 'per-met', 'deduct-per-unmet', 'per-met-full-when-all'),
		subs: fc.integer({ min: 1, max: 4 }),
		each: fc.constantFrom(1, 2, 3),
		extra: fc.integer({ min: 0, max: 3 }),
		excludable: fc.boolean(),
	})
	.map(({ kind, subs, each, extra, excludable }): IndicatorSpec => {
		switch (kind) {
			case 'all-or-nothing':
				return { points: each + extra, excludable, subs, rule: { kind } }
			case 'per-met':
				return { points: each * subs, excludable, subs, rule: { kind, pointsEach: each } }
			case 'deduct-per-unmet':
				return { points: each + extra, excludable, subs, rule: { kind, pointsEach: each } }
			default:
				return {
					points: each * subs + Math.min(extra, 1),
					excludable,
					subs,
					rule: { kind: 'per-met-full-when-all', pointsEach: each },
				}
		}
	})

const schemeArbitrary: fc.Arbitrary<Scheme> = fc
	.constantFrom('fraction', 'percent', 'checks')
	.chain((mode) =>
		fc.record({
			mode: fc.constant(mode),
			indicators: fc.array(
				mode === 'checks'
					? checksIndicator
					: fc.record({ points: pointsArbitrary, excludable: fc.boolean() }),
				{ minLength: 1, maxLength: 7 },
			),
			levelShares: fc.uniqueArray(shares, { minLength: 1, maxLength: 4 }),
			passBelow: fc.constantFrom(0, 0, 0.5, 3),
			specialItems: fc.boolean(),
			failAt: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
		}),
	)
	.filter(({ indicators }) => indicators.some((spec) => spec.points > 0))
	.map(({ mode, indicators, levelShares, passBelow, specialItems, failAt }) => {
		const fullMarks = indicators.reduce((total, spec) => total + spec.points * 2, 0) / 2
		// thousandths, so that some thresholds fall between two rounded scores
		const mins = [
			...new Set(levelShares.map((share) => Math.round(share * fullMarks * 1000) / 1000)),
		]
			.sort((a, b) => a - b)
			.slice(0, LEVEL_KEYS.length)
		const input: SchemeInput = {
			id: 'random-scheme',
			version: '1.0.0',
			title: '随机方案',
			titleEn: 'Random scheme',
			shortTitle: 'R',
			issuer: { zh: '测试', en: 'test' },
			source: { document: '测试', code: 'T-1', edition: '2026', seed: 'none' },
			purpose: { zh: '测试', en: 'test' },
			fullMarks,
			passMark: Math.max(0, (mins[0] ?? 0) - passBelow),
			failAtSpecialDeductions: specialItems ? failAt : null,
			answerMode: mode,
			specialItems,
			samplingWarning: false,
			exclusionsRule: { zh: '任意', en: 'any' },
			levels: mins.map((min, i) => ({
				key: LEVEL_KEYS[i] ?? 'star-5',
				name: `等级${i + 1}`,
				nameEn: `Level ${i + 1}`,
				min,
				stars: i,
			})),
			cycle: null,
			notes: [],
			sections: [1, 2].flatMap((section) => {
				const children = indicators.flatMap((spec, i) =>
					(i % 2) + 1 === section
						? [
								{
									type: 'indicator' as const,
									id: `${section}.${i + 1}`,
									title: `指标 ${i + 1}`,
									titleEn: `Indicator ${i + 1}`,
									text: '要求',
									points: spec.points,
									excludable: spec.excludable,
									...(spec.rule
										? {
												rule: spec.rule,
												subRequirements: Array.from({ length: spec.subs ?? 1 }, (_, n) => ({
													n: n + 1,
													text: `子要求 ${n + 1}`,
												})),
												subRequirementsExcludable: spec.excludable,
											}
										: {}),
								},
							]
						: [],
				)
				return children.length
					? [{ id: `${section}`, title: `部分 ${section}`, titleEn: `Part ${section}`, children }]
					: []
			}),
		}
		return loadScheme(input)
	})

const caseArbitrary = schemeArbitrary.chain((scheme) =>
	fc.record({ scheme: fc.constant(scheme), assessment: assessmentArbitrary(scheme) }),
)

function subsets<T>(items: readonly T[]): T[][] {
	const out: T[][] = []
	for (let mask = 0; mask < 1 << items.length; mask++)
		out.push(items.filter((_, i) => mask & (1 << i)))
	return out
}

function walk(
	scheme: Scheme,
	input: AssessmentV1,
	entries: readonly IndicatorEntry[],
	cleared: number,
): ScoreResult {
	const answers = { ...input.answers }
	for (const entry of entries)
		answers[entry.indicator.id] = fullMarksAnswer(scheme, entry.indicator, entry.answer)
	const deductions = input.specialDeductions ?? []
	return scoreAssessment(scheme, {
		...input,
		answers,
		specialDeductions: deductions.slice(0, deductions.length - cleared),
	})
}

function positionsBefore(a: readonly number[], b: readonly number[]): boolean {
	const i = a.findIndex((value, j) => value !== b[j])
	return i >= 0 && (a[i] ?? 0) < (b[i] ?? 0)
}

describe('pathToNextLevel against a brute force on small random schemes', () => {
	it('reaches the target with the fewest, then cheapest, then earliest indicators', () => {
		fc.assert(
			fc.property(caseArbitrary, ({ scheme, assessment: input }) => {
				expect(validateAssessment(input, () => scheme).ok).toBe(true)
				const before = scoreAssessment(scheme, input)
				const result = pathToNextLevel(scheme, input)
				const levelIndex = scheme.levels.findIndex((level) => level.key === before.level?.key)
				if (before.passed && levelIndex === scheme.levels.length - 1) {
					expect(result.kind).toBe('top')
					return
				}
				const target = before.passed ? scheme.levels[levelIndex + 1] : scheme.levels[0]
				if (!target) throw new Error('no target level')
				const reaches = (scored: ScoreResult) =>
					scored.passed === true && compare(fromDecimal(scored.score), fromDecimal(target.min)) >= 0

				const exact = exactScore(scheme, input)
				const involved = exact.entries.filter((entry) => !entry.marks.excluded)
				const count = before.specialDeductions
				let cleared = 0
				while (cleared <= count && !reaches(walk(scheme, input, involved, cleared))) cleared++
				if (cleared > count) {
					if (result.kind !== 'unreachable')
						throw new Error(`expected unreachable, got ${result.kind}`)
					const limit = scheme.failAtSpecialDeductions
					const required = before.passed || limit === null ? 0 : Math.max(0, count - limit + 1)
					expect(result.deductions.toClear).toBe(required)
					return
				}
				if (result.kind !== 'path') throw new Error(`expected a path, got ${result.kind}`)
				expect(result.target.key).toBe(target.key)
				expect(result.deductions.toClear).toBe(cleared)

				let best: { size: number; total: Rational; positions: number[] } | null = null
				for (const subset of subsets(involved)) {
					if (!reaches(walk(scheme, input, subset, cleared))) continue
					const total = sum(subset.map((entry) => lostPoints(entry.marks)))
					const positions = subset.map((entry) => entry.position)
					if (
						!best ||
						subset.length < best.size ||
						(subset.length === best.size &&
							(compare(total, best.total) < 0 ||
								(compare(total, best.total) === 0 && positionsBefore(positions, best.positions))))
					)
						best = { size: subset.length, total, positions }
				}
				if (!best) throw new Error('brute force found no subset although all of them reach')
				const chosen = result.steps.map((step) => step.position).sort((a, b) => a - b)
				expect(chosen).toEqual(best.positions)
				expect(result.tieBreakExact).toBe(true)

				const walked = scoreAssessment(scheme, applyPath(input, result))
				expect(reaches(walked)).toBe(true)
				expect(walked.score).toBe(result.scoreAfter)
			}),
			{ numRuns: 400 },
		)
	})

	it('says when even full marks cannot reach the next level', () => {
		const scheme = fc.sample(schemeArbitrary, { numRuns: 1, seed: 7 })[0]
		if (!scheme) throw new Error('no scheme sampled')
		const capped = loadScheme({
			...scheme,
			passMark: 0,
			failAtSpecialDeductions: null,
			specialItems: false,
			levels: [
				{ key: 'standard', name: '达标', nameEn: 'Standard', min: 0, stars: 0 },
				{ key: 'star-3', name: '三星', nameEn: 'Three', min: scheme.fullMarks + 1, stars: 3 },
			],
		})
		const result = pathToNextLevel(capped, assessment(capped, fullAnswers(capped)))
		expect(result.kind).toBe('unreachable')
		if (result.kind !== 'unreachable') return
		expect(result.bestScore).toBe(capped.fullMarks)
		expect(result.deductions).toEqual({ count: 0, limit: null, toClear: 0 })
		expect(result.advice.en).toBe(
			`三星 cannot be reached: with every indicator at full marks and no special deduction the score would be ${capped.fullMarks}`,
		)
	})
})

describe('smallestCover against a brute force', () => {
	// mostly small whole numbers, so that many sets tie on size and total
	const gains = fc.array(
		fc.oneof(
			fc.record({ n: fc.integer({ min: 1, max: 6 }), d: fc.constant(1) }),
			fc.record({ n: fc.integer({ min: -2, max: 12 }), d: fc.constantFrom(1, 2, 3, 4, 10) }),
		),
		{ maxLength: 10 },
	)
	it('finds the fewest items, then the least total, then the earliest positions', () => {
		fc.assert(
			fc.property(gains, fc.integer({ min: -5, max: 60 }), (raw, needTenths) => {
				const items = raw.map(({ n, d }, position) => ({ gain: rational(n, d), position }))
				const need = rational(needTenths, 10)
				const result = smallestCover(items, need)
				let best: { size: number; total: Rational; positions: number[] } | null = null
				for (const subset of subsets(items)) {
					const total = sum(subset.map((item) => item.gain))
					if (compare(total, need) < 0) continue
					const positions = subset.map((item) => item.position)
					if (
						!best ||
						subset.length < best.size ||
						(subset.length === best.size &&
							(compare(total, best.total) < 0 ||
								(compare(total, best.total) === 0 && positionsBefore(positions, best.positions))))
					)
						best = { size: subset.length, total, positions }
				}
				if (!best) expect(result).toBeNull()
				else {
					expect(result?.exact).toBe(true)
					expect(result?.items.map((item) => item.position)).toEqual(best.positions)
				}
			}),
			{ numRuns: 3000 },
		)
	})

	it('keeps looking past the first cheapest set for an earlier one', () => {
		// need 16 from 3, 4, 5, 4, 3, 5: four items (three give at most 14), least total 16,
		// reached by 5 + 5 + 3 + 3 (positions 0, 2, 4, 5) and by 5 + 4 + 4 + 3 (0, 1, 2, 3 —
		// earlier) among others; the search meets the first before the second.
		const items = [3, 4, 5, 4, 3, 5].map((gain, position) => ({ gain: rational(gain), position }))
		const cover = smallestCover(items, rational(16))
		expect(cover?.items.map((item) => item.position)).toEqual([0, 1, 2, 3])
		expect(cover?.exact).toBe(true)
	})

	it('keeps the minimum count and the best set found when the budget runs out', () => {
		// the same search stopped after 3 nodes: it has met 5 + 5 + 3 + 3 (the cheapest total,
		// 16) but not yet the earlier 5 + 4 + 4 + 3
		const items = [3, 4, 5, 4, 3, 5].map((gain, position) => ({ gain: rational(gain), position }))
		const cover = smallestCover(items, rational(16), 3)
		expect(cover?.exact).toBe(false)
		expect(cover?.items.map((item) => item.position)).toEqual([0, 2, 4, 5])
	})
})
