import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, unlink } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'

export type ReceivedFile = {
	/** a temporary file in the upload directory: the caller renames or discards it */
	path: string
	/** the name exactly as the client sent it (path and all) */
	name: string
	size: number
	sha256: string
}

export type UploadRefusal = 'notMultipart' | 'malformed' | 'tooLarge'

export type Received =
	| { ok: true; fields: Record<string, string>; file: ReceivedFile | null }
	| { ok: false; reason: UploadRefusal }

/** room for the form's text fields and the multipart framing, on top of the file itself */
const FRAMING_BYTES = 64 * 1024
/** after a refusal, up to this many times the limit is read (and thrown away) before cutting off */
const DRAIN_FACTOR = 4

/**
 * Reads a multipart form with at most one file straight to a temporary file, hashing as it goes.
 * The body is never held in memory: a Content-Length over the limit is refused before anything is
 * written, and without one the file stops at the limit. After a refusal the rest of the body is
 * read and thrown away up to a cap (see discardRest). A refusal leaves no file behind.
 */
export async function receiveUpload(
	request: Request,
	{
		directory,
		maxFileBytes,
		fileField = 'file',
	}: { directory: string; maxFileBytes: number; fileField?: string },
): Promise<Received> {
	const contentType = request.headers.get('Content-Type') ?? ''
	if (!/^multipart\/form-data\s*;/i.test(contentType)) return { ok: false, reason: 'notMultipart' }
	const maxBodyBytes = maxFileBytes + FRAMING_BYTES
	const declared = request.headers.get('Content-Length')
	const drainBytes = maxBodyBytes * DRAIN_FACTOR
	if (declared !== null) {
		const refusal = !/^\d+$/.test(declared.trim())
			? 'malformed'
			: Number(declared) > maxBodyBytes
				? 'tooLarge'
				: null
		if (refusal) {
			// not one byte is written; a body too big even to read and discard is cut off at once
			if (request.body)
				discardRest(request.body.getReader(), Number(declared) > drainBytes ? 0 : drainBytes)
			return { ok: false, reason: refusal }
		}
	}
	if (!request.body) return { ok: false, reason: 'malformed' }

	let parser: busboy.Busboy
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			// keep the name as sent: a name with a path in it is refused, not quietly shortened
			preservePath: true,
			defParamCharset: 'utf8',
			// busboy reports the limit when a file reaches it: one byte more tells "at" from "over"
			limits: {
				files: 1,
				fileSize: maxFileBytes + 1,
				fields: 10,
				fieldSize: 4096,
				parts: 11,
				headerPairs: 10,
			},
		})
	} catch {
		return { ok: false, reason: 'malformed' }
	}
	await mkdir(directory, { recursive: true })

	const fields: Record<string, string> = {}
	// written from the parser's callbacks, so kept in an object the type checker does not narrow
	const state: {
		refusal: UploadRefusal | null
		file: { done: Promise<ReceivedFile>; abort: () => void; discard: () => Promise<void> } | null
	} = { refusal: null, file: null }
	let stop!: () => void
	const stopped = new Promise<void>((resolve) => (stop = resolve))
	const refuse = (reason: UploadRefusal) => {
		state.refusal ??= reason
		state.file?.abort()
		stop()
	}

	parser.on('field', (name, value, info) => {
		if (info.nameTruncated || info.valueTruncated || Object.hasOwn(fields, name))
			refuse('malformed')
		else fields[name] = value
	})
	parser.on('file', (name, stream, info) => {
		// a file input left empty arrives as a part with no name and no bytes
		if (name === fileField && !state.file && info.filename === '') {
			stream.resume()
			return
		}
		if (name !== fileField || state.file || state.refusal) {
			stream.resume()
			refuse('malformed')
			return
		}
		const target = path.join(directory, `${randomUUID()}.part`)
		const hash = createHash('sha256')
		let size = 0
		const count = new Transform({
			transform(chunk: Buffer, _encoding, callback) {
				size += chunk.length
				hash.update(chunk)
				callback(null, chunk)
			},
		})
		const output = createWriteStream(target, { flags: 'wx' })
		// the file may be created after a refusal destroyed the pipeline: remove it only once it is closed
		const closed = new Promise<void>((resolve) => output.once('close', () => resolve()))
		const done = pipeline(stream, count, output).then(() => ({
			path: target,
			name: info.filename ?? '',
			size,
			sha256: hash.digest('hex'),
		}))
		// a refusal destroys the stream; the rejection is handled where `done` is awaited
		done.catch(() => {})
		state.file = {
			done,
			// with an error: a file stream destroyed quietly never settles the pipeline
			abort: () => {
				const error = new Error('upload refused')
				for (const part of [stream, count, output]) part.destroy(error)
			},
			discard: async () => {
				output.destroy()
				await closed
				await discard(target)
			},
		}
		stream.on('limit', () => refuse('tooLarge'))
	})
	for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const)
		parser.on(event, () => refuse('malformed'))
	const parsed = new Promise<void>((resolve) => {
		parser.on('close', resolve)
		parser.on('error', () => {
			refuse('malformed')
			resolve()
		})
	})

	const reader = request.body.getReader()
	let total = 0
	try {
		while (!state.refusal) {
			const { done, value } = await reader.read()
			if (done) break
			total += value.byteLength
			if (total > maxBodyBytes) {
				refuse('tooLarge')
				break
			}
			if (!parser.write(value)) await waitForDrain(parser, Promise.race([parsed, stopped]))
		}
	} catch {
		refuse('malformed')
	}
	if (state.refusal) {
		discardRest(reader, drainBytes)
		parser.destroy()
	} else {
		parser.end()
		await parsed
	}

	const pending = state.file
	let received: ReceivedFile | null = null
	if (pending) {
		try {
			received = await pending.done
		} catch {
			refuse('malformed')
		}
	}
	if (state.refusal) {
		await pending?.discard()
		return { ok: false, reason: state.refusal }
	}
	return { ok: true, fields, file: received }
}

/**
 * After a refusal the rest of the body is read and thrown away, never kept: a browser sends the
 * whole form before it reads the answer, so this is what lets it show the 413 page instead of a
 * reset connection. Past `limit` more bytes the connection is cut off instead.
 */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number): void {
	void (async () => {
		let read = 0
		try {
			while (read < limit) {
				const { done, value } = await reader.read()
				if (done) return
				read += value.byteLength
			}
			await reader.cancel()
		} catch {
			// the client went away
		}
	})()
}

/** For a request refused before its upload is read: the same reading and discarding, up to the same cap. */
export function discardUpload(request: Request, maxFileBytes: number): void {
	if (!request.body || request.bodyUsed) return
	const limit = (maxFileBytes + FRAMING_BYTES) * DRAIN_FACTOR
	const declared = Number(request.headers.get('Content-Length') ?? 0)
	discardRest(request.body.getReader(), declared > limit ? 0 : limit)
}

function waitForDrain(parser: busboy.Busboy, orEnd: Promise<void>): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			parser.off('drain', done)
			resolve()
		}
		parser.on('drain', done)
		void orEnd.then(done)
	})
}

/** Removes a file if it is there. */
export async function discard(filePath: string): Promise<void> {
	try {
		await unlink(filePath)
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
	}
}
