import { describe, expect, test } from 'vitest'
import { getScheme } from '../schemes/index.ts'
import { parseAssessmentJson, validateAssessment } from './index.ts'
import { assessmentTemplate } from './template.ts'
import { deductions, fractionScheme, getFixtureScheme, checksScheme } from './test-fixtures.ts'
import { validateAssessment as validateWith } from './validate.ts'

const FORMAT = 'aftersales-assessment/v1'

function doc(scheme: string, answers: unknown, extra: Record<string, unknown> = {}) {
	return { format: FORMAT, scheme, answers, ...extra }
}

function errorOf(input: unknown): string {
	const result = validateAssessment(input)
	if (result.ok) throw new Error('expected the input to be refused')
	return result.error
}

function fixtureError(input: unknown): string {
	const result = validateWith(input, getFixtureScheme)
	if (result.ok) throw new Error('expected the input to be refused')
	return result.error
}

describe('accepts', () => {
	test.each([
		'gbt27922-2011',
		'green-aftersales-2025',
		'dni-cts-0301-2025',
		'xbht-s04-2025',
		'bac-fr01-2021',
		'gbt-aftersales-general-draft',
	])('the full-marks template of %s, returning it unchanged with its scheme', (id) => {
		const scheme = getScheme(id)!
		const template = assessmentTemplate(scheme)
		const result = validateAssessment(JSON.parse(JSON.stringify(template)))
		expect(result).toEqual({ ok: true, assessment: template, scheme })
	})

	test('every optional part of the format', () => {
		const input = doc(
			'bac-fr01-2021',
			{
				'5.2.4': {
					checks: [true, true, false, 'na', true, true, true],
					reason: '不提供代用品的商品类别',
					note: '抽查 3 张工单',
					evidence: ['repair-log.xlsx', 'https://example.com/photo.jpg'],
				},
				'5.2.6': { na: true, reason: '不销售需回收的商品' },
			},
			{
				organisation: { name: '示例电器有限公司' },
				period: '2026',
				specialDeductions: deductions(2),
				specialBonus: { justification: '行业领先' },
			},
		)
		const result = validateAssessment(input)
		expect(result.ok && result.assessment).toEqual(input)
	})

	test('samples with population and allSitesCovered, percent lists, and no answers at all', () => {
		expect(
			validateAssessment(
				doc('xbht-s04-2025', {
					'5.3.4.2': {
						samples: { checked: 10, nonconforming: 0, population: 18, allSitesCovered: true },
					},
				}),
			).ok,
		).toBe(true)
		expect(
			validateAssessment(doc('dni-cts-0301-2025', { '5.2.1.1': { percent: [0, 72.5, 100] } })).ok,
		).toBe(true)
		expect(validateAssessment(doc('gbt27922-2011', {})).ok).toBe(true)
	})

	test('an empty list of special deductions on a scheme without special items', () => {
		expect(validateAssessment(doc('xbht-s04-2025', {}, { specialDeductions: [] })).ok).toBe(true)
	})

	test('the schemes come from the lookup it is given', () => {
		const result = validateWith(
			doc('fixture-fraction', { '1.1.1': { fraction: 0.5 } }),
			getFixtureScheme,
		)
		expect(result.ok && result.scheme).toBe(fractionScheme)
		expect(validateWith(doc('gbt27922-2011', {}), getFixtureScheme)).toEqual({
			ok: false,
			error: 'unknown scheme "gbt27922-2011" (未知的评价方案)',
		})
	})
})

describe('refuses the document', () => {
	test('malformed JSON', () => {
		const result = parseAssessmentJson('{"format": "aftersales-assessment/v1",')
		expect(result.ok).toBe(false)
		expect(!result.ok && result.error).toMatch(/^malformed JSON: .+ \(JSON 格式错误\)$/)
	})

	test.each([
		[[], 'an assessment must be a JSON object'],
		[null, 'an assessment must be a JSON object'],
		['text', 'an assessment must be a JSON object'],
		[
			{ scheme: 'gbt27922-2011', answers: {} },
			'format must be "aftersales-assessment/v1", got nothing',
		],
		[
			{ format: 'aftersales-assessment/v2', scheme: 'gbt27922-2011', answers: {} },
			'format must be "aftersales-assessment/v1", got "aftersales-assessment/v2"',
		],
		[{ format: FORMAT, answers: {} }, 'scheme must be a scheme id string'],
		[doc('iso-9001', {}), 'unknown scheme "iso-9001"'],
		[
			doc('gbt27922-2011', [], {}),
			'assessment answers: answers must be an object keyed by indicator id',
		],
		[doc('gbt27922-2011', {}, { indicators: [] }), 'assessment: Unrecognized key: "indicators"'],
		[
			doc('gbt27922-2011', {}, { organisation: 'ACME' }),
			'assessment organisation: Invalid input: expected object, received string',
		],
		[
			doc('gbt27922-2011', {}, { period: 2026 }),
			'assessment period: Invalid input: expected string',
		],
	])('%j → %s', (input, message) => {
		expect(errorOf(input)).toContain(message)
	})
})

