import { deflateSync } from 'node:zlib'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import type { Scheme } from '#app/domain/schemes/scheme-schema.ts'
import { scoreAssessment } from '#app/domain/scoring/score.ts'
import { validateAssessment } from '#app/domain/scoring/index.ts'
import type { AnswerV1, AssessmentV1 } from '#app/domain/scoring/types.ts'
import type { Locale } from '#app/i18n/i18n.ts'
import type { BuildReportInput } from '../report-model.ts'

export function greenScheme(): Scheme {
	const scheme = getScheme('green-aftersales-2025')
	if (!scheme) throw new Error('green-aftersales-2025 is not registered')
	return scheme
}

const delivery = '商品由经销商负责配送，本企业不承担配送服务'

/**
 * A complete green-scheme assessment (all 83 indicators answered) using every answer shape the
 * scheme takes: met, not met, partly met, sampled (with and without a population), excluded.
 *
 * By hand: the four delivery items of 5.2.3 (8 points) are excluded, so involved = 150 − 8 = 142.
 * Points lost: 5.1 — 5.1.1.2 3, 5.1.1.4 1, 5.1.2.2 2 (0.6 of 5), 5.1.2.3 1, 5.1.3.4–6 6,
 * 5.1.4.1 1 (0.75 of 4), 5.1.4.3 1, 5.1.5.2 1.8 (3 of 10 samples), 5.1.5.3 2 = 18.8 (earned 37.2);
 * 5.2 — 5.2.2.5–9 5, 5.2.4.3 0.75 (5 of 20 samples), 5.2.4.7–13 12, 5.2.5.3 2, 5.2.5.6–8 6,
 * 5.2.6.3–5 6 = 31.75 (earned 61 − 31.75 = 29.25); 5.3 — 5.3.1.2 2, 5.3.1.4 2.5 (0.5 of 5),
 * 5.3.2.2 1.75 (3 of 12 samples), 5.3.2.3 1 = 7.25 (earned 17.75).
 * earned = 84.2; normalised = 84.2 / 142 × 150 = 88.943661971…; one deduction and the bonus:
 * 88.943661971… − 1 + 1 → 88.94 → 三星级 [80, 90), 1.06 short of 四星级.
 */
export const greenAnswers: Record<string, AnswerV1> = {
	'5.1.1.2': { fraction: 0, note: '华南地区尚无服务网点' },
	'5.1.1.4': { fraction: 0 },
	'5.1.2.2': { fraction: 0.6, note: '5 名售后服务管理师中 3 名持证', evidence: ['管理师证书.pdf'] },
	'5.1.2.3': { fraction: 0 },
	'5.1.3.4': { fraction: 0 },
	'5.1.3.5': { fraction: 0 },
	'5.1.3.6': { fraction: 0 },
	'5.1.4.1': { fraction: 0.75, evidence: ['售后服务手册 V3.docx'] },
	'5.1.4.3': { fraction: 0 },
	'5.1.5.2': { samples: { checked: 10, nonconforming: 3 }, evidence: ['监督检查记录 2026Q1.xlsx'] },
	'5.1.5.3': { fraction: 0 },
	'5.2.2.5': { fraction: 0 },
	'5.2.2.6': { fraction: 0 },
	'5.2.2.7': { fraction: 0 },
	'5.2.2.8': { fraction: 0 },
	'5.2.2.9': { fraction: 0 },
	'5.2.3.1': { na: true, reason: delivery },
	'5.2.3.2': { na: true, reason: delivery },
	'5.2.3.3': { na: true, reason: delivery },
	'5.2.3.4': { na: true, reason: delivery },
	'5.2.4.3': {
		samples: { checked: 20, nonconforming: 5, population: 40 },
		note: '抽查 20 份维修记录，5 份缺少顾客签字',
		evidence: ['维修记录抽样表.xlsx', 'https://example.com/records/2026'],
	},
	'5.2.4.7': { fraction: 0 },
	'5.2.4.8': { fraction: 0 },
	'5.2.4.9': { fraction: 0 },
	'5.2.4.10': { fraction: 0 },
	'5.2.4.11': { fraction: 0 },
	'5.2.4.12': { fraction: 0 },
	'5.2.4.13': { fraction: 0 },
	'5.2.5.3': { fraction: 0 },
	'5.2.5.6': { fraction: 0 },
	'5.2.5.7': { fraction: 0 },
	'5.2.5.8': { fraction: 0 },
	'5.2.6.3': { fraction: 0 },
	'5.2.6.4': { fraction: 0 },
	'5.2.6.5': { fraction: 0 },
	'5.3.1.2': { fraction: 0 },
	'5.3.1.4': { fraction: 0.5 },
	'5.3.2.2': { samples: { checked: 12, nonconforming: 3 } },
	'5.3.2.3': { fraction: 0 },
}

