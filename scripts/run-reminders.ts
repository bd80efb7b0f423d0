/**
 * `npm run reminders [-- --now 2026-12-01T09:00:00+08:00]`: the scheduled reminder job (see
 * README, "Reminders"). Safe to run twice or concurrently; --now fakes the clock for testing.
 */
import { parseArgs } from 'node:util'
import { runReminders } from '#app/services/reminders.server.ts'
import { databaseClient } from '#app/utils/db.server.ts'

const USAGE = 'usage: npm run reminders [-- --now 2026-12-01T09:00:00+08:00]'

function parseNow(): Date {
	const { values } = parseArgs({ options: { now: { type: 'string' } }, strict: true })
	if (values.now === undefined) return new Date()
	// an instant with its offset, so the job's "today" in China is never a guess
	const now = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(values.now)
		? new Date(values.now)
		: new Date(Number.NaN)
	if (Number.isNaN(now.getTime()))
		throw new Error(`--now must be an ISO 8601 instant with an offset, got "${values.now}"`)
	return now
}

try {
	const report = await runReminders(parseNow())
	console.log(
		`reminders for ${report.today}: ` +
			`actions ${report.actions.sent} sent, ${report.actions.failed} failed; ` +
			`self-reviews ${report.selfReviews.reminders} due, ${report.selfReviews.sent} emails sent, ${report.selfReviews.failed} failed`,
	)
	databaseClient().close()
	process.exitCode = report.actions.failed + report.selfReviews.failed > 0 ? 1 : 0
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	console.error(USAGE)
	process.exit(2)
}
