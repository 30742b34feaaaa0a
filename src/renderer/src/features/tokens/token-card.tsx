import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import type { TokenDto } from '#shared/contract/tokens'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { useSession } from '../session/public'
import type { TokensTexts } from './tokens.en'
import { useStoreCalendar } from './use-store-calendar'
import { useTokenQr } from './use-token-qr'

interface TokenCardProps {
  readonly token: Pick<TokenDto, 'code' | 'holderName' | 'balanceCents' | 'expiresOn'>
  /** When the balance shown was last changed: a card keeps its figure while the balance moves on. */
  readonly balanceAt: string
}

/**
 * The customer's card, at the size of a bank card: the store, the holder, the code as a QR symbol
 * (what the till's scanner reads) and in text, the balance and the last valid day.
 */
export function TokenCard({ token, balanceAt }: TokenCardProps) {
  const { t } = useI18n<TokensTexts>()
  const money = useMoney()
  const { formatDay, formatInstantDay } = useStoreCalendar()
  const storeName = useSession((s) => s.appInfo?.storeName ?? '')
  const qr = useTokenQr(token.code)

  return (
    <article className="token-card" aria-label={t('tokens.card')}>
      <div className="token-card-text">
        <p className="token-card-store">{storeName}</p>
        <p className="token-card-kind">{t('tokens.card.kind')}</p>
        {token.holderName && (
          <p className="token-card-holder">
            <span className="token-card-label">{t('tokens.card.holder')}</span> {token.holderName}
          </p>
        )}
        <dl className="token-card-facts">
          <div>
            <dt>{t('tokens.card.balance', { date: formatInstantDay(balanceAt) })}</dt>
            <dd data-testid="card-balance">{money(token.balanceCents)}</dd>
          </div>
          <div>
            <dt>{t('tokens.card.expires')}</dt>
            <dd>{formatDay(token.expiresOn)}</dd>
          </div>
        </dl>
      </div>
      {qr ? <img className="token-card-qr" src={qr} alt={t('tokens.card.qr')} /> : <span className="token-card-qr" />}
      <p className="token-card-code" data-testid="card-code">
        {token.code}
      </p>
      <p className="token-card-hint">{t('tokens.card.scanHint')}</p>
    </article>
  )
}

/**
 * What a printout (and "Save as PDF") shows instead of the screen: the print styles hide everything
 * else in the page while this is there. Outside the app's root, so no layout of the screen reaches it.
 */
export function PrintSheet({ children }: { children: ReactNode }) {
  return createPortal(<div className="print-sheet">{children}</div>, document.body)
}
