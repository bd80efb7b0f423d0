import {
	data,
	isRouteErrorResponse,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	type ShouldRevalidateFunctionArgs,
	useRouteError,
	useRouteLoaderData,
} from 'react-router'
import type { Route } from './+types/root'
import './app.css'
import { I18nProvider } from './i18n/use-i18n.tsx'
import { ErrorPage } from './components/error-page.tsx'
import { DEFAULT_LOCALE } from './i18n/i18n.ts'
import { resolveLocale } from './i18n/locale.server.ts'
import { messagesFor } from './i18n/translator.ts'
import { getSessionUser } from './utils/session.server.ts'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await getSessionUser(request)
	const locale = await resolveLocale(request, user)
	return data({
		locale,
		messages: messagesFor(locale),
		user: user ? { id: user.id, name: user.name, email: user.email } : null,
	})
}

/**
 * The root's data — the language, its whole message catalogue (about 50 K characters) and who is
 * signed in — changes only through a submission: signing in or out, the language switch, the
 * account form. By default React Router would load it again on every change of the query string
 * (each step of the questionnaire's pager is one) and on every revalidation (each autosave asks
 * for one), sending the catalogue each time.
 */
export function shouldRevalidate({
	formMethod,
	defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
	return formMethod !== undefined && formMethod !== 'GET' ? defaultShouldRevalidate : false
}

export function Layout({ children }: { children: React.ReactNode }) {
	const rootData = useRouteLoaderData<typeof loader>('root')
	const locale = rootData?.locale ?? DEFAULT_LOCALE
	return (
		<html lang={locale} className="h-full">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body className="h-full bg-slate-50 text-slate-900 antialiased">
				<I18nProvider locale={locale} messages={rootData?.messages ?? {}}>
					{children}
				</I18nProvider>
				<ScrollRestoration />
				<Scripts />
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

export function ErrorBoundary() {
	const error = useRouteError()
	if (!isRouteErrorResponse(error)) console.error(error)
	return <ErrorPage error={error} />
}
