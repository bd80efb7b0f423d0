/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by area
 * (React rendering, compression, database, the app's own code, …), then the functions with the
 * most self and inclusive time. Used by questionnaire-load.ts --profile.
 */
import { readFileSync } from 'node:fs'

type ProfileNode = {
	id: number
	callFrame: { functionName: string; url: string; lineNumber: number }
	children?: number[]
}
type CpuProfile = {
	nodes: ProfileNode[]
	samples: number[]
	timeDeltas: number[]
	startTime: number
	endTime: number
}

const IDLE = new Set(['(idle)', '(program)'])

function isCpuProfile(value: unknown): value is CpuProfile {
	return (
		typeof value === 'object' &&
		value !== null &&
		'nodes' in value &&
		Array.isArray(value.nodes) &&
		'samples' in value &&
		Array.isArray(value.samples) &&
		'timeDeltas' in value &&
		Array.isArray(value.timeDeltas)
	)
}

/** Where a frame's code lives, in words a reader of the profile cares about. */
function areaOf(url: string, name: string): string {
	if (name === '(garbage collector)') return 'garbage collection'
	if (IDLE.has(name)) return name
	if (!url) return name.startsWith('(') ? name : 'native (V8 built-ins)'
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
	if (pkg) {
		if (pkg === 'react-dom') return 'react-dom (server rendering)'
		if (pkg === 'compression' || pkg === 'express' || pkg.startsWith('@react-router'))
			return `${pkg} (HTTP)`
		if (pkg.startsWith('@libsql') || pkg === 'libsql' || pkg === 'drizzle-orm')
			return `${pkg} (database)`
		return pkg
	}
	if (url.includes('/build/server/')) return 'app server build (loaders, components, services)'
	if (url.startsWith('node:zlib')) return 'node:zlib (gzip)'
	if (url.startsWith('node:')) return `node internals (${url.slice(5).split('/')[0]})`
	return url.replace(/^file:\/\/.*\/(?=[^/]+\/[^/]+$)/, '')
}

function frameKey(node: ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame
	const file = url ? url.replace(/^.*\/(node_modules\/)?/, '') : ''
	return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim()
}

export function summariseProfile(path: string, top = 15): string {
	const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
	if (!isCpuProfile(parsed)) throw new Error(`${path} is not a V8 CPU profile`)
	const profile = parsed
	const byId = new Map(profile.nodes.map((node) => [node.id, node]))
	const self = new Map<number, number>()
	profile.samples.forEach((id, i) => {
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
	})
	const total = [...self.values()].reduce((sum, us) => sum + us, 0)
	let idle = 0
	const areas = new Map<string, number>()
	const selfByFrame = new Map<string, number>()
	for (const [id, us] of self) {
		const node = byId.get(id)
		if (!node) continue
		const { functionName, url } = node.callFrame
		if (IDLE.has(functionName)) idle += us
		const area = areaOf(url, functionName)
		areas.set(area, (areas.get(area) ?? 0) + us)
		if (!IDLE.has(functionName)) {
			const key = frameKey(node)
			selfByFrame.set(key, (selfByFrame.get(key) ?? 0) + us)
		}
	}

	// inclusive time: each frame counted once per stack, however often it recurses
	const inclusive = new Map<string, number>()
	const parentOf = new Map<number, number>()
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parentOf.set(child, node.id)
	for (const [id, us] of self) {
		const seen = new Set<string>()
		for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
			const node = byId.get(at)
			if (
				!node ||
				IDLE.has(node.callFrame.functionName) ||
				node.callFrame.functionName === '(root)'
			)
				continue
			const key = frameKey(node)
			if (seen.has(key)) continue
			seen.add(key)
			inclusive.set(key, (inclusive.get(key) ?? 0) + us)
		}
	}

	const busy = total - idle
	const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`
	const pct = (us: number) => `${((us / Math.max(busy, 1)) * 100).toFixed(1).padStart(5)} %`
	const lines = [
		`profile ${path}`,
		`  sampled ${ms(total)}, busy (not idle) ${ms(busy)}; percentages are of busy time`,
		'  self time by area:',
		...[...areas]
			.filter(([area]) => !IDLE.has(area))
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([area, us]) => `    ${ms(us)} ${pct(us)}  ${area}`),
		'  functions by self time:',
		...[...selfByFrame]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([key, us]) => `    ${ms(us)} ${pct(us)}  ${key}`),
		'  functions by inclusive time:',
		...[...inclusive]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top + 10)
			.map(([key, us]) => `    ${ms(us)} ${pct(us)}  ${key}`),
	]
	return lines.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [path, top] = process.argv.slice(2)
	if (!path) throw new Error('usage: node --import tsx bench/cpu-profile.ts FILE.cpuprofile [TOP]')
	console.log(summariseProfile(path, top ? Number(top) : undefined))
}
