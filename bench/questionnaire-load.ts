/**
 * The questionnaire under load: the production build (server.js) on a loopback port with its own
 * database, driven by autocannon from this process (ADR 008). In one run, at 10 and 50 connections:
 *   (a) a small page of the app: /account signed in (root, shell and page loaders, the session)
 *   (b) the largest questionnaire page: green-aftersales-2025, section 5.2 (45 of 83 indicators),
 *       every indicator answered with a note, in both of the section's views: as the section link
 *       opens it (one indicator in full, every one of the 45 to jump to) and the compact list
 *       (?view=list, a row each); both are held to (b)'s targets
 *   (c) the autosave action, posted as the page's script posts it (multipart FormData), each save
 *       over the version the previous one returned, so every save is a new version
 * Targets: (b) ≥ 70 % of (a)'s requests/s and (c) ≥ 80 %, each p99 ≤ 2 × (a)'s; no save lost or
 * failed (every 2xx is a version in the answers table and the audit log, any non-2xx a failure).
 * Also the JavaScript the questionnaire page loads, as the server sends it gzipped: ≤ 150 KB.
 * Every request sends Accept-Encoding: gzip, as browsers do.
 *
 * Run: node --import tsx bench/questionnaire-load.ts
 *   --duration S (10) and --warmup S (3) per scenario and connection count; --connections 10,50
 *   --rounds N (1): measure each scenario N times, interleaved, and report the median round
 *   --only a,b,l,c: some scenarios only (l: the list view of (b))
 *   --ref REF: measure a commit instead of the working tree; --sources DIR: a copy of the sources
 *   --profile: the server runs with --cpu-prof; a summary of the profile is printed at the end and
 *     the pages' HTML kept beside it (with --only b it shows that scenario alone)
 *   --serve: build, seed, start and wait, printing the page address and the session cookie
 */
import autocannon, { type Request as CannonRequest, type Result } from 'autocannon'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { summariseProfile } from './cpu-profile.ts'
import type { Seeded } from './questionnaire-seed.ts'

const JS_BUDGET = 150 * 1024
const TARGETS = { pageRps: 0.7, autosaveRps: 0.8, p99: 2 }

const { values: options } = parseArgs({
	options: {
		duration: { type: 'string', default: '10' },
		warmup: { type: 'string', default: '3' },
		connections: { type: 'string', default: '10,50' },
		only: { type: 'string', default: 'a,b,l,c' },
		profile: { type: 'boolean', default: false },
		serve: { type: 'boolean', default: false },
		rounds: { type: 'string', default: '1' },
		ref: { type: 'string' },
		sources: { type: 'string' },
	},
})
const duration = Number(options.duration)
const warmup = Number(options.warmup)
const connectionCounts = options.connections.split(',').map(Number)
const only = new Set(options.only.split(','))
const rounds = Number(options.rounds)
if (
	!(duration > 0) ||
	!(warmup >= 0) ||
	!Number.isInteger(rounds) ||
	rounds < 1 ||
	connectionCounts.some((n) => !(n >= 1))
)
	throw new Error('--duration, --warmup, --rounds and --connections take positive numbers')

const root = path.resolve(import.meta.dirname, '..')
const dir = mkdtempSync(path.join(tmpdir(), 'portal-bench-'))
const profileDir = path.join(dir, 'profile')
const appDir = path.join(dir, 'app')
/** what `react-router build`, server.js and the seed read */
const SOURCES = [
	'app',
	'db',
	'emails',
	'tests/integration/helpers.ts',
	'package.json',
	'react-router.config.ts',
	'vite.config.ts',
	'tsconfig.json',
	'server.js',
]

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer()
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			)
		})
	})
}

const port = await freePort()
const base = `http://127.0.0.1:${port}`
const serverEnv: Record<string, string> = {
	NODE_ENV: 'production',
	PORT: String(port),
	APP_URL: base,
	DATABASE_URL: `file:${path.join(dir, 'portal.db')}`,
	UPLOAD_DIR: path.join(dir, 'uploads'),
	SEED_DEMO: 'false',
}
// this process checks the saves in the same database file through the app's own modules
Object.assign(process.env, serverEnv)
delete process.env.RESEND_API_KEY
const env = { ...process.env }

