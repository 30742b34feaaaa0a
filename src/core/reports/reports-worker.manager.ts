/**
 * The reports worker of each open database: one long-lived thread, started with the first report
 * and stopped when the backend closes (backend.ts). Requests carry an id and their replies are
 * matched to them; if the thread dies, the reports waiting on it fail and the next one starts a new
 * thread. Only Node's own modules are imported here: the backend imports this file at start.
 */
import { Worker } from 'node:worker_threads'
import { workerEntry } from '#core/common/worker-entry'
import type { ReportsReply, ReportsRequest, ReportsWorkerData } from './reports-worker.rules'

const WORKER_NAME = 'reports.worker'

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/** Distributes `Omit` over the request kinds. */
type RequestBody = ReportsRequest extends infer R ? (R extends ReportsRequest ? Omit<R, 'id'> : never) : never

/** One thread and the requests it has not answered yet. */
export class ReportsWorker {
  readonly #worker: Worker
  readonly #pending = new Map<number, Pending>()
  #nextId = 1
  #exited = false
  readonly #sentWaiters: (() => void)[] = []
  readonly #onExit: () => void
  /** Settles when the thread has stopped, with its exit code. */
  readonly exited: Promise<number>

  constructor(dbPath: string, onExit: () => void) {
    this.#onExit = onExit
    const { url, execArgv } = workerEntry(WORKER_NAME, import.meta.url)
    const data: ReportsWorkerData = { dbPath }
    this.#worker = new Worker(url, { workerData: data, ...(execArgv ? { execArgv } : {}) })
    // Idle, the thread keeps no process alive; a report waiting on it does (a script's last await).
    this.#worker.unref()
    this.#worker.on('message', (reply: ReportsReply) => this.#settle(reply))
    this.#worker.on('error', (error) => this.#fail(error))
    this.exited = new Promise((resolve) => {
      this.#worker.on('exit', (code) => {
        this.#fail(new Error(`the reports worker stopped (exit code ${code})`))
        resolve(code)
      })
    })
  }

  /** Requests sent and not answered yet. */
  get inFlight(): number {
    return this.#pending.size
  }

  get alive(): boolean {
    return !this.#exited
  }

  /** The thread's id, to tell one worker from the one that replaced it. */
  get threadId(): number {
    return this.#worker.threadId
  }

  request(body: RequestBody): Promise<unknown> {
    if (this.#exited) return Promise.reject(new Error('the reports worker has stopped'))
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref()
      this.#pending.set(id, { resolve, reject })
      this.#worker.postMessage({ ...body, id } as ReportsRequest)
      for (const sent of this.#sentWaiters.splice(0)) sent()
    })
  }

  /** Settles once the next request has been handed to the thread (a test stops the thread in the middle of a report). */
  nextRequestSent(): Promise<void> {
    return new Promise((resolve) => this.#sentWaiters.push(resolve))
  }

  terminate(): Promise<void> {
    return this.#worker.terminate().then(() => undefined)
  }

  #settle(reply: ReportsReply): void {
    const pending = this.#pending.get(reply.id)
    if (!pending) return
    this.#pending.delete(reply.id)
    if (this.#pending.size === 0) this.#worker.unref()
    if (reply.ok) pending.resolve(reply.result)
    else pending.reject(new Error(reply.message))
  }

  /** The thread is gone (or broken): every waiting report fails, and this worker is not used again. */
  #fail(error: Error): void {
    if (!this.#exited) {
      this.#exited = true
      this.#onExit()
    }
    const pending = [...this.#pending.values()]
    this.#pending.clear()
    for (const waiting of pending) waiting.reject(error)
  }
}

/** The worker of each database file, with the connection it was started for (a restore opens a new one). */
const workers = new Map<string, { worker: ReportsWorker; connection: object }>()

/** The database's reports worker, started now if it has none, or a new one if the database was reopened. */
export function reportsWorkerFor(dbPath: string, connection: object): ReportsWorker {
  const known = workers.get(dbPath)
  if (known?.worker.alive && known.connection === connection) return known.worker
  if (known) void known.worker.terminate()
  const worker: ReportsWorker = new ReportsWorker(dbPath, () => {
    if (workers.get(dbPath)?.worker === worker) workers.delete(dbPath)
  })
  workers.set(dbPath, { worker, connection })
  return worker
}

/** The database's reports worker while it runs (the tests watch it start, stop and be replaced). */
export function runningReportsWorker(dbPath: string): ReportsWorker | undefined {
  return workers.get(dbPath)?.worker
}

/** Stops the database's reports worker, if it has one (the backend closing). */
export async function stopReportsWorker(dbPath: string): Promise<void> {
  const known = workers.get(dbPath)
  if (!known) return
  workers.delete(dbPath)
  await known.worker.terminate()
}
