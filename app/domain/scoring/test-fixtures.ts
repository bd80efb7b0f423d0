import { loadScheme } from '../schemes/load-scheme.ts'
import type { Scheme, SchemeInput } from '../schemes/scheme-schema.ts'
import type { AnswerV1, AssessmentV1 } from './types.ts'
import { FORMAT_V1 } from './validate.ts'

/**
 * Small schemes, one per answer mode, for the rules the six real schemes cannot reach
 * (a checks rule with n.a. where BAC forbids it, a zero-point indicator next to exclusions …).
 */
type IndicatorInput = Extract<
	SchemeInput['sections'][number]['children'][number],
	{ type: 'indicator' }
>

function indicator(
	id: string,
	points: number,
	extra: Partial<IndicatorInput> = {},
): IndicatorInput {
	return {
		type: 'indicator',
		id,
		title: `指标 ${id}`,
		titleEn: `Indicator ${id}`,
		text: `指标 ${id} 的要求`,
		points,
		excludable: false,
		...extra,
	}
}

const common = {
	version: '1',
	titleEn: 'Fixture',
	shortTitle: 'Fixture',
	issuer: { zh: '测试', en: 'Test' },
	source: { document: '测试', code: 'T-1', edition: '1', seed: 'none' },
	purpose: { zh: '测试用', en: 'For tests' },
	exclusionsRule: { zh: '第 2 节', en: 'section 2 only' },
	cycle: null,
	notes: [],
} satisfies Partial<SchemeInput>

const starLevels: SchemeInput['levels'] = [
	{ key: 'standard', name: '达标级', nameEn: 'Standard', min: 70, stars: 0 },
	{ key: 'star-3', name: '三星级', nameEn: 'Three stars', min: 80, stars: 3 },
	{ key: 'star-4', name: '四星级', nameEn: 'Four stars', min: 90, stars: 4 },
	{ key: 'star-5', name: '五星级', nameEn: 'Five stars', min: 95, stars: 5 },
]

/** 100 marks over 1.5 + 48.5 + 40 + 10 + 0; section 2 excludable; XBHT-style sampling warning. */
export const fractionScheme: Scheme = loadScheme({
	...common,
	id: 'fixture-fraction',
	title: '比例测试方案',
	fullMarks: 100,
	passMark: 70,
	failAtSpecialDeductions: 5,
	answerMode: 'fraction',
	specialItems: true,
	samplingWarning: true,
	levels: starLevels,
	sections: [
		{
			id: '1',
			title: '体系',
			titleEn: 'System',
			points: 50,
			children: [
				{
					type: 'group',
					id: '1.1',
					title: '组织',
					titleEn: 'Organisation',
					points: 50,
					children: [
						indicator('1.1.1', 1.5, { sampling: true }),
						indicator('1.1.2', 48.5),
						{ type: 'context', id: '1.1.3', title: '说明', titleEn: 'Note', text: '说明文字' },
					],
				},
			],
		},
		{
			id: '2',
			title: '服务',
			titleEn: 'Service',
			children: [
				indicator('2.1', 40, { excludable: true, sampling: true }),
				indicator('2.2', 10, { excludable: true }),
				indicator('2.3', 0, { excludable: true }),
			],
		},
	],
})

export const percentScheme: Scheme = loadScheme({
	...common,
	id: 'fixture-percent',
	title: '成熟度测试方案',
	fullMarks: 100,
	passMark: 70,
	failAtSpecialDeductions: 5,
	answerMode: 'percent',
	specialItems: true,
	samplingWarning: false,
	levels: starLevels,
	sections: [
		{
			id: '1',
			title: '体系',
			titleEn: 'System',
			children: [indicator('1.1', 60), indicator('1.2', 40, { excludable: true })],
		},
	],
})

/** Every checks rule, with n.a. allowed on all of them (BAC allows it only under 5.2). */
export const checksScheme: Scheme = loadScheme({
	...common,
	id: 'fixture-checks',
	title: '检查项测试方案',
	fullMarks: 36,
	passMark: 25,
	failAtSpecialDeductions: 5,
	answerMode: 'checks',
	specialItems: true,
	samplingWarning: false,
	levels: [
		{ key: 'standard', name: '达标级', nameEn: 'Standard', min: 25, stars: 0 },
		{ key: 'star-3', name: '三星级', nameEn: 'Three stars', min: 30, stars: 3 },
	],
	sections: [
		{
			id: '1',
			title: '检查',
			titleEn: 'Checks',
			children: [
				indicator('1.1', 6, {
					rule: { kind: 'all-or-nothing' },
					subRequirements: [1, 2, 3].map((n) => ({ n, text: `要求 ${n}` })),
					subRequirementsExcludable: true,
					excludable: true,
				}),
				indicator('1.2', 6, {
					rule: { kind: 'per-met', pointsEach: 2 },
					subRequirements: [1, 2, 3].map((n) => ({ n, text: `要求 ${n}` })),
					subRequirementsExcludable: true,
					excludable: true,
				}),
				indicator('1.3', 14, {
					rule: { kind: 'deduct-per-unmet', pointsEach: 3 },
					subRequirements: [1, 2, 3, 4, 5, 6].map((n) => ({ n, text: `要求 ${n}` })),
					subRequirementsExcludable: true,
					excludable: false,
				}),
				indicator('1.4', 10, {
					rule: { kind: 'per-met-full-when-all', pointsEach: 3 },
					subRequirements: [1, 2, 3].map((n) => ({ n, text: `要求 ${n}` })),
					subRequirementsExcludable: true,
					excludable: true,
				}),
			],
		},
	],
})

export const checklistScheme: Scheme = loadScheme({
	...common,
	id: 'fixture-checklist',
	title: '符合性测试清单',
	fullMarks: 100,
	passMark: null,
	failAtSpecialDeductions: null,
	answerMode: 'checklist',
	specialItems: false,
	samplingWarning: false,
	levels: [],
	sections: [
		{
			id: '4',
			title: '总则',
			titleEn: 'General',
			children: [
				indicator('4.1', 1, { excludable: true }),
				indicator('4.2', 1, { excludable: true }),
			],
		},
		{
			id: '5',
			title: '要求',
			titleEn: 'Requirements',
			children: [indicator('5.1', 1, { excludable: true })],
		},
	],
})

export const fixtureSchemes: readonly Scheme[] = [
	fractionScheme,
	percentScheme,
	checksScheme,
	checklistScheme,
]

export function getFixtureScheme(id: string): Scheme | undefined {
	return fixtureSchemes.find((scheme) => scheme.id === id)
}

export function assessment(
	scheme: Scheme,
	answers: Record<string, AnswerV1>,
	extra: Partial<AssessmentV1> = {},
): AssessmentV1 {
	return { format: FORMAT_V1, scheme: scheme.id, answers, ...extra }
}

export function deductions(count: number): AssessmentV1['specialDeductions'] {
	return Array.from({ length: count }, (_, i) => ({
		description: `问题 ${i + 1}`,
		correctiveAction: `整改 ${i + 1}`,
	}))
}
