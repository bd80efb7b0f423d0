import type { Level, Scheme } from '../schemes/scheme-schema.ts'

// Browser-safe on purpose: the score panel imports this module, and it must not pull the scheme
// registry or the engine into the page's JavaScript.

/** What the score panel shows of a scheme; a whole Scheme fits too. */
export type PanelScheme = Pick<
	Scheme,
	'id' | 'shortTitle' | 'fullMarks' | 'passMark' | 'answerMode'
> & {
	levels: readonly Pick<Level, 'key' | 'name' | 'nameEn' | 'min' | 'stars'>[]
}

/** A small copy of the scheme for loader data, so a page does not ship every clause text. */
export function panelScheme(scheme: Scheme): PanelScheme {
	return {
		id: scheme.id,
		shortTitle: scheme.shortTitle,
		fullMarks: scheme.fullMarks,
		passMark: scheme.passMark,
		answerMode: scheme.answerMode,
		levels: scheme.levels.map(({ key, name, nameEn, min, stars }) => ({
			key,
			name,
			nameEn,
			min,
			stars,
		})),
	}
}

/** Stars to draw beside a level's name; none where the name is itself stars (XBHT ★★★). */
export function starsBesideName(level: Pick<Level, 'name' | 'stars'>): number {
	return level.name.includes('★') ? 0 : level.stars
}
