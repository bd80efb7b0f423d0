// `npm run score`: runs app/cli/score.ts from an esbuild bundle. Under tsx every module (zod
// alone is dozens) goes through the loader hooks and start-up takes ~0.3 s instead of ~0.1 s,
// which `score --jsonl` cannot spare to stay under 3 s for 10,000 assessments on a busy machine.
// The bundle is rebuilt whenever one of its inputs, as listed by esbuild's metafile, changed.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'app/cli/score.ts')
const cacheDir = join(root, 'node_modules/.cache/aftersales-score')
const bundle = join(cacheDir, 'score.mjs')
const manifest = join(cacheDir, 'inputs.json')

function stamp(path) {
	const stats = statSync(join(root, path))
	return `${stats.mtimeMs}:${stats.size}`
}

function isFresh() {
	try {
		const inputs = JSON.parse(readFileSync(manifest, 'utf8'))
		statSync(bundle)
		return Object.entries(inputs).every(([path, known]) => stamp(path) === known)
	} catch {
		return false
	}
}

async function build() {
	const esbuild = await import('esbuild')
	const result = await esbuild.build({
		entryPoints: [entry],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile: bundle,
		absWorkingDir: root,
		write: false,
		metafile: true,
		logLevel: 'silent',
	})
	const inputs = Object.fromEntries(
		Object.keys(result.metafile.inputs).map((path) => [path, stamp(path)]),
	)
	mkdirSync(cacheDir, { recursive: true })
	// several processes may build at once (parallel tests): each renames a complete file into place
	const suffix = `${process.pid}.tmp`
	writeFileSync(`${bundle}.${suffix}`, result.outputFiles[0].contents)
	writeFileSync(`${manifest}.${suffix}`, JSON.stringify(inputs))
	renameSync(`${bundle}.${suffix}`, bundle)
	renameSync(`${manifest}.${suffix}`, manifest)
}

let target = bundle
if (!isFresh()) {
	try {
		await build()
	} catch {
		// without esbuild (or a writable cache) run the source through tsx, only slower
		const { register } = await import('tsx/esm/api')
		register()
		target = entry
	}
}
await import(pathToFileURL(target).href)
