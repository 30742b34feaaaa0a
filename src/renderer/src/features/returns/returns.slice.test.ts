import { describe, expect, it } from 'vitest'
import type { InvoiceDto } from '#shared/contract/invoices'
import type { ReturnDto, ReturnFiguresDto } from '#shared/contract/returns'
import { en } from '../../app/catalogs'
import { CASHIER, fakeBackend, MANAGER, ok, type Replies } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'

const { render } = createTranslator(en, 'en', { money: (cents) => `Rs ${(cents / 100).toFixed(2)}` })
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const line = (id: number, name: string, quantity: number, returnedQuantity: number, totalCents: number) => ({
  id,
  productId: id * 10,
  sku: name.toUpperCase(),
  name,
  unitPriceCents: totalCents / quantity,
  quantity,
  subAmountCents: totalCents,
  discountCents: 0,
  netCents: totalCents,
  taxCents: 0,
  totalCents,
  returnedQuantity,
})

const INVOICE: InvoiceDto = {
  id: 7,
  number: 1024,
  cashier: 'Kiran',
  paymentMethod: 'cash',
  paidAt: '2026-03-15T04:15:00.000Z',
  subtotalCents: 25_000,
  discountCents: 0,
  taxCents: 0,
  totalCents: 25_000,
  taxes: [],
  roundingCents: 0,
  tenders: [{ method: 'cash', amountCents: 25_000, tenderedCents: 30_000, changeCents: 5_000 }],
  lines: [line(1, 'Milk', 3, 1, 15_000), line(2, 'Bread', 2, 0, 10_000)],
  returns: [],
}

const figures = (lines: { invoiceLineId: number; quantity: number; restock: boolean }[]): ReturnFiguresDto => {
  const priced = lines.map((chosen) => {
    const sold = INVOICE.lines.find((candidate) => candidate.id === chosen.invoiceLineId)!
    const refundCents = (sold.totalCents / sold.quantity) * chosen.quantity
    return { ...chosen, productId: sold.productId, sku: sold.sku, name: sold.name, refundCents, taxCents: 0 }
  })
  const goodsCents = priced.reduce((sum, item) => sum + item.refundCents, 0)
  return {
    invoiceId: INVOICE.id,
    invoiceNumber: INVOICE.number,
    lines: priced,
    goodsCents,
    taxCents: 0,
    roundingCents: 0,
    refundCents: goodsCents,
    refunds: [{ method: 'cash', amountCents: goodsCents }],
  }
}

const made = (input: { lines: { invoiceLineId: number; quantity: number; restock: boolean }[]; reason: string }): ReturnDto => ({
  ...figures(input.lines),
  id: 3,
  number: 12,
  kind: 'return',
  returnedAt: '2026-03-15T05:00:00.000Z',
  cashier: 'Maya Manager',
  reason: input.reason,
})

type ReturnInput = { invoiceId: number; lines: { invoiceLineId: number; quantity: number; restock: boolean }[]; reason: string }

async function till(user = MANAGER, replies: Replies = {}) {
  const backend = fakeBackend(user, {
    'returns:preview': (input) => ok(figures((input as ReturnInput).lines)),
    'returns:create': (input) => ok(made(input as ReturnInput)),
    ...replies,
  })
  const state = () => backend.store.getState()
  await state().session.appStarted()
  return { ...backend, state }
}

