import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'

export default defineConfig({
	plugins: [
		tailwindcss(),
		reactRouter(),
		// Scripts and styles are compressed once here, at the highest levels, and served as files
		// (server.js); the server compresses only what it renders. ADR 010.
		{
			...compression({
				include: /\.(js|css|svg)$/,
				algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress', {})],
			}),
			// the browser's files only: the server build is read from disk, never sent
			apply: (_config, { command, isSsrBuild }) => command === 'build' && !isSsrBuild,
		},
	],
	server: { port: 3000 },
	ssr: {
		// Server-only packages stay external: they are installed next to the build.
		external: ['@libsql/client'],
	},
})
