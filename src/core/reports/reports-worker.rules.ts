import type { CsvRequest } from './report-csv.rules'
import type { ReportEnv, ReportKind, ReportKinds } from './reports.service'

/** What the reports worker is started with. */
export interface ReportsWorkerData {
  dbPath: string
}

/** A report asked of the worker; its reply carries the same id. */
export type ReportsRequest =
  | { [K in ReportKind]: { id: number; kind: K; input: ReportKinds[K]['input']; env: ReportEnv } }[ReportKind]
  | { id: number; kind: 'csv'; input: CsvRequest; env: ReportEnv }

export type ReportsReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string }
