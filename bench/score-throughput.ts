/**
 * Scoring throughput for the green scheme (83 indicators, the largest):
 *   1. scoreAssessment alone, in one process          target ≥ 50,000 assessments/s
 *   2. JSON text → validate → score → JSON text, in one process (what --jsonl does per line)
 *   3. `npm run --silent score -- --jsonl` on 10,000 assessments, wall time incl. start-up
 *                                                     target < 3 s
 * Run: node --import tsx bench/score-throughput.ts
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { getScheme, schemeIndicators, type Scheme } from '../app/domain/schemes/index.ts'
import { scoreJson } from '../app/domain/scoring/index.ts'
import { scoreAssessment } from '../app/domain/scoring/score.ts'
import type { AnswerV1, AssessmentV1 } from '../app/domain/scoring/types.ts'

const SCHEME_ID = 'green-aftersales-2025'
const registered = getScheme(SCHEME_ID)
if (!registered) throw new Error(`${SCHEME_ID} is not registered`)
const scheme: Scheme = registered

/** mulberry32: the same assessments on every run. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const FRACTIONS = [0, 0.25, 0.5, 0.7, 0.75, 0.8, 0.9, 1, 1, 1]

function makeAssessments(count: number): AssessmentV1[] {
	const next = random(27922)
	const indicators = schemeIndicators(scheme).map((entry) => entry.indicator)
	return Array.from({ length: count }, (_, i) => {
		const answers: Record<string, AnswerV1> = {}
		for (const indicator of indicators) {
			const roll = next()
			if (roll < 0.03) continue
			if (roll < 0.06 && indicator.excludable) {
				answers[indicator.id] = { na: true, reason: '不涉及' }
			} else if (roll < 0.2 && indicator.sampling) {
				const checked = 6 + Math.floor(next() * 20)
				answers[indicator.id] = {
					samples: { checked, nonconforming: Math.floor(next() * checked * 0.3) },
				}
			} else {
				answers[indicator.id] = { fraction: FRACTIONS[Math.floor(next() * FRACTIONS.length)]! }
			}
		}
		const deductions = Math.floor(next() * 3)
		return {
			format: 'aftersales-assessment/v1',
			scheme: SCHEME_ID,
			organisation: { name: `企业 ${i}` },
			period: '2026',
			answers,
			specialDeductions: Array.from({ length: deductions }, () => ({
				description: '未按承诺时限上门',
				correctiveAction: '调整派工流程',
			})),
			...(next() < 0.2 ? { specialBonus: { justification: '行业领先的回收体系' } } : {}),
		}
	})
}

/**
 * Repeats `work` over the inputs for at least `ms`; items per second of wall time, and per second
 * of this process's CPU time (what a machine shared with other jobs still shows).
 */
function rate<T>(
	inputs: T[],
	work: (input: T) => unknown,
	ms = 2000,
): { wall: number; cpu: number } {
	for (const input of inputs.slice(0, 500)) work(input)
	let done = 0
	const start = performance.now()
	const cpuStart = process.cpuUsage()
	while (performance.now() - start < ms) {
		for (const input of inputs) work(input)
		done += inputs.length
	}
	const cpu = process.cpuUsage(cpuStart)
	return {
		wall: done / ((performance.now() - start) / 1000),
		cpu: done / ((cpu.user + cpu.system) / 1e6),
	}
}

function runCli(input: string): Promise<{ ms: number; lines: string[]; code: number | null }> {
	const dir = mkdtempSync(join(tmpdir(), 'score-bench-'))
	const file = join(dir, 'in.jsonl')
	writeFileSync(file, input)
	return new Promise((resolve, reject) => {
		const start = performance.now()
		const child = spawn('sh', ['-c', `npm run --silent score -- --jsonl < '${file}'`], {
			stdio: ['ignore', 'pipe', 'inherit'],
		})
		const chunks: Buffer[] = []
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
		child.on('error', reject)
		child.on('close', (code) => {
			const ms = performance.now() - start
			rmSync(dir, { recursive: true, force: true })
			resolve({ ms, code, lines: Buffer.concat(chunks).toString('utf8').trimEnd().split('\n') })
		})
	})
}

// A batch small enough to stay in the CPU cache, as in --jsonl where each assessment is scored
// right after it is read; 2,000 distinct ones measure the cost of cache misses as well.
const assessments = makeAssessments(200)
const manyAssessments = makeAssessments(2000)
const texts = assessments.map((assessment) => JSON.stringify(assessment))

const scoreOnly = rate(assessments, (assessment) => scoreAssessment(scheme, assessment))
const scoreMany = rate(manyAssessments, (assessment) => scoreAssessment(scheme, assessment))
const endToEnd = rate(texts, (text) => {
	const scored = scoreJson(text)
	if (!scored.ok) throw new Error(scored.error)
	return JSON.stringify(scored.result)
})

const cliInput = `${makeAssessments(10_000)
	.map((assessment) => JSON.stringify(assessment))
	.join('\n')}\n`
const cli = await runCli(cliInput)
const errors = cli.lines.filter((line) => line.startsWith('{"error"')).length
if (cli.code !== 0 || cli.lines.length !== 10_000 || errors > 0)
	throw new Error(`score --jsonl: exit ${cli.code}, ${cli.lines.length} lines, ${errors} errors`)

const verdict = (ok: boolean) => (ok ? 'target met' : 'TARGET MISSED')
const perSecond = ({ wall, cpu }: { wall: number; cpu: number }) =>
	`${Math.round(wall).toLocaleString('en')} /s (${Math.round(cpu).toLocaleString('en')} per CPU-second)`
const [load] = loadavg()
console.log(
	`score-throughput (${SCHEME_ID}, ${schemeIndicators(scheme).length} indicators; load ${load?.toFixed(2)})`,
)
console.log(
	`  scoreAssessment                  ${perSecond(scoreOnly)}   ≥ 50,000/s: ${verdict(scoreOnly.wall >= 50_000)}`,
)
console.log(`  scoreAssessment, 2,000 distinct  ${perSecond(scoreMany)}`)
console.log(`  parse+validate+score+JSON        ${perSecond(endToEnd)}`)
console.log(
	`  score --jsonl × 10,000           ${(cli.ms / 1000).toFixed(2)} s wall incl. start-up   < 3 s: ${verdict(cli.ms < 3000)}`,
)
