// HTTP server: express in front of the React Router request handler. A custom server (rather than
// react-router-serve) so loaders get the client address from the socket — the rate limits must not
// trust a spoofable X-Forwarded-For — and so dev and production share one entry point.
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import expressStaticGzip from 'express-static-gzip'
import { constants as zlib } from 'node:zlib'

const isDev = process.argv.includes('--dev')
const port = Number(process.env.PORT ?? 3000)
const trustedIpHeader = process.env.TRUSTED_IP_HEADER?.toLowerCase()

function clientIp(req) {
	if (trustedIpHeader) {
		const value = req.headers[trustedIpHeader]
		if (typeof value === 'string' && value.trim()) return value.trim()
	}
	return req.socket.remoteAddress ?? 'unknown'
}

/** Loading the build validates the environment; a bad variable stops here with one line. */
async function loadOrExit(load) {
	try {
		return await load()
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error))
		process.exit(1)
	}
}

const app = express()
app.disable('x-powered-by')
// Pages are rendered per request, so they are compressed for speed: gzip level 1 (nginx's default
// for the same reason) or brotli quality 2, which is smaller than gzip at its default level 6 for a
// third of the CPU. On the largest questionnaire page level 6 took 2.3 ms of CPU per request, more
// than a quarter of rendering it, for 10 % fewer bytes than level 1. Scripts and styles are
// compressed once at build time at the highest levels (vite.config.ts). ADR 010.
app.use(
	compression({
		level: 1,
		brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } },
	}),
)
// React Router flushes after every chunk it writes; on a gzip stream each flush resets the
// compression window, so a 630 KB questionnaire page went out as 220 KB instead of ~61 KB. No page
// streams (no Suspense/Await), so the response is compressed whole.
app.use((_req, res, next) => {
	res.flush = () => {}
	next()
})

let build
if (isDev) {
	const vite = await import('vite').then((v) =>
		v.createServer({ server: { middlewareMode: true } }),
	)
	app.use(vite.middlewares)
	build = () => vite.ssrLoadModule('virtual:react-router/server-build')
	await loadOrExit(build)
} else {
	// fingerprinted, so cached for good; sent as the .br or .gz file the build made, as the browser
	// accepts (the compression above leaves a response that already has an encoding alone)
	app.use(
		'/assets',
		expressStaticGzip('build/client/assets', {
			enableBrotli: true,
			orderPreference: ['br', 'gz'],
			serveStatic: { immutable: true, maxAge: '1y' },
		}),
	)
	app.use(express.static('build/client', { maxAge: '1h' }))
	build = await loadOrExit(() => import('./build/server/index.js'))
}

app.all(
	'*splat',
	createRequestHandler({
		build,
		getLoadContext: (req) => ({ clientIp: clientIp(req) }),
	}),
)

const server = app.listen(port, () => {
	console.log(`Portal listening on http://localhost:${port}`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => server.close(() => process.exit(0)))
}
