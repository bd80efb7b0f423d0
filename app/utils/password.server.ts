import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * scrypt with the OWASP Password Storage Cheat Sheet parameters (N=2^17, r=8, p=1): Node's own
 * implementation, so no native dependency. Stored as `scrypt$N$r$p$salt$hash` so parameters can
 * be raised later and old hashes still verify.
 */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }) {
	const options: ScryptOptions = { ...params, maxmem: 256 * 1024 * 1024 }
	return new Promise<Buffer>((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
			error ? reject(error) : resolve(key),
		),
	)
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16)
	const key = await derive(password, salt, PARAMS)
	return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join(
		'$',
	)
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [kind, n, r, p, salt, hash] = stored.split('$')
	if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false
	const expected = Buffer.from(hash, 'base64')
	const key = await derive(password, Buffer.from(salt, 'base64'), {
		N: Number(n),
		r: Number(r),
		p: Number(p),
	})
	return key.length === expected.length && timingSafeEqual(key, expected)
}
