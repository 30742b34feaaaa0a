import { describe, expect, it, vi } from 'vitest'
import type { CartDto } from '#shared/contract/cart'
import type { TokenDto } from '#shared/contract/tokens'
import { en } from '../../app/catalogs'
import { fakeBackend, MANAGER, ok, type Replies, type Reply } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import { emptyCart } from '../cart/cart.slice'

const CODE = 'a1b2c3d4-1111-4111-8111-abcdefabcdef'
const token: TokenDto = {
  id: 7,
  code: CODE,
  balanceCents: 50_000,
  expiresOn: '2027-03-15',
  holderName: 'Sita',
  note: null,
  active: true,
  expired: false,
  createdAt: '2026-03-15T04:15:00.000Z',
}
const oneLine: CartDto = {
  lines: [
    {
      productId: 3,
      sku: 'S',
      name: 'Milk',
      unitPriceCents: 9_000,
      quantity: 1,
      lineTotalCents: 9_000,
      discountCents: 0,
      taxCents: 0,
      totalCents: 9_000,
      discount: null,
      stock: 5,
      imageFile: null,
    },
  ],
  itemCount: 1,
  subtotalCents: 9_000,
  discountCents: 0,
  taxCents: 0,
  totalCents: 9_000,
  taxes: [],
  orderDiscount: null,
  promo: null,
}

/** The shared fake backend, signed in as a manager, with this cart. */
function storeFor(replies: Replies, cart: CartDto = emptyCart) {
  const backend = fakeBackend(MANAGER, { 'cart:get': () => ok(cart), ...replies })
  return { store: backend.store, called: backend.inputsOf }
}

/** Replies that arrive only when the test lets them, each by its place in call order. */
function held(): { reply: () => Reply; answer: (call: number, reply: Reply) => void } {
  const waiting: ((reply: Reply) => void)[] = []
  return {
    // The fake backend awaits what a handler returns, so a promise stands in for a slow reply.
    reply: () => new Promise<Reply>((resolve) => waiting.push(resolve)) as never,
    answer: (call, reply) => waiting[call]?.(reply),
  }
}

const { render } = createTranslator(en, 'en', { money: (cents) => `NPR ${(cents / 100).toFixed(2)}` })
const text = (message: Message | null | undefined) => (message ? render(message) : null)
const invalid = (code: string): Reply => ({ ok: false, error: { code: 'INVALID_TOKEN', message: 'no', params: { token: code } } })

describe('the till’s balance check', () => {
  it('asks for a code, says an unknown one, shows a known one, and gives the till back', async () => {
    const { store, called } = storeFor({
      'tokens:balance': (input) => {
        const { code } = input as { code: string }
        return code === CODE
          ? { ok: true, data: { balanceCents: 50_000, expiresOn: '2027-03-15', active: true, expired: false } }
          : invalid(code)
      },
    })
    await store.getState().session.appStarted()
    store.getState().tokens.balanceCheckOpened()
    expect(store.getState().shell.dialog).toBe('balance')

    await store.getState().tokens.balanceSubmitted()
    expect(text(store.getState().tokens.balanceError)).toBe('Enter or scan a token.')
    expect(called('tokens:balance')).toEqual([])

    store.getState().tokens.balanceTextTyped('nope')
    await store.getState().tokens.balanceSubmitted()
    expect(text(store.getState().tokens.balanceError)).toBe("Invalid token 'nope'")

    store.getState().tokens.balanceTextTyped(`  ${CODE}  `)
    await store.getState().tokens.balanceSubmitted()
    expect(store.getState().tokens.balanceError).toBeNull()
    expect(store.getState().tokens.balanceAnswer).toEqual({ balanceCents: 50_000, expiresOn: '2027-03-15', active: true, expired: false })
    expect(called('tokens:balance').at(-1)).toEqual({ code: CODE })

    const ticket = store.getState().scan.focusTicket
    store.getState().tokens.balanceCheckClosed()
    expect(store.getState().shell.dialog).toBeNull()
    expect(store.getState().tokens.balanceAnswer).toBeNull()
    expect(store.getState().scan.focusTicket).toBe(ticket + 1)
  })

  it('drops an answer that comes after the dialog was closed', async () => {
    const slow = held()
    const { store } = storeFor({ 'tokens:balance': slow.reply })
    await store.getState().session.appStarted()
    store.getState().tokens.balanceCheckOpened()
    store.getState().tokens.balanceTextTyped(CODE)
    const checking = store.getState().tokens.balanceSubmitted()
    expect(store.getState().tokens.balancePending).toBe(true)
    store.getState().tokens.balanceCheckClosed()
    slow.answer(0, ok({ balanceCents: 1, expiresOn: '2027-03-15', active: true, expired: false }))
    await checking
    expect(store.getState().tokens.balanceAnswer).toBeNull()
    expect(store.getState().tokens.balancePending).toBe(false)
    expect(store.getState().shell.dialog).toBeNull()
  })
})