export function greenAssessment(): AssessmentV1 {
	const scheme = greenScheme()
	const answers: Record<string, AnswerV1> = {}
	for (const { indicator } of schemeIndicators(scheme))
		answers[indicator.id] = greenAnswers[indicator.id] ?? { fraction: 1 }
	const assessment: AssessmentV1 = {
		format: 'aftersales-assessment/v1',
		scheme: scheme.id,
		organisation: { name: '示例电器有限公司' },
		period: '2026',
		answers,
		specialDeductions: [
			{
				description: '一起维修质量投诉未在承诺时限内处理',
				correctiveAction: '修订投诉处理时限并对客服人员重新培训',
			},
		],
		specialBonus: { justification: '提供高于国家三包规定的免费保修期' },
	}
	const checked = validateAssessment(assessment)
	if (!checked.ok) throw new Error(checked.error)
	return checked.assessment
}

/** A small PNG drawn in code: a blue square with a white bar, so the test needs no files. */
export function logoPng(size = 64): Buffer {
	const rows: Buffer[] = []
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 3)
		for (let x = 0; x < size; x++) {
			const bar = y > size * 0.4 && y < size * 0.6 && x > size * 0.15 && x < size * 0.85
			row.set(bar ? [255, 255, 255] : [31, 78, 121], 1 + x * 3)
		}
		rows.push(row)
	}
	const header = Buffer.alloc(13)
	header.writeUInt32BE(size, 0)
	header.writeUInt32BE(size, 4)
	header.set([8, 2, 0, 0, 0], 8)
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
	return c >>> 0
})

function crc32(data: Buffer): number {
	let crc = 0xffffffff
	for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
	return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4)
	length.writeUInt32BE(data.length)
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
	const crc = Buffer.alloc(4)
	crc.writeUInt32BE(crc32(body))
	return Buffer.concat([length, body, crc])
}

export function greenReportInput(locale: Locale = 'zh-CN'): BuildReportInput {
	const scheme = greenScheme()
	const assessment = greenAssessment()
	return {
		scheme,
		assessment,
		result: scoreAssessment(scheme, assessment),
		organisation: { name: '示例电器有限公司', logo: logoPng() },
		scope: '家用空调的安装、维修与退换货服务（总部及 12 个服务网点）',
		period: '2026 年度',
		assessors: ['张伟', '李娜'],
		consultant: '王芳',
		actions: [
			{
				title: '在华南地区设立 2 个授权服务网点',
				owner: '张伟',
				dueDate: new Date('2026-09-30T00:00:00+08:00'),
				status: 'in_progress',
				indicators: ['5.1.1.2'],
			},
			{
				title: '建立绿色维修管理制度并配置环保维修设备',
				owner: '李娜',
				dueDate: new Date('2026-12-31T00:00:00+08:00'),
				status: 'open',
				indicators: ['5.2.4.7', '5.2.4.8', '5.2.4.10'],
			},
			{
				title: '上线售后服务网站',
				owner: null,
				dueDate: null,
				status: 'done',
				indicators: ['5.3.1.2'],
			},
		],
		generatedAt: new Date('2026-11-22T10:30:00+08:00'),
		locale,
	}
}
