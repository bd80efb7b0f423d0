/**
 * Every benchmark, one after another, each in its own process: the load benchmark starts a server
 * and the others time a single process, so they must not overlap. Options belong to one script,
 * so give them by running that script alone (e.g. questionnaire-load.ts --rounds 3).
 * Run: npm run bench  (node --import tsx bench/run-all.ts)
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const SCRIPTS = ['score-throughput.ts', 'report-generation.ts', 'questionnaire-load.ts']

const failed: string[] = []
for (const script of SCRIPTS) {
	console.log(`\n=== bench/${script}`)
	const started = performance.now()
	const run = spawnSync(
		process.execPath,
		['--import', 'tsx', path.join(import.meta.dirname, script)],
		{
			stdio: 'inherit',
		},
	)
	const seconds = ((performance.now() - started) / 1000).toFixed(0)
	if (run.status !== 0) failed.push(script)
	console.log(
		`=== bench/${script}: ${run.status === 0 ? 'done' : `exit ${run.status ?? run.signal}`} in ${seconds} s`,
	)
}
if (failed.length) {
	console.log(`\nfailed: ${failed.join(', ')}`)
	process.exitCode = 1
}
