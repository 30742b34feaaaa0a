/**
 * The import's worker thread: reads a product CSV (product-csv.rules.ts) off core's thread, so the
 * till keeps answering while a big file is parsed. One file per worker: it posts its rows and its
 * progress while it reads, then the rest of the result, and ends.
 *
 * Started by product-import.service.ts: from source (vitest, tsx) as this file through tsx, in the
 * built app as its own entry of the main bundle (electron.vite.config.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { parseProductCsv } from './product-csv.rules'
import type { WorkerReply, WorkerRequest } from './product-import.rules'

const request = workerData as WorkerRequest
const port = parentPort!
const reply = (message: WorkerReply) => port.postMessage(message)

try {
  // Rows go over in batches as they are read, as JSON text: core takes each in a moment, never the whole file at once.
  const parsed = parseProductCsv(request.csv, {
    currencyDecimals: request.currencyDecimals,
    onRows: (rows) => reply({ kind: 'rows', json: JSON.stringify(rows) }),
    onProgress: (done, total) => reply({ kind: 'progress', done, total }),
  })
  reply({ kind: 'done', json: JSON.stringify(parsed) })
} catch (error) {
  reply({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
}
