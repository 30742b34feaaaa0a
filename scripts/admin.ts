/**
 * `npm run admin -- unlock <username>`: lifts a sign-in lock from the machine itself, on the data
 * folder the app uses (or TILLWISE_DATA_DIR), with Tillwise closed. Audited as done at the machine.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseAdminArgs, runAdminCommand } from '../src/main/admin-command'
import { DB_FILE_NAME, defaultUserDataDir, resolveDataDir } from '../src/main/startup.config'

const parsed = parseAdminArgs(process.argv.slice(2))
if (!parsed || !parsed.ok) {
  console.error(parsed ? parsed.error : 'Usage: npm run admin -- unlock <username>')
  process.exit(2)
}
const dataDir = resolveDataDir(process.env, defaultUserDataDir(process.platform, process.env, homedir()))
const outcome = await runAdminCommand(parsed.command, join(dataDir, DB_FILE_NAME))
;(outcome.exitCode === 0 ? console.log : console.error)(outcome.message)
process.exit(outcome.exitCode)