describe('a return at the till', () => {
  it('opens on the invoice with nothing chosen, previews as units are chosen, and never more than is left', async () => {
    const { state, inputsOf } = await till()
    await state().returns.returnOpened(INVOICE, 'return')
    expect(state().shell.dialog).toBe('return')
    expect(state().returns.choices).toEqual({ 1: { quantity: 0, restock: true }, 2: { quantity: 0, restock: true } })
    expect(state().returns.preview).toBeNull()
    expect(inputsOf('returns:preview')).toEqual([])

    await state().returns.quantityChanged(1, 5)
    // Milk: 3 sold, 1 returned already: 2 at most.
    expect(state().returns.choices[1]).toEqual({ quantity: 2, restock: true })
    expect(text(state().returns.error)).toBe('Only 2 of Milk can still be returned.')
    expect(inputsOf('returns:preview').at(-1)).toEqual({ invoiceId: 7, lines: [{ invoiceLineId: 1, quantity: 2, restock: true }] })
    expect(state().returns.preview?.refundCents).toBe(10_000)

    state().returns.restockToggled(1)
    await state().returns.quantityChanged(2, 1)
    expect(inputsOf('returns:preview').at(-1)).toEqual({
      invoiceId: 7,
      lines: [
        { invoiceLineId: 1, quantity: 2, restock: false },
        { invoiceLineId: 2, quantity: 1, restock: true },
      ],
    })
    await state().returns.allChosen(false)
    expect(state().returns.preview).toBeNull()
  })

  it('refuses to send without a line or a reason, then makes the return with one key and shows it', async () => {
    const { state, inputsOf } = await till()
    await state().returns.returnOpened(INVOICE, 'return')
    await state().returns.returnSubmitted()
    expect(text(state().returns.error)).toBe('Choose at least one item to return.')
    await state().returns.allChosen(true)
    await state().returns.returnSubmitted()
    expect(text(state().returns.error)).toBe('Say why the items come back.')
    expect(inputsOf('returns:create')).toEqual([])

    state().returns.reasonTyped('  wrong size ')
    await state().returns.returnSubmitted()
    expect(inputsOf('returns:create')).toEqual([
      {
        invoiceId: 7,
        lines: [
          { invoiceLineId: 1, quantity: 2, restock: true },
          { invoiceLineId: 2, quantity: 2, restock: true },
        ],
        reason: 'wrong size',
        idempotencyKey: 'k',
      },
    ])
    expect(state().returns.made?.number).toBe(12)
    expect(text(state().shell.notice?.message)).toBe('Return 12 made: Rs 200.00 refunded.')
    // Made once: a second Enter does not send it again.
    await state().returns.returnSubmitted()
    expect(inputsOf('returns:create')).toHaveLength(1)
    state().returns.returnClosed()
    expect(state().shell.dialog).toBeNull()
    expect(state().returns.invoice).toBeNull()
  })

  it('asks a manager to approve a cashier’s return, and sends the same return with the approval', async () => {
    const { state, inputsOf } = await till(CASHIER, {
      'returns:create': (input) =>
        (input as { approvalId?: string }).approvalId
          ? ok({ ...made(input as ReturnInput), approvedBy: 'Maya Manager' })
          : { ok: false, error: { code: 'FORBIDDEN', message: 'no', params: { permission: 'sale.return' } } },
      'auth:approve': () =>
        ok({
          approvalId: 'a-1',
          expiresAt: '2026-03-15T05:02:00.000Z',
          approvedBy: { id: 2, username: 'manager', displayName: 'Maya Manager' },
        }),
    })
    await state().returns.returnOpened(INVOICE, 'return')
    await state().returns.quantityChanged(2, 1)
    state().returns.reasonTyped('damaged')
    await state().returns.returnSubmitted()
    expect(state().returns.awaitingApproval).toBe(true)
    await state().returns.approvalSubmitted('manager', 'secret')
    expect(inputsOf('auth:approve')).toEqual([{ username: 'manager', secret: 'secret', permission: 'sale.return' }])
    const sent = inputsOf('returns:create') as { idempotencyKey: string; approvalId?: string }[]
    expect(sent.map((input) => [input.idempotencyKey, input.approvalId])).toEqual([
      ['k', undefined],
      ['k', 'a-1'],
    ])
    expect(state().returns.made?.approvedBy).toBe('Maya Manager')
  })

  it('voids with everything left chosen and restocked, by invoices:void', async () => {
    const { state, inputsOf } = await till(MANAGER, {
      'invoices:void': (input) => ok({ ...made({ lines: figures([]).lines, reason: (input as { reason: string }).reason }), kind: 'void' }),
    })
    await state().returns.returnOpened(INVOICE, 'void')
    expect(state().returns.choices).toEqual({ 1: { quantity: 2, restock: true }, 2: { quantity: 2, restock: true } })
    // A void takes everything: the choices do not change.
    await state().returns.quantityChanged(1, 1)
    state().returns.restockToggled(2)
    expect(state().returns.choices).toEqual({ 1: { quantity: 2, restock: true }, 2: { quantity: 2, restock: true } })
    state().returns.reasonTyped('rang up twice')
    await state().returns.returnSubmitted()
    expect(inputsOf('invoices:void')).toEqual([{ invoiceId: 7, reason: 'rang up twice', idempotencyKey: 'k' }])
    expect(inputsOf('returns:create')).toEqual([])
    expect(state().returns.made?.kind).toBe('void')
  })

  it('says what is left when another till took the units first, and shows the invoice as it is now', async () => {
    const now = { ...INVOICE, lines: [line(1, 'Milk', 3, 3, 15_000), INVOICE.lines[1]!] }
    const { state } = await till(MANAGER, {
      'returns:create': () => ({
        ok: false,
        error: {
          code: 'RETURN_EXCEEDS_SALE',
          message: 'no',
          params: { invoiceLineId: 1, name: 'Milk', soldQuantity: 3, returnedQuantity: 3, requestedQuantity: 2 },
        },
      }),
      'invoices:get': () => ok(now),
    })
    await state().returns.returnOpened(INVOICE, 'return')
    await state().returns.quantityChanged(1, 2)
    state().returns.reasonTyped('faulty')
    await state().returns.returnSubmitted()
    expect(text(state().returns.error)).toBe('That is more Milk than is left to return: 3 sold, 3 returned already.')
    expect(state().returns.invoice?.lines[0]?.returnedQuantity).toBe(3)
    expect(state().returns.made).toBeNull()
  })
})
