import type { TokenDto } from '#shared/contract/tokens'
import { useI18n } from '../../platform/i18n/use-i18n'
import type { TokensTexts } from './tokens.en'

export type TokenState = 'active' | 'expired' | 'inactive'

/** What the till would do with the token today: a switched-off token is inactive whatever its date. */
export function tokenState(token: Pick<TokenDto, 'active' | 'expired'>): TokenState {
  if (!token.active) return 'inactive'
  return token.expired ? 'expired' : 'active'
}

export function TokenStatusBadge({ token }: { token: Pick<TokenDto, 'active' | 'expired'> }) {
  const { t } = useI18n<TokensTexts>()
  const state = tokenState(token)
  return <span className={`token-status token-status-${state}`}>{t(`tokens.status.${state}`)}</span>
}
