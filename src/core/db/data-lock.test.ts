import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseInUseError, openBackend, type Backend } from '#core/backend'
import { startWorker, type WorkerProcess } from '#core/testing/workers/worker-process'
import { ok, signedInClient, withRawDb } from '#core/testing/test-store'
import { acquireDataLock } from './data-lock'
import { MIGRATIONS_TABLE } from './database'

const HOLDER = new URL('../testing/workers/backend-holder.worker.ts', import.meta.url)

let dir: string
let dbPath: string
const workers: WorkerProcess[] = []
const backends: Backend[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillwise-lock-'))
  dbPath = join(dir, 'tillwise.sqlite')
})

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.child.kill('SIGKILL')
    await worker.exited
  }
  for (const backend of backends.splice(0)) await backend.close()
  rmSync(dir, { recursive: true, force: true })
})

function inUseBy(pid: number): RegExp {
  return new RegExp(`^Tillwise is already open on this computer with this data folder \\(process ${pid}\\)\\. Close it first\\.$`)
}

async function startHolder(path = dbPath): Promise<WorkerProcess> {
  const worker = startWorker(HOLDER, [path])
  workers.push(worker)
  const reply = JSON.parse(await worker.waitForLine()) as { ready?: number; refused?: { message: string } }
  if (reply.ready !== worker.pid) throw new Error(`the holder did not open the backend: ${JSON.stringify(reply)}`)
  return worker
}

async function open(path = dbPath): Promise<Backend> {
  const backend = await openBackend({ dbPath: path, seed: 'demo' })
  backends.push(backend)
  return backend
}

async function closeAll(): Promise<void> {
  for (const backend of backends.splice(0)) await backend.close()
}

describe('one till per data folder', () => {
  it('refuses this process and another process while a till in a third process holds it', async () => {
    const holder = await startHolder()

    const refusal = await openBackend({ dbPath, seed: 'demo' }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(DatabaseInUseError)
    expect((refusal as DatabaseInUseError).message).toMatch(inUseBy(holder.pid))
    expect((refusal as DatabaseInUseError).holder).toMatchObject({ pid: holder.pid })

    const second = startWorker(HOLDER, [dbPath])
    workers.push(second)
    const reply = JSON.parse(await second.waitForLine()) as { refused?: { name: string; message: string } }
    expect(reply.refused?.name).toBe('DatabaseInUseError')
    expect(reply.refused?.message).toMatch(inUseBy(holder.pid))
    expect(await second.exited).toEqual({ code: 0, signal: null })
  })

  it('lets the next till in once the holder has closed normally', async () => {
    const holder = await startHolder()
    holder.send('close')
    expect(JSON.parse(await holder.waitForLine())).toEqual({ closed: holder.pid })
    expect(await holder.exited).toEqual({ code: 0, signal: null })

    const till = await signedInClient(await open())
    expect(ok(await till.invoke('cart:get', {})).lines).toEqual([])
  })

  it('lets the next till in after the holder was killed outright (a crash leaves no stale lock)', async () => {
    const holder = await startHolder()
    holder.child.kill('SIGKILL')
    expect(await holder.exited).toEqual({ code: null, signal: 'SIGKILL' })

    const till = await signedInClient(await open())
    expect(ok(await till.invoke('cart:get', {})).lines).toEqual([])
    await closeAll()
    // And a process after this one, too: closing released the lock the crash left behind.
    const next = await startHolder()
    next.send('close')
    expect(await next.exited).toEqual({ code: 0, signal: null })
  })

  it('refuses a second openBackend in the same process until the first is closed', async () => {
    await open()
    await expect(openBackend({ dbPath, seed: 'demo' })).rejects.toThrow(inUseBy(process.pid))
    // The refused attempt closed its own handle without loosening the holder's lock.
    const other = startWorker(HOLDER, [dbPath])
    workers.push(other)
    expect(JSON.parse(await other.waitForLine())).toMatchObject({ refused: { name: 'DatabaseInUseError' } })

    await closeAll()
    await open()
  })

  it('is the same lock whatever path leads to the folder', async () => {
    const alias = join(dir, 'alias')
    symlinkSync(dir, alias, 'dir')
    await open()
    await expect(openBackend({ dbPath: join(alias, 'tillwise.sqlite'), seed: 'demo' })).rejects.toBeInstanceOf(DatabaseInUseError)
  })

  it('is released when opening fails', async () => {
    await (await openBackend({ dbPath, seed: 'demo' })).close()
    withRawDb(dbPath, (db) =>
      db.prepare(`insert into ${MIGRATIONS_TABLE} (name, executed_at) values (?, ?)`).run('9999-from-the-future', new Date().toISOString()),
    )
    await expect(openBackend({ dbPath, seed: 'demo' })).rejects.toThrow(/newer version/)
    const lock = acquireDataLock(dbPath)
    lock.release()
  })
})
