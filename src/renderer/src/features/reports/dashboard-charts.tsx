/**
 * The dashboard's two charts, drawn with recharts: this module is loaded only by the Dashboard
 * (`React.lazy`), so the charting library is a chunk of its own and the till never loads it.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { PeriodRowDto, ProductRowDto } from '#shared/contract/reports'

/** The app's primary green; an SVG attribute cannot read the stylesheet's variables. */
const BAR = '#0b5d3b'
const GRID = '#cbd5e1'
/** The top of the trend's scale while nothing has sold. */
const EMPTY_SCALE_CENTS = 100

export interface DashboardChartsProps {
  readonly trend: readonly PeriodRowDto[]
  readonly top: readonly ProductRowDto[]
  readonly trendTitle: string
  readonly topTitle: string
  readonly money: (cents: number) => string
  /** A short day for the axis ("15 Mar"). */
  readonly shortDay: (day: string) => string
  readonly productChosen: (product: ProductRowDto) => void
}

export function DashboardCharts({ trend, top, trendTitle, topTitle, money, shortDay, productChosen }: DashboardChartsProps) {
  const days = trend.map((row) => ({ day: row.from, label: shortDay(row.from), netCents: row.netCents }))
  const products = top.map((row) => ({ ...row }))
  return (
    <>
      <figure className="dashboard-chart dashboard-trend" aria-label={trendTitle}>
        <figcaption className="dashboard-chart-title">{trendTitle}</figcaption>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={days} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tickLine={false} interval="equidistantPreserveStart" />
            {/* A fortnight without a sale still gets a scale of whole amounts, not of fractions of a cent. */}
            <YAxis
              tickFormatter={(value: number) => money(value)}
              width={104}
              allowDecimals={false}
              domain={[0, (dataMax: number) => Math.max(dataMax, EMPTY_SCALE_CENTS)]}
            />
            <Tooltip formatter={(value) => money(Number(value))} labelFormatter={(label) => String(label)} />
            <Bar dataKey="netCents" name={trendTitle} fill={BAR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      {/* Without a sale there is nothing to rank: the list's place says so instead. */}
      {products.length > 0 && (
        <figure className="dashboard-chart dashboard-top" aria-label={topTitle}>
          <figcaption className="dashboard-chart-title">{topTitle}</figcaption>
          <ResponsiveContainer width="100%" height={Math.max(160, products.length * 36 + 40)}>
            <BarChart data={products} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={GRID} strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(value: number) => money(value)} />
              <YAxis type="category" dataKey="name" width={170} tickLine={false} />
              <Tooltip formatter={(value) => money(Number(value))} />
              <Bar
                dataKey="netCents"
                name={topTitle}
                fill={BAR}
                isAnimationActive={false}
                className="dashboard-product-bar"
                cursor="pointer"
                onClick={(_data, index) => {
                  const product = top[index]
                  if (product) productChosen(product)
                }}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
    </>
  )
}
