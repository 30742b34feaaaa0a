import { useShallow } from 'zustand/react/shallow'
import type { TokenDto } from '#shared/contract/tokens'
import type { MessageKey } from '../../platform/i18n/translate'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { TokenStatusBadge } from './token-status-badge'
import type { TokensTexts } from './tokens.en'
import { TOKEN_LIST_STATUSES, TOKENS_PAGE_SIZE, type TokenListStatus } from './tokens.slice'
import { useStoreCalendar } from './use-store-calendar'
import { useTokens } from './use-tokens'

const FILTER_LABELS = {
  all: 'tokens.filter.all',
  active: 'tokens.filter.active',
  expired: 'tokens.filter.expired',
  inactive: 'tokens.filter.inactive',
  lowBalance: 'tokens.filter.lowBalance',
} as const satisfies Record<TokenListStatus, MessageKey<TokensTexts>>

function TokenRow({ token }: { token: TokenDto }) {
  const { t } = useI18n<TokensTexts>()
  const money = useMoney()
  const { formatDay } = useStoreCalendar()
  const tokenChosen = useTokens((s) => s.tokenChosen)
  return (
    <tr>
      <th scope="row">
        <button
          type="button"
          className="tokens-link token-code"
          aria-label={t('tokens.openLabel', { code: token.code })}
          onClick={() => tokenChosen(token.code)}
        >
          {token.code}
        </button>
      </th>
      <td className="token-holder">{token.holderName ?? t('tokens.noHolder')}</td>
      <td className="num">{money(token.balanceCents)}</td>
      <td>
        <time dateTime={token.expiresOn}>{formatDay(token.expiresOn)}</time>
      </td>
      <td>
        <TokenStatusBadge token={token} />
      </td>
    </tr>
  )
}

/** The Tokens section's first screen: every token, filtered, searched and paged in core. */
export function TokenList() {
  const { t } = useI18n<TokensTexts>()
  const { status, query, offset, items, total, loading, error } = useTokens(
    useShallow((s) => ({
      status: s.status,
      query: s.query,
      offset: s.offset,
      items: s.items,
      total: s.total,
      loading: s.listLoading,
      error: s.listError,
    })),
  )
  const statusChosen = useTokens((s) => s.statusChosen)
  const queryTyped = useTokens((s) => s.queryTyped)
  const pageTurned = useTokens((s) => s.pageTurned)
  const issueChosen = useTokens((s) => s.issueChosen)

  const filtered = status !== 'all' || query.trim() !== ''
  const from = total === 0 ? 0 : offset + 1
  const to = Math.min(offset + TOKENS_PAGE_SIZE, total)

  return (
    <div className="tokens-list">
      <div className="tokens-toolbar">
        <fieldset className="tokens-filter">
          <legend className="tokens-filter-legend">{t('tokens.filter')}</legend>
          <div className="tokens-filter-options">
            {TOKEN_LIST_STATUSES.map((option) => (
              <label key={option} className={option === status ? 'tokens-filter-option tokens-filter-chosen' : 'tokens-filter-option'}>
                <input type="radio" name="token-status" value={option} checked={option === status} onChange={() => statusChosen(option)} />
                <span>{t(FILTER_LABELS[option])}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field tokens-search">
          <label htmlFor="tokens-search">{t('tokens.search')}</label>
          <input
            id="tokens-search"
            className="input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('tokens.searchPlaceholder')}
            value={query}
            onChange={(event) => queryTyped(event.target.value)}
          />
        </div>
        <button type="button" className="button button-primary tokens-issue" onClick={issueChosen}>
          {t('tokens.issue')}
        </button>
      </div>

      {error && <FormError message={error} />}

      {items === null ? (
        <p className="tokens-empty" role="status">
          {t('tokens.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="tokens-empty" role="status">
          {filtered ? t('tokens.noMatch') : t('tokens.none')}
        </p>
      ) : (
        <>
          <div className="tokens-table-scroll">
            <table className="data-table tokens-table" aria-busy={loading}>
              <caption className="visually-hidden">{t('tokens.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.col.code')}</th>
                  <th scope="col">{t('tokens.col.holder')}</th>
                  <th scope="col" className="num">
                    {t('tokens.col.balance')}
                  </th>
                  <th scope="col">{t('tokens.col.expires')}</th>
                  <th scope="col">{t('tokens.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((token) => (
                  <TokenRow key={token.id} token={token} />
                ))}
              </tbody>
            </table>
          </div>
          {/* aria-disabled, not disabled: a disabled button would drop the focus of someone paging with the keyboard. */}
          <div className="tokens-pager">
            <p className="tokens-pager-range" role="status">
              {t('tokens.range', { from, to, total })}
            </p>
            <button type="button" className="button button-quiet" aria-disabled={offset === 0 || loading} onClick={() => pageTurned(-1)}>
              {t('tokens.previous')}
            </button>
            <button type="button" className="button button-quiet" aria-disabled={to >= total || loading} onClick={() => pageTurned(1)}>
              {t('tokens.next')}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
