/**
 * Commands for someone at the machine with access to the data folder, for when nobody can sign in
 * to fix it: `npm run admin -- unlock <username>`, or the installed app's `--unlock <username>`.
 * No Electron here, so the script and the shell share it.
 */
import { existsSync } from 'node:fs'
import { DatabaseInUseError, openBackend } from '#core/backend'

export type AdminCommand = { command: 'unlock'; username: string }

export type ParsedAdminArgs = { ok: true; command: AdminCommand } | { ok: false; error: string } | null

const USAGE = 'Usage: unlock <username>'

/** `--unlock <name>` / `--unlock=<name>` (the app) or `unlock <name>` (the script); null when there is none. */
export function parseAdminArgs(args: readonly string[]): ParsedAdminArgs {
  const index = args.findIndex((arg) => arg === 'unlock' || arg === '--unlock' || arg.startsWith('--unlock='))
  if (index === -1) return null
  const flag = args[index]!
  const username = (flag.startsWith('--unlock=') ? flag.slice('--unlock='.length) : (args[index + 1] ?? '')).trim()
  if (username === '' || username.startsWith('-')) return { ok: false, error: `Name the user to unlock. ${USAGE}` }
  return { ok: true, command: { command: 'unlock', username } }
}

export interface AdminOutcome {
  exitCode: number
  /** One line for the person at the machine. */
  message: string
}

/** Runs a command on the database at `dbPath`; never creates a database that is not there. */
export async function runAdminCommand(command: AdminCommand, dbPath: string): Promise<AdminOutcome> {
  if (!existsSync(dbPath))
    return { exitCode: 1, message: `There is no Tillwise database at ${dbPath}. Check the data folder (TILLWISE_DATA_DIR).` }
  let backend: Awaited<ReturnType<typeof openBackend>>
  try {
    backend = await openBackend({ dbPath, seed: 'none' })
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      return { exitCode: 1, message: 'Tillwise is open on this data folder: close it, then run the command again.' }
    }
    return { exitCode: 1, message: `The database at ${dbPath} could not be opened: ${(error as Error).message}` }
  }
  try {
    const user = await backend.unlockUser(command.username)
    return { exitCode: 0, message: `Unlocked ${user.username} (${user.displayName}): they can sign in again.` }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'NOT_FOUND') return { exitCode: 1, message: `There is no user named '${command.username}' in ${dbPath}.` }
    throw error
  } finally {
    await backend.close()
  }
}
