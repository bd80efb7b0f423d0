/**
 * Report generation time for a full green-scheme assessment (83 indicators, the largest scheme):
 *   1. PDF: buildReportModel + renderReportPdf          target < 1.5 s
 *   2. Excel: buildReportModel + renderReportXlsx       target < 0.5 s
 * Reading and parsing the two font collections happens once per process and is shown apart. The
 * first render of each also warms the JIT, as the first download after a deploy does; the later
 * ones are what every other download costs. CPU time is shown beside wall time because wall time
 * on a shared 2-core machine includes waiting for other processes.
 * Run: node --import tsx bench/report-generation.ts
 */
import { greenReportInput } from '../app/reports/__tests__/green-assessment.ts'
import { renderReportXlsx } from '../app/reports/excel.server.ts'
import { reportFonts } from '../app/reports/fonts.server.ts'
import { renderReportPdf } from '../app/reports/pdf.server.ts'
import { buildReportModel } from '../app/reports/report-model.ts'

const RUNS = 20

async function timed<T>(
	work: () => T | Promise<T>,
): Promise<{ value: T; wall: number; cpu: number }> {
	const cpuStart = process.cpuUsage()
	const start = performance.now()
	const value = await work()
	const wall = performance.now() - start
	const cpu = process.cpuUsage(cpuStart)
	return { value, wall, cpu: (cpu.user + cpu.system) / 1000 }
}

const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function measure(name: string, target: number, render: () => Promise<Buffer>) {
	const first = await timed(render)
	const runs: { wall: number; cpu: number }[] = []
	for (let i = 0; i < RUNS; i++) runs.push(await timed(render))
	const walls = runs.map((run) => run.wall)
	const slowest = Math.max(...walls)
	console.log(
		`${name.padEnd(6)} ${(first.value.length / 1024).toFixed(0).padStart(4)} KiB | ` +
			`first ${ms(first.wall)} (cpu ${ms(first.cpu)}) | ` +
			`median of ${RUNS} ${ms(median(walls))} (cpu ${ms(median(runs.map((run) => run.cpu)))}) | ` +
			`slowest ${ms(slowest)} | target < ${target} ms: ${Math.max(first.wall, slowest) < target ? 'met' : 'NOT met'}`,
	)
}

const fonts = await timed(() => reportFonts())
console.log(`fonts  read and parsed once per process: ${ms(fonts.wall)} (cpu ${ms(fonts.cpu)})`)
const input = greenReportInput()
await measure('PDF', 1500, () => renderReportPdf(buildReportModel(input)))
await measure('Excel', 500, () => renderReportXlsx(buildReportModel(input)))
