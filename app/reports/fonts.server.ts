import { readFileSync } from 'node:fs'
import { create, type Font } from 'fontkit'

/**
 * Noto Sans CJK SC from Debian's fonts-noto-cjk (docs/decisions/005-report-rendering.md). The
 * collections hold the SC, TC, JP, KR and HK faces; the PostScript name picks Simplified Chinese.
 */
const FONT_DIR = '/usr/share/fonts/opentype/noto'

export const REPORT_FONTS = {
	regular: { file: `${FONT_DIR}/NotoSansCJK-Regular.ttc`, postscriptName: 'NotoSansCJKsc-Regular' },
	bold: { file: `${FONT_DIR}/NotoSansCJK-Bold.ttc`, postscriptName: 'NotoSansCJKsc-Bold' },
} as const

function load(face: { file: string; postscriptName: string }): Font {
	let data: Buffer
	try {
		data = readFileSync(face.file)
	} catch (error) {
		throw new Error(
			`The report font ${face.file} is missing: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)`,
			{ cause: error },
		)
	}
	const font = create(data, face.postscriptName)
	if (!('layout' in font)) throw new Error(`${face.file} has no face named ${face.postscriptName}`)
	return font
}

let loaded: { regular: Font; bold: Font } | null = null

/**
 * Parsed once per process and shared by every report: the collections are about 40 MB, and
 * fontkit keeps the tables and glyphs it has decoded, which a font parsed per document would
 * decode again. Sharing is safe because fontkit reads synchronously.
 */
export function reportFonts(): { regular: Font; bold: Font } {
	loaded ??= { regular: load(REPORT_FONTS.regular), bold: load(REPORT_FONTS.bold) }
	return loaded
}
