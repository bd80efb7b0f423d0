import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

/** One indicator's card on a questionnaire page, found by its heading ("5.2.1 商品信息"). */
export function indicatorCard(page: Page, id: string): Locator {
	return page.getByRole('article', {
		name: new RegExp(`^${id.replaceAll('.', '\\.')}(?![.\\d])`),
	})
}

/** Waits until the indicator's save state reads `expected` (已保存, 请更正 …). */
export async function saveState(card: Locator, expected: RegExp): Promise<void> {
	const state = card.locator('[data-save-state]')
	await expect
		.poll(async () => (await state.textContent()) ?? '', { timeout: 10_000 })
		.toMatch(expected)
}

export type PanelReading = {
	title: string
	score: string
	arithmetic: string
	level: string
	verdict: string
	completeness: string
}

/** What the score panel shows, read from its text as a person reads it. */
export async function scorePanel(page: Page): Promise<PanelReading> {
	const panel = page.getByRole('region', { name: /^(实时得分|提交时的得分)$/ })
	const text = await panel.innerText()
	const lines = text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
	const after = (label: string) => lines[lines.indexOf(label) + 1] ?? ''
	return {
		title: lines[0] ?? '',
		score: after('得分').replace(/\s*满分 \d+$/, ''),
		arithmetic: lines.find((line) => line.startsWith('实得 ')) ?? '',
		level: after('等级').replace(/★+$/, ''),
		verdict: lines.find((line) => line === '合格' || line === '不合格') ?? '',
		completeness: lines.find((line) => line.startsWith('已作答 ')) ?? '',
	}
}

/** Waits until the score panel shows `score` (it follows saves without a reload). */
export async function panelShows(page: Page, score: string): Promise<PanelReading> {
	await expect.poll(async () => (await scorePanel(page)).score, { timeout: 10_000 }).toBe(score)
	return scorePanel(page)
}

export type CliResult = {
	scheme: string
	fullMarks: number
	involvedMarks: number
	earned: number
	normalised: number
	specialDeductions: number
	specialBonus: number
	score: number
	passed: boolean | null
	level: { key: string; name: string } | null
	complete: boolean
	indicators: { id: string; full: number; involved: number; earned: number; excluded: boolean }[]
	warnings: string[]
}

/** `npm run --silent score -- FILE`, as its documentation tells a person to run it. */
export async function scoreWithCli(file: string): Promise<CliResult> {
	const { stdout } = await run('npm', ['run', '--silent', 'score', '--', file], {
		cwd: root,
		encoding: 'utf8',
	})
	return JSON.parse(stdout)
}

/** Clicks the overview's export link and keeps the file it downloads in `directory`. */
export async function exportJson(
	page: Page,
	directory: string,
): Promise<{ file: string; document: Record<string, unknown> }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: '导出 JSON（格式 v1）' }).click(),
	])
	const file = path.join(directory, download.suggestedFilename())
	await download.saveAs(file)
	return { file, document: JSON.parse(await readFile(file, 'utf8')) }
}