let server: ChildProcess | null = null
let serverLog = ''

async function stopServer() {
	if (!server || server.exitCode !== null) return
	const exited = new Promise((resolve) => server!.once('exit', resolve))
	server.kill('SIGTERM')
	await exited
}

function step(text: string) {
	console.log(`· ${text}`)
}

/**
 * Builds a copy of the sources (the working tree, a commit with --ref, or a directory with
 * --sources) in the temporary directory and serves it from there: a build or test run elsewhere
 * in this tree (which rewrites build/) cannot change the server under measurement, and this run
 * leaves build/ alone. The bench scripts themselves are always this run's.
 */
function build() {
	mkdirSync(appDir, { recursive: true })
	if (options.ref) {
		const archive = spawnSync('git', ['archive', '--format=tar', options.ref, '--', ...SOURCES], {
			cwd: root,
			maxBuffer: 256 * 1024 * 1024,
		})
		if (archive.status !== 0) throw new Error(`git archive ${options.ref}: ${archive.stderr}`)
		const unpacked = spawnSync('tar', ['-x', '-C', appDir], { input: archive.stdout })
		if (unpacked.status !== 0) throw new Error(`tar: ${unpacked.stderr}`)
	} else {
		const from = path.resolve(options.sources ?? root)
		for (const entry of SOURCES)
			cpSync(path.join(from, entry), path.join(appDir, entry), { recursive: true })
	}
	cpSync(path.join(root, 'bench'), path.join(appDir, 'bench'), { recursive: true })
	symlinkSync(path.join(root, 'node_modules'), path.join(appDir, 'node_modules'), 'dir')
	// NODE_ENV=production: React's production build in the client bundle, as `npm run build` makes it
	const built = spawnSync('npx', ['react-router', 'build'], {
		cwd: appDir,
		encoding: 'utf8',
		env: { ...env, NODE_ENV: 'production' },
	})
	if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`)
}

async function startServer() {
	const flags = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
	server = spawn(process.execPath, [...flags, 'server.js'], {
		cwd: appDir,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	server.stdout!.on('data', (chunk: Buffer) => (serverLog += chunk))
	server.stderr!.on('data', (chunk: Buffer) => (serverLog += chunk))
	const deadline = Date.now() + 60_000
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`server exited early:\n${serverLog}`)
		try {
			if ((await fetch(`${base}/healthz`)).ok) return
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	throw new Error(`server did not become healthy:\n${serverLog}`)
}

// ---- the database

/** Migrations and the seed, by questionnaire-seed.ts inside the copy: its tables, its fixtures. */
function seed(): Seeded {
	const seeded = spawnSync(
		process.execPath,
		['--import', 'tsx', 'bench/questionnaire-seed.ts', String(Math.max(...connectionCounts))],
		{ cwd: appDir, env, encoding: 'utf8' },
	)
	if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`)
	const parsed: unknown = JSON.parse(seeded.stdout.trim().split('\n').at(-1) ?? 'null')
	if (!isSeeded(parsed)) throw new Error(`seeding printed no result:\n${seeded.stdout}`)
	return parsed
}

function isSeeded(value: unknown): value is Seeded {
	return (
		typeof value === 'object' &&
		value !== null &&
		'cookie' in value &&
		typeof value.cookie === 'string' &&
		'pool' in value &&
		Array.isArray(value.pool)
	)
}

