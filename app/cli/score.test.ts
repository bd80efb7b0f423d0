import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { schemes } from '../domain/schemes/index.ts'

// each case starts the real command, through npm, as a user would
const SLOW = { timeout: 60_000 }

type Run = { code: number | null; stdout: string; stderr: string }

function score(args: string[], stdin = ''): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', ['run', '--silent', 'score', '--', ...args], {
			cwd: join(import.meta.dirname, '../..'),
			stdio: ['pipe', 'pipe', 'pipe'],
		})
		let stdout = ''
		let stderr = ''
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
		child.on('error', reject)
		child.on('close', (code) => resolve({ code, stdout, stderr }))
		child.stdin.end(stdin)
	})
}

const dir = mkdtempSync(join(tmpdir(), 'score-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, content: string): string {
	const path = join(dir, name)
	writeFileSync(path, content)
	return path
}

/** The example of assessment-format.md: 84 of 98 involved marks, one special deduction. */
const example = {
	format: 'aftersales-assessment/v1',
	scheme: 'bac-fr01-2021',
	organisation: { name: '示例电器有限公司' },
	period: '2026',
	answers: {
		'5.1.1': { checks: [true, true] },
		'5.1.2': { checks: [true, true] },
		'5.1.3': { checks: [true, true, true, false, true, true, true] },
		'5.1.4': { checks: [true, true, true] },
		'5.1.5': { checks: [true, true, true, true] },
		'5.1.6': { checks: [true, true, true] },
		'5.1.7': { checks: [true, true] },
		'5.2.1': { checks: [true, true, true] },
		'5.2.2': { checks: [true, true, true, true] },
		'5.2.3': { checks: [true, true] },
		'5.2.4': {
			checks: [true, true, false, 'na', true, true, true],
			reason: '不提供代用品的商品类别',
		},
		'5.2.5': { checks: [true, true, true, true, true] },
		'5.2.6': { na: true, reason: '不销售需回收的商品' },
		'5.3.1': { checks: [true, false, true, true, false, true] },
		'5.3.2': { checks: [true, true, true] },
	},
	specialDeductions: [{ description: '未按承诺时限上门', correctiveAction: '调整派工流程' }],
}

const exampleResult = {
	scheme: 'bac-fr01-2021',
	fullMarks: 100,
	involvedMarks: 98,
	earned: 84,
	normalised: 85.71428571428571,
	specialDeductions: 1,
	specialBonus: 0,
	score: 84.71,
	passed: true,
	level: { key: 'star-3', name: '三星级' },
	complete: true,
}

const refused = {
	format: 'aftersales-assessment/v1',
	scheme: 'bac-fr01-2021',
	answers: { '5.2.4': { checks: [true, true, true] } },
}

describe('npm run --silent score', () => {
	test('FILE prints one result as JSON and exits 0', SLOW, async () => {
		const run = await score([file('example.json', JSON.stringify(example))])
		expect(run).toMatchObject({ code: 0, stderr: '' })
		const result = JSON.parse(run.stdout)
		expect(result).toMatchObject(exampleResult)
		expect(result.indicators).toHaveLength(15)
		expect(result.indicators[10]).toEqual({
			id: '5.2.4',
			full: 10,
			involved: 10,
			earned: 8,
			excluded: false,
		})
	})

	test('- reads standard input', SLOW, async () => {
		const run = await score(['-'], JSON.stringify(example, null, 2))
		expect(run).toMatchObject({ code: 0, stderr: '' })
		expect(JSON.parse(run.stdout)).toMatchObject(exampleResult)
	})

	test(
		'invalid input: one line on standard error naming the rule, nothing on standard output, exit 2',
		SLOW,
		async () => {
			const run = await score([file('refused.json', JSON.stringify(refused))])
			expect(run).toEqual({
				code: 2,
				stdout: '',
				stderr:
					'indicator 5.2.4: 3 checks given, but it has 7 sub-requirements (检查项数量应为 7)\n',
			})
		},
	)

	test.each([
		['malformed JSON', '{"format": ', /^malformed JSON: .+\(JSON 格式错误\)\n$/],
		[
			'an unknown scheme',
			'{"format":"aftersales-assessment/v1","scheme":"nope","answers":{}}',
			/^unknown scheme "nope"/,
		],
	])('%s on standard input is refused the same way', SLOW, async (_, input, message) => {
		const run = await score(['-'], input)
		expect(run.code).toBe(2)
		expect(run.stdout).toBe('')
		expect(run.stderr).toMatch(message)
		expect(run.stderr.split('\n')).toHaveLength(2)
	})

	test('a file that cannot be read', SLOW, async () => {
		const run = await score([join(dir, 'missing.json')])
		expect(run.code).toBe(2)
		expect(run.stdout).toBe('')
		expect(run.stderr).toMatch(/^cannot read .*missing\.json: ENOENT/)
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
	})

	test(
		'--jsonl writes one line per input line, in order; bad lines become errors',
		SLOW,
		async () => {
			const lines = [
				JSON.stringify(example),
				'',
				JSON.stringify(refused),
				'{not json',
				JSON.stringify({ ...example, specialDeductions: [] }),
			]
			const run = await score(['--jsonl'], `${lines.join('\r\n')}`)
			expect(run).toMatchObject({ code: 0, stderr: '' })
			const out = run.stdout.split('\n')
			expect(out.pop()).toBe('')
			expect(out).toHaveLength(5)
			const parsed = out.map((line) => JSON.parse(line))
			expect(parsed[0]).toMatchObject({ score: 84.71 })
			expect(parsed[1]).toEqual({ error: 'line 2: blank line' })
			expect(parsed[2]).toEqual({
				error:
					'line 3: indicator 5.2.4: 3 checks given, but it has 7 sub-requirements (检查项数量应为 7)',
			})
			expect(parsed[3].error).toMatch(/^line 4: malformed JSON/)
			expect(parsed[4]).toMatchObject({ score: 85.71, specialDeductions: 0 })
		},
	)

	test('--jsonl keeps the order over many lines of several schemes', SLOW, async () => {
		const ids = schemes.map((scheme) => scheme.id)
		const lines = Array.from({ length: 600 }, (_, i) =>
			JSON.stringify({
				format: 'aftersales-assessment/v1',
				scheme: ids[i % ids.length],
				answers: {},
			}),
		)
		const run = await score(['--jsonl'], `${lines.join('\n')}\n`)
		expect(run.code).toBe(0)
		const out = run.stdout
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line).scheme)
		expect(out).toEqual(lines.map((_, i) => ids[i % ids.length]))
	})

	test('--jsonl stops quietly when its reader goes away (| head)', SLOW, async () => {
		const line = JSON.stringify(example)
		const run = await new Promise<Run>((resolve, reject) => {
			const child = spawn('npm', ['run', '--silent', 'score', '--', '--jsonl'], {
				cwd: join(import.meta.dirname, '../..'),
			})
			let stderr = ''
			child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
			child.stdout.once('data', () => child.stdout.destroy())
			child.on('error', reject)
			child.on('close', (code) => resolve({ code, stdout: '', stderr }))
			child.stdin.on('error', () => {})
			child.stdin.end(`${Array.from({ length: 5000 }, () => line).join('\n')}\n`)
		})
		expect(run).toEqual({ code: 0, stdout: '', stderr: '' })
	})

	test.each(schemes.map((scheme) => scheme.id))(
		'--template %s prints a full-marks v1 document that scores as such',
		SLOW,
		async (id) => {
			const template = await score(['--template', id])
			expect(template).toMatchObject({ code: 0, stderr: '' })
			const document = JSON.parse(template.stdout)
			expect(document).toMatchObject({
				format: 'aftersales-assessment/v1',
				scheme: id,
				organisation: { name: '' },
				period: '',
			})
			const run = await score(['-'], template.stdout)
			expect(run).toMatchObject({ code: 0, stderr: '' })
			const result = JSON.parse(run.stdout)
			expect(result).toMatchObject({ complete: true, earned: result.involvedMarks, warnings: [] })
			expect(result.score).toBe(result.fullMarks)
		},
	)

	test('--template of an unknown scheme is refused', SLOW, async () => {
		expect(await score(['--template', 'nope'])).toEqual({
			code: 2,
			stdout: '',
			stderr: 'unknown scheme "nope" (未知的评价方案)\n',
		})
	})

	test(
		'--help describes the options and exits 0; no arguments is a usage error',
		SLOW,
		async () => {
			const help = await score(['--help'])
			expect(help.code).toBe(0)
			expect(help.stdout).toContain('--jsonl')
			expect(help.stdout).toContain('an invalid or blank line yields')
			expect(help.stdout).toContain('--template ID')
			const none = await score([])
			expect(none).toMatchObject({ code: 2, stdout: '' })
			expect(none.stderr).toMatch(/^usage: score FILE/)
		},
	)
})
