import { catalogs } from './catalog.ts'
import { createTranslate, type Locale, type Translate } from './i18n.ts'

const translators = new Map<Locale, Translate>()

/** Server side: translate with the full catalogue of a language (the browser never loads this). */
export function translator(locale: Locale): Translate {
	let translate = translators.get(locale)
	if (!translate) {
		translate = createTranslate(locale, catalogs[locale])
		translators.set(locale, translate)
	}
	return translate
}

/** The messages of one language, sent to the browser by the root loader. */
export function messagesFor(locale: Locale): Readonly<Record<string, string>> {
	return catalogs[locale]
}
