import 'react-router'

declare module 'react-router' {
	interface AppLoadContext {
		clientIp: string
	}
}