describe('refuses an answer, naming the indicator and the rule', () => {
	test.each([
		[
			'unknown indicator',
			doc('gbt27922-2011', { '5.9.9': { fraction: 1 } }),
			'unknown indicator "5.9.9" for scheme gbt27922-2011',
		],
		[
			'a green-only indicator on the base scheme',
			doc('gbt27922-2011', { '5.2.4.7': { fraction: 1 } }),
			'unknown indicator "5.2.4.7" for scheme gbt27922-2011',
		],
		[
			'a group heading',
			doc('gbt27922-2011', { '5.2.4': { fraction: 1 } }),
			'5.2.4 is a heading or context clause, answer the indicators under it',
		],
		[
			'BAC leaf ids',
			doc('bac-fr01-2021', { '5.2.4.1': { checks: [true] } }),
			'unknown indicator "5.2.4.1" for scheme bac-fr01-2021',
		],
		[
			'an answer that is not an object',
			doc('gbt27922-2011', { '5.1.1.1': 1 }),
			'indicator 5.1.1.1: an answer must be a JSON object',
		],
		[
			'no answer shape',
			doc('gbt27922-2011', { '5.1.1.1': { note: '待评' } }),
			'indicator 5.1.1.1: an answer needs one of {"na": …}, {"fraction": …}, {"samples": …}',
		],
		[
			'two shapes at once',
			doc('gbt27922-2011', {
				'5.1.1.1': { fraction: 1, samples: { checked: 1, nonconforming: 0 } },
			}),
			'indicator 5.1.1.1: an answer takes one shape, not fraction and samples together',
		],
		[
			'percent on a fraction scheme',
			doc('gbt27922-2011', { '5.2.4.1': { percent: 80 } }),
			'indicator 5.2.4.1: gbt27922-2011 does not take {"percent": …} here (gbt27922-2011 is scored by fraction)',
		],
		[
			'fraction on the DNI maturity scheme',
			doc('dni-cts-0301-2025', { '5.2.4.1': { fraction: 0.8 } }),
			'indicator 5.2.4.1: dni-cts-0301-2025 does not take {"fraction": …} here (dni-cts-0301-2025 is scored by percent); use {"na": …}, {"percent": …}',
		],
		[
			'samples on DNI',
			doc('dni-cts-0301-2025', { '5.2.4.1': { samples: { checked: 3, nonconforming: 0 } } }),
			'dni-cts-0301-2025 does not take {"samples": …} here',
		],
		[
			'fraction on BAC',
			doc('bac-fr01-2021', { '5.2.4': { fraction: 1 } }),
			'indicator 5.2.4: bac-fr01-2021 does not take {"fraction": …} here (bac-fr01-2021 is scored by checks)',
		],
		[
			'checks on green',
			doc('green-aftersales-2025', { '5.2.4.1': { checks: [true] } }),
			'indicator 5.2.4.1: green-aftersales-2025 does not take {"checks": …} here',
		],
		[
			'samples on the checklist',
			doc('gbt-aftersales-general-draft', {
				'5.2.1': { samples: { checked: 3, nonconforming: 0 } },
			}),
			'indicator 5.2.1: gbt-aftersales-general-draft does not take {"samples": …} here',
		],
		[
			'an unknown key in an answer',
			doc('gbt27922-2011', { '5.1.1.1': { fraction: 1, comment: 'x' } }),
			'indicator 5.1.1.1 answer: Unrecognized key: "comment"',
		],
		[
			'a fraction that is not a number',
			doc('gbt27922-2011', { '5.1.1.1': { fraction: '1' } }),
			'indicator 5.1.1.1 answer fraction: Invalid input: expected number, received string',
		],
		[
			'a fraction above 1',
			doc('gbt27922-2011', { '5.1.1.2': { fraction: 1.2 } }),
			'indicator 5.1.1.2: fraction 1.2 is outside 0–1',
		],
		[
			'a negative fraction',
			doc('xbht-s04-2025', { '5.1.1.2': { fraction: -0.1 } }),
			'indicator 5.1.1.2: fraction -0.1 is outside 0–1',
		],
		[
			'a checklist fraction other than 0, 0.5 or 1',
			doc('gbt-aftersales-general-draft', { '5.2.1': { fraction: 0.7 } }),
			'indicator 5.2.1: a checklist answer is 1 (conform), 0.5 (partial) or 0 (not), not 0.7',
		],
		[
			'a percent above 100',
			doc('dni-cts-0301-2025', { '5.2.1.1': { percent: 101 } }),
			'indicator 5.2.1.1: percent 101 is outside 0–100',
		],
		[
			'one assessor outside 0–100',
			doc('dni-cts-0301-2025', { '5.2.1.1': { percent: [50, -5] } }),
			'indicator 5.2.1.1: percent -5 is outside 0–100',
		],
		[
			'no assessor',
			doc('dni-cts-0301-2025', { '5.2.1.1': { percent: [] } }),
			'indicator 5.2.1.1: percent lists no assessor',
		],
		[
			'a percent that is not a number',
			doc('dni-cts-0301-2025', { '5.2.1.1': { percent: ['80'] } }),
			'indicator 5.2.1.1 answer percent: percent is a number or a list of numbers, one per assessor',
		],
		[
			'an exclusion the scheme forbids',
			doc('gbt27922-2011', { '5.1.1.1': { na: true, reason: '无' } }),
			'indicator 5.1.1.1: gbt27922-2011 does not allow excluding this indicator',
		],
		[
			'an exclusion without a reason',
			doc('gbt27922-2011', { '5.2.1.1': { na: true } }),
			'indicator 5.2.1.1 answer reason: missing: an exclusion needs a reason',
		],
		[
			'an exclusion with a blank reason',
			doc('dni-cts-0301-2025', { '5.2.6.1': { na: true, reason: '  ' } }),
			'indicator 5.2.6.1: an exclusion needs a reason, and it is blank',
		],
		[
			'"na": false',
			doc('gbt27922-2011', { '5.2.1.1': { na: false, reason: '无' } }),
			'indicator 5.2.1.1 answer na: "na" can only be true',
		],
		[
			'too few BAC checks',
			doc('bac-fr01-2021', { '5.2.4': { checks: [true, true, true, true, true, true] } }),
			'indicator 5.2.4: 6 checks given, but it has 7 sub-requirements',
		],
		[
			'too many BAC checks',
			doc('bac-fr01-2021', { '5.1.1': { checks: [true, true, true] } }),
			'indicator 5.1.1: 3 checks given, but it has 2 sub-requirements',
		],
		[
			'a check that is not true, false or "na"',
			doc('bac-fr01-2021', { '5.1.1': { checks: [1, true] } }),
			'indicator 5.1.1 answer checks[0]: each check is true, false or "na"',
		],
		[
			'"na" where the scheme does not allow it',
			doc('bac-fr01-2021', { '5.1.1': { checks: [true, 'na'], reason: '无' } }),
			'indicator 5.1.1: sub-requirement 2) cannot be marked "na"',
		],
		[
			'"na" without a reason',
			doc('bac-fr01-2021', { '5.2.4': { checks: [true, true, true, 'na', true, true, true] } }),
			'indicator 5.2.4: sub-requirement 4) is marked "na" without a reason',
		],
		[
			'a blank reason on checks',
			doc('bac-fr01-2021', {
				'5.2.4': { checks: [true, true, true, true, true, true, true], reason: '' },
			}),
			'indicator 5.2.4: reason is blank',
		],
		[
			'whole BAC exclusion where it is not allowed',
			doc('bac-fr01-2021', { '5.3.1': { na: true, reason: '无' } }),
			'indicator 5.3.1: bac-fr01-2021 does not allow excluding this indicator',
		],
		[
			'nonconforming above checked',
			doc('gbt27922-2011', { '5.1.2.1': { samples: { checked: 4, nonconforming: 5 } } }),
			'indicator 5.1.2.1: samples.nonconforming 5 is more than samples.checked 4',
		],
		[
			'nothing checked',
			doc('gbt27922-2011', { '5.1.2.1': { samples: { checked: 0, nonconforming: 0 } } }),
			'indicator 5.1.2.1: samples.checked is 0; at least 1 sample must be checked',
		],
		[
			'a negative nonconforming count',
			doc('green-aftersales-2025', { '5.1.2.1': { samples: { checked: 3, nonconforming: -1 } } }),
			'indicator 5.1.2.1: samples.nonconforming is -1; it cannot be negative',
		],
		[
			'fractional counts',
			doc('xbht-s04-2025', { '5.3.4.2': { samples: { checked: 10.5, nonconforming: 1 } } }),
			'indicator 5.3.4.2: sample counts must be whole numbers, got checked 10.5, nonconforming 1',
		],
		[
			'a fractional population',
			doc('xbht-s04-2025', {
				'5.3.4.2': { samples: { checked: 10, nonconforming: 1, population: 17.5 } },
			}),
			'indicator 5.3.4.2: samples.population must be a whole number, got 17.5',
		],
		[
			'a population smaller than the sample',
			doc('xbht-s04-2025', {
				'5.3.4.2': { samples: { checked: 10, nonconforming: 1, population: 8 } },
			}),
			'indicator 5.3.4.2: samples.population 8 is smaller than samples.checked 10',
		],
		[
			'a missing count',
			doc('gbt27922-2011', { '5.1.2.1': { samples: { checked: 3 } } }),
			'indicator 5.1.2.1 answer samples.nonconforming: Invalid input: expected number, received undefined',
		],
	])('%s', (_, input, message) => {
		expect(errorOf(input)).toContain(message)
	})

	test('samples on an indicator that is not a sampled one (fixture)', () => {
		expect(
			fixtureError(
				doc('fixture-fraction', { '1.1.2': { samples: { checked: 3, nonconforming: 0 } } }),
			),
		).toBe(
			'indicator 1.1.2: fixture-fraction does not take {"samples": …} here (this indicator is not a sampled one); use {"na": …}, {"fraction": …} (该方案不接受此答案形式)',
		)
	})

	test('every sub-requirement "na" on an indicator that cannot be excluded (fixture)', () => {
		expect(
			fixtureError(
				doc(checksScheme.id, {
					'1.3': { checks: ['na', 'na', 'na', 'na', 'na', 'na'], reason: '无' },
				}),
			),
		).toContain(
			'indicator 1.3: every sub-requirement is marked "na", which excludes the indicator, and it cannot be excluded',
		)
	})
})

