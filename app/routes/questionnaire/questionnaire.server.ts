import type { QuestionIndicator } from '#app/components/questionnaire/answer-model.ts'
import type { IndicatorState } from '#app/components/questionnaire/indicator-card.tsx'
import type { ListRow } from '#app/components/questionnaire/indicator-list.tsx'
import { forPanel, panelScheme } from '#app/domain/assessments/live-score.ts'
import { withoutImported } from '#app/domain/assessments/to-v1.ts'
import {
	schemeIndicators,
	type Indicator,
	type InterpretationNote,
	type Scheme,
	type Section,
} from '#app/domain/schemes/index.ts'
import { findAnswer, listRatings, type RatingView } from '#app/services/answers.server.ts'
import { answerSnapshot } from '#app/services/answer-snapshot.server.ts'
import { requireAssessment, schemeOf } from '#app/services/assessments.server.ts'
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

export type { IndicatorState }

/** The indicator the page shows in full, with everything about it. */
export type PageIndicator = QuestionIndicator & {
	notes: PageNote[]
	answer: PageAnswer
	rating: RatingView | null
	state: IndicatorState
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
}

/** A clause heading (with its text) that holds indicators, or a clause printed for context. */
export type Clause = { id: string; title: string; titleEn: string; text?: string }

/** One indicator of the section in a line: enough to find it and see where it stands. */
export type OutlineEntry = Omit<ListRow, 'value' | 'percent'>

/** A row of the compact list: the outline entry with the answer in words (see IndicatorList). */
export type ListEntry = ListRow

/**
 * The two ways to answer a section: one indicator at a time (what the section link opens, at the
 * first indicator still to answer or review) and the compact list of the whole section. Both stay
 * small however long the section: a page with every indicator's clause text and form was 630 KB
 * for green 5.2 and served at a quarter of the rate of a plain page (issue 4's benchmark).
 */
export type View = 'one' | 'list'

function notesFor(notes: readonly InterpretationNote[], ids: string[]): PageNote[] {
	return notes
		.filter((note) => note.appliesTo.some((id) => ids.includes(id)))
		.map(({ decision, zh, en }) => ({ decision, zh, en }))
}

function questionOf(indicator: Indicator): QuestionIndicator {
	const { type: _type, ...rest } = indicator
	return rest
}

function clauseOf(node: { id: string; title: string; titleEn: string; text?: string }): Clause {
	return { id: node.id, title: node.title, titleEn: node.titleEn, text: node.text }
}

/** A section's indicators in printed order, each with the clause heading it sits under. */
function sectionLayout(section: Section) {
	const indicators: { indicator: Indicator; group: Clause | null; context: Clause[] }[] = []
	const groups: Clause[] = []
	// clauses printed for context belong with the indicators after them in the same clause
	const topContext: Clause[] = []
	for (const child of section.children) {
		if (child.type === 'indicator') indicators.push({ indicator: child, group: null, context: [] })
		else if (child.type === 'context') topContext.push(clauseOf(child))
		else {
			const group = clauseOf(child)
			groups.push(group)
			const context: Clause[] = []
			for (const leaf of child.children) {
				if (leaf.type === 'indicator') indicators.push({ indicator: leaf, group, context })
				else context.push(clauseOf(leaf))
			}
		}
	}
	return { indicators, groups, topContext }
}

/**
 * What the answering page shows for one section: the section's clause text and progress, the
 * live score, and either one indicator in full (clause text, criteria, rule, notes, the answer
 * with its version as the base of the next save, DNI ratings as this member may see them,
 * evidence, comments, assignee) or the compact list of all of them.
 */
