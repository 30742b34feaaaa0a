import { useMemo, type ReactNode } from 'react'
import type { ReportTable as CsvTable, TenderTakingsDto } from '#shared/contract/reports'
import type { ChannelOutput } from '#shared/ipc/contract'
import { useDay, useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { SALES_GRID_ID } from '../sales-history/public'
import { localeOf, useSession } from '../session/public'
import type { Translate } from '../../platform/i18n/translate'
import type { AdminColumn } from '../../ui/admin-list'
import type { UiTexts } from '../../ui/ui.en'
import { ReportTable } from './report-table'
import type { Answer, PeriodBucket, ProductSort, ReportTab } from './reports.slice'
import type { ReportsTexts } from './reports.en'
import { useReports } from './use-reports'

type Texts = ReportsTexts & UiTexts

/** The columns every per-row report shares, in the CSV's order. */
interface RowFigures {
  readonly grossCents: number
  readonly discountCents: number
  readonly returnsCents: number
  readonly netCents: number
  readonly unitsSold: number
  readonly unitsReturned: number
}

/** Counts in the store's locale, as its money is (lakh grouping in Nepal and India). */
export function useCount(): (value: number) => string {
  const locale = useSession(localeOf)
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale)
    return (value: number) => format.format(value)
  }, [locale])
}

function figureColumns(t: Translate<Texts>): AdminColumn[] {
  return [
    { label: t('reports.fig.gross'), num: true },
    { label: t('reports.fig.discounts'), num: true },
    { label: t('reports.fig.returns'), num: true },
    { label: t('reports.fig.net'), num: true },
    { label: t('reports.fig.unitsSold'), num: true },
    { label: t('reports.fig.unitsReturned'), num: true },
  ]
}

function FigureCells({ row }: { row: RowFigures }) {
  const money = useMoney()
  const count = useCount()
  return (
    <>
      <td className="num">{money(row.grossCents)}</td>
      <td className="num">{money(row.discountCents)}</td>
      <td className="num">{money(row.returnsCents)}</td>
      <td className="num report-net">{money(row.netCents)}</td>
      <td className="num">{count(row.unitsSold)}</td>
      <td className="num">{count(row.unitsReturned)}</td>
    </>
  )
}

/** A panel's figures once they are in, or the line saying they are coming or why they are not. */
function Answered<T>({ answer, children }: { answer: Answer<T> | undefined; children: (data: T) => ReactNode }) {
  const { t, render } = useI18n<Texts>()
  const retried = useReports((s) => s.retried)
  if (!answer || answer.status === 'loading') {
    return (
      <p className="report-status" role="status">
        {t('reports.loading')}
      </p>
    )
  }
  if (answer.status === 'failed') {
    return (
      <div className="report-status">
        <p className="feedback feedback-error" role="alert">
          {t('reports.failed', { reason: render(answer.message) })}
        </p>
        <button type="button" className="button button-quiet" onClick={retried}>
          {t('reports.retry')}
        </button>
      </div>
    )
  }
  return <>{children(answer.data)}</>
}

/** "Export CSV" for one table: main's save dialog; the section's feedback line says where it went. */
function ExportButton({ table }: { table: CsvTable }) {
  const { t } = useI18n<Texts>()
  const pending = useReports((s) => s.exportPending)
  const csvExportChosen = useReports((s) => s.csvExportChosen)
  return (
    <button
      type="button"
      className="button button-quiet report-export"
      data-report={table}
      aria-disabled={pending !== null}
      onClick={() => void csvExportChosen(table)}
    >
      {pending === table ? t('reports.exporting') : t('reports.exportCsv')}
    </button>
  )
}

function PanelHead({ title, table, children }: { title: string; table?: CsvTable; children?: ReactNode }) {
  return (
    <div className="report-panel-head">
      <h2 className="report-panel-title">{title}</h2>
      <div className="report-panel-tools">
        {children}
        {table && <ExportButton table={table} />}
      </div>
    </div>
  )
}

