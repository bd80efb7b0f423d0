import { desc } from 'drizzle-orm'
import { emailOutbox } from '#db/schema/index.ts'
import { useI18n } from '#app/i18n/use-i18n.tsx'
import { database } from '#app/utils/db.server.ts'
import { devRoutesEnabled } from '#app/utils/env.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'
import { pageTitle } from '#app/utils/page-title.ts'
import type { Route } from './+types/outbox'

export async function loader() {
	invariantNotFound(devRoutesEnabled())
	const emails = await database()
		.select({
			id: emailOutbox.id,
			to: emailOutbox.to,
			subject: emailOutbox.subject,
			text: emailOutbox.text,
			status: emailOutbox.status,
			createdAt: emailOutbox.createdAt,
		})
		.from(emailOutbox)
		.orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
		.limit(100)
	return {
		emails: emails.map((email) => ({
			...email,
			links: [...new Set(email.text.match(/https?:\/\/[^\s)]+/g) ?? [])],
		})),
	}
}

export function meta({ matches }: Route.MetaArgs) {
	return pageTitle(matches, 'outbox.title')
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
	const { t, date } = useI18n()
	return (
		<main id="main" className="mx-auto max-w-4xl px-4 py-8">
			<h1 className="text-2xl font-bold">{t('outbox.title')}</h1>
			<p className="mt-2 text-sm text-slate-600">{t('outbox.description')}</p>
			{loaderData.emails.length === 0 ? (
				<p className="mt-8 text-slate-700">{t('outbox.empty')}</p>
			) : (
				<ol className="mt-8 space-y-6">
					{loaderData.emails.map((email) => (
						<li
							key={email.id}
							className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
						>
							<article aria-labelledby={`subject-${email.id}`}>
								<h2 id={`subject-${email.id}`} className="text-lg font-semibold">
									{email.subject}
								</h2>
								<dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
									<dt className="text-slate-600">{t('outbox.to')}</dt>
									<dd>{email.to}</dd>
									<dt className="text-slate-600">{t('outbox.sentAt')}</dt>
									<dd>
										<time dateTime={new Date(email.createdAt).toISOString()}>
											{date(new Date(email.createdAt), true)}
										</time>
									</dd>
									<dt className="text-slate-600">{t('outbox.status')}</dt>
									<dd>{email.status}</dd>
								</dl>
								{email.links.length > 0 ? (
									<div className="mt-3">
										<h3 className="text-sm font-medium text-slate-800">{t('outbox.links')}</h3>
										<ul className="mt-1 space-y-1 text-sm">
											{email.links.map((link) => (
												<li key={link} className="break-all">
													<a href={link} className="text-brand-700 underline underline-offset-2">
														{link}
													</a>
												</li>
											))}
										</ul>
									</div>
								) : null}
								<pre className="mt-4 overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 font-sans text-sm text-slate-800">
									{email.text}
								</pre>
							</article>
						</li>
					))}
				</ol>
			)}
		</main>
	)
}
