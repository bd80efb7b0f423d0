/**
 * Migrates a new database and writes, directly, what questionnaire-load.ts measures: a user, a
 * workspace and a green-aftersales-2025 assessment with every indicator answered (with a note),
 * one special deduction and the bonus, and a session. Prints the result as one line of JSON.
 * questionnaire-load.ts runs it inside the copy of the sources it builds, so the tables are
 * those of the code under measurement. Needs DATABASE_URL; the second argument is the largest
 * number of connections (the indicators autosaved at once).
 */
import { prepareDatabase } from '#db/prepare.ts'
import { getScheme, schemeIndicators } from '#app/domain/schemes/index.ts'
import { greenAssessment } from '#app/reports/__tests__/green-assessment.ts'
import { databaseClient, database } from '#app/utils/db.server.ts'
import { answers, assessments, specialItems } from '#db/schema/index.ts'
import { cookieFor, createUser, createWorkspace } from '#tests/integration/helpers.ts'

export const SCHEME_ID = 'green-aftersales-2025'
export const SECTION_ID = '5.2'

export type Seeded = {
	cookie: string
	pagePath: string
	autosavePath: string
	assessmentId: string
	/** indicators answered met / not met: each autosave keeps the choice and changes the note */
	pool: { id: string; choice: 'met' | 'not'; sampling: boolean; excludable: boolean }[]
	seedVersion: number
	sectionSize: number
}

async function seed(maxConnections: number): Promise<Seeded> {
	await prepareDatabase({ seed: false })
	const scheme = getScheme(SCHEME_ID)
	if (!scheme) throw new Error(`${SCHEME_ID} is not registered`)
	const indicators = schemeIndicators(scheme)
	const sizes = new Map<string, number>()
	for (const { section } of indicators) sizes.set(section.id, (sizes.get(section.id) ?? 0) + 1)
	const largest = [...sizes].sort((a, b) => b[1] - a[1])[0]
	if (!largest || largest[0] !== SECTION_ID)
		throw new Error(
			`the largest section is now ${largest?.[0]}, not ${SECTION_ID}: update the bench`,
		)

	const user = await createUser({ name: '压测评价员', locale: 'zh-CN' })
	const workspace = await createWorkspace(user.id, '压测电器有限公司')
	const db = database()
	const [assessment] = await db
		.insert(assessments)
		.values({
			workspaceId: workspace.id,
			schemeId: scheme.id,
			schemeVersion: scheme.version,
			title: '2026 年度绿色售后服务自评',
			period: '2026',
			scopeSites: '总部及华东、华南服务中心',
			createdBy: user.id,
		})
		.returning()
	if (!assessment) throw new Error('no assessment inserted')
	const full = greenAssessment()
	const seedVersion = 1
	const now = new Date()
	await db.insert(answers).values(
		indicators.map(({ indicator }) => {
			const { note, evidence: _evidence, ...value } = full.answers[indicator.id] ?? { fraction: 1 }
			return {
				workspaceId: workspace.id,
				assessmentId: assessment.id,
				indicatorId: indicator.id,
				value,
				note: note ?? `已核查 ${indicator.id}：制度文件、现场记录与访谈结果一致`,
				status: 'answered' as const,
				version: seedVersion,
				updatedBy: user.id,
				updatedAt: now,
			}
		}),
	)
	const deduction = full.specialDeductions?.[0]
	await db.insert(specialItems).values([
		{
			workspaceId: workspace.id,
			assessmentId: assessment.id,
			kind: 'deduction',
			description: deduction?.description ?? '一起投诉未在承诺时限内处理',
			correctiveAction: deduction?.correctiveAction ?? '',
			createdBy: user.id,
		},
		{
			workspaceId: workspace.id,
			assessmentId: assessment.id,
			kind: 'bonus',
			description: full.specialBonus?.justification ?? '提供高于国家三包规定的免费保修期',
			createdBy: user.id,
		},
	])
	const pool = indicators.flatMap(({ indicator }) => {
		const answer = full.answers[indicator.id]
		const fraction = answer && 'fraction' in answer ? answer.fraction : undefined
		if (fraction !== 0 && fraction !== 1) return []
		const choice: 'met' | 'not' = fraction === 1 ? 'met' : 'not'
		return [
			{
				id: indicator.id,
				choice,
				sampling: Boolean(indicator.sampling),
				excludable: Boolean(indicator.excludable),
			},
		]
	})
	if (pool.length < maxConnections)
		throw new Error(
			`${pool.length} indicators to autosave, fewer than ${maxConnections} connections`,
		)
	const assessmentPath = `/w/${workspace.id}/assessments/${assessment.id}`
	return {
		cookie: await cookieFor(user.id),
		pagePath: `${assessmentPath}/answer/${SECTION_ID}`,
		autosavePath: `${assessmentPath}/autosave`,
		assessmentId: assessment.id,
		pool,
		seedVersion,
		sectionSize: largest[1],
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const seeded = await seed(Number(process.argv[2] ?? 50))
	databaseClient().close()
	console.log(JSON.stringify(seeded))
}