function tenderName(t: Translate<Texts>, row: Pick<TenderTakingsDto, 'method' | 'wallet'>): string {
  if (row.method === 'wallet' && row.wallet) return t('reports.method.walletNamed', { name: row.wallet })
  return t(`reports.method.${row.method}`)
}

function TendersTable({ rows }: { rows: readonly TenderTakingsDto[] }) {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  return (
    <ReportTable
      rows={rows}
      caption={t('reports.tenders')}
      emptyText={t('reports.tendersNone')}
      className="report-tenders"
      columns={[
        { label: t('reports.col.tender') },
        { label: t('reports.col.in'), num: true },
        { label: t('reports.col.out'), num: true },
        { label: t('reports.col.net'), num: true },
      ]}
      row={(row) => (
        <tr>
          <th scope="row">{tenderName(t, row)}</th>
          <td className="num">{money(row.inCents)}</td>
          <td className="num">{money(row.outCents)}</td>
          <td className="num report-net">{money(row.netCents)}</td>
        </tr>
      )}
    />
  )
}

function SummaryPanel() {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const count = useCount()
  const answer = useReports((s) => s.answers.summary)
  return (
    <Answered answer={answer}>
      {(summary) => {
        const figures: [string, string, string][] = [
          ['gross', t('reports.fig.gross'), money(summary.grossCents)],
          ['discounts', t('reports.fig.discounts'), money(summary.discountCents)],
          ['returns', t('reports.fig.returns'), money(summary.returnsCents)],
          ['net', t('reports.fig.net'), money(summary.netCents)],
          ['tax', t('reports.fig.tax'), money(summary.taxCents)],
          ['rounding', t('reports.fig.rounding'), money(summary.roundingCents)],
          ['takings', t('reports.fig.takings'), money(summary.takingsCents)],
          ['invoices', t('reports.fig.invoices'), count(summary.invoices)],
          ['returnCount', t('reports.fig.returnCount'), count(summary.returns)],
          ['averageBasket', t('reports.fig.averageBasket'), money(summary.averageBasketCents)],
          ['unitsSold', t('reports.fig.unitsSold'), count(summary.unitsSold)],
          ['unitsReturned', t('reports.fig.unitsReturned'), count(summary.unitsReturned)],
        ]
        return (
          <>
            <PanelHead title={t('reports.tab.summary')} table="summary" />
            <dl className="report-figures" aria-label={t('reports.summaryCaption')}>
              {figures.map(([key, label, value]) => (
                <div key={key} className={`report-figure report-figure-${key}`} data-figure={key}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <PanelHead title={t('reports.tenders')} table="byTender" />
            <TendersTable rows={summary.tenders} />
          </>
        )
      }}
    </Answered>
  )
}

function Choices<V extends string>(props: {
  readonly label: string
  readonly values: readonly V[]
  readonly current: V
  readonly text: (value: V) => string
  readonly chosen: (value: V) => void
}) {
  const { label, values, current, text, chosen } = props
  return (
    <div className="report-choices" role="group" aria-label={label}>
      <span className="report-choices-label" aria-hidden="true">
        {label}
      </span>
      {values.map((value) => (
        <button
          key={value}
          type="button"
          className="button button-quiet button-compact"
          aria-pressed={value === current}
          onClick={() => chosen(value)}
        >
          {text(value)}
        </button>
      ))}
    </div>
  )
}

const BUCKETS: readonly PeriodBucket[] = ['day', 'week', 'month']
const SORTS: readonly ProductSort[] = ['units', 'revenue']

function PeriodsPanel() {
  const { t } = useI18n<Texts>()
  const day = useDay()
  const money = useMoney()
  const count = useCount()
  const answer = useReports((s) => s.answers.periods)
  const bucket = useReports((s) => s.bucket)
  const bucketChosen = useReports((s) => s.bucketChosen)
  return (
    <>
      <PanelHead title={t('reports.tab.periods')} table="byPeriod">
        <Choices
          label={t('reports.bucket')}
          values={BUCKETS}
          current={bucket}
          text={(b) => t(`reports.bucket.${b}`)}
          chosen={bucketChosen}
        />
      </PanelHead>
      <Answered answer={answer}>
        {(rows) => (
          <ReportTable
            rows={rows}
            caption={t('reports.tab.periods')}
            emptyText={t('reports.empty')}
            className="report-periods"
            columns={[
              { label: t('reports.col.period') },
              { label: t('reports.fig.invoices'), num: true },
              { label: t('reports.col.returnsMade'), num: true },
              ...figureColumns(t),
              { label: t('reports.fig.tax'), num: true },
            ]}
            row={(row) => (
              <tr className={row.invoices === 0 && row.returns === 0 ? 'report-row-quiet' : undefined}>
                <th scope="row">
                  {row.from === row.to ? day(row.from) : t('reports.rangeDays', { from: { day: row.from }, to: { day: row.to } })}
                </th>
                <td className="num">{count(row.invoices)}</td>
                <td className="num">{count(row.returns)}</td>
                <FigureCells row={row} />
                <td className="num">{money(row.taxCents)}</td>
              </tr>
            )}
          />
        )}
      </Answered>
    </>
  )
}

const hour = (value: number) => String(value).padStart(2, '0')

function HourlyPanel() {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const count = useCount()
  const answer = useReports((s) => s.answers.hourly)
  return (
    <>
      <PanelHead title={t('reports.tab.hourly')} table="hourly" />
      <Answered answer={answer}>
        {(rows) => (
          <ReportTable
            rows={rows}
            caption={t('reports.tab.hourly')}
            emptyText={t('reports.empty')}
            className="report-hourly"
            columns={[
              { label: t('reports.col.hour') },
              { label: t('reports.fig.invoices'), num: true },
              { label: t('reports.fig.net'), num: true },
              { label: t('reports.fig.unitsSold'), num: true },
            ]}
            row={(row) => (
              <tr className={row.invoices === 0 && row.netCents === 0 ? 'report-row-quiet' : undefined}>
                <th scope="row">{t('reports.hourRange', { from: hour(row.hour), to: hour((row.hour + 1) % 24) })}</th>
                <td className="num">{count(row.invoices)}</td>
                <td className="num report-net">{money(row.netCents)}</td>
                <td className="num">{count(row.unitsSold)}</td>
              </tr>
            )}
          />
        )}
      </Answered>
    </>
  )
}

function ProductsPanel() {
  const { t } = useI18n<Texts>()
  const answer = useReports((s) => s.answers.products)
  const sort = useReports((s) => s.productSort)
  const range = useReports((s) => s.range)
  const productSortChosen = useReports((s) => s.productSortChosen)
  const productHistoryOpened = useReports((s) => s.productHistoryOpened)
  return (
    <>
      <PanelHead title={t('reports.tab.products')} table="byProduct">
        <Choices label={t('reports.sort')} values={SORTS} current={sort} text={(s) => t(`reports.sort.${s}`)} chosen={productSortChosen} />
      </PanelHead>
      <Answered answer={answer}>
        {({ items, total }) => (
          <>
            {items.length > 0 && <p className="report-note">{t('reports.productsShown', { shown: items.length, count: total })}</p>}
            <ReportTable
              rows={items}
              caption={t('reports.tab.products')}
              emptyText={t('reports.empty')}
              className="report-products"
              columns={[{ label: t('reports.col.sku') }, { label: t('reports.col.product') }, ...figureColumns(t)]}
              row={(row) => (
                <tr>
                  <td className="report-code">{row.sku}</td>
                  <th scope="row">
                    <button
                      type="button"
                      className="report-link"
                      aria-label={t('reports.productHistory', { name: row.name })}
                      onClick={() => {
                        productHistoryOpened({ id: row.productId, name: row.name, sku: row.sku }, range)
                        requestAnimationFrame(() => document.getElementById(SALES_GRID_ID)?.focus())
                      }}
                    >
                      {row.name}
                    </button>
                  </th>
                  <FigureCells row={row} />
                </tr>
              )}
            />
          </>
        )}
      </Answered>
    </>
  )
}

function GroupPanel<T extends RowFigures>(props: {
  readonly tab: 'categories' | 'tags'
  readonly table: CsvTable
  readonly answer: Answer<readonly T[]> | undefined
  readonly nameLabel: string
  readonly name: (row: T) => string
  readonly note?: string
}) {
  const { t } = useI18n<Texts>()
  const { tab, table, answer, nameLabel, name, note } = props
  return (
    <>
      <PanelHead title={t(`reports.tab.${tab}`)} table={table} />
      {note && <p className="report-note">{note}</p>}
      <Answered answer={answer}>
        {(rows) => (
          <ReportTable
            rows={rows}
            caption={t(`reports.tab.${tab}`)}
            emptyText={t('reports.empty')}
            className={`report-${tab}`}
            columns={[{ label: nameLabel }, ...figureColumns(t)]}
            row={(row) => (
              <tr>
                <th scope="row">{name(row)}</th>
                <FigureCells row={row} />
              </tr>
            )}
          />
        )}
      </Answered>
    </>
  )
}

function CashiersPanel() {
  const { t } = useI18n<Texts>()
  const count = useCount()
  const answer = useReports((s) => s.answers.cashiers)
  return (
    <>
      <PanelHead title={t('reports.tab.cashiers')} table="byCashier" />
      <Answered answer={answer}>
        {(rows) => (
          <ReportTable
            rows={rows}
            caption={t('reports.tab.cashiers')}
            emptyText={t('reports.empty')}
            className="report-cashiers"
            columns={[
              { label: t('reports.col.cashier') },
              { label: t('reports.fig.invoices'), num: true },
              { label: t('reports.col.returnsMade'), num: true },
              ...figureColumns(t),
            ]}
            row={(row) => (
              <tr>
                <th scope="row">{row.name}</th>
                <td className="num">{count(row.invoices)}</td>
                <td className="num">{count(row.returns)}</td>
                <FigureCells row={row} />
              </tr>
            )}
          />
        )}
      </Answered>
    </>
  )
}

function PromosPanel() {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const count = useCount()
  const answer = useReports((s) => s.answers.promos)
  return (
    <>
      <PanelHead title={t('reports.tab.promos')} table="promos" />
      <Answered answer={answer}>
        {(rows) => (
          <ReportTable
            rows={rows}
            caption={t('reports.tab.promos')}
            emptyText={t('reports.promos.none')}
            className="report-promos"
            columns={[
              { label: t('reports.col.code') },
              { label: t('reports.col.name') },
              { label: t('reports.col.uses'), num: true },
              { label: t('reports.fig.discounts'), num: true },
              { label: t('reports.col.promoSales'), num: true },
            ]}
            row={(row) => (
              <tr>
                <th scope="row">{row.code}</th>
                <td>{row.name}</td>
                <td className="num">{count(row.uses)}</td>
                <td className="num">{money(row.discountCents)}</td>
                <td className="num">{money(row.salesCents)}</td>
              </tr>
            )}
          />
        )}
      </Answered>
    </>
  )
}

function TokensPanel() {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const count = useCount()
  const day = useDay()
  const answer = useReports((s) => s.answers.tokens)
  return (
    <>
      <PanelHead title={t('reports.tab.tokens')} table="tokenLiability" />
      <p className="report-note">{t('reports.tokens.asOfToday')}</p>
      <Answered answer={answer}>
        {(tokens) => (
          <>
            <dl className="report-figures" aria-label={t('reports.tab.tokens')}>
              {(
                [
                  ['outstanding', t('reports.tokens.outstanding'), money(tokens.outstandingCents)],
                  ['active', t('reports.tokens.active'), count(tokens.activeTokens)],
                  ['expiringSoon', t('reports.tokens.expiringSoon'), money(tokens.expiringSoonCents)],
                  ['lapsed', t('reports.tokens.lapsed'), money(tokens.lapsedCents)],
                ] as const
              ).map(([key, label, value]) => (
                <div key={key} className="report-figure" data-figure={key}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <h3 className="report-subtitle">{t('reports.tokens.expiringList')}</h3>
            <ReportTable
              rows={tokens.expiringSoon}
              caption={t('reports.tokens.expiringList')}
              emptyText={t('reports.tokens.noneExpiring')}
              className="report-expiring"
              columns={[
                { label: t('reports.col.token') },
                { label: t('reports.col.holder') },
                { label: t('reports.col.balance'), num: true },
                { label: t('reports.col.expires') },
              ]}
              row={(row) => (
                <tr>
                  <th scope="row" className="report-code">
                    {t('reports.tokens.codeEnd', { last4: row.codeLast4 })}
                  </th>
                  <td>{row.holderName ?? t('reports.tokens.noHolder')}</td>
                  <td className="num">{money(row.balanceCents)}</td>
                  <td>{day(row.expiresOn)}</td>
                </tr>
              )}
            />
          </>
        )}
      </Answered>
    </>
  )
}

function LowStockPanel() {
  const { t } = useI18n<Texts>()
  const count = useCount()
  const answer = useReports((s) => s.answers.lowStock)
  return (
    <>
      <PanelHead title={t('reports.tab.lowStock')} table="lowStock" />
      <Answered answer={answer}>
        {({ items, total }) => (
          <>
            <ReportTable
              rows={items}
              caption={t('reports.tab.lowStock')}
              emptyText={t('reports.lowStock.none')}
              className="report-low-stock"
              columns={[
                { label: t('reports.col.product') },
                { label: t('reports.col.sku') },
                { label: t('reports.col.stock'), num: true },
                { label: t('reports.col.lowAt'), num: true },
              ]}
              row={(row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  <td>{row.sku}</td>
                  <td className="num">{count(row.stock)}</td>
                  <td className="num">{row.lowStockAt === null ? t('reports.lowStock.storeDefault') : count(row.lowStockAt)}</td>
                </tr>
              )}
            />
            {total > items.length && <p className="report-note">{t('reports.lowStock.more', { count: total - items.length })}</p>}
          </>
        )}
      </Answered>
    </>
  )
}

type CategoryRow = ChannelOutput<'reports:byCategory'>['rows'][number]
type TagRow = ChannelOutput<'reports:byTag'>['rows'][number]

/** The panel of one tab. */
export function ReportPanel({ tab }: { tab: ReportTab }) {
  const { t } = useI18n<Texts>()
  const categories = useReports((s) => s.answers.categories)
  const tags = useReports((s) => s.answers.tags)
  switch (tab) {
    case 'summary':
      return <SummaryPanel />
    case 'periods':
      return <PeriodsPanel />
    case 'hourly':
      return <HourlyPanel />
    case 'products':
      return <ProductsPanel />
    case 'categories':
      return (
        <GroupPanel<CategoryRow>
          tab="categories"
          table="byCategory"
          answer={categories}
          nameLabel={t('reports.col.category')}
          name={(row) => row.name ?? t('reports.noCategory')}
        />
      )
    case 'tags':
      return (
        <GroupPanel<TagRow>
          tab="tags"
          table="byTag"
          answer={tags}
          nameLabel={t('reports.col.tag')}
          name={(row) => row.tag}
          note={t('reports.tagsOverlap')}
        />
      )
    case 'cashiers':
      return <CashiersPanel />
    case 'promos':
      return <PromosPanel />
    case 'tokens':
      return <TokensPanel />
    case 'lowStock':
      return <LowStockPanel />
  }
}
