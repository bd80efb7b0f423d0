import { isRouteErrorResponse, Link } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import type { MessageKey } from '#app/i18n/catalog.ts'

const byStatus: Record<number, [MessageKey, MessageKey]> = {
	400: ['error.badRequest.title', 'error.unexpected.body'],
	403: ['error.forbidden.title', 'error.forbidden.body'],
	404: ['error.notFound.title', 'error.notFound.body'],
	429: ['error.tooMany.title', 'error.tooMany.body'],
}

/** The page shown for thrown responses and unexpected errors; never leaks internals. */
export function ErrorPage({ error }: { error: unknown }) {
	const { t } = useI18n()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const [title, body] = byStatus[status] ?? ['error.unexpected.title', 'error.unexpected.body']
	const detail =
		isRouteErrorResponse(error) && status === 400 && typeof error.data?.message === 'string'
			? error.data.message
			: null
	return (
		<main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
			<p className="text-sm font-semibold text-brand-700">{status}</p>
			<h1 className="mt-2 text-2xl font-bold">{t(title)}</h1>
			<p className="mt-4 text-slate-700">{detail ?? t(body)}</p>
			<Link to="/" className="mt-8 inline-block rounded bg-brand-700 px-4 py-2 text-white">
				{t('error.backHome')}
			</Link>
		</main>
	)
}
