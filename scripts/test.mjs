// `npm test`: every test — unit, integration and browser. Browser tests need Chromium: without it
// this fails with one line saying how to get it; it never silently skips them.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
	console.error(
		`Chromium not found at ${chromium}: run \`apt-get install chromium\` or set CHROMIUM_PATH=/path/to/chromium`,
	)
	process.exit(1)
}

// A JSON report beside the usual output, so the run ends with one plain "N passed, N failed" line.
const dir = mkdtempSync(path.join(tmpdir(), 'portal-test-report-'))
const report = path.join(dir, 'report.json')
const result = spawnSync(
	'npx',
	[
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`,
		...process.argv.slice(2),
	],
	{ stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } },
)
if (existsSync(report)) {
	const summary = JSON.parse(readFileSync(report, 'utf8'))
	const skipped = summary.numPendingTests + summary.numTodoTests
	console.log(
		`tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed` +
			(skipped ? `, ${skipped} skipped` : ''),
	)
}
rmSync(dir, { recursive: true, force: true })
process.exit(result.status ?? 1)
