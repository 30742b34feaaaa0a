import { useEffect } from 'react'
import { IssueTokenForm } from './issue-token-form'
import { TokenList } from './token-list'
import { TokenPage } from './token-page'
import { useTokens } from './use-tokens'
import './tokens.css'

/** The back office's Tokens section: the list, the issue form, or one token's page. */
export function TokensSection() {
  const view = useTokens((s) => s.view)
  const tokensSectionOpened = useTokens((s) => s.tokensSectionOpened)

  useEffect(() => {
    tokensSectionOpened()
  }, [tokensSectionOpened])

  return (
    <div className="tokens-section">
      {view.kind === 'issue' ? <IssueTokenForm /> : view.kind === 'token' ? <TokenPage key={view.code} /> : <TokenList />}
    </div>
  )
}
