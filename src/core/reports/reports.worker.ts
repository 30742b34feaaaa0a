/**
 * The reports' worker thread (DESIGN §3.5, §7): every report runs here, on a read-only connection of
 * its own to the till's database, so a year of figures never holds up a scan or a sale. WAL lets it
 * read while the till writes; each report reads in one transaction, so its figures agree with each
 * other even while sales go on.
 *
 * Started by reports-worker.manager.ts: from source (vitest, tsx) as this file through tsx, in the
 * built app as its own entry of the main bundle (electron.vite.config.ts). It lives as long as the
 * backend that started it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { bindStatements } from '#core/db/statements'
import { REPORT_FIGURES_SQL } from './report-figures.service'
import { reportCsv } from './report-csv.rules'
import { REPORTS_SQL } from './reports.statements'
import { runReport, type Lanes } from './reports.service'
import type { ReportsReply, ReportsRequest, ReportsWorkerData } from './reports-worker.rules'

const { dbPath } = workerData as ReportsWorkerData
const port = parentPort!

const db = new Database(dbPath, { readonly: true, fileMustExist: true })
// The till may be checkpointing the WAL: wait for it rather than fail.
db.pragma('busy_timeout = 5000')
db.pragma('query_only = ON')
// A year of sales is read in pages: keep them in memory between reports (KiB when negative).
db.pragma('cache_size = -65536')
db.pragma('mmap_size = 268435456')

const lanes: Lanes = { sql: bindStatements(db, REPORTS_SQL), figures: bindStatements(db, REPORT_FIGURES_SQL) }

// One read transaction per report, so its figures come from one snapshot while the till goes on
// selling. The connection is read-only (and query_only): nothing here can write, the door of
// core/db/tx.ts is for the till's own connection.
// eslint-disable-next-line no-restricted-syntax
const answer = db.transaction((request: ReportsRequest): unknown =>
  request.kind === 'csv'
    ? reportCsv(lanes, request.input, request.env)
    : runReport(lanes, request.kind, request.input as never, request.env),
)

port.on('message', (request: ReportsRequest) => {
  let reply: ReportsReply
  try {
    reply = { id: request.id, ok: true, result: answer.deferred(request) }
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  port.postMessage(reply)
})
