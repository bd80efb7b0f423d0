/**
 * `npm run reminders [-- --now 2026-12-01T09:00:00+08:00]`: the scheduled reminder job (see
 * README, "Reminders"). Safe to run twice or concurrently; --now fakes the clock for testing.
 * Exits 0 when every reminder due went out, 1 when an email failed or the job did, 2 on bad arguments.
 */
import { parseArgs } from 'node:util'

const USAGE = 'usage: npm run reminders [-- --now 2026-12-01T09:00:00+08:00]'

function parseNow(): Date | string {
	let values
	try {
		values = parseArgs({ options: { now: { type: 'string' } }, strict: true }).values
	} catch (error) {
		return error instanceof Error ? error.message : String(error)
	}
	if (values.now === undefined) return new Date()
	// an instant with its offset, so the job's "today" in China is never a guess
	const now = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(values.now)
		? new Date(values.now)
		: new Date(Number.NaN)
	if (Number.isNaN(now.getTime()))
		return `--now must be an ISO 8601 instant with an offset, got "${values.now}"`
	return now
}

const now = parseNow()
if (typeof now === 'string') {
	console.error(now)
	console.error(USAGE)
	process.exit(2)
}
// loaded after the arguments are read: a mistyped --now is refused without opening the database
const { runReminders } = await import('#app/services/reminders.server.ts')
const { databaseClient } = await import('#app/utils/db.server.ts')
try {
	const report = await runReminders(now)
	console.log(
		`reminders for ${report.today}: ` +
			`actions ${report.actions.sent} sent, ${report.actions.failed} failed; ` +
			`self-reviews ${report.selfReviews.reminders} due, ${report.selfReviews.sent} emails sent, ${report.selfReviews.failed} failed`,
	)
	process.exitCode = report.actions.failed + report.selfReviews.failed > 0 ? 1 : 0
} catch (error) {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error)
	process.exitCode = 1
} finally {
	databaseClient().close()
}
