import type { TenderTakingsDto } from '#shared/contract/reports'
import type { CashMoveDto, ShiftFiguresDto, ZReportDto } from '#shared/contract/shifts'
import { useDateTime, useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { useSession } from '../session/public'
import type { ShiftsTexts } from './shifts.en'

type T = ReturnType<typeof useI18n<ShiftsTexts>>['t']

function tenderLabel(t: T, tender: Pick<TenderTakingsDto, 'method' | 'wallet'>): string {
  if (tender.method === 'wallet') return tender.wallet ? t('shift.tender.walletNamed', { wallet: tender.wallet }) : t('shift.tender.wallet')
  return t(`shift.tender.${tender.method}`)
}

/** The variance in words: short in red, over, or even. */
export function VarianceText({ varianceCents }: { varianceCents: number }) {
  const { t } = useI18n<ShiftsTexts>()
  const money = useMoney()
  if (varianceCents < 0)
    return <span className="shift-variance shift-variance-short">{t('shift.report.short', { amount: money(-varianceCents) })}</span>
  if (varianceCents > 0)
    return <span className="shift-variance shift-variance-over">{t('shift.report.over', { amount: money(varianceCents) })}</span>
  return <span className="shift-variance">{t('shift.report.even')}</span>
}

/** An amount taken off, with its minus sign (none on nothing). */
function useLess(): (cents: number) => string {
  const money = useMoney()
  return (cents) => (cents === 0 ? money(0) : `−${money(cents)}`)
}

function Row({ label, value, testId, strong }: { label: string; value: React.ReactNode; testId?: string; strong?: boolean }) {
  return (
    <div className={strong ? 'shift-report-row shift-report-strong' : 'shift-report-row'}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  )
}

function MoveLine({ move }: { move: CashMoveDto }) {
  const { t } = useI18n<ShiftsTexts>()
  const money = useMoney()
  const dateTime = useDateTime()
  const less = useLess()
  const time = dateTime(move.at)
  if (move.kind === 'noSale') return <Row label={t('shift.report.moveNoSale', { name: move.userName, time })} value="" />
  const kind = t(move.kind === 'payIn' ? 'shift.move.payIn' : 'shift.move.payOut')
  const signed = move.kind === 'payIn' ? money(move.amountCents) : less(move.amountCents)
  return <Row label={t('shift.report.move', { kind, reason: move.reason, name: move.userName, time })} value={signed} />
}

/**
 * An X report (the open shift so far) or a Z report (`z`: the close's count and variance), every
 * figure as core gave it. The class `receipt` makes a PDF of the dialog hold this sheet alone.
 */
export function ShiftReport({ figures, z }: { figures: ShiftFiguresDto; z?: ZReportDto }) {
  const { t } = useI18n<ShiftsTexts>()
  const money = useMoney()
  const dateTime = useDateTime()
  const less = useLess()
  const storeName = useSession((s) => s.appInfo?.storeName ?? '')
  const { shift, summary, drawer, cashMoves } = figures
  const moves = cashMoves.filter((move) => move.kind !== 'noSale')
  return (
    <section
      className="receipt shift-report"
      aria-label={z ? t('shift.z.title', { number: z.number }) : t('shift.x.title', { number: shift.number })}
    >
      <header className="receipt-head">
        <p className="receipt-store">{storeName}</p>
        <p className="receipt-number" data-testid="shift-report-title">
          {z ? t('shift.z.title', { number: z.number }) : t('shift.x.title', { number: shift.number })}
        </p>
        {!z && <p className="receipt-store-line">{t('shift.x.asOf', { time: dateTime(figures.asOf) })}</p>}
      </header>

      <dl className="shift-report-group">
        <Row label={t('shift.report.shift')} value={t('shift.report.shiftNumber', { number: shift.number })} />
        <Row
          label={t('shift.report.opened')}
          value={t('shift.report.openedBy', { time: dateTime(shift.openedAt), name: shift.openedByName })}
        />
        {z && (
          <Row label={t('shift.report.closed')} value={t('shift.report.openedBy', { time: dateTime(z.closedAt), name: z.closedByName })} />
        )}
      </dl>

      <h3 className="shift-report-heading">{t('shift.report.drawer')}</h3>
      <dl className="shift-report-group">
        <Row label={t('shift.report.float')} value={money(drawer.openingFloatCents)} />
        <Row label={t('shift.report.cashSales')} value={money(drawer.cashSalesCents)} />
        <Row label={t('shift.report.cashRefunds')} value={less(drawer.cashRefundsCents)} />
        <Row label={t('shift.report.payIns')} value={money(drawer.payInsCents)} />
        <Row label={t('shift.report.payOuts')} value={less(drawer.payOutsCents)} />
        <Row
          label={t('shift.report.expected')}
          value={money(z?.expectedCashCents ?? drawer.expectedCashCents)}
          testId="shift-expected"
          strong
        />
        {z && (
          <>
            <Row label={t('shift.report.counted')} value={money(z.countedCashCents)} testId="shift-counted" strong />
            <Row
              label={t('shift.report.variance')}
              value={<VarianceText varianceCents={z.varianceCents} />}
              testId="shift-variance"
              strong
            />
          </>
        )}
        <Row label={t('shift.report.noSales')} value={drawer.noSales} testId="shift-no-sales" />
      </dl>

      <h3 className="shift-report-heading">{t('shift.report.tenders')}</h3>
      {summary.tenders.length === 0 ? (
        <p className="shift-report-empty">{t('shift.report.noTenders')}</p>
      ) : (
        <dl className="shift-report-group" data-testid="shift-tenders">
          {summary.tenders.map((tender) => (
            <Row
              key={`${tender.method}-${tender.wallet ?? ''}`}
              label={tenderLabel(t, tender)}
              value={
                <>
                  {money(tender.netCents)}
                  {tender.outCents > 0 && (
                    <span className="shift-report-detail">
                      {' '}
                      ({t('shift.report.tenderIn', { amount: money(tender.inCents) })},{' '}
                      {t('shift.report.tenderOut', { amount: money(tender.outCents) })})
                    </span>
                  )}
                </>
              }
            />
          ))}
          <Row label={t('shift.report.takings')} value={money(summary.takingsCents)} testId="shift-takings" strong />
        </dl>
      )}

      <h3 className="shift-report-heading">{t('shift.report.sales')}</h3>
      <dl className="shift-report-group">
        <Row label={t('shift.report.invoices')} value={summary.invoices} testId="shift-invoices" />
        <Row label={t('shift.report.gross')} value={money(summary.grossCents)} />
        <Row label={t('shift.report.discounts')} value={less(summary.discountCents)} testId="shift-discounts" />
        <Row label={t('shift.report.returns', { count: summary.returns })} value={less(summary.returnsCents)} testId="shift-returns" />
        <Row label={t('shift.report.net')} value={money(summary.netCents)} testId="shift-net" strong />
        <Row label={t('shift.report.rounding')} value={money(summary.roundingCents)} />
        <Row label={t('shift.report.tax')} value={money(summary.taxCents)} />
        <Row label={t('shift.report.average')} value={money(summary.averageBasketCents)} />
        <Row label={t('shift.report.units')} value={summary.unitsSold} />
        <Row label={t('shift.report.unitsReturned')} value={summary.unitsReturned} />
      </dl>

      <h3 className="shift-report-heading">{t('shift.report.moves')}</h3>
      {moves.length === 0 ? (
        <p className="shift-report-empty">{t('shift.report.noMoves')}</p>
      ) : (
        <dl className="shift-report-group" data-testid="shift-moves">
          {moves.map((move) => (
            <MoveLine key={move.id} move={move} />
          ))}
        </dl>
      )}
    </section>
  )
}
