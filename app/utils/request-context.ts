import type { AppLoadContext } from 'react-router'

/** The client address set by server.js from the socket (or a configured trusted proxy header). */
export function clientIp(context: AppLoadContext): string {
	return typeof context?.clientIp === 'string' ? context.clientIp : 'unknown'
}
