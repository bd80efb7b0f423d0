import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string
		e2eDbPath: string
		chromiumPath: string
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer()
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
		})
	})
}

async function waitForHealthy(url: string, child: ChildProcess, log: () => string) {
	const deadline = Date.now() + 60_000
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`)
		try {
			if ((await fetch(url)).ok) return
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200))
	}
	throw new Error(`server did not become healthy:\n${log()}`)
}

/**
 * The real production build on a real port with its own database file: browser tests drive the
 * portal exactly as `npm start` serves it.
 */
export default async function setup(project: TestProject) {
	const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
	if (!existsSync(chromiumPath))
		throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH=…`)

	// vitest runs with NODE_ENV=test, which would bundle React's development build into the client
	const built = spawnSync('npx', ['react-router', 'build'], {
		encoding: 'utf8',
		env: { ...process.env, NODE_ENV: 'production' },
	})
	if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`)

	const dir = mkdtempSync(path.join(tmpdir(), 'portal-e2e-'))
	const dbPath = path.join(dir, 'portal.db')
	const port = await freePort()
	const env = {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		APP_URL: `http://localhost:${port}`,
		DATABASE_URL: `file:${dbPath}`,
		UPLOAD_DIR: path.join(dir, 'uploads'),
		ENABLE_DEV_ROUTES: 'true',
		SEED_DEMO: 'false',
		// every browser test comes from 127.0.0.1: the limits themselves are covered by integration tests
		RATE_LIMIT_LOGIN_MAX: '10000',
		RATE_LIMIT_SIGNUP_MAX: '10000',
		RATE_LIMIT_RESET_MAX: '10000',
		RATE_LIMIT_VERIFY_MAX: '10000',
		RATE_LIMIT_INVITE_USER_MAX: '10000',
		RATE_LIMIT_INVITE_IP_MAX: '10000',
		RESEND_API_KEY: '',
	}
	delete (env as Record<string, string | undefined>).RESEND_API_KEY
	const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'db/prepare.ts'], { env, encoding: 'utf8' })
	if (prepared.status !== 0) throw new Error(`migrations failed:\n${prepared.stderr}`)

	let output = ''
	const server = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk))
	server.stderr!.on('data', (chunk: Buffer) => (output += chunk))
	await waitForHealthy(`http://localhost:${port}/healthz`, server, () => output)

	project.provide('baseURL', `http://localhost:${port}`)
	project.provide('e2eDbPath', dbPath)
	project.provide('chromiumPath', chromiumPath)
	return () => {
		server.kill('SIGTERM')
		if (process.env.E2E_SERVER_LOG) console.log(output)
		rmSync(dir, { recursive: true, force: true })
	}
}
