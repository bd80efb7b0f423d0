import { readFileSync } from 'node:fs'
import { getScheme, schemes } from '../domain/schemes/index.ts'
import { scoreJson } from '../domain/scoring/index.ts'
import { assessmentTemplate } from '../domain/scoring/template.ts'

const HELP = `Usage: npm run --silent score -- FILE | - | --jsonl | --template SCHEME | --help

Scores an assessment in the interchange format aftersales-assessment/v1.

  FILE            read one assessment from FILE and print its result as JSON
  -               read one assessment from standard input
  --jsonl         read one assessment per line from standard input (streamed) and write one
                  result per line, in order. Every input line yields exactly one output line, so
                  output line N belongs to input line N: an invalid or blank line yields
                  {"error": "line N: …"} and the command goes on. Exits 0.
  --template ID   print a v1 assessment for scheme ID that answers every indicator with full
                  marks in the scheme's own shape ({"fraction": 1}, {"percent": 100}, every
                  check true); edit it down. An absent answer counts as unanswered (0 points).
  --help          show this text

Schemes: ${schemes.map((scheme) => scheme.id).join(', ')}

Invalid input prints one line on standard error naming the indicator and the rule, prints
nothing on standard output and exits 2.`

function oneLine(message: string): string {
	return message.replace(/\s*\n\s*/g, ' ')
}

function refuse(message: string): void {
	process.stderr.write(`${oneLine(message)}\n`)
	process.exitCode = 2
}

function scoreDocument(text: string): void {
	const scored = scoreJson(text)
	if (!scored.ok) return refuse(scored.error)
	process.stdout.write(`${JSON.stringify(scored.result, null, 2)}\n`)
}

function scoreLine(line: string, number: number): string {
	if (line.trim() === '') return JSON.stringify({ error: `line ${number}: blank line` })
	const scored = scoreJson(line)
	return JSON.stringify(scored.ok ? scored.result : { error: `line ${number}: ${scored.error}` })
}

/**
 * Streams standard input: the lines of each chunk are scored as the chunk arrives and their
 * results written with one write; reading pauses while standard output is full.
 */
function scoreLines(): Promise<void> {
	return new Promise((resolve, reject) => {
		let pending = ''
		let number = 0
		const flush = (lines: string[]) => {
			let out = ''
			for (const line of lines) {
				number++
				out += `${scoreLine(line.endsWith('\r') ? line.slice(0, -1) : line, number)}\n`
			}
			if (out && !process.stdout.write(out)) {
				process.stdin.pause()
				process.stdout.once('drain', () => process.stdin.resume())
			}
		}
		process.stdin.setEncoding('utf8')
		process.stdin.on('data', (chunk: string) => {
			if (!chunk.includes('\n')) {
				pending += chunk
				return
			}
			const lines = (pending + chunk).split('\n')
			pending = lines.pop() ?? ''
			flush(lines)
		})
		process.stdin.on('end', () => {
			if (pending !== '') flush([pending])
			resolve()
		})
		process.stdin.on('error', reject)
	})
}

function readInput(path: string): string | null {
	try {
		return readFileSync(path === '-' ? 0 : path, 'utf8')
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error)
		refuse(`cannot read ${path === '-' ? 'standard input' : path}: ${detail}`)
		return null
	}
}

async function main(args: string[]): Promise<void> {
	const [first, second] = args
	if (first === '--help' || first === '-h') {
		process.stdout.write(`${HELP}\n`)
		return
	}
	if (first === '--jsonl' && args.length === 1) return scoreLines()
	if (first === '--template' && second !== undefined && args.length === 2) {
		const scheme = getScheme(second)
		if (!scheme) return refuse(`unknown scheme ${JSON.stringify(second)} (未知的评价方案)`)
		process.stdout.write(`${JSON.stringify(assessmentTemplate(scheme), null, 2)}\n`)
		return
	}
	if (first !== undefined && args.length === 1 && (first === '-' || !first.startsWith('-'))) {
		const text = readInput(first)
		if (text !== null) scoreDocument(text)
		return
	}
	refuse('usage: score FILE | - | --jsonl | --template SCHEME | --help')
}

// a reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code !== 'EPIPE') throw error
	process.exit(0)
})

await main(process.argv.slice(2))