/** Versions now stored, and the audit log's saved versions, per indicator of the assessment. */
async function storedVersions(assessmentId: string) {
	const { database } = await import('#app/utils/db.server.ts')
	const { answers, auditLog } = await import('#db/schema/index.ts')
	const { and, eq } = await import('drizzle-orm')
	const db = database()
	const rows = await db
		.select({ indicatorId: answers.indicatorId, version: answers.version })
		.from(answers)
		.where(eq(answers.assessmentId, assessmentId))
	const audits = await db
		.select({ detail: auditLog.detail })
		.from(auditLog)
		.where(and(eq(auditLog.targetId, assessmentId), eq(auditLog.action, 'answer.saved')))
	const audited = new Set<string>()
	for (const { detail } of audits) {
		if (typeof detail?.indicatorId === 'string' && typeof detail.version === 'number')
			audited.add(`${detail.indicatorId}@${detail.version}`)
	}
	return { versions: new Map(rows.map((row) => [row.indicatorId, row.version])), audited }
}

// ---- the scenarios

const browserHeaders = (cookie: string) => ({
	cookie,
	accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
	'accept-encoding': 'gzip, deflate',
	'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
	'user-agent': 'portal-bench (autocannon)',
})

type Saves = {
	/** the version each pool indicator is at, as far as this process knows */
	version: Map<string, number>
	free: string[]
	ok: number
	failed: number
	acked: Set<string>
	failures: string[]
	notes: number
}

function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
	const boundary = `----WebKitFormBoundary${randomBytes(8).toString('hex')}`
	const parts = fields.map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	)
	return {
		body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
		contentType: `multipart/form-data; boundary=${boundary}`,
	}
}

function autosaveRequest(seeded: Seeded, saves: Saves): CannonRequest {
	const byId = new Map(seeded.pool.map((entry) => [entry.id, entry]))
	return {
		method: 'POST',
		path: seeded.autosavePath,
		// one indicator per request in flight, so each save names the version the last one returned
		setupRequest: (request, context) => {
			const id = saves.free.shift()
			const entry = id ? byId.get(id) : undefined
			if (!id || !entry) throw new Error('more requests in flight than indicators to save')
			Reflect.set(context, 'indicatorId', id)
			// the fields an indicator form of the fraction scheme holds, in its order
			const fields: [string, string][] = [
				['indicatorId', id],
				['version', String(saves.version.get(id) ?? 0)],
				['choice', entry.choice],
			]
			if (entry.sampling)
				fields.push(
					['partlyBy', 'share'],
					['checked', ''],
					['nonconforming', ''],
					['population', ''],
				)
			fields.push(['share', ''])
			if (entry.excludable) fields.push(['reason', ''])
			fields.push(['note', `${id} 现场核查记录，第 ${++saves.notes} 次修改：服务网点台账已更新`])
			fields.push(['_autosave', '1'])
			const { body, contentType } = multipart(fields)
			return {
				...request,
				body,
				headers: {
					...request.headers,
					accept: 'application/json',
					'content-type': contentType,
					origin: base,
					referer: `${base}${seeded.pagePath}`,
				},
			}
		},
		// the body comes gzipped, as the browser receives it, and autocannon hands it over as text:
		// 200 is only ever "saved" (statusOf), and every save here changes the note, so a 200 is the
		// next version. A save that made none would make the following one a 409, and the audit log
		// is checked for every version acknowledged here.
		onResponse: (status, body, context, headers) => {
			const id = String(Reflect.get(context, 'indicatorId'))
			if (status === 200) {
				const saved = (saves.version.get(id) ?? 0) + 1
				saves.ok++
				saves.acked.add(`${id}@${saved}`)
				saves.version.set(id, saved)
			} else {
				saves.failed++
				const readable = !Reflect.get(Object(headers), 'content-encoding')
				if (saves.failures.length < 5)
					saves.failures.push(
						`${id}: ${status} ${readable ? body.slice(0, 300) : '(gzipped body)'}`,
					)
			}
			saves.free.push(id)
		},
	}
}

type Row = {
	scenario: 'a' | 'b' | 'l' | 'c'
	connections: number
	rps: number
	p50: number
	p99: number
	errors: number
	requests: number
	kbPerRequest: number
}

