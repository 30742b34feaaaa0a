import type { ReportRange, ReportTable } from '#shared/contract/reports'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { Permission } from '#shared/ipc/permissions'
import { firstDayOfWeek, presetRange, type ReportPreset } from '#shared/reports/report-days'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import { dashboardDays, rangeAfterDayChange } from './report-range'
import type { ReportsTexts } from './reports.en'

const msg = messagesOf<ReportsTexts>()

/** The Reports section's panels, in the order of its tabs. */
export const REPORT_TABS = [
  'summary',
  'periods',
  'hourly',
  'products',
  'categories',
  'tags',
  'cashiers',
  'promos',
  'tokens',
  'lowStock',
] as const
export type ReportTab = (typeof REPORT_TABS)[number]

/** A preset, or days the person picked. */
export type RangeChoice = ReportPreset | 'custom'
export type PeriodBucket = 'day' | 'week' | 'month'
export type ProductSort = 'units' | 'revenue'

/** Where a visit starts: today, what a manager looks at after closing. */
export const FIRST_PRESET: ReportPreset = 'today'
/** Products the by-product panel lists. */
export const TOP_PRODUCTS = 20
/** Days the dashboard's trend shows, today included. */
export const TREND_DAYS = 14
/** Products the dashboard's chart shows. */
export const DASHBOARD_PRODUCTS = 8
/** Products the low-stock panel lists. */
export const LOW_STOCK_ROWS = 100

export type Answer<T> =
  { readonly status: 'loading' } | { readonly status: 'shown'; readonly data: T } | { readonly status: 'failed'; readonly message: Message }

/** What each panel shows, once asked for. */
export interface ReportAnswers {
  summary?: Answer<ChannelOutput<'reports:summary'>>
  periods?: Answer<ChannelOutput<'reports:byPeriod'>['rows']>
  hourly?: Answer<ChannelOutput<'reports:hourly'>['rows']>
  products?: Answer<ChannelOutput<'reports:byProduct'>>
  categories?: Answer<ChannelOutput<'reports:byCategory'>['rows']>
  tags?: Answer<ChannelOutput<'reports:byTag'>['rows']>
  cashiers?: Answer<ChannelOutput<'reports:byCashier'>['rows']>
  promos?: Answer<ChannelOutput<'reports:promos'>['rows']>
  tokens?: Answer<ChannelOutput<'reports:tokenLiability'>>
  lowStock?: Answer<ChannelOutput<'stock:low'>>
}

export interface DashboardState {
  readonly today: string
  readonly lastWeek: string
  /** The trend's days, which the top products are counted over too. */
  readonly range: ReportRange
  readonly current: Answer<ChannelOutput<'reports:summary'>>
  readonly previous: Answer<ChannelOutput<'reports:summary'>>
  readonly trend: Answer<ChannelOutput<'reports:byPeriod'>['rows']>
  readonly top: Answer<ChannelOutput<'reports:byProduct'>['items']>
}

/** The history another section is asked to show: one product's sales over some days. */
export interface ProductHistoryRequest {
  readonly product: { readonly id: number; readonly name: string; readonly sku: string }
  readonly days: ReportRange
}

export interface ReportsState {
  /** The store's day when the section was opened, for the presets. */
  today: string
  firstDay: 0 | 1
  choice: RangeChoice
  range: ReportRange
  tab: ReportTab
  bucket: PeriodBucket
  productSort: ProductSort
  answers: ReportAnswers
  /** The CSV being saved, by its table. */
  exportPending: ReportTable | null
  /** The last export or PDF, or its refusal; a cancelled dialog leaves none. */
  feedback: Feedback | null
  pdfPending: boolean
  dashboard: DashboardState | null

  /** The Reports section is shown: today's summary. */
  sectionOpened(): void
  presetChosen(preset: ReportPreset): void
  /** The person wants to pick the days: the date fields take over from the presets. */
  customChosen(): void
  dayChanged(end: 'from' | 'to', day: string): void
  tabChosen(tab: ReportTab): void
  bucketChosen(bucket: PeriodBucket): void
  productSortChosen(sort: ProductSort): void
  /** A panel that failed asks again. */
  retried(): void
  csvExportChosen(table: ReportTable): Promise<void>
  /** The report as printed, saved where main's dialog points. */
  pdfChosen(): Promise<void>
  /** The Dashboard is shown: today beside last week, the trend and the top products. */
  dashboardOpened(): void
  /** A product of the dashboard's chart (or a report's row): its sales in the history, over those days. */
  productHistoryOpened(product: ProductHistoryRequest['product'], days: ReportRange): void
}

