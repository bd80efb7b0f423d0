import {
	SchemeSchema,
	type Group,
	type Indicator,
	type Scheme,
	type SchemeInput,
	type Section,
} from './scheme-schema.ts'

/** Every answerable indicator of a scheme, in printed order, with its section (and group). */
export function schemeIndicators(
	scheme: Scheme,
): { indicator: Indicator; section: Section; group: Group | null }[] {
	const out: { indicator: Indicator; section: Section; group: Group | null }[] = []
	for (const section of scheme.sections) {
		for (const child of section.children) {
			if (child.type === 'indicator') out.push({ indicator: child, section, group: null })
			else if (child.type === 'group') {
				for (const leaf of child.children) {
					if (leaf.type === 'indicator') out.push({ indicator: leaf, section, group: child })
				}
			}
		}
	}
	return out
}

export function schemeGroups(scheme: Scheme): { group: Group; section: Section }[] {
	return scheme.sections.flatMap((section) =>
		section.children.flatMap((child) => (child.type === 'group' ? [{ group: child, section }] : [])),
	)
}

/** Sum of point values without binary drift (points are multiples of 0.1 at most). */
function sumPoints(values: number[]): number {
	return values.reduce((total, value) => total + Math.round(value * 1000), 0) / 1000
}

/**
 * Validates a scheme definition: its shape (zod), then the facts a typo would break:
 * unique ids, printed subtotals equal to the sum of their indicators, sections adding up to
 * the full marks, levels ascending, and the rule data each answer mode needs.
 */
export function loadScheme(input: SchemeInput): Scheme {
	const scheme = SchemeSchema.parse(input)
	const problems: string[] = []
	const ids = new Set<string>()
	const note = (message: string) => problems.push(`${scheme.id}: ${message}`)

	for (const { indicator } of schemeIndicators(scheme)) {
		if (ids.has(indicator.id)) note(`duplicate indicator id ${indicator.id}`)
		ids.add(indicator.id)
		if (scheme.answerMode === 'checks') {
			if (!indicator.subRequirements?.length || !indicator.rule)
				note(`indicator ${indicator.id} needs subRequirements and a rule`)
		} else if (indicator.subRequirements || indicator.rule) {
			note(`indicator ${indicator.id} has check rules but the scheme is ${scheme.answerMode}`)
		}
	}
	for (const { group } of schemeGroups(scheme)) {
		const leaves = group.children.filter((c) => c.type === 'indicator')
		const total = sumPoints(leaves.map((c) => c.points))
		if (group.points !== undefined && total !== group.points)
			note(`group ${group.id} prints ${group.points} points but its indicators add up to ${total}`)
	}
	let schemeTotal = 0
	for (const section of scheme.sections) {
		const total = sumPoints(
			schemeIndicators({ ...scheme, sections: [section] }).map((e) => e.indicator.points),
		)
		if (section.points !== undefined && total !== section.points)
			note(`section ${section.id} prints ${section.points} points but its indicators add up to ${total}`)
		schemeTotal = sumPoints([schemeTotal, total])
	}
	if (scheme.answerMode !== 'checklist' && schemeTotal !== scheme.fullMarks)
		note(`indicators add up to ${schemeTotal}, not the full marks ${scheme.fullMarks}`)
	for (let i = 1; i < scheme.levels.length; i++) {
		if (scheme.levels[i]!.min <= scheme.levels[i - 1]!.min) note('levels must ascend by min')
	}
	if (problems.length) throw new Error(`Invalid scheme definition:\n${problems.join('\n')}`)
	return scheme
}
