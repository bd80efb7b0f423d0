import { common } from './messages/common.ts'
import { auth } from './messages/auth.ts'
import { workspace } from './messages/workspace.ts'
import { assessment } from './messages/assessment.ts'
import { questionnaire } from './messages/questionnaire.ts'
import { collaboration } from './messages/collaboration.ts'
import { annualCycle } from './messages/annual-cycle.ts'
import { results } from './messages/results.ts'
import { actions } from './messages/actions.ts'

/**
 * All catalogues, merged. Each area keeps its own file under messages/ (auth, workspace, …);
 * add it here. Keys are namespaced by area so the merge cannot collide silently.
 */
const areas = [common, auth, workspace, assessment, questionnaire, collaboration, annualCycle, results, actions] as const

type Area = (typeof areas)[number]
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
	? I
	: never
export type Messages = UnionToIntersection<Area['zh']>
export type MessageKey = keyof Messages & string

export const catalogs = {
	'zh-CN': Object.assign({}, ...areas.map((a) => a.zh)) as Record<MessageKey, string>,
	en: Object.assign({}, ...areas.map((a) => a.en)) as Record<MessageKey, string>,
}