async function load(
	scenario: Row['scenario'],
	connections: number,
	seconds: number,
	request: () => CannonRequest,
	cookie: string,
): Promise<Result> {
	return autocannon({
		url: base,
		connections,
		duration: seconds,
		headers: browserHeaders(cookie),
		requests: [request()],
		title: `${scenario}@${connections}`,
	})
}

/**
 * Waits for the requests a stopped run left on the server to finish, so they do not slow the next
 * run: the server is idle again when a health check answers quickly twice in a row.
 */
async function settle() {
	const deadline = Date.now() + 20_000
	let quick = 0
	while (quick < 2 && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 200))
		const start = performance.now()
		await fetch(`${base}/healthz`)
		quick = performance.now() - start < 50 ? quick + 1 : 0
	}
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	const middle = Math.floor(sorted.length / 2)
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function errorsOf(result: Result): number {
	return result.errors + result.timeouts + result.non2xx
}

// ---- JavaScript the questionnaire page loads

/** Body bytes as sent on the wire (gzipped where the server compresses), and whether compressed. */
function wireSize(url: string): Promise<{ bytes: number; encoding: string }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { headers: { 'accept-encoding': 'gzip, deflate' } }, (res) => {
			if (res.statusCode !== 200) {
				res.resume()
				reject(new Error(`${url}: ${res.statusCode}`))
				return
			}
			let bytes = 0
			res.on('data', (chunk: Buffer) => (bytes += chunk.length))
			res.on('end', () =>
				resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'identity' }),
			)
		})
		req.on('error', reject)
		req.end()
	})
}

const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g

async function javascriptSent(html: string) {
	const found = new Set<string>()
	for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g))
		found.add(match[1]!)
	for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) found.add(match[1]!)
	for (const match of html.matchAll(/import\(?\s*"(\/assets\/[^"]+\.js)"/g)) found.add(match[1]!)
	// the route manifest's own list for the matched routes: nothing the HTML forgot goes uncounted
	const manifestFile = [...found].find((file) => /\/manifest-[^/]+\.js$/.test(file))
	if (manifestFile) {
		const text = readFileSync(path.join(appDir, 'build/client', manifestFile), 'utf8')
		const manifest: unknown = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1))
		const routes = ['root', 'routes/app-layout', 'routes/questionnaire/section']
		if (
			typeof manifest === 'object' &&
			manifest !== null &&
			'routes' in manifest &&
			'entry' in manifest
		) {
			const entries = [
				manifest.entry,
				...routes.map((id) => Reflect.get(Object(manifest.routes), id)),
			]
			for (const entry of entries) {
				if (typeof entry !== 'object' || entry === null) continue
				if ('module' in entry && typeof entry.module === 'string') found.add(entry.module)
				if ('imports' in entry && Array.isArray(entry.imports))
					for (const file of entry.imports) if (typeof file === 'string') found.add(file)
			}
		}
	}
	// and every static import of those files
	const queue = [...found]
	while (queue.length) {
		const file = queue.pop()!
		const text = readFileSync(path.join(appDir, 'build/client', file), 'utf8')
		for (const match of text.matchAll(STATIC_IMPORT)) {
			const imported = path.posix.join(path.posix.dirname(file), match[1]!)
			if (!found.has(imported)) {
				found.add(imported)
				queue.push(imported)
			}
		}
	}
	const files = await Promise.all(
		[...found].map(async (file) => {
			const sent = await wireSize(`${base}${file}`)
			const raw = readFileSync(path.join(appDir, 'build/client', file))
			return { file, ...sent, raw: raw.length, gzip: gzipSync(raw).length }
		}),
	)
	return files.sort((a, b) => b.bytes - a.bytes)
}

// ---- the run

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const fixed = (value: number, digits = 1) => value.toFixed(digits)

