import { inflateSync } from 'node:zlib'

/** Enough of a PNG decoder to read pdftoppm's output: 8-bit grey, RGB or RGBA, not interlaced. */
export function decodePng(png: Buffer): {
	width: number
	height: number
	channels: number
	pixels: Buffer
} {
	if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG')
	let offset = 8
	let width = 0
	let height = 0
	let channels = 0
	const data: Buffer[] = []
	while (offset < png.length) {
		const length = png.readUInt32BE(offset)
		const type = png.toString('ascii', offset + 4, offset + 8)
		const body = png.subarray(offset + 8, offset + 8 + length)
		if (type === 'IHDR') {
			width = body.readUInt32BE(0)
			height = body.readUInt32BE(4)
			const [depth, colour, , , interlace] = body.subarray(8, 13)
			if (depth !== 8 || interlace !== 0)
				throw new Error(`unsupported PNG: depth ${depth}, interlace ${interlace}`)
			const byColour: Record<number, number> = { 0: 1, 2: 3, 6: 4 }
			channels = byColour[colour ?? -1] ?? 0
			if (!channels) throw new Error(`unsupported PNG colour type ${colour}`)
		} else if (type === 'IDAT') data.push(body)
		offset += 12 + length
	}
	const raw = inflateSync(Buffer.concat(data))
	const stride = width * channels
	const pixels = Buffer.alloc(stride * height)
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)]
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
		for (let x = 0; x < stride; x++) {
			const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0
			const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0
			const upLeft = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0
			const value = line[x] ?? 0
			let predicted = 0
			if (filter === 1) predicted = left
			else if (filter === 2) predicted = up
			else if (filter === 3) predicted = (left + up) >> 1
			else if (filter === 4) {
				const p = left + up - upLeft
				const pa = Math.abs(p - left)
				const pb = Math.abs(p - up)
				const pc = Math.abs(p - upLeft)
				predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
			}
			pixels[y * stride + x] = (value + predicted) & 0xff
		}
	}
	return { width, height, channels, pixels }
}
