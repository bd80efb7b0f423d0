import type { QuestionIndicator } from '#app/components/questionnaire/answer-model.ts'
import { panelScheme } from '#app/domain/assessments/live-score.ts'
import { withoutImported } from '#app/domain/assessments/to-v1.ts'
import {
	schemeIndicators,
	type Indicator,
	type InterpretationNote,
	type Scheme,
	type Section,
} from '#app/domain/schemes/index.ts'
import { listAnswers, listRatings, type RatingView } from '#app/services/answers.server.ts'
import { liveResult, requireAssessment, schemeOf } from '#app/services/assessments.server.ts'
import {
	assignableMembers,
	listAssignments,
	listComments,
} from '#app/services/collaboration.server.ts'
import { listEvidence } from '#app/services/evidence.server.ts'
import { env } from '#app/utils/env.server.ts'
import { roleAtLeast, type WorkspaceScope } from '#app/services/workspace-scope.server.ts'
import { invariantNotFound } from '#app/utils/http.server.ts'

export type PageNote = { decision: number; zh: string; en: string }

export type PageAnswer = {
	value: Record<string, unknown> | null
	note: string
	status: 'answered' | 'to_review'
	version: number
	by: string | null
	at: string | null
}

type Person = { userId: string; name: string }

export type PageIndicator = QuestionIndicator & {
	notes: PageNote[]
	answer: PageAnswer
	rating: RatingView | null
	state: 'answered' | 'to_review' | 'unanswered'
	/** evidence, comments and who answers it: only where the indicator is shown in full */
	evidence: {
		id: string
		name: string
		size: number
		createdAt: Date
		uploader: { name: string } | null
		canRemove: boolean
	}[]
	comments: { id: string; body: string; createdAt: Date; author: { name: string } | null }[]
	assignee: Person | null
	/** the scoring rule is the section's shared one, shown once above the indicators */
	ruleShared?: boolean
}

/** What a section shows, in printed order: group headings, context clauses and indicators. */
export type Block =
	| { type: 'group'; id: string; title: string; titleEn: string; text?: string }
	| { type: 'context'; id: string; title: string; titleEn: string; text: string }
	| { type: 'indicator'; indicator: PageIndicator }

export type View = 'cards' | 'list'

function notesFor(notes: readonly InterpretationNote[], ids: string[]): PageNote[] {
	return notes
		.filter((note) => note.appliesTo.some((id) => ids.includes(id)))
		.map(({ decision, zh, en }) => ({ decision, zh, en }))
}

function questionOf(indicator: Indicator): QuestionIndicator {
	const { type: _type, ...rest } = indicator
	return rest
}

/** A list row needs no clause text: the compact view stays small. */
function listOnly(indicator: PageIndicator): PageIndicator {
	return {
		...indicator,
		text: '',
		guidance: undefined,
		scoringRule: undefined,
		notes: [],
		subRequirements: indicator.subRequirements?.map(({ n }) => ({ n, text: '' })),
		maturityBands: undefined,
	}
}

function sectionBlocks(
	scheme: Scheme,
	section: Section,
	indicatorFor: (indicator: Indicator, groupId: string | null) => PageIndicator,
): Block[] {
	const blocks: Block[] = []
	for (const child of section.children) {
		if (child.type === 'indicator')
			blocks.push({ type: 'indicator', indicator: indicatorFor(child, null) })
		else if (child.type === 'context')
			blocks.push({
				type: 'context',
				id: child.id,
				title: child.title,
				titleEn: child.titleEn,
				text: child.text,
			})
		else {
			blocks.push({
				type: 'group',
				id: child.id,
				title: child.title,
				titleEn: child.titleEn,
				text: child.text,
			})
			for (const leaf of child.children) {
				if (leaf.type === 'indicator')
					blocks.push({ type: 'indicator', indicator: indicatorFor(leaf, child.id) })
				else
					blocks.push({
						type: 'context',
						id: leaf.id,
						title: leaf.title,
						titleEn: leaf.titleEn,
						text: leaf.text,
					})
			}
		}
	}
	return blocks
}

