import bac from './data/bac-fr01-2021.ts'
import dni from './data/dni-cts-0301-2025.ts'
import general from './data/gbt-aftersales-general-draft.ts'
import gbt from './data/gbt27922-2011.ts'
import green from './data/green-aftersales-2025.ts'
import xbht from './data/xbht-s04-2025.ts'
import { loadScheme } from './load-scheme.ts'
import type { Scheme } from './scheme-schema.ts'

/** Every scheme the portal offers, validated once when this module loads. */
export const schemes: readonly Scheme[] = [gbt, green, dni, xbht, bac, general].map(loadScheme)

const byId = new Map(schemes.map((scheme) => [scheme.id, scheme]))

export function getScheme(id: string): Scheme | undefined {
	return byId.get(id)
}

export { schemeIndicators, schemeGroups } from './load-scheme.ts'
export type * from './scheme-schema.ts'
