import { TOKEN_STATUSES, type TokenDto, type TokenLedgerEntryDto } from '#shared/contract/tokens'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { ClientResult, PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import { lastFour } from './token-code'
import type { IssueInput, TopUpInput } from './token-forms'
import type { TokensTexts } from './tokens.en'

const msg = messagesOf<TokensTexts>()

export type TokenListStatus = (typeof TOKEN_STATUSES)[number]
export const TOKEN_LIST_STATUSES = TOKEN_STATUSES

/** Rows per page of the token list. */
export const TOKENS_PAGE_SIZE = 20

/** Pause in typing before the list is searched again. */
export const TOKEN_SEARCH_DELAY_MS = 250

export type TokenDetail = TokenDto & { readonly ledger: readonly TokenLedgerEntryDto[] }

export type TokensView = { readonly kind: 'list' } | { readonly kind: 'issue' } | { readonly kind: 'token'; readonly code: string }

/** The token page's changes; each has its own form and its own result line. */
export type TokenChange = 'topUp' | 'expiry' | 'holder' | 'active'

export type BalanceAnswer = ChannelOutput<'tokens:balance'>

export interface TokensState {
  view: TokensView
  status: TokenListStatus
  query: string
  offset: number
  /** The page shown; null until the first answer. */
  items: readonly TokenDto[] | null
  total: number
  listLoading: boolean
  listError: Message | null
  issuePending: boolean
  issueError: Message | null
  /** The token page's token with its ledger, newest first; null while it loads. */
  token: TokenDetail | null
  tokenError: Message | null
  /** Set right after issuing, so the page says so and offers the card. */
  justIssued: boolean
  changePending: TokenChange | null
  changeFeedback: { readonly change: TokenChange; readonly feedback: Feedback } | null
  pdfPending: boolean
  pdfFeedback: Feedback | null
  balanceText: string
  balancePending: boolean
  balanceAnswer: BalanceAnswer | null
  balanceError: Message | null

  /** The back office's Tokens section was opened: its list, from the start. */
  tokensSectionOpened(): void
  statusChosen(status: TokenListStatus): void
  queryTyped(text: string): void
  pageTurned(direction: 1 | -1): void
  issueChosen(): void
  issueCancelled(): void
  /** Resolves true once issued (the page then shows the new token). */
  issueSubmitted(input: IssueInput): Promise<boolean>
  tokenChosen(code: string): void
  backToListChosen(): void
  topUpSubmitted(input: TopUpInput): Promise<boolean>
  expirySubmitted(expiresOn: string): Promise<boolean>
  holderSubmitted(holderName: string | null): Promise<boolean>
  activeToggled(): Promise<void>
  /** "Save card as PDF": main prints the card (the page's print styles) and asks where to save it. */
  cardPdfChosen(): Promise<void>

  /** The till's balance check, from its key or button, or from a token scanned with an empty cart. */
  balanceCheckOpened(code?: string): void
  balanceTextTyped(text: string): void
  balanceSubmitted(): Promise<void>
  balanceCheckClosed(): void
}

export interface TokensDeps {
  readonly api: PosClient
  /** A calendar day as the store's locale writes it, for results that name one. */
  readonly formatDay: (day: string) => string
  /** A dialog or a payment result holds the till. */
  readonly tillBusy: () => boolean
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly focusReturned: () => void
  readonly timers?: { setTimeout: (run: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void } | undefined
}

const initialBalance = {
  balanceText: '',
  balancePending: false,
  balanceAnswer: null,
  balanceError: null,
} satisfies Partial<TokensState>

const initialPage = {
  token: null,
  tokenError: null,
  justIssued: false,
  changePending: null,
  changeFeedback: null,
  pdfPending: false,
  pdfFeedback: null,
} satisfies Partial<TokensState>

const initialTokens = {
  view: { kind: 'list' },
  status: 'all',
  query: '',
  offset: 0,
  items: null,
  total: 0,
  listLoading: false,
  listError: null,
  issuePending: false,
  issueError: null,
  ...initialPage,
  ...initialBalance,
} satisfies Partial<TokensState>

export const tokensSlice = defineSlice('tokens', ({ set, get, registerReset }, deps: TokensDeps): TokensState => {
  const { api } = deps
  const timers = deps.timers ?? {
    setTimeout: (run: () => void, ms: number) => globalThis.setTimeout(run, ms),
    clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  }
  // Each load is numbered; an answer overtaken by a later load is dropped.
  let listLoad = 0
  let tokenLoad = 0
  let balanceCheck = 0
  let searchTimer: unknown = null

  function cancelSearch(): void {
    if (searchTimer !== null) timers.clearTimeout(searchTimer)
    searchTimer = null
  }

  async function loadList(): Promise<void> {
    cancelSearch()
    const load = ++listLoad
    const { status, query, offset } = get()
    set({ listLoading: true, listError: null })
    const trimmed = query.trim()
    const reply = await api.call('tokens:list', {
      status,
      limit: TOKENS_PAGE_SIZE,
      offset,
      ...(trimmed === '' ? {} : { query: trimmed }),
    })
    if (load !== listLoad) return
    if (!reply.ok) {
      set({ listLoading: false, listError: errorMessage(reply.error) })
      return
    }
    // A page emptied by changes since (the last token of the last page gone from a filter): go back one.
    if (reply.data.items.length === 0 && offset > 0 && reply.data.total > 0) {
      set({ offset: Math.max(0, offset - TOKENS_PAGE_SIZE) })
      await loadList()
      return
    }
    set({ listLoading: false, items: reply.data.items, total: reply.data.total })
  }

  async function loadToken(code: string): Promise<boolean> {
    const load = ++tokenLoad
    const reply = await api.call('tokens:get', { code })
    if (load !== tokenLoad) return false
    if (!reply.ok) {
      set({ tokenError: errorMessage(reply.error) })
      return false
    }
    set({ token: reply.data, tokenError: null })
    return true
  }

  /** Sends one change of the token page's token; its result line says how it went. */
  async function change(
    kind: TokenChange,
    send: (code: string) => Promise<ClientResult<TokenDto>>,
    said: (token: TokenDto) => Message,
  ): Promise<boolean> {
    const { token, changePending } = get()
    if (!token || changePending) return false
    set({ changePending: kind, changeFeedback: null, justIssued: false })
    const reply = await send(token.code)
    if (!reply.ok) {
      set({ changePending: null, changeFeedback: { change: kind, feedback: { tone: 'error', message: errorMessage(reply.error) } } })
      return false
    }
    // The ledger gained a row (or the token changed): read it afresh.
    await loadToken(token.code)
    set({ changePending: null, changeFeedback: { change: kind, feedback: { tone: 'ok', message: said(reply.data) } } })
    return true
  }

  registerReset(() => {
    cancelSearch()
    listLoad++
    tokenLoad++
    balanceCheck++
    set(initialTokens)
  })

  return {
    ...initialTokens,

    tokensSectionOpened: () => {
      tokenLoad++
      set(initialTokens)
      void loadList()
    },

    statusChosen: (status) => {
      set({ status, offset: 0 })
      void loadList()
    },

    queryTyped: (text) => {
      set({ query: text, offset: 0 })
      cancelSearch()
      searchTimer = timers.setTimeout(() => {
        searchTimer = null
        void loadList()
      }, TOKEN_SEARCH_DELAY_MS)
    },

    pageTurned: (direction) => {
      const { offset, total, listLoading } = get()
      const next = offset + direction * TOKENS_PAGE_SIZE
      if (listLoading || next < 0 || next >= total) return
      set({ offset: next })
      void loadList()
    },

    issueChosen: () => set({ view: { kind: 'issue' }, issueError: null, issuePending: false }),

    issueCancelled: () => {
      if (get().issuePending) return
      set({ view: { kind: 'list' }, issueError: null })
    },

    issueSubmitted: async (input) => {
      if (get().issuePending) return false
      set({ issuePending: true, issueError: null })
      const reply = await api.call('tokens:issue', input)
      if (!reply.ok) {
        set({ issuePending: false, issueError: errorMessage(reply.error) })
        return false
      }
      tokenLoad++
      // The new token is shown at once from the reply; its ledger (one issue row) follows.
      set({
        ...initialPage,
        issuePending: false,
        view: { kind: 'token', code: reply.data.code },
        token: { ...reply.data, ledger: [] },
        justIssued: true,
      })
      await loadToken(reply.data.code)
      return true
    },

    tokenChosen: (code) => {
      set({ ...initialPage, view: { kind: 'token', code } })
      void loadToken(code)
    },

    backToListChosen: () => {
      tokenLoad++
      set({ ...initialPage, view: { kind: 'list' } })
      void loadList()
    },

    topUpSubmitted: (input) =>
      change(
        'topUp',
        (code) => api.call('tokens:topUp', { code, ...input }),
        (token) => msg('tokens.toppedUp', { amount: money(input.amountCents), balance: money(token.balanceCents) }),
      ),

    expirySubmitted: (expiresOn) =>
      change(
        'expiry',
        (code) => api.call('tokens:update', { code, expiresOn }),
        (token) => msg('tokens.expiryChanged', { date: deps.formatDay(token.expiresOn) }),
      ),

    holderSubmitted: (holderName) =>
      change(
        'holder',
        (code) => api.call('tokens:update', { code, holderName }),
        (token) => (token.holderName ? msg('tokens.holderChanged', { name: token.holderName }) : msg('tokens.holderRemoved')),
      ),

    activeToggled: async () => {
      const active = !(get().token?.active ?? true)
      await change(
        'active',
        (code) => api.call('tokens:update', { code, active }),
        (token) => (token.active ? msg('tokens.reactivated') : msg('tokens.deactivated')),
      )
    },

    cardPdfChosen: async () => {
      const { token, pdfPending } = get()
      if (!token || pdfPending) return
      set({ pdfPending: true, pdfFeedback: null })
      const reply = await api.call('documents:savePdf', { suggestedName: `token-${lastFour(token.code)}` })
      if (!reply.ok) {
        set({ pdfPending: false, pdfFeedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      set({
        pdfPending: false,
        pdfFeedback: reply.data.cancelled ? null : { tone: 'ok', message: msg('tokens.pdfSaved', { file: reply.data.fileName }) },
      })
    },

    balanceCheckOpened: (code) => {
      if (deps.tillBusy()) return
      balanceCheck++
      set({ ...initialBalance, balanceText: code ?? '' })
      deps.dialogOpened()
      if (code !== undefined) void get().balanceSubmitted()
    },

    balanceTextTyped: (text) => set({ balanceText: text, balanceError: null }),

    balanceSubmitted: async () => {
      const code = get().balanceText.trim()
      if (code === '') {
        set({ balanceAnswer: null, balanceError: msg('balance.required') })
        return
      }
      const check = ++balanceCheck
      set({ balancePending: true, balanceError: null })
      const reply = await api.call('tokens:balance', { code })
      if (check !== balanceCheck) return
      if (!reply.ok) {
        set({ balancePending: false, balanceAnswer: null, balanceError: errorMessage(reply.error) })
        return
      }
      set({ balancePending: false, balanceAnswer: reply.data })
    },

    balanceCheckClosed: () => {
      balanceCheck++
      set(initialBalance)
      deps.dialogClosed()
      deps.focusReturned()
    },
  }
})
