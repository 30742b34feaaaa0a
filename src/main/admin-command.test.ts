import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockName, openTestStore, withRawDb, type TestStore } from '#core/testing/test-store'
import { parseAdminArgs, runAdminCommand } from './admin-command'

let store: TestStore

beforeEach(async () => {
  store = await openTestStore()
})

afterEach(async () => {
  await store.cleanup()
})

describe('the admin command, for someone at the machine', () => {
  it('reads its command from the app’s --unlock and the script’s unlock', () => {
    expect(parseAdminArgs(['/opt/tillwise', '--unlock', 'maya'])).toEqual({ ok: true, command: { command: 'unlock', username: 'maya' } })
    expect(parseAdminArgs(['--unlock=maya'])).toEqual({ ok: true, command: { command: 'unlock', username: 'maya' } })
    expect(parseAdminArgs(['unlock', 'maya'])).toEqual({ ok: true, command: { command: 'unlock', username: 'maya' } })
    expect(parseAdminArgs(['--unlock'])).toMatchObject({ ok: false })
    expect(parseAdminArgs(['/opt/tillwise'])).toBeNull()
  })

  it('refuses while the till is open on the folder, and for a folder without a database', async () => {
    expect(await runAdminCommand({ command: 'unlock', username: 'cashier' }, store.dbPath)).toEqual({
      exitCode: 1,
      message: 'Tillwise is open on this data folder: close it, then run the command again.',
    })
    const missing = join(store.dir, 'elsewhere', 'tillwise.sqlite')
    expect(await runAdminCommand({ command: 'unlock', username: 'cashier' }, missing)).toMatchObject({ exitCode: 1 })
  })

  it('works as `npm run admin -- unlock <username>` on a closed till', async () => {
    lockName(store.dbPath, 'cashier', store.clock.now.toISOString())
    await store.backend.close()
    const root = resolve(import.meta.dirname, '../..')
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/admin.ts'), 'unlock', 'cashier'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TILLWISE_DATA_DIR: store.dir },
      timeout: 60_000,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('Unlocked cashier (Kiran Cashier): they can sign in again.')
    expect(run.status).toBe(0)
    expect(withRawDb(store.dbPath, (db) => db.prepare("select count(*) from sign_in_guard where name = 'cashier'").pluck().get())).toBe(0)
    await store.reopen()
  })
})
