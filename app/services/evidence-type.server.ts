import { open, type FileHandle } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'
import { EVIDENCE_TYPES, type EvidenceContentType } from '#app/utils/evidence-formats.ts'

export { EVIDENCE_ACCEPT, EVIDENCE_TYPES } from '#app/utils/evidence-formats.ts'

function isEvidenceType(mime: string): mime is EvidenceContentType {
	return Object.hasOwn(EVIDENCE_TYPES, mime)
}

/** The lower-cased extension after the last dot, or '' when there is none. */
export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.')
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

export type Detection =
	{ ok: true; contentType: EvidenceContentType } | { ok: false; reason: 'type' | 'extension' }

/**
 * What the stored bytes are (docs/decisions/004-evidence-type-detection.md), checked against the
 * name the user gave. A plain zip, a macro-enabled Office file, HTML or any other format is
 * refused; so is a PNG named .pdf.
 */
export async function detectEvidenceType(
	filePath: string,
	originalName: string,
): Promise<Detection> {
	const detected = await fileTypeFromFile(filePath)
	let contentType: EvidenceContentType | null = null
	if (detected?.mime === 'application/x-cfb') contentType = await legacyOfficeType(filePath)
	else if (detected && isEvidenceType(detected.mime)) contentType = detected.mime
	if (!contentType) return { ok: false, reason: 'type' }
	const allowed: readonly string[] = EVIDENCE_TYPES[contentType]
	if (!allowed.includes(extensionOf(originalName))) return { ok: false, reason: 'extension' }
	return { ok: true, contentType }
}

const ENDOFCHAIN = 0xfffffffe
const NOSTREAM = 0xffffffff
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/**
 * Legacy Office files are all Compound File Binary containers (so are .msi installers, Outlook .msg
 * and encrypted OOXML), and file-type stops at "cfb". What a container holds is named by the
 * streams directly under its root storage: WordDocument for Word 97–2003, Workbook (BIFF8) or Book
 * (BIFF5) for Excel. Reads only the header, the FAT and the directory chain ([MS-CFB] §2).
 */
export async function legacyOfficeType(
	filePath: string,
): Promise<'application/msword' | 'application/vnd.ms-excel' | null> {
	let file: FileHandle | undefined
	try {
		file = await open(filePath, 'r')
		const names = await rootStreamNames(file)
		if (!names) return null
		if (names.has('WordDocument')) return 'application/msword'
		if (names.has('Workbook') || names.has('Book')) return 'application/vnd.ms-excel'
		return null
	} finally {
		await file?.close()
	}
}

async function rootStreamNames(file: FileHandle): Promise<Set<string> | null> {
	const { size } = await file.stat()
	const read = async (position: number, length: number): Promise<Buffer | null> => {
		if (position < 0 || position + length > size) return null
		const buffer = Buffer.alloc(length)
		const { bytesRead } = await file.read(buffer, 0, length, position)
		return bytesRead === length ? buffer : null
	}
	const header = await read(0, 512)
	if (!header || !header.subarray(0, 8).equals(CFB_SIGNATURE)) return null
	const sectorShift = header.readUInt16LE(30)
	if (sectorShift !== 9 && sectorShift !== 12) return null
	const sectorSize = 1 << sectorShift
	const sectorCount = Math.floor(size / sectorSize) - 1
	const sector = (n: number) =>
		n < sectorCount ? read((n + 1) * sectorSize, sectorSize) : Promise.resolve(null)

	// FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors
	const fatSectors: number[] = []
	for (let i = 0; i < 109; i++) fatSectors.push(header.readUInt32LE(76 + i * 4))
	let difat = header.readUInt32LE(68)
	for (let hops = 0; difat < sectorCount; hops++) {
		if (hops > sectorCount) return null
		const block = await sector(difat)
		if (!block) return null
		for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(block.readUInt32LE(i * 4))
		difat = block.readUInt32LE(sectorSize - 4)
	}
	const fatCount = header.readUInt32LE(44)
	const fat: number[] = []
	for (const n of fatSectors.slice(0, fatCount)) {
		const block = await sector(n)
		if (!block) return null
		for (let i = 0; i < sectorSize / 4; i++) fat.push(block.readUInt32LE(i * 4))
	}

	// the directory: 128-byte entries along the chain from its first sector
	const entries: Buffer[] = []
	const seen = new Set<number>()
	for (let n = header.readUInt32LE(48); n !== ENDOFCHAIN; n = fat[n] ?? NOSTREAM) {
		if (seen.has(n)) return null
		seen.add(n)
		const block = await sector(n)
		if (!block) return null
		for (let offset = 0; offset < sectorSize; offset += 128)
			entries.push(block.subarray(offset, offset + 128))
	}
	const root = entries[0]
	if (!root || root[66] !== 5) return null

	// the root's children are one red-black tree, walked through the left and right sibling links
	const names = new Set<string>()
	const stack = [root.readUInt32LE(76)]
	const visited = new Set<number>()
	while (stack.length) {
		const id = stack.pop()!
		if (id === NOSTREAM || visited.has(id)) continue
		visited.add(id)
		const entry = entries[id]
		if (!entry) return null
		const nameBytes = entry.readUInt16LE(64)
		if (nameBytes < 2 || nameBytes > 64) return null
		if (entry[66] === 2) names.add(entry.subarray(0, nameBytes - 2).toString('utf16le'))
		stack.push(entry.readUInt32LE(68), entry.readUInt32LE(72))
	}
	return names
}
