import type { ReactNode } from 'react'

/** A panel with a heading, for the sections of the assessment page. */
export function Panel({
	title,
	id,
	children,
	tone = 'plain',
}: {
	title: string
	id: string
	children: ReactNode
	tone?: 'plain' | 'locked'
}) {
	return (
		<section
			aria-labelledby={id}
			className={`rounded border p-4 ${tone === 'locked' ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`}
		>
			<h2 id={id} className="text-lg font-semibold">
				{title}
			</h2>
			<div className="mt-3 space-y-4">{children}</div>
		</section>
	)
}
