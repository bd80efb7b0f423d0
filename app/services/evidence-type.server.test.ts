import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import {
	cfbFile,
	docxFile,
	htmlFile,
	pdfFile,
	plainZipFile,
	pngFile,
	zipFile,
} from '#tests/fixtures/files.ts'
import {
	detectEvidenceType,
	EVIDENCE_ACCEPT,
	extensionOf,
	legacyOfficeType,
} from './evidence-type.server.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'evidence-type-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let counter = 0
function stored(bytes: Buffer): string {
	const file = path.join(dir, String(counter++))
	writeFileSync(file, bytes)
	return file
}

describe('detectEvidenceType', () => {
	test.each([
		['报告.pdf', pdfFile(), 'application/pdf'],
		['photo.PNG', pngFile(), 'image/png'],
		[
			'制度.docx',
			docxFile(),
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		],
		['old.doc', cfbFile('WordDocument'), 'application/msword'],
		['sheet.xls', cfbFile('Workbook'), 'application/vnd.ms-excel'],
		['biff5.xls', cfbFile('Book'), 'application/vnd.ms-excel'],
	])('accepts %s as %s', async (name, bytes, contentType) => {
		expect(await detectEvidenceType(stored(bytes), name)).toEqual({ ok: true, contentType })
	})

	test('an OOXML spreadsheet is told apart from a document', async () => {
		const xlsx = zipFile([
			{
				name: '[Content_Types].xml',
				data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
			},
			{ name: 'xl/workbook.xml', data: '<workbook/>' },
		])
		const file = stored(xlsx)
		expect(await detectEvidenceType(file, 'a.xlsx')).toEqual({
			ok: true,
			contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		})
		expect(await detectEvidenceType(file, 'a.docx')).toEqual({ ok: false, reason: 'extension' })
	})

	test.each([
		['HTML renamed .pdf', 'invoice.pdf', htmlFile(), 'type'],
		['a plain zip renamed .docx', 'report.docx', plainZipFile(), 'type'],
		['a PNG named .pdf', 'scan.pdf', pngFile(), 'extension'],
		['a PDF without an extension', 'scan', pdfFile(), 'extension'],
		['a Word file named .xls', 'sheet.xls', cfbFile('WordDocument'), 'extension'],
		[
			'a compound file that is not Word or Excel',
			'setup.doc',
			cfbFile('SummaryInformation'),
			'type',
		],
		['plain text', 'notes.pdf', Buffer.from('hello'), 'type'],
		['an empty file', 'empty.pdf', Buffer.alloc(0), 'type'],
	])('refuses %s', async (_, name, bytes, reason) => {
		expect(await detectEvidenceType(stored(bytes), name)).toEqual({ ok: false, reason })
	})
})

test('legacyOfficeType survives a truncated or looping container', async () => {
	const whole = cfbFile('WordDocument')
	expect(await legacyOfficeType(stored(whole.subarray(0, 700)))).toBeNull()
	const looping = Buffer.from(whole)
	looping.writeUInt32LE(1, 512 + 4) // the directory sector points at itself
	expect(await legacyOfficeType(stored(looping))).toBeNull()
	const cyclicTree = Buffer.from(whole)
	cyclicTree.writeUInt32LE(1, 1024 + 128 + 68) // the stream is its own left sibling
	expect(await legacyOfficeType(stored(cyclicTree))).toBe('application/msword')
})

test('extensionOf and the picker list', () => {
	expect(extensionOf('a.b.PDF')).toBe('pdf')
	expect(extensionOf('.pdf')).toBe('')
	expect(extensionOf('pdf')).toBe('')
	expect(EVIDENCE_ACCEPT.split(',')).toEqual(
		expect.arrayContaining(['image/*', '.pdf', '.heic', '.docx', '.xls']),
	)
})
