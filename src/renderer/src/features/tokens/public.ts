/** What the app may use of tokens: the back-office section, the till's balance check, their slice and texts. */
export { BalanceCheckDialog } from './balance-check-dialog'
export { dayFormatter, storeToday } from './token-dates'
export { TokensSection } from './tokens-section'
export { tokensEn, type TokensTexts } from './tokens.en'
export { tokensNe } from './tokens.ne'
export { tokensSlice, type TokensDeps, type TokensState } from './tokens.slice'