/**
 * Everything the answering page shows for one section: the clause texts and rules, each
 * indicator's answer with its version (the base of the next save), DNI ratings as this member may
 * see them, progress per section and the live score.
 */
export async function loadQuestionnaire(
	scope: WorkspaceScope,
	assessmentId: string | undefined,
	sectionId: string | undefined,
	url: URL,
) {
	const assessment = await requireAssessment(scope, assessmentId)
	const scheme = schemeOf(assessment)
	const focusId = url.searchParams.get('indicator')
	const wanted =
		sectionId ?? (focusId !== null ? sectionOf(scheme, focusId) : scheme.sections[0]?.id)
	const sectionIndex = scheme.sections.findIndex((section) => section.id === wanted)
	const section = scheme.sections[sectionIndex]
	invariantNotFound(section, `unknown section ${wanted}`)
	const view: View = url.searchParams.get('view') === 'list' ? 'list' : 'cards'

	// the compact list shows no evidence, comments or assignees, so it does not read them
	const detailed = view === 'cards' || focusId !== null
	const [answers, ratings, live, evidence, comments, assignments, members] = await Promise.all([
		listAnswers(scope, assessment.id),
		scheme.answerMode === 'percent'
			? listRatings(scope, assessment.id)
			: Promise.resolve(new Map<string, RatingView>()),
		liveResult(scope, assessment),
		detailed ? listEvidence(scope, assessment.id) : [],
		detailed ? listComments(scope, assessment.id) : [],
		detailed ? listAssignments(scope, assessment.id) : [],
		detailed ? assignableMembers(scope) : [],
	])
	const names = new Map(members.map((member) => [member.userId, member.name]))
	for (const row of assignments) names.set(row.user.id, row.user.name)
	const person = (userId: string | undefined): Person | null =>
		userId ? { userId, name: names.get(userId) ?? '' } : null
	const ownAssignee = new Map(
		assignments
			.filter((row) => row.targetType === 'indicator')
			.map((row) => [row.targetId, row.user.id]),
	)
	const sectionAssignee = assignments.find(
		(row) => row.targetType === 'section' && row.targetId === section.id,
	)
	const progress = live.sections
	const sectionProgress = progress.find((entry) => entry.id === section.id)
	const stateOf = (id: string): PageIndicator['state'] =>
		sectionProgress?.unanswered.includes(id)
			? 'unanswered'
			: sectionProgress?.toReview.includes(id)
				? 'to_review'
				: 'answered'

	const indicatorFor = (indicator: Indicator, groupId: string | null): PageIndicator => {
		const stored = answers.get(indicator.id)
		return {
			...questionOf(indicator),
			notes: notesFor(scheme.notes, groupId ? [indicator.id, groupId] : [indicator.id]),
			answer: {
				// DNI: imported percentages are shown with the ratings, not in the member's form
				value:
					scheme.answerMode === 'percent'
						? withoutImported(stored?.value ?? null)
						: (stored?.value ?? null),
				note: stored?.note ?? '',
				status: stored?.status ?? 'answered',
				version: stored?.version ?? 0,
				by: stored?.updatedBy?.name ?? null,
				at: stored?.updatedAt?.toISOString() ?? null,
			},
			rating: scheme.answerMode === 'percent' ? (ratings.get(indicator.id) ?? emptyRating) : null,
			state: stateOf(indicator.id),
			evidence: evidence
				.filter((item) => item.indicatorId === indicator.id)
				.map(({ id, name, size, createdAt, uploader, canRemove }) => ({
					id,
					name,
					size,
					createdAt,
					uploader: uploader ? { name: uploader.name } : null,
					canRemove,
				})),
			comments: comments
				.filter((comment) => comment.indicatorId === indicator.id)
				.map(({ id, body, createdAt, author }) => ({
					id,
					body,
					createdAt,
					author: author ? { name: author.name } : null,
				})),
			assignee: person(ownAssignee.get(indicator.id)),
		}
	}
	let blocks = sectionBlocks(scheme, section, indicatorFor)
	const order = blocks.flatMap((block) => (block.type === 'indicator' ? [block.indicator.id] : []))
	// a rule every indicator of the section shares is shown once above them, not 45 times
	const rules = new Set(
		blocks.flatMap((block) =>
			block.type === 'indicator' ? [block.indicator.scoringRule ?? ''] : [],
		),
	)
	const sharedRule = order.length > 1 && rules.size === 1 && !rules.has('') ? [...rules][0]! : null
	let focus: { id: string; position: number; previous: string | null; next: string | null } | null =
		null
	if (focusId !== null) {
		const position = order.indexOf(focusId)
		invariantNotFound(position >= 0, `indicator ${focusId} is not in section ${section.id}`)
		focus = {
			id: focusId,
			position: position + 1,
			previous: order[position - 1] ?? null,
			next: order[position + 1] ?? null,
		}
		blocks = blocks.filter((block) => block.type === 'indicator' && block.indicator.id === focusId)
	} else if (view === 'cards' && sharedRule) {
		blocks = blocks.map((block) =>
			block.type === 'indicator'
				? { ...block, indicator: { ...block.indicator, scoringRule: undefined, ruleShared: true } }
				: block,
		)
	} else if (view === 'list') {
		blocks = blocks.flatMap((block): Block[] =>
			block.type === 'indicator'
				? [{ type: 'indicator', indicator: listOnly(block.indicator) }]
				: [],
		)
	}

	const canEdit = assessment.status !== 'submitted' && roleAtLeast(scope.role, 'assessor')
	const previous = scheme.sections[sectionIndex - 1]
	const next = scheme.sections[sectionIndex + 1]
	return {
		workspaceId: scope.workspace.id,
		assessment: {
			id: assessment.id,
			title: assessment.title,
			period: assessment.period,
			status: assessment.status,
		},
		role: scope.role,
		canEdit,
		canRemoveImported: canEdit && roleAtLeast(scope.role, 'admin'),
		scheme: {
			...panelScheme(scheme),
			title: scheme.title,
			maturityBands: scheme.maturityBands ?? [],
			notes: scheme.notes
				.filter((note) => note.appliesTo.length === 0)
				.map(({ decision, zh, en }) => ({ decision, zh, en })),
		},
		sections: scheme.sections.map((entry) => {
			const counts = progress.find((p) => p.id === entry.id)
			return {
				id: entry.id,
				title: entry.title,
				titleEn: entry.titleEn,
				total: counts?.total ?? 0,
				answered: counts?.answered ?? 0,
				toReview: counts?.toReview.length ?? 0,
			}
		}),
		section: {
			id: section.id,
			title: section.title,
			titleEn: section.titleEn,
			text: section.text,
			points: section.points ?? null,
			notes: notesFor(scheme.notes, [section.id]),
			sharedRule: focus ? null : sharedRule,
		},
		sectionAssignee: person(sectionAssignee?.user.id),
		members: members.map(({ userId, name }) => ({ userId, name })),
		user: { userId: scope.user.id },
		uploadMaxBytes: env().UPLOAD_MAX_BYTES,
		previous: previous
			? { id: previous.id, title: previous.title, titleEn: previous.titleEn }
			: null,
		next: next ? { id: next.id, title: next.title, titleEn: next.titleEn } : null,
		view,
		focus,
		count: order.length,
		blocks,
		live,
		savedId: url.searchParams.get('saved'),
	}
}

const emptyRating: RatingView = {
	mine: null,
	others: [],
	othersCount: 0,
	imported: [],
	mean: null,
	spread: null,
}

/** The id of the section holding an indicator, if the scheme has it. */
function sectionOf(scheme: Scheme, indicatorId: string): string | undefined {
	return schemeIndicators(scheme).find(({ indicator }) => indicator.id === indicatorId)?.section.id
}
