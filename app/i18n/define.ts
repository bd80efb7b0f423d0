/**
 * A message catalogue of one area: Chinese is the source, English must have exactly the same keys
 * (the type checker enforces it). Values may contain {name} placeholders.
 */
export function defineMessages<const Zh extends Record<string, string>>(
	zh: Zh,
	en: { [K in keyof Zh]: string },
) {
	return { zh, en }
}
