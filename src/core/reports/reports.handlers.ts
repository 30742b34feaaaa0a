import type { ReportRange } from '#shared/contract/reports'
import { MAX_REPORT_DAYS } from '#shared/contract/reports'
import { daysInRange } from '#shared/reports/report-days'
import type { RequestContext } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { storeDate } from '#core/common/store-day'
import { saveCsv } from '#core/documents/documents.service'
import type { CsvRequest } from './report-csv.rules'
import type { ReportEnv, ReportKind, ReportKinds } from './reports.service'
import { reportsWorkerFor } from './reports-worker.manager'

/** `from` after `to`, or a range longer than a report answers, is refused before the worker is asked. */
export function checkRange(range: ReportRange): void {
  if (range.from > range.to) {
    throw new DomainError('VALIDATION_FAILED', "'from' must not be after 'to'.", { rule: 'dateOrder', field: 'from' })
  }
  if (daysInRange(range.from, range.to) > MAX_REPORT_DAYS) {
    throw new DomainError('VALIDATION_FAILED', `A report covers at most ${MAX_REPORT_DAYS} days.`, {
      rule: 'tooLarge',
      field: 'to',
      max: MAX_REPORT_DAYS,
    })
  }
}

function envOf(ctx: RequestContext): ReportEnv {
  const { timeZone, locale, currencyDecimals, defaultLowStockAt } = ctx.settings
  return { timeZone, locale, currencyDecimals, defaultLowStockAt, today: storeDate(ctx.now(), timeZone) }
}

/** The open database's file and its connection (in the queue, so a restore in progress is waited for). */
function databaseOf(ctx: RequestContext): Promise<{ dbPath: string; connection: object }> {
  return ctx.db(async (orm) => ({ dbPath: orm.config.get('dbName'), connection: orm }))
}

async function ask<K extends ReportKind>(ctx: RequestContext, kind: K, input: ReportKinds[K]['input']): Promise<ReportKinds[K]['output']> {
  if (kind !== 'tokenLiability') checkRange(input as ReportRange)
  const { dbPath, connection } = await databaseOf(ctx)
  return (await reportsWorkerFor(dbPath, connection).request({ kind, input, env: envOf(ctx) } as never)) as ReportKinds[K]['output']
}

async function csvOf(ctx: RequestContext, request: CsvRequest): Promise<{ csv: string; rows: number }> {
  checkRange(request)
  const { dbPath, connection } = await databaseOf(ctx)
  return (await reportsWorkerFor(dbPath, connection).request({ kind: 'csv', input: request, env: envOf(ctx) })) as {
    csv: string
    rows: number
  }
}

export const reportsHandlers = {
  'reports:summary': async (input, ctx) => ask(ctx, 'summary', input),
  'reports:byPeriod': async (input, ctx) => ask(ctx, 'byPeriod', input),
  'reports:hourly': async (input, ctx) => ask(ctx, 'hourly', input),
  'reports:byProduct': async (input, ctx) => ask(ctx, 'byProduct', input),
  'reports:byCategory': async (input, ctx) => ask(ctx, 'byCategory', input),
  'reports:byTag': async (input, ctx) => ask(ctx, 'byTag', input),
  'reports:byCashier': async (input, ctx) => ask(ctx, 'byCashier', input),
  'reports:byTender': async (input, ctx) => ask(ctx, 'byTender', input),
  'reports:promos': async (input, ctx) => ask(ctx, 'promos', input),
  'reports:tokenLiability': async (_input, ctx) => ask(ctx, 'tokenLiability', {}),
  'reports:csv': async (input, ctx) => csvOf(ctx, input),
  'reports:exportCsv': async (input, ctx) => {
    checkRange(input)
    return saveCsv(ctx, `${input.report}-${input.from}-${input.to}.csv`, signedIn(ctx), ctx.documentFiles, () => csvOf(ctx, input))
  },
} satisfies FeatureHandlers<
  | 'reports:summary'
  | 'reports:byPeriod'
  | 'reports:hourly'
  | 'reports:byProduct'
  | 'reports:byCategory'
  | 'reports:byTag'
  | 'reports:byCashier'
  | 'reports:byTender'
  | 'reports:promos'
  | 'reports:tokenLiability'
  | 'reports:csv'
  | 'reports:exportCsv'
>