export interface ReportsDeps {
  readonly api: PosClient
  /** Today in the store's time zone (`YYYY-MM-DD`). */
  readonly today: () => string
  /** The store's locale, for the first day of its week. */
  readonly locale: () => string
  readonly mayUse: (permission: Permission) => boolean
  /** Opens the invoice history with these filters set. */
  readonly productHistoryOpened: (request: ProductHistoryRequest) => void
}

const initialReports = {
  today: '',
  firstDay: 1,
  choice: FIRST_PRESET,
  range: { from: '', to: '' },
  tab: 'summary',
  bucket: 'day',
  productSort: 'units',
  answers: {},
  exportPending: null,
  feedback: null,
  pdfPending: false,
  dashboard: null,
} satisfies Partial<ReportsState>

const LOADING = { status: 'loading' } as const

function answerOf<T, R>(reply: ClientResult<T>, pick: (data: T) => R): Answer<R> {
  return reply.ok ? { status: 'shown', data: pick(reply.data) } : { status: 'failed', message: errorMessage(reply.error) }
}

export const reportsSlice = defineSlice('reports', ({ set, get, registerReset }, deps: ReportsDeps): ReportsState => {
  const { api } = deps
  /** Each range or option change; a reply asked for an earlier one is dropped. */
  let generation = 0
  let dashboardVisit = 0

  function answered<K extends keyof ReportAnswers>(tab: K, mine: number, answer: NonNullable<ReportAnswers[K]>): void {
    if (mine !== generation) return
    set({ answers: { ...get().answers, [tab]: answer } })
  }

  /** Asks for one panel's figures over the current range and options. */
  function load(tab: ReportTab): void {
    const mine = generation
    const { range, bucket, productSort } = get()
    set({ answers: { ...get().answers, [tab]: LOADING } })
    const rows = <T>(reply: ClientResult<{ rows: T }>) => answerOf(reply, (data) => data.rows)
    switch (tab) {
      case 'summary':
        void api.call('reports:summary', range).then((reply) =>
          answered(
            'summary',
            mine,
            answerOf(reply, (data) => data),
          ),
        )
        return
      case 'periods':
        void api.call('reports:byPeriod', { ...range, bucket }).then((reply) => answered('periods', mine, rows(reply)))
        return
      case 'hourly':
        void api.call('reports:hourly', range).then((reply) => answered('hourly', mine, rows(reply)))
        return
      case 'products':
        void api.call('reports:byProduct', { ...range, sort: productSort, limit: TOP_PRODUCTS }).then((reply) =>
          answered(
            'products',
            mine,
            answerOf(reply, (data) => data),
          ),
        )
        return
      case 'categories':
        void api.call('reports:byCategory', range).then((reply) => answered('categories', mine, rows(reply)))
        return
      case 'tags':
        void api.call('reports:byTag', range).then((reply) => answered('tags', mine, rows(reply)))
        return
      case 'cashiers':
        void api.call('reports:byCashier', range).then((reply) => answered('cashiers', mine, rows(reply)))
        return
      case 'promos':
        void api.call('reports:promos', range).then((reply) => answered('promos', mine, rows(reply)))
        return
      case 'tokens':
        void api.call('reports:tokenLiability', {}).then((reply) =>
          answered(
            'tokens',
            mine,
            answerOf(reply, (data) => data),
          ),
        )
        return
      case 'lowStock':
        if (!deps.mayUse('stock.manage')) {
          answered('lowStock', mine, { status: 'failed', message: msg('reports.lowStock.notAllowed') })
          return
        }
        void api.call('stock:low', { limit: LOW_STOCK_ROWS }).then((reply) =>
          answered(
            'lowStock',
            mine,
            answerOf(reply, (data) => data),
          ),
        )
    }
  }

  /** The range or an option changed: every panel's figures are stale; the one shown is asked again. */
  function refreshed(patch: Partial<ReportsState>): void {
    generation += 1
    set({ ...patch, answers: {}, feedback: null })
    load(get().tab)
  }

  registerReset(() => {
    generation += 1
    dashboardVisit += 1
    set(initialReports)
  })

  return {
    ...initialReports,

    sectionOpened: () => {
      const today = deps.today()
      const firstDay = firstDayOfWeek(deps.locale())
      refreshed({ ...initialReports, dashboard: get().dashboard, today, firstDay, range: presetRange(FIRST_PRESET, today, firstDay) })
    },

    presetChosen: (preset) => {
      const today = deps.today()
      refreshed({ today, choice: preset, range: presetRange(preset, today, get().firstDay) })
    },

    customChosen: () => set({ choice: 'custom' }),

    dayChanged: (end, day) => {
      const { range } = get()
      const next = rangeAfterDayChange(range, end, day)
      if (next.from === range.from && next.to === range.to) {
        set({ choice: 'custom' })
        return
      }
      refreshed({ choice: 'custom', range: next })
    },

    tabChosen: (tab) => {
      set({ tab, feedback: null })
      const answer = get().answers[tab]
      if (!answer || answer.status === 'failed') load(tab)
    },

    bucketChosen: (bucket) => {
      if (bucket === get().bucket) return
      // Only the by-period figures depend on the bucket.
      set({ bucket, feedback: null })
      load('periods')
    },

    productSortChosen: (productSort) => {
      if (productSort === get().productSort) return
      set({ productSort, feedback: null })
      load('products')
    },

    retried: () => load(get().tab),

    csvExportChosen: async (report) => {
      if (get().exportPending !== null) return
      const { range, bucket, productSort } = get()
      set({ exportPending: report, feedback: null })
      const reply = await api.call('reports:exportCsv', {
        ...range,
        report,
        ...(report === 'byPeriod' ? { bucket } : {}),
        ...(report === 'byProduct' ? { sort: productSort } : {}),
      })
      if (!reply.ok) {
        set({ exportPending: null, feedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      set({
        exportPending: null,
        feedback: reply.data.saved
          ? { tone: 'ok', message: msg('reports.csvSaved', { file: reply.data.fileName, count: reply.data.rows }) }
          : null,
      })
    },

    pdfChosen: async () => {
      if (get().pdfPending) return
      const { range, tab } = get()
      set({ pdfPending: true, feedback: null })
      const reply = await api.call('documents:savePdf', { suggestedName: `report-${tab}-${range.from}-${range.to}` })
      if (!reply.ok) {
        set({ pdfPending: false, feedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      set({
        pdfPending: false,
        feedback: reply.data.cancelled ? null : { tone: 'ok', message: msg('reports.pdfSaved', { file: reply.data.fileName }) },
      })
    },

    dashboardOpened: () => {
      dashboardVisit += 1
      const mine = dashboardVisit
      const days = dashboardDays(deps.today(), TREND_DAYS)
      set({
        dashboard: { ...days, range: days.trend, current: LOADING, previous: LOADING, trend: LOADING, top: LOADING },
      })
      const landed = (patch: Partial<DashboardState>) => {
        const dashboard = get().dashboard
        if (mine !== dashboardVisit || !dashboard) return
        set({ dashboard: { ...dashboard, ...patch } })
      }
      void api.call('reports:summary', { from: days.today, to: days.today }).then((reply) => landed({ current: answerOf(reply, (d) => d) }))
      void api
        .call('reports:summary', { from: days.lastWeek, to: days.lastWeek })
        .then((reply) => landed({ previous: answerOf(reply, (d) => d) }))
      void api.call('reports:byPeriod', { ...days.trend, bucket: 'day' }).then((reply) => landed({ trend: answerOf(reply, (d) => d.rows) }))
      void api
        .call('reports:byProduct', { ...days.trend, sort: 'revenue', limit: DASHBOARD_PRODUCTS })
        .then((reply) => landed({ top: answerOf(reply, (d) => d.items) }))
    },

    productHistoryOpened: (product, days) => deps.productHistoryOpened({ product, days }),
  }
})
