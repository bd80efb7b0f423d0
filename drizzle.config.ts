import { defineConfig } from 'drizzle-kit'

export default defineConfig({
	dialect: 'turso',
	schema: './db/schema/index.ts',
	out: './db/migrations',
	strict: true,
	dbCredentials: { url: process.env.DATABASE_URL ?? 'file:./data/portal.db' },
})
