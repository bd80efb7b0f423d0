import { z } from 'zod'

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	/** where links in emails point */
	APP_URL: z.url().default('http://localhost:3000'),
	DATABASE_URL: z
		.string()
		.default('file:./data/portal.db')
		.refine((url) => /^(file:|libsql:|https?:|wss?:)/.test(url), {
			message: 'must start with file:, libsql:, http(s): or ws(s):',
		}),
	DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
	/** busy timeout (ms) for every pooled embedded connection */
	DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
	RESEND_API_KEY: z.string().min(1).optional(),
	RESEND_BASE_URL: z.url().optional(),
	EMAIL_FROM: z.string().min(3).default('售后服务自评门户 <no-reply@portal.example>'),
	/** directory for evidence uploads, outside the web root */
	UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
	/** largest evidence file accepted, in bytes (20 MB) */
	UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),
	/** trust this proxy header for the client address (e.g. Fly-Client-IP on Fly.io); unset = socket address */
	TRUSTED_IP_HEADER: z.string().min(1).optional(),
	/** show /dev/outbox and the demo login hint (never in production) */
	ENABLE_DEV_ROUTES: z
		.enum(['true', 'false'])
		.optional()
		.transform((value) => value === 'true'),
	/** fixed-window rate limits per client address: attempts per window */
	RATE_LIMIT_LOGIN_MAX: z.coerce.number().int().min(1).default(10),
	RATE_LIMIT_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
	RATE_LIMIT_SIGNUP_MAX: z.coerce.number().int().min(1).default(5),
	RATE_LIMIT_SIGNUP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
	RATE_LIMIT_RESET_MAX: z.coerce.number().int().min(1).default(5),
	RATE_LIMIT_RESET_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
	RATE_LIMIT_VERIFY_MAX: z.coerce.number().int().min(1).default(5),
	RATE_LIMIT_VERIFY_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
	/** invitations sent or resent: per inviting user (from any address) and per client address */
	RATE_LIMIT_INVITE_USER_MAX: z.coerce.number().int().min(1).default(30),
	RATE_LIMIT_INVITE_IP_MAX: z.coerce.number().int().min(1).default(60),
	RATE_LIMIT_INVITE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
	SEED_DEMO: z
		.enum(['true', 'false'])
		.default('true')
		.transform((value) => value === 'true'),
})

export type Env = z.infer<typeof EnvSchema>

/** Parses the environment; throws one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const result = EnvSchema.safeParse(source)
	if (!result.success) {
		const issue = result.error.issues[0]!
		const name = issue.path.join('.')
		throw new Error(`Invalid environment variable ${name}: ${issue.message}`)
	}
	return result.data
}

let cached: Env | undefined

export function env(): Env {
	cached ??= parseEnv(process.env)
	return cached
}

export function devRoutesEnabled(): boolean {
	const e = env()
	return e.NODE_ENV !== 'production' || e.ENABLE_DEV_ROUTES
}

// Validate at start-up: the server build imports this module, so a bad variable stops the
// server before it listens (server.js prints the one-line message).
env()
