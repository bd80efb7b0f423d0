import { Link } from 'react-router'
import { useI18n } from '#app/i18n/use-i18n.tsx'

export type SectionEntry = {
	id: string
	title: string
	titleEn: string
	total: number
	answered: number
	toReview: number
	/** the first indicator still to answer or review: the section's link opens there */
	firstOpen?: string | null
}

export function sectionTitle(locale: string, section: { title: string; titleEn: string }) {
	return locale === 'en' ? `${section.title} · ${section.titleEn}` : section.title
}

/** Every section of the scheme with its progress; the open one is marked as the current page. */
export function SectionNav({
	sections,
	currentId,
	href,
}: {
	sections: SectionEntry[]
	currentId: string
	href: (id: string, firstOpen?: string | null) => string
}) {
	const { t, locale } = useI18n()
	return (
		<nav aria-label={t('questionnaire.sections')}>
			<ol className="flex flex-wrap gap-2">
				{sections.map((section) => {
					const current = section.id === currentId
					const done = section.total > 0 && section.answered === section.total
					return (
						<li key={section.id}>
							<Link
								to={href(section.id, section.firstOpen)}
								aria-current={current ? 'page' : undefined}
								className={`block rounded border px-3 py-2 text-sm ${
									current
										? 'border-brand-700 bg-brand-50 text-brand-800'
										: 'border-slate-200 bg-white text-slate-800 hover:bg-slate-50'
								}`}
							>
								<span className="font-medium">
									{section.id} {sectionTitle(locale, section)}
								</span>
								<span className={`block text-xs ${done ? 'text-emerald-800' : 'text-slate-600'}`}>
									{t('questionnaire.sectionProgress', {
										answered: section.answered,
										total: section.total,
									})}
									{section.toReview > 0
										? t('questionnaire.sectionProgressToReview', { count: section.toReview })
										: null}
								</span>
								<progress
									className="mt-1 block h-1.5 w-full accent-brand-700"
									max={section.total || 1}
									value={section.answered}
									aria-hidden="true"
								/>
							</Link>
						</li>
					)
				})}
			</ol>
		</nav>
	)
}
