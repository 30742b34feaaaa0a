import { lazy, Suspense, useEffect, useMemo } from 'react'
import type { ProductRowDto, ReportSummaryDto } from '#shared/contract/reports'
import { useI18n, useMoney, usePercent } from '../../platform/i18n/use-i18n'
import { SALES_GRID_ID } from '../sales-history/public'
import { localeOf, useSession } from '../session/public'
import type { UiTexts } from '../../ui/ui.en'
import { figureChange, type FigureChange } from './figure-change'
import type { Answer, DashboardState } from './reports.slice'
import type { ReportsTexts } from './reports.en'
import { useReports } from './use-reports'
import './reports.css'

type Texts = ReportsTexts & UiTexts

// Its own chunk: recharts is fetched only when a dashboard is shown.
const DashboardCharts = lazy(() => import('./dashboard-charts').then((module) => ({ default: module.DashboardCharts })))

const KEY_FIGURES = ['net', 'invoices', 'averageBasket', 'unitsSold'] as const
type KeyFigure = (typeof KEY_FIGURES)[number]

function valueOf(summary: ReportSummaryDto, figure: KeyFigure): number {
  switch (figure) {
    case 'net':
      return summary.netCents
    case 'invoices':
      return summary.invoices
    case 'averageBasket':
      return summary.averageBasketCents
    case 'unitsSold':
      return summary.unitsSold
  }
}

const isMoney = (figure: KeyFigure) => figure === 'net' || figure === 'averageBasket'

function shown<T>(answer: Answer<T>): T | null {
  return answer.status === 'shown' ? answer.data : null
}

function ChangeLine({ change }: { change: FigureChange }) {
  const { t } = useI18n<Texts>()
  const percent = usePercent()
  const text =
    change.changeBps === null
      ? change.current === 0
        ? t('dashboard.change.same')
        : t('dashboard.change.new')
      : change.direction === 'same'
        ? t('dashboard.change.same')
        : t(`dashboard.change.${change.direction}`, { change: percent(Math.abs(change.changeBps)) })
  return <p className={`dashboard-change dashboard-change-${change.direction}`}>{text}</p>
}

function KeyFigures({ dashboard }: { dashboard: DashboardState }) {
  const { t, render } = useI18n<Texts>()
  const money = useMoney()
  const locale = useSession(localeOf)
  const count = useMemo(() => new Intl.NumberFormat(locale), [locale])
  const current = shown(dashboard.current)
  const previous = shown(dashboard.previous)
  const failed = [dashboard.current, dashboard.previous].find((answer) => answer.status === 'failed')
  if (failed?.status === 'failed') {
    return (
      <p className="feedback feedback-error" role="alert">
        {t('reports.failed', { reason: render(failed.message) })}
      </p>
    )
  }
  if (!current || !previous) {
    return (
      <p className="report-status" role="status">
        {t('reports.loading')}
      </p>
    )
  }
  const label: Record<KeyFigure, string> = {
    net: t('reports.fig.net'),
    invoices: t('reports.fig.invoices'),
    averageBasket: t('reports.fig.averageBasket'),
    unitsSold: t('reports.fig.unitsSold'),
  }
  return (
    <dl className="dashboard-figures" aria-label={t('dashboard.keyFigures')}>
      {KEY_FIGURES.map((figure) => {
        const change = figureChange(valueOf(current, figure), valueOf(previous, figure))
        const format = (value: number) => (isMoney(figure) ? money(value) : count.format(value))
        return (
          <div key={figure} className="dashboard-figure" data-figure={figure}>
            <dt>{label[figure]}</dt>
            <dd>
              <span className="dashboard-figure-value">{format(change.current)}</span>
              <ChangeLine change={change} />
              <span className="dashboard-figure-before">{t('dashboard.lastWeekValue', { value: format(change.previous) })}</span>
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

/** The top products as buttons, beside the chart: the keyboard's way to a product's sales. */
function TopProductList({ top, chosen }: { top: readonly ProductRowDto[]; chosen: (product: ProductRowDto) => void }) {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  return (
    <nav className="dashboard-top-list" aria-label={t('dashboard.topList')}>
      <p className="report-note">{t('dashboard.topHint')}</p>
      <ol>
        {top.map((product) => (
          <li key={product.productId}>
            <button
              type="button"
              className="button button-quiet button-compact dashboard-top-item"
              aria-label={t('reports.productHistory', { name: product.name })}
              data-product={product.productId}
              title={product.name}
              onClick={() => chosen(product)}
            >
              <span className="dashboard-top-name">{product.name}</span>
              <span className="dashboard-top-net">{money(product.netCents)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** The first thing a manager sees in the back office: today beside the same day last week, the last two weeks, the best sellers. */
export function DashboardSection() {
  const { t, render } = useI18n<Texts>()
  const money = useMoney()
  const locale = useSession(localeOf)
  const dashboard = useReports((s) => s.dashboard)
  const dashboardOpened = useReports((s) => s.dashboardOpened)
  const productHistoryOpened = useReports((s) => s.productHistoryOpened)
  const shortDay = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    return (iso: string) => format.format(new Date(`${iso}T12:00:00Z`))
  }, [locale])

  useEffect(() => {
    dashboardOpened()
  }, [dashboardOpened])

  if (!dashboard) return null
  const trend = shown(dashboard.trend)
  const top = shown(dashboard.top)
  const chartFailure = [dashboard.trend, dashboard.top].find((answer) => answer.status === 'failed')
  const chosen = (product: ProductRowDto) => {
    productHistoryOpened({ id: product.productId, name: product.name, sku: product.sku }, dashboard.range)
    // The history has replaced the dashboard by the next frame: the keyboard goes on in its list.
    requestAnimationFrame(() => document.getElementById(SALES_GRID_ID)?.focus())
  }

  return (
    <div className="dashboard">
      <p className="dashboard-day">
        {t('dashboard.today', { day: { day: dashboard.today } })}{' '}
        <span className="dashboard-compared">{t('dashboard.comparedWith', { day: { day: dashboard.lastWeek } })}</span>
      </p>
      <KeyFigures dashboard={dashboard} />
      {chartFailure?.status === 'failed' ? (
        <p className="feedback feedback-error" role="alert">
          {t('reports.failed', { reason: render(chartFailure.message) })}
        </p>
      ) : !trend || !top ? (
        // One "Counting…" at a time: the key figures' says it while they are coming too.
        dashboard.current.status === 'shown' &&
        dashboard.previous.status === 'shown' && (
          <p className="report-status" role="status">
            {t('reports.loading')}
          </p>
        )
      ) : (
        <div className="dashboard-charts">
          <Suspense
            fallback={
              <p className="report-status" role="status">
                {t('dashboard.chartLoading')}
              </p>
            }
          >
            <DashboardCharts
              trend={trend}
              top={top}
              trendTitle={t('dashboard.trend')}
              topTitle={t('dashboard.top')}
              money={money}
              shortDay={shortDay}
              productChosen={chosen}
            />
          </Suspense>
          {top.length === 0 ? <p className="report-note">{t('dashboard.noSales')}</p> : <TopProductList top={top} chosen={chosen} />}
        </div>
      )}
    </div>
  )
}