export async function loadQuestionnaire(
	scope: WorkspaceScope,
	assessmentId: string | undefined,
	sectionId: string | undefined,
	url: URL,
) {
	const assessment = await requireAssessment(scope, assessmentId)
	const scheme = schemeOf(assessment)
	const focusParam = url.searchParams.get('indicator')
	const wanted =
		sectionId ?? (focusParam !== null ? sectionOf(scheme, focusParam) : scheme.sections[0]?.id)
	const sectionIndex = scheme.sections.findIndex((section) => section.id === wanted)
	const section = scheme.sections[sectionIndex]
	invariantNotFound(section, `unknown section ${wanted}`)
	const view: View = focusParam === null && url.searchParams.get('view') === 'list' ? 'list' : 'one'

	// the stored answers and their score serve the score panel, the progress and the list
	const { stored, live } = await answerSnapshot(scope, assessment)
	const progress = live.sections.find((entry) => entry.id === section.id)
	const unanswered = new Set(progress?.unanswered)
	const toReview = new Set(progress?.toReview)
	const stateOf = (id: string): IndicatorState =>
		unanswered.has(id) ? 'unanswered' : toReview.has(id) ? 'to_review' : 'answered'

	const layout = sectionLayout(section)
	const outline: OutlineEntry[] = layout.indicators.map(({ indicator, group }) => ({
		id: indicator.id,
		code: indicator.code,
		title: indicator.title,
		titleEn: indicator.titleEn,
		points: indicator.points,
		state: stateOf(indicator.id),
		groupId: group?.id ?? null,
	}))
	const order = outline.map((entry) => entry.id)
	const rules = new Set(layout.indicators.map(({ indicator }) => indicator.scoringRule ?? ''))
	// a rule every indicator of the section shares is shown once above the list
	const sharedRule = order.length > 1 && rules.size === 1 && !rules.has('') ? [...rules][0]! : null

	const canEdit = assessment.status !== 'submitted' && roleAtLeast(scope.role, 'assessor')
	const canAssign = canEdit && roleAtLeast(scope.role, 'admin')
	const [assignments, members] = await Promise.all([
		listAssignments(scope, assessment.id),
		canAssign ? assignableMembers(scope) : [],
	])
	const person = (row: (typeof assignments)[number] | undefined): Person | null =>
		row ? { userId: row.user.id, name: row.user.name } : null
	const sectionAssignee = person(
		assignments.find((row) => row.targetType === 'section' && row.targetId === section.id),
	)

	const previous = scheme.sections[sectionIndex - 1]
	const next = scheme.sections[sectionIndex + 1]
	const common = {
		workspaceId: scope.workspace.id,
		assessment: {
			id: assessment.id,
			title: assessment.title,
			period: assessment.period,
			status: assessment.status,
		},
		role: scope.role,
		canEdit,
		scheme: {
			...panelScheme(scheme),
			title: scheme.title,
			maturityBands: scheme.maturityBands ?? [],
			notes: scheme.notes
				.filter((note) => note.appliesTo.length === 0)
				.map(({ decision, zh, en }) => ({ decision, zh, en })),
		},
		sections: scheme.sections.map((entry) => {
			const counts = live.sections.find((p) => p.id === entry.id)
			const open = new Set([...(counts?.unanswered ?? []), ...(counts?.toReview ?? [])])
			return {
				id: entry.id,
				title: entry.title,
				titleEn: entry.titleEn,
				total: counts?.total ?? 0,
				answered: counts?.answered ?? 0,
				toReview: counts?.toReview.length ?? 0,
				/** where its link opens: the first indicator still to answer or review, if any */
				firstOpen: open.size ? (firstInOrder(entry, open) ?? null) : null,
			}
		}),
		section: {
			id: section.id,
			title: section.title,
			titleEn: section.titleEn,
			text: section.text,
			points: section.points ?? null,
			notes: notesFor(scheme.notes, [section.id]),
			context: layout.topContext,
		},
		sectionAssignee,
		members: members.map(({ userId, name }) => ({ userId, name })),
		user: { userId: scope.user.id },
		previous: previous
			? { id: previous.id, title: previous.title, titleEn: previous.titleEn }
			: null,
		next: next ? { id: next.id, title: next.title, titleEn: next.titleEn } : null,
		count: order.length,
		live: forPanel(live),
		savedId: url.searchParams.get('saved'),
	}

	if (view === 'list') {
		const answers = new Map(stored.answers.map((answer) => [answer.indicatorId, answer]))
		const own = new Map(
			stored.ratings
				.filter((rating) => rating.userId === scope.user.id)
				.map((rating) => [rating.indicatorId, rating.percent]),
		)
		const rows: ListEntry[] = outline.map((entry) => ({
			...entry,
			value: answers.get(entry.id)?.value ?? null,
			percent: own.get(entry.id) ?? null,
		}))
		return {
			...common,
			view,
			sharedRule,
			groups: layout.groups.map(({ id, title, titleEn }) => ({ id, title, titleEn })),
			rows,
		}
	}

	// one at a time: the indicator asked for, else the section's first. Not "the first still to
	// answer": that moves as answers save, and the page reloads its data after every save, so the
	// indicator being answered would change under the person's hands. Links that know the
	// progress (the section navigation) ask for the first open one instead.
	const focusId = focusParam ?? order[0] ?? null
	const position = focusId === null ? -1 : order.indexOf(focusId)
	invariantNotFound(position >= 0, `indicator ${focusId} is not in section ${section.id}`)
	const { indicator, group, context } = layout.indicators[position]!
	const [answer, ratings, evidence, comments] = await Promise.all([
		findAnswer(scope, assessment.id, indicator.id),
		scheme.answerMode === 'percent'
			? listRatings(scope, assessment.id, indicator.id)
			: new Map<string, RatingView>(),
		listEvidence(scope, assessment.id, indicator.id),
		listComments(scope, assessment.id, indicator.id),
	])
	const focused: PageIndicator = {
		...questionOf(indicator),
		notes: notesFor(scheme.notes, group ? [indicator.id, group.id] : [indicator.id]),
		answer: {
			// DNI: imported percentages are shown with the ratings, not in the member's form
			value: scheme.answerMode === 'percent' ? withoutImported(answer.value) : answer.value,
			note: answer.note,
			status: answer.status,
			version: answer.version,
			by: answer.updatedBy?.name ?? null,
			at: answer.updatedAt?.toISOString() ?? null,
		},
		rating: scheme.answerMode === 'percent' ? (ratings.get(indicator.id) ?? emptyRating) : null,
		state: stateOf(indicator.id),
		evidence: evidence.map(({ id, name, size, createdAt, uploader, canRemove }) => ({
			id,
			name,
			size,
			createdAt,
			uploader: uploader ? { name: uploader.name } : null,
			canRemove,
		})),
		comments: comments.map(({ id, body, createdAt, author }) => ({
			id,
			body,
			createdAt,
			author: author ? { name: author.name } : null,
		})),
		assignee: person(
			assignments.find((row) => row.targetType === 'indicator' && row.targetId === indicator.id),
		),
	}
	const after = outline.slice(position + 1)
	return {
		...common,
		view,
		canRemoveImported: canAssign,
		uploadMaxBytes: env().UPLOAD_MAX_BYTES,
		outline: outline.map(({ id, code, title, state }) => ({ id, code, title, state })),
		focus: {
			id: indicator.id,
			position: position + 1,
			previous: order[position - 1] ?? null,
			next: order[position + 1] ?? null,
			/** the next one after this still to answer or review, for "save and go on" */
			nextOpen: after.find((entry) => entry.state !== 'answered')?.id ?? null,
		},
		group,
		context,
		indicator: focused,
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

/** The first of `ids` in a section's printed order. */
function firstInOrder(section: Section, ids: ReadonlySet<string>): string | undefined {
	return sectionLayout(section).indicators.find(({ indicator }) => ids.has(indicator.id))?.indicator
		.id
}

/** The id of the section holding an indicator, if the scheme has it. */
function sectionOf(scheme: Scheme, indicatorId: string): string | undefined {
	return schemeIndicators(scheme).find(({ indicator }) => indicator.id === indicatorId)?.section.id
}
