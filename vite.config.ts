import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [tailwindcss(), reactRouter()],
	server: { port: 3000 },
	ssr: {
		// Server-only packages stay external: they are installed next to the build.
		external: ['@libsql/client'],
	},
})