describe('a token card scanned into the register’s field', () => {
  it('with items in the cart, opens the pay dialog with the token filled in, and looks nothing up', async () => {
    const { store, called } = storeFor({}, oneLine)
    await store.getState().session.appStarted()
    store.getState().scan.scanTextChanged(` ${CODE.toUpperCase()} `)
    await store.getState().scan.scanSubmitted()
    expect(store.getState().shell.dialog).toBe('pay')
    expect(store.getState().checkout.payMethod).toBe('token')
    expect(store.getState().checkout.tokenText).toBe(CODE.toUpperCase())
    expect(called('catalog:lookup')).toEqual([])
    expect(store.getState().scan.scanText).toBe('')
  })

  it('with an empty cart, shows its balance', async () => {
    const { store, called } = storeFor({
      'tokens:balance': () => ({ ok: true, data: { balanceCents: 500, expiresOn: '2099-12-31', active: false, expired: false } }),
    })
    await store.getState().session.appStarted()
    store.getState().scan.scanTextChanged(CODE)
    await store.getState().scan.scanSubmitted()
    expect(store.getState().shell.dialog).toBe('balance')
    await vi.waitFor(() => expect(store.getState().tokens.balanceAnswer?.balanceCents).toBe(500))
    expect(called('tokens:balance')).toEqual([{ code: CODE }])
    expect(called('catalog:lookup')).toEqual([])
  })
})

