/**
 * The import's worker thread: reads the records of a product CSV (product-csv.rules.ts) off core's
 * thread, so the till keeps answering while a big file is read, and core checks each batch as it
 * comes. One file per worker: it posts its records and its progress while it reads, then ends.
 *
 * Started by product-import.service.ts: from source (vitest, tsx) as this file through tsx, in the
 * built app as its own entry of the main bundle (electron.vite.config.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readCsvRecords } from './product-csv.rules'
import type { WorkerReply, WorkerRequest } from './product-import.rules'

const request = workerData as WorkerRequest
const port = parentPort!
const reply = (message: WorkerReply) => port.postMessage(message)

try {
  // Records go over in batches as they are read, as JSON text: one copy across threads, parsed by core a batch a turn.
  readCsvRecords(request.csv, {
    records: (batch) => reply({ kind: 'records', json: JSON.stringify(batch) }),
    broken: (error) => reply({ kind: 'broken', error }),
    restart: () => reply({ kind: 'restart' }),
    progress: (done, total) => reply({ kind: 'progress', done, total }),
  })
  reply({ kind: 'done' })
} catch (error) {
  reply({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
}
