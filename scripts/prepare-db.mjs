// db:migrate / db:seed / dev: delegate to db/prepare.ts under tsx.
import { spawnSync } from 'node:child_process'

const result = spawnSync(
	process.execPath,
	['--import', 'tsx', 'db/prepare.ts', ...process.argv.slice(2)],
	{ stdio: 'inherit' },
)
process.exit(result.status ?? 1)