describe('the back office’s tokens', () => {
  it('keep the issue form, with core’s refusal in words, when issuing is refused', async () => {
    const { store } = storeFor({
      'tokens:list': () => ({ ok: true, data: { items: [], total: 0 } }),
      'tokens:issue': () => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'past', params: { rule: 'pastDate' } } }),
    })
    await store.getState().session.appStarted()
    store.getState().tokens.tokensSectionOpened()
    store.getState().tokens.issueChosen()
    expect(await store.getState().tokens.issueSubmitted({ balanceCents: 100, expiresOn: '2026-01-01' })).toBe(false)
    expect(store.getState().tokens.view).toEqual({ kind: 'issue' })
    expect(text(store.getState().tokens.issueError)).toBe('That date is already past.')
  })

  it('show a new token’s page with its ledger, and offer its card', async () => {
    const ledger = [
      {
        id: 1,
        deltaCents: 50_000,
        balanceAfterCents: 50_000,
        reason: 'issue',
        note: null,
        by: 'Maya',
        invoiceNumber: null,
        at: token.createdAt,
      },
    ]
    const { store, called } = storeFor({
      'tokens:list': () => ({ ok: true, data: { items: [], total: 0 } }),
      'tokens:issue': () => ({ ok: true, data: token }),
      'tokens:get': () => ({ ok: true, data: { ...token, ledger } }),
    })
    await store.getState().session.appStarted()
    store.getState().tokens.tokensSectionOpened()
    store.getState().tokens.issueChosen()
    expect(await store.getState().tokens.issueSubmitted({ balanceCents: 50_000, expiresOn: '2027-03-15', holderName: 'Sita' })).toBe(true)
    const state = store.getState().tokens
    expect(state.view).toEqual({ kind: 'token', code: CODE })
    expect(state.justIssued).toBe(true)
    expect(state.token?.ledger).toEqual(ledger)
    expect(called('tokens:issue')).toEqual([{ balanceCents: 50_000, expiresOn: '2027-03-15', holderName: 'Sita' }])
  })

  it('say nothing when the PDF dialog is cancelled, and name the file when it is saved', async () => {
    let saved = false
    const { store, called } = storeFor({
      'tokens:list': () => ({ ok: true, data: { items: [token], total: 1 } }),
      'tokens:get': () => ({ ok: true, data: { ...token, ledger: [] } }),
      'documents:savePdf': () => ({
        ok: true,
        data: saved ? { cancelled: false, fileName: 'token-cdef.pdf', sizeBytes: 9 } : { cancelled: true },
      }),
    })
    await store.getState().session.appStarted()
    store.getState().tokens.tokensSectionOpened()
    store.getState().tokens.tokenChosen(CODE)
    await vi.waitFor(() => expect(store.getState().tokens.token?.code).toBe(CODE))
    await store.getState().tokens.cardPdfChosen()
    expect(store.getState().tokens.pdfFeedback).toBeNull()
    expect(store.getState().tokens.pdfPending).toBe(false)
    saved = true
    await store.getState().tokens.cardPdfChosen()
    expect(text(store.getState().tokens.pdfFeedback?.message)).toBe('Card saved as token-cdef.pdf.')
    expect(called('documents:savePdf')).toEqual([{ suggestedName: 'token-cdef' }, { suggestedName: 'token-cdef' }])
  })

  it('show a refused change beside its form and leave the token as it was', async () => {
    const { store, called } = storeFor({
      'tokens:list': () => ({ ok: true, data: { items: [token], total: 1 } }),
      'tokens:get': () => ({ ok: true, data: { ...token, ledger: [] } }),
      'tokens:topUp': () => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'max', params: { rule: 'maxBalance', max: 100 } } }),
    })
    await store.getState().session.appStarted()
    store.getState().tokens.tokensSectionOpened()
    store.getState().tokens.tokenChosen(CODE)
    await vi.waitFor(() => expect(store.getState().tokens.token?.code).toBe(CODE))
    const gets = called('tokens:get').length
    expect(await store.getState().tokens.topUpSubmitted({ amountCents: 99 })).toBe(false)
    const { changeFeedback, changePending, token: shown } = store.getState().tokens
    expect(changeFeedback?.change).toBe('topUp')
    expect(text(changeFeedback?.feedback.message)).toBe('A token can hold at most NPR 1.00.')
    expect(changePending).toBeNull()
    expect(shown?.balanceCents).toBe(50_000)
    expect(called('tokens:get')).toHaveLength(gets)
  })

  it('search once typing pauses, and keep only the newest answer', async () => {
    vi.useFakeTimers()
    try {
      const slow = held()
      const { store, called } = storeFor({ 'tokens:list': slow.reply })
      await store.getState().session.appStarted()
      store.getState().tokens.tokensSectionOpened()
      store.getState().tokens.queryTyped('Si')
      store.getState().tokens.queryTyped('Sita')
      await vi.advanceTimersByTimeAsync(300)
      expect(called('tokens:list')).toEqual([
        { status: 'all', limit: 20, offset: 0 },
        { status: 'all', limit: 20, offset: 0, query: 'Sita' },
      ])
      // The answer to the first load (no query) comes last, and must not replace the newer one.
      slow.answer(1, ok({ items: [token], total: 1 }))
      slow.answer(0, ok({ items: [], total: 0 }))
      await vi.waitFor(() => expect(store.getState().tokens.listLoading).toBe(false))
      expect(store.getState().tokens.items).toEqual([token])
    } finally {
      vi.useRealTimers()
    }
  })
})