async function main() {
	const started = performance.now()
	console.log(
		`questionnaire load benchmark: ${duration} s per run after ${warmup} s warm-up, ` +
			`${rounds > 1 ? `median of ${rounds} rounds, ` : ''}` +
			`connections ${connectionCounts.join(', ')}; ${cpus().length} CPUs, load average ${loadavg()
				.map((n) => n.toFixed(2))
				.join(' ')}`,
	)
	const what = options.ref ? `commit ${options.ref}` : (options.sources ?? 'the working tree')
	step(`building ${what} in ${appDir} (react-router build, NODE_ENV=production)`)
	build()
	step(`migrating a new database in ${dir}; a user, a workspace and a fully answered assessment`)
	const seeded = seed()
	step(`starting the production server on ${base}${options.profile ? ' with --cpu-prof' : ''}`)
	await startServer()

	// each scenario once by hand: the right page, signed in, and a save that saves
	const listPath = `${seeded.pagePath}?view=list`
	const pagePaths = { a: '/account', b: seeded.pagePath, l: listPath }
	const sizes: Record<string, { html: number; wire: number }> = {}
	for (const [scenario, pagePath] of Object.entries(pagePaths)) {
		const response = await fetch(`${base}${pagePath}`, {
			headers: { cookie: seeded.cookie },
			redirect: 'manual',
		})
		const html = await response.text()
		if (response.status !== 200) throw new Error(`${pagePath}: ${response.status}`)
		sizes[scenario] = {
			html: Buffer.byteLength(html),
			wire: (await wireSizeWithCookie(`${base}${pagePath}`, seeded.cookie)).bytes,
		}
		if (options.profile) {
			mkdirSync(profileDir, { recursive: true })
			writeFileSync(path.join(profileDir, `${scenario}.html`), html)
		}
		// the page under measurement is the one described: the section's first indicator in full
		// with every indicator of the section to jump to, or a row for each in the list
		const forms = new Set(
			[...html.matchAll(/name="indicatorId" value="([^"]+)"/g)].map((match) => match[1]),
		)
		const choices = html.match(/<option value="[^"]+"/g)?.length ?? 0
		const rowLinks = html.match(/\?indicator=[^"]+"/g)?.length ?? 0
		if (scenario === 'b' && (forms.size !== 1 || choices < seeded.sectionSize))
			throw new Error(
				`expected one indicator form and ${seeded.sectionSize} to jump to on ${pagePath}, ` +
					`found ${forms.size} and ${choices}`,
			)
		if (scenario === 'l' && rowLinks < seeded.sectionSize)
			throw new Error(
				`expected ${seeded.sectionSize} indicator rows on ${pagePath}, found ${rowLinks}`,
			)
	}
	const pageHtml = await (
		await fetch(`${base}${seeded.pagePath}`, { headers: { cookie: seeded.cookie } })
	).text()

	const saves: Saves = {
		version: new Map(seeded.pool.map((entry) => [entry.id, seeded.seedVersion])),
		free: seeded.pool.map((entry) => entry.id),
		ok: 0,
		failed: 0,
		acked: new Set(),
		failures: [],
		notes: 0,
	}

	if (options.serve) {
		console.log(`serving until stopped: ${base}${seeded.pagePath}\ncookie: ${seeded.cookie}`)
		await new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve))
		return
	}

	step('measuring the JavaScript the questionnaire page loads')
	const scripts = await javascriptSent(pageHtml)
	const jsTotal = scripts.reduce((sum, file) => sum + file.bytes, 0)

	const requests = {
		a: (): CannonRequest => ({ method: 'GET', path: '/account' }),
		b: (): CannonRequest => ({ method: 'GET', path: seeded.pagePath }),
		l: (): CannonRequest => ({ method: 'GET', path: listPath }),
		c: () => autosaveRequest(seeded, saves),
	}
	// requests still in flight when a run stops finish on the server: start from what is stored
	const resync = async () => {
		const total = async () => {
			const { versions } = await storedVersions(seeded.assessmentId)
			return [...versions.values()].reduce((sum, version) => sum + version, 0)
		}
		let previous = await total()
		for (;;) {
			await settle()
			const now = await total()
			if (now === previous) break
			previous = now
		}
		const { versions } = await storedVersions(seeded.assessmentId)
		for (const entry of seeded.pool) saves.version.set(entry.id, versions.get(entry.id) ?? 0)
		saves.free = seeded.pool.map((entry) => entry.id)
	}
	const runs: Row[] = []
	// rounds interleave the scenarios, so a busy moment on a shared machine is spread over all three
	for (let round = 1; round <= rounds; round++) {
		for (const connections of connectionCounts) {
			for (const scenario of ['a', 'b', 'l', 'c'] as const) {
				if (!only.has(scenario)) continue
				const label = `(${scenario}) ${connections} connections${rounds > 1 ? `, round ${round}` : ''}`
				if (warmup > 0 && round === 1) {
					step(`${label}: warm-up ${warmup} s`)
					await load(scenario, connections, warmup, requests[scenario], seeded.cookie)
					await settle()
					if (scenario === 'c') await resync()
				}
				step(`${label}: ${duration} s`)
				const result = await load(
					scenario,
					connections,
					duration,
					requests[scenario],
					seeded.cookie,
				)
				await settle()
				if (scenario === 'c') await resync()
				runs.push({
					scenario,
					connections,
					rps: result.requests.average,
					p50: result.latency.p50,
					p99: result.latency.p99,
					errors: errorsOf(result),
					requests: result.requests.total,
					kbPerRequest: result.requests.total
						? result.throughput.total / result.requests.total / 1024
						: 0,
				})
			}
		}
	}
	// one row per scenario and connection count: the median round, errors and requests summed
	const rows = runs.flatMap((run, i): Row[] => {
		const same = runs.filter(
			(r) => r.scenario === run.scenario && r.connections === run.connections,
		)
		if (same[0] !== runs[i]) return []
		return [
			{
				...run,
				rps: median(same.map((r) => r.rps)),
				p50: median(same.map((r) => r.p50)),
				p99: median(same.map((r) => r.p99)),
				errors: same.reduce((sum, r) => sum + r.errors, 0),
				requests: same.reduce((sum, r) => sum + r.requests, 0),
			},
		]
	})

	// every acknowledged save is a version in the answers table and a row in the audit log
	const { versions, audited } = await storedVersions(seeded.assessmentId)
	let recorded = 0
	for (const entry of seeded.pool) recorded += (versions.get(entry.id) ?? 0) - seeded.seedVersion
	const lost = [...saves.acked].filter((key) => !audited.has(key))
	const behind = seeded.pool.filter(
		(entry) => (versions.get(entry.id) ?? 0) < (saves.version.get(entry.id) ?? 0),
	)
	await stopServer()

	// ---- report
	const names = {
		a: '(a) /account, signed in',
		b: `(b) ${seeded.pagePath.split('/').pop()} answered, one of ${seeded.sectionSize}`,
		l: `(b) ${seeded.pagePath.split('/').pop()} list, ${seeded.sectionSize} rows`,
		c: '(c) autosave POST',
	}
	console.log('')
	console.log(
		`page sizes: (a) ${kb(sizes.a?.html ?? 0)} HTML, ${kb(sizes.a?.wire ?? 0)} gzipped; ` +
			`(b) ${kb(sizes.b?.html ?? 0)} HTML, ${kb(sizes.b?.wire ?? 0)} gzipped; ` +
			`(b list) ${kb(sizes.l?.html ?? 0)} HTML, ${kb(sizes.l?.wire ?? 0)} gzipped`,
	)
	console.log('')
	const header = `${'scenario'.padEnd(38)} ${'conn'.padStart(4)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(6)} ${'requests'.padStart(8)} ${'KB/resp'.padStart(7)}`
	console.log(header)
	console.log('-'.repeat(header.length))
	for (const row of rows)
		console.log(
			`${names[row.scenario].padEnd(38)} ${String(row.connections).padStart(4)} ${fixed(row.rps).padStart(8)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${String(row.errors).padStart(6)} ${String(row.requests).padStart(8)} ${fixed(row.kbPerRequest).padStart(7)}`,
		)
	console.log('')
	let missed = 0
	const verdict = (met: boolean) => {
		if (!met) missed++
		return met ? 'met' : 'NOT met'
	}
	for (const connections of connectionCounts) {
		const a = rows.find((row) => row.scenario === 'a' && row.connections === connections)
		if (!a) continue
		for (const [scenario, rpsTarget] of [
			['b', TARGETS.pageRps],
			['l', TARGETS.pageRps],
			['c', TARGETS.autosaveRps],
		] as const) {
			const row = rows.find((r) => r.scenario === scenario && r.connections === connections)
			if (!row) continue
			const rps = row.rps / a.rps
			const p99 = row.p99 / Math.max(a.p99, 1)
			console.log(
				`${connections} connections (${scenario === 'l' ? 'b list' : scenario})/(a): req/s ${fixed(rps * 100, 0).padStart(3)} % ` +
					`(target ≥ ${rpsTarget * 100} %: ${verdict(rps >= rpsTarget)}), ` +
					`p99 ${fixed(p99, 2)} × (target ≤ ${TARGETS.p99} ×: ${verdict(p99 <= TARGETS.p99)})`,
			)
		}
	}
	if (only.has('c')) {
		const clean = saves.failed === 0 && lost.length === 0 && behind.length === 0
		if (!clean) missed++
		console.log(
			`autosave: ${saves.ok} saves answered 2xx, ${saves.failed} failed (non-2xx or not saved); ` +
				`${recorded} new versions in the answers table (${recorded - saves.ok} more: saves in flight ` +
				`when a run stopped, completed by the server); acknowledged saves missing from the audit log: ` +
				`${lost.length}; indicators behind their acknowledged version: ${behind.length} → ` +
				(clean ? 'none lost or failed' : 'SAVES LOST OR FAILED'),
		)
		for (const failure of saves.failures) console.log(`  failure: ${failure}`)
		if (!clean) process.exitCode = 1
	}
	console.log(
		`JavaScript for the questionnaire page: ${scripts.length} files, ${kb(jsTotal)} as sent ` +
			`(gzip -6 of each: ${kb(scripts.reduce((sum, file) => sum + file.gzip, 0))}; ` +
			`${kb(scripts.reduce((sum, file) => sum + file.raw, 0))} uncompressed); ` +
			`target ≤ ${kb(JS_BUDGET)}: ${verdict(jsTotal <= JS_BUDGET)}`,
	)
	console.log(
		`  largest: ${scripts
			.slice(0, 5)
			.map((file) => `${path.posix.basename(file.file)} ${kb(file.bytes)}`)
			.join(', ')}`,
	)
	console.log(
		`${missed ? `${missed} target(s) missed` : only.size === 4 ? 'all targets met' : 'targets of the scenarios run met'}; ` +
			`load average ${loadavg()
				.map((n) => n.toFixed(2))
				.join(' ')}; ` +
			`${fixed((performance.now() - started) / 1000, 0)} s in all`,
	)
	if (options.profile) {
		const files = readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'))
		for (const file of files) console.log(`\n${summariseProfile(path.join(profileDir, file))}`)
	}
}

function wireSizeWithCookie(url: string, cookie: string): Promise<{ bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { headers: browserHeaders(cookie) }, (res) => {
			let bytes = 0
			res.on('data', (chunk: Buffer) => (bytes += chunk.length))
			res.on('end', () => resolve({ bytes }))
		})
		req.on('error', reject)
		req.end()
	})
}

try {
	await main()
} catch (error) {
	process.exitCode = 1
	console.error(error)
} finally {
	await stopServer()
	if (process.exitCode && serverLog) console.log(`server output:\n${serverLog.slice(-4000)}`)
	// the seeding opened the database in this process; close it before removing the file
	globalThis.__portalDb?.client.close()
	if (options.profile) console.log(`(profile kept in ${profileDir})`)
	else rmSync(dir, { recursive: true, force: true })
}
