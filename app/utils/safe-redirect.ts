const ORIGIN = 'http://same-site.invalid'

/**
 * A same-site path to go to after signing in, or the fallback: never another origin, so a link
 * like /login?redirectTo=https://evil.example cannot send a fresh session elsewhere.
 */
export function safeRedirect(to: unknown, fallback = '/workspaces'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.length > 2000) return fallback
	// "//host" and "/\host" are protocol-relative in browsers; control characters are stripped by them
	if (to.startsWith('//') || to.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(to))
		return fallback
	try {
		const url = new URL(to, ORIGIN)
		if (url.origin !== ORIGIN) return fallback
		return url.pathname + url.search + url.hash
	} catch {
		return fallback
	}
}
