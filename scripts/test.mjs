// `npm test`: every test — unit, integration and browser. Browser tests need Chromium: without it
// this fails with one line saying how to get it; it never silently skips them.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
	console.error(`Chromium not found at ${chromium}: run \`apt-get install chromium\` or set CHROMIUM_PATH=/path/to/chromium`)
	process.exit(1)
}
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, CHROMIUM_PATH: chromium },
})
process.exit(result.status ?? 1)