describe('refuses special items and exclusions of everything', () => {
	test.each([
		[
			'deductions on a scheme without special items',
			doc('xbht-s04-2025', {}, { specialDeductions: deductions(1) }),
			'xbht-s04-2025 has no special deductions or bonus',
		],
		[
			'a bonus on a scheme without special items',
			doc('gbt-aftersales-general-draft', {}, { specialBonus: { justification: '领先' } }),
			'gbt-aftersales-general-draft has no special deductions or bonus',
		],
		[
			'a blank description',
			doc(
				'gbt27922-2011',
				{},
				{ specialDeductions: [...deductions(1)!, { description: ' ', correctiveAction: '整改' }] },
			),
			'specialDeductions[1]: description is blank',
		],
		[
			'a blank corrective action',
			doc(
				'gbt27922-2011',
				{},
				{ specialDeductions: [{ description: '超时', correctiveAction: '' }] },
			),
			'specialDeductions[0]: correctiveAction is blank; every special deduction needs one',
		],
		[
			'a missing corrective action',
			doc('gbt27922-2011', {}, { specialDeductions: [{ description: '超时' }] }),
			'assessment specialDeductions[0].correctiveAction: missing: every special deduction needs a corrective action',
		],
		[
			'a blank justification',
			doc('dni-cts-0301-2025', {}, { specialBonus: { justification: '\n' } }),
			'specialBonus: justification is blank',
		],
		[
			'a missing justification',
			doc('dni-cts-0301-2025', {}, { specialBonus: {} }),
			'assessment specialBonus.justification: missing: the special bonus needs a justification',
		],
		[
			'more than one bonus',
			doc(
				'green-aftersales-2025',
				{},
				{ specialBonus: [{ justification: 'a' }, { justification: 'b' }] },
			),
			'specialBonus must be one object: at most one special bonus is allowed',
		],
	])('%s', (_, input, message) => {
		expect(errorOf(input)).toContain(message)
	})

	test('everything excluded (decision 7)', () => {
		const general = getScheme('gbt-aftersales-general-draft')!
		const answers = Object.fromEntries(
			Object.keys(assessmentTemplate(general).answers).map((id) => [
				id,
				{ na: true, reason: '不适用' },
			]),
		)
		expect(errorOf(doc(general.id, answers))).toBe(
			'every indicator of gbt-aftersales-general-draft that carries points is excluded, so the involved marks would be 0 (不能全部删减)',
		)
		const { '9.2': _, ...allButOne } = answers
		expect(validateAssessment(doc(general.id, allButOne)).ok).toBe(true)
	})

	test('every message is one line', () => {
		const general = getScheme('gbt-aftersales-general-draft')!
		const inputs = [
			doc('xbht-s04-2025', {}, { specialDeductions: deductions(1) }),
			doc('bac-fr01-2021', { '5.2.4': { checks: [] } }),
			doc(general.id, { '5.2.1': { fraction: 0.7 } }),
			doc('gbt27922-2011', { '5.1\n1': { fraction: 1 } }),
			doc('gbt\n27922', {}),
		]
		for (const input of inputs) expect(errorOf(input)).not.toContain('\n')
	})
})
