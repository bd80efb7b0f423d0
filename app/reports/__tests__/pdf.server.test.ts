import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { renderReportPdf } from '../pdf.server.ts'
import { buildReportModel } from '../report-model.ts'
import { greenReportInput } from './green-assessment.ts'
import { decodePng } from './png.ts'

// poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) is installed by .ci/run
const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'))
const zhPath = join(dir, 'report-zh.pdf')
const enPath = join(dir, 'report-en.pdf')

function poppler(tool: string, ...args: string[]): string {
	return execFileSync(tool, args, { encoding: 'utf8' })
}

function pageCount(path: string): number {
	const match = /^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', path))
	if (!match?.[1]) throw new Error('pdfinfo printed no page count')
	return Number(match[1])
}

/**
 * Text without whitespace: pdftotext breaks table cells where they wrap and drops spaces between
 * Chinese characters, so both sides of a comparison are squashed.
 */
function squash(text: string): string {
	return text.replace(/\s+/g, '')
}

function text(path: string, page?: number): string {
	const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
	return squash(poppler('pdftotext', ...pages, '-enc', 'UTF-8', path, '-'))
}

const model = buildReportModel(greenReportInput('zh-CN'))

beforeAll(async () => {
	writeFileSync(zhPath, await renderReportPdf(model))
	writeFileSync(enPath, await renderReportPdf(buildReportModel(greenReportInput('en'))))
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('renderReportPdf, full green-scheme assessment in Chinese', () => {
	test('is a PDF whose text holds the organisation, the score and the level in Chinese', () => {
		expect(readFileSync(zhPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
		const all = text(zhPath)
		for (const expected of [
			'示例电器有限公司',
			'商品售后服务自评报告',
			'88.94',
			'三星级 ★★★',
			'通过，等级：三星级 ★★★',
			'达到三星级 ★★★；距四星级 ★★★★（90 分）还差 1.06 分',
			'删减：商品由经销商负责配送，本企业不承担配送服务',
			'抽样 10 个，3 个不符合，按比例扣 1.8 分',
			'折算得分 = 实际得分 84.2 ÷ 涉及项总分值 142 × 满分 150 = 88.9437',
			'补齐下表中标记 ● 的 1 项可恢复 3.17 分，足以达到四星级 ★★★★。',
			'在华南地区设立 2 个授权服务网点',
			'修订投诉处理时限并对客服人员重新培训',
		])
			expect(all).toContain(squash(expected))
	})

	test('lists every one of the 83 indicators', () => {
		// layout mode keeps each table row on its own line; a title may wrap, its start may not
		const lines = poppler('pdftotext', '-layout', '-enc', 'UTF-8', zhPath, '-').split('\n')
		expect(model.indicators).toHaveLength(83)
		for (const indicator of model.indicators) {
			const row = lines.filter((line) => line.trim().startsWith(`${indicator.id} `))
			expect(
				row.some((line) => line.includes(indicator.title.slice(0, 8))),
				indicator.id,
			).toBe(true)
		}
	})

	test('every page is A4 and numbered "第 N 页 / 共 M 页"', () => {
		const pages = pageCount(zhPath)
		expect(pages).toBeGreaterThanOrEqual(5)
		const sizes = poppler('pdfinfo', '-f', '1', '-l', String(pages), zhPath)
		const pageSizes = [...sizes.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((match) => match[1])
		expect(pageSizes).toHaveLength(pages)
		for (const size of pageSizes) expect(size).toBe('595.28 x 841.89 pts (A4)')
		for (let page = 1; page <= pages; page++) {
			const onPage = text(zhPath, page)
			expect(onPage).toContain(squash(`第 ${page} 页 / 共 ${pages} 页`))
			// the workspace's name heads every page
			expect(onPage).toContain('示例电器有限公司')
		}
	})

	test('embeds a subset of Noto Sans CJK SC for the Chinese text', () => {
		const fonts = poppler('pdffonts', zhPath)
		const cjk = fonts.split('\n').filter((line) => line.includes('NotoSansCJKsc'))
		expect(cjk.length).toBe(2)
		for (const line of cjk) {
			// name: a subset tag "ABCDEF+"; emb, sub and uni columns all "yes"
			expect(line).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/)
		}
		// nothing falls back to a font that is not embedded
		expect(
			fonts.split('\n').filter((line) => /\bno\s+(yes|no)\s+(yes|no)\s+\d+/.test(line)),
		).toEqual([])
	})

	test('page 1 renders to an image with text and the logo, not a blank page', () => {
		const prefix = join(dir, 'page')
		execFileSync('pdftoppm', [
			'-r',
			'72',
			'-png',
			'-f',
			'1',
			'-l',
			'1',
			'-singlefile',
			zhPath,
			prefix,
		])
		const image = decodePng(readFileSync(`${prefix}.png`))
		// 595.28 × 841.89 pt at 72 dpi, rounded either way
		expect(Math.abs(image.width - 595)).toBeLessThanOrEqual(1)
		expect(Math.abs(image.height - 842)).toBeLessThanOrEqual(1)
		let dark = 0
		for (let i = 0; i < image.pixels.length; i += image.channels) {
			const luminance =
				((image.pixels[i] ?? 0) + (image.pixels[i + 1] ?? 0) + (image.pixels[i + 2] ?? 0)) / 3
			if (luminance < 128) dark++
		}
		const share = dark / (image.width * image.height)
		expect(share).toBeGreaterThan(0.01)
		expect(share).toBeLessThan(0.3)
		// the logo's blue, inside the header box where it is drawn (50…82 × 22…54 pt at 72 dpi)
		const at = (x: number, y: number) => {
			const i = (y * image.width + x) * image.channels
			return [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]]
		}
		expect(at(55, 27)).toEqual([31, 78, 121])
	})

	test('the same report in English', () => {
		const pages = pageCount(enPath)
		const all = text(enPath)
		for (const expected of [
			'After-sales service self-assessment report',
			'示例电器有限公司',
			'Pass, level: 3 stars ★★★',
			'passes at 3 stars ★★★; 1.06 points short of 4 stars ★★★★ (90)',
			'excluded: 商品由经销商负责配送，本企业不承担配送服务',
			'3 of 10 samples nonconforming: 1.8 points lost in proportion',
		])
			expect(all).toContain(squash(expected))
		for (let page = 1; page <= pages; page++)
			expect(text(enPath, page)).toContain(squash(`Page ${page} of ${pages}`))
	})

	test('a JPEG logo, and no logo at all', async () => {
		// a JPEG made by rendering page 1 small
		const jpegPrefix = join(dir, 'logo')
		execFileSync('pdftoppm', [
			'-r',
			'10',
			'-jpeg',
			'-f',
			'1',
			'-l',
			'1',
			'-singlefile',
			zhPath,
			jpegPrefix,
		])
		const jpeg = readFileSync(`${jpegPrefix}.jpg`)
		const input = greenReportInput()
		const jpegModel = buildReportModel({
			...input,
			organisation: { name: input.organisation.name, logo: jpeg },
		})
		expect(jpegModel.organisation.logo).toMatchObject({ format: 'jpeg', width: 83, height: 117 })
		const jpegPath = join(dir, 'jpeg-logo.pdf')
		writeFileSync(jpegPath, await renderReportPdf(jpegModel))
		const images = poppler('pdfimages', '-list', jpegPath).trim().split('\n').slice(2)
		expect(images).toHaveLength(pageCount(jpegPath))
		for (const line of images) expect(line).toMatch(/\bimage\s+83\s+117\s+rgb\s+3\s+8\s+jpeg\b/)

		const noLogoPath = join(dir, 'no-logo.pdf')
		writeFileSync(
			noLogoPath,
			await renderReportPdf(buildReportModel({ ...input, organisation: { name: '无标志公司' } })),
		)
		expect(text(noLogoPath, 1)).toContain('无标志公司')
		expect(poppler('pdfimages', '-list', noLogoPath).trim().split('\n').slice(2)).toEqual([])
	})
})
