// `npm start`: build if the build is missing or older than the sources, apply migrations, seed the
// demo on first run, then serve. Runs in production mode; the local outbox stays readable at
// /dev/outbox unless a real email provider is configured.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

process.env.NODE_ENV ??= 'production'
if (!process.env.RESEND_API_KEY) process.env.ENABLE_DEV_ROUTES ??= 'true'

function newestMtime(dir) {
	let newest = 0
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name)
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
	}
	return newest
}

function run(command, args) {
	const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
	if (result.status !== 0) process.exit(result.status ?? 1)
}

const serverBuild = 'build/server/index.js'
const sources = ['app', 'db', 'emails'].filter((dir) => existsSync(dir))
const stale =
	!existsSync(serverBuild) ||
	Math.max(...sources.map(newestMtime)) > statSync(serverBuild).mtimeMs
if (stale) run('npx', ['react-router', 'build'])

run(process.execPath, ['--import', 'tsx', 'db/prepare.ts'])
await import('../server.js')
