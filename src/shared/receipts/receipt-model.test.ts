import { describe, expect, it } from 'vitest'
import type { InvoiceDto } from '../contract/invoices'
import type { ReturnDto } from '../contract/returns'
import { formatMoney } from '../money/money'
import { priceSale } from '../money/pricing'
import { settle } from '../money/tenders'
import { receiptLabelsEn } from './receipt-labels.en'
import {
  labelText,
  parseReceiptCode,
  receiptCode,
  receiptWriter,
  returnReceipt,
  saleReceipt,
  type ReceiptDocument,
  type ReceiptRow,
  type ReceiptValue,
} from './receipt-model'
import { SAMPLE_INVOICE, SAMPLE_PRICING, SAMPLE_STORE } from './receipt-sample.fixture'

const write = (document: ReceiptDocument) => {
  const money = (cents: number) => formatMoney(cents, document.money)
  return receiptWriter({ label: labelText(receiptLabelsEn, money), money })
}
const cents = (value: ReceiptValue): number => {
  if (value.kind !== 'money') throw new Error(`not an amount: ${JSON.stringify(value)}`)
  return value.reduction ? -value.cents : value.cents
}
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)
const byRole = (rows: readonly ReceiptRow[], role: ReceiptRow['role']) => rows.filter((row) => row.role === role)

describe('the sample sale', () => {
  it('is what the pricing engine and the tender settlement give for it', () => {
    const [milk, rice] = SAMPLE_INVOICE.lines
    const priced = priceSale({
      currencyDecimals: 2,
      taxRounding: 'perLine',
      lines: [
        { key: 'a', unitPriceCents: milk!.unitPriceCents, quantity: milk!.quantity, taxes: [SAMPLE_PRICING.vat] },
        {
          key: 'b',
          unitPriceCents: rice!.unitPriceCents,
          quantity: rice!.quantity,
          taxes: [SAMPLE_PRICING.vat],
          discount: { kind: 'percent', bps: SAMPLE_PRICING.ownDiscountBps },
        },
      ],
      orderDiscounts: [{ discount: { kind: 'amount', cents: SAMPLE_PRICING.promoCents } }],
    })
    expect(priced).toMatchObject({
      subtotalCents: SAMPLE_INVOICE.subtotalCents,
      discountCents: SAMPLE_INVOICE.discountCents,
      taxCents: SAMPLE_INVOICE.taxCents,
      totalCents: SAMPLE_INVOICE.totalCents,
    })
    expect(
      priced.lines.map(({ grossCents, discountCents, netCents, taxCents, totalCents }) => [
        grossCents,
        discountCents,
        netCents,
        taxCents,
        totalCents,
      ]),
    ).toEqual(SAMPLE_INVOICE.lines.map((line) => [line.subAmountCents, line.discountCents, line.netCents, line.taxCents, line.totalCents]))
    const paid = settle(
      SAMPLE_INVOICE.totalCents,
      [
        { method: 'token', balanceCents: SAMPLE_PRICING.tokenBalanceBeforeCents, amountCents: SAMPLE_INVOICE.tenders[0]!.amountCents },
        { method: 'cash', tenderedCents: SAMPLE_INVOICE.tenderedCents! },
      ],
      SAMPLE_PRICING.cashRounding,
    )
    expect(paid).toMatchObject({ settled: true, roundingCents: SAMPLE_INVOICE.roundingCents, changeCents: SAMPLE_INVOICE.changeCents })
    expect(paid.tenders.map((tender) => tender.amountCents)).toEqual(SAMPLE_INVOICE.tenders.map((tender) => tender.amountCents))
  })
})

describe('a sale’s receipt', () => {
  const document = saleReceipt(SAMPLE_INVOICE, SAMPLE_STORE)
  const words = write(document)

  it('carries every figure of the invoice, unchanged', () => {
    expect(document.items).toEqual(
      SAMPLE_INVOICE.lines.map((line) => ({
        name: line.name,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        amountCents: line.subAmountCents,
        discountCents: line.discountCents,
      })),
    )
    // Σ lines as shelved − Σ discounts = the total; the figures are the invoice's own.
    expect(sum(document.items.map((item) => item.amountCents - item.discountCents))).toBe(SAMPLE_INVOICE.totalCents)
    expect(byRole(document.figures, 'subtotal').map((row) => cents(row.value))).toEqual([SAMPLE_INVOICE.subtotalCents])
    expect(byRole(document.figures, 'discount').map((row) => cents(row.value))).toEqual([-SAMPLE_INVOICE.discountCents])
    expect(byRole(document.figures, 'tax').map((row) => [words.text(row.label), words.text(row.detail!), cents(row.value)])).toEqual([
      ['VAT 13% included', `on ${formatMoney(28_840, document.money)}`, SAMPLE_INVOICE.taxes[0]!.taxCents],
    ])
    expect(cents(document.total.value)).toBe(SAMPLE_INVOICE.totalCents)
    expect(document.notes.map((note) => words.text(note))).toEqual([
      `of which promo SPRING10 · Spring sale: −${formatMoney(1_000, document.money)}`,
    ])
  })

  it('lists each tender with what it paid and its own details, then the cash rounding: together the total and the rounding', () => {
    const rows = document.payments.map((row) => [words.text(row.label), row.indent === true, cents(row.value)])
    expect(rows).toEqual([
      ['Token ending 1111', false, 12_000],
      ['Remaining token balance', true, 3_450],
      ['Cash', false, 20_600],
      ['Cash tendered', true, 30_000],
      ['Change', true, 9_400],
      ['Cash rounding', false, 11],
    ])
    const tendered = sum(byRole(document.payments, 'tender').map((row) => cents(row.value)))
    expect(tendered).toBe(sum(SAMPLE_INVOICE.tenders.map((tender) => tender.amountCents)))
    expect(tendered).toBe(SAMPLE_INVOICE.totalCents + SAMPLE_INVOICE.roundingCents)
  })

  it('heads with the store’s details and the invoice, in the store’s time zone, and ends with its footer and code', () => {
    expect(document.store.name).toBe('Himal Kirana')
    expect(document.store.lines.map((line) => words.text(line))).toEqual([
      'Durbar Marg, Kathmandu',
      'Tel. 01-4412345',
      'PAN/VAT 301234567',
      'Open 7am–9pm every day',
    ])
    expect(words.text(document.title)).toBe('Invoice 1207')
    expect(document.facts.map((row) => [words.text(row.label), words.value(row.value)])).toEqual([
      ['Date', '15 Mar 2026, 10:00 am'],
      ['Cashier', 'Kiran Cashier'],
    ])
    // The same instant in a store five hours west of UTC is the evening before.
    const west = saleReceipt(SAMPLE_INVOICE, { ...SAMPLE_STORE, timeZone: 'America/New_York' })
    expect(words.value(west.facts[0]!.value)).toBe('15 Mar 2026, 12:15 am')
    expect(document.footer.map((line) => words.text(line))).toEqual(['Thank you! Come again.', 'Goods are exchanged within 7 days.'])
    expect(document.code).toBe('INV-1207')
    expect(document.opensDrawer).toBe(true)
  })

  it('names a single tender after “Payment”, its details not indented; a sale without cash opens no drawer', () => {
    const byToken: InvoiceDto = {
      ...SAMPLE_INVOICE,
      paymentMethod: 'token',
      roundingCents: 0,
      tenderedCents: undefined,
      changeCents: undefined,
      tenders: [{ method: 'token', amountCents: SAMPLE_INVOICE.totalCents, tokenLast4: '1111', tokenBalanceAfterCents: 500 }],
    }
    const document = saleReceipt(byToken, SAMPLE_STORE)
    expect(document.payments.map((row) => [words.text(row.label), words.value(row.value), row.indent === true])).toEqual([
      ['Payment', 'Token ending 1111', false],
      ['Remaining token balance', formatMoney(500, document.money), false],
    ])
    expect(document.opensDrawer).toBe(false)
  })

  it('shows a card’s or wallet’s reference, a wallet by the store’s name for it', () => {
    const document = saleReceipt(
      {
        ...SAMPLE_INVOICE,
        roundingCents: 0,
        tenders: [
          { method: 'card', amountCents: 20_000, reference: 'AUTH-7781' },
          { method: 'wallet', amountCents: 12_589, wallet: 'eSewa', reference: 'ES-55' },
        ],
      },
      SAMPLE_STORE,
    )
    expect(document.payments.map((row) => [words.text(row.label), words.value(row.value)])).toEqual([
      ['Card', formatMoney(20_000, document.money)],
      ['Reference', 'AUTH-7781'],
      ['eSewa', formatMoney(12_589, document.money)],
      ['Reference', 'ES-55'],
    ])
    expect(document.opensDrawer).toBe(false)
  })

  it('shows a sale without tax or discount by its total alone, and thanks the customer when the store wrote no footer', () => {
    const [milk] = SAMPLE_INVOICE.lines
    const plain: InvoiceDto = {
      ...SAMPLE_INVOICE,
      subtotalCents: 11_090,
      discountCents: 0,
      taxCents: 0,
      totalCents: 11_090,
      taxes: [],
      promo: undefined,
      lines: [{ ...milk!, discountCents: 0, netCents: 11_090, taxCents: 0, totalCents: 11_090 }],
    }
    const document = saleReceipt(plain, {
      ...SAMPLE_STORE,
      address: '',
      phone: '',
      taxNumber: '',
      receiptHeader: '',
      receiptFooter: '\n  \n',
    })
    expect(document.figures).toEqual([])
    expect(document.notes).toEqual([])
    expect(document.store.lines).toEqual([])
    expect(document.footer.map((line) => words.text(line))).toEqual(['Thank you for shopping with us!'])
  })

  it('keeps amounts in minor units whatever the currency’s decimals: a 0-decimal currency formats them whole', () => {
    const yen = saleReceipt({ ...SAMPLE_INVOICE, totalCents: 1_250 }, { ...SAMPLE_STORE, currency: 'JPY', locale: 'en-US' })
    expect(cents(yen.total.value)).toBe(1_250)
    expect(write(yen).value(yen.total.value)).toBe('¥1,250')
  })
})

describe('a return’s receipt', () => {
  const back: ReturnDto = {
    id: 3,
    number: 12,
    kind: 'return',
    returnedAt: '2026-03-16T06:00:00.000Z',
    cashier: 'Kiran Cashier',
    approvedBy: 'Maya Manager',
    reason: 'Damaged pack',
    invoiceId: SAMPLE_INVOICE.id,
    invoiceNumber: SAMPLE_INVOICE.number,
    lines: [
      {
        invoiceLineId: 102,
        productId: 9,
        sku: 'RICE-5KG',
        name: 'Jeera Masino Rice',
        quantity: 1,
        refundCents: 21_829,
        taxCents: 2_511,
        restock: false,
      },
    ],
    goodsCents: 21_829,
    taxCents: 2_511,
    roundingCents: -29,
    refundCents: 21_800,
    refunds: [
      { method: 'token', amountCents: 12_000, tokenLast4: '1111', tokenBalanceAfterCents: 15_450 },
      { method: 'cash', amountCents: 9_800 },
    ],
  }
  const document = returnReceipt(back, SAMPLE_STORE)
  const words = write(document)

  it('names the return and the invoice it takes back from, the lines with their refunds, and where the money went', () => {
    expect(document.kind).toBe('return')
    expect(words.text(document.title)).toBe('Return 12')
    expect(document.facts.map((row) => [words.text(row.label), words.value(row.value)])).toEqual([
      ['Date', '16 Mar 2026, 11:45 am'],
      ['Cashier', 'Kiran Cashier'],
      ['Approved by', 'Maya Manager'],
      ['Original invoice', '1207'],
      ['Reason', 'Damaged pack'],
    ])
    expect(document.items).toEqual([{ name: 'Jeera Masino Rice', quantity: 1, amountCents: 21_829, discountCents: 0 }])
    expect(cents(document.total.value)).toBe(back.goodsCents)
    const refunds = sum(byRole(document.payments, 'tender').map((row) => cents(row.value)))
    expect(refunds).toBe(back.refundCents)
    expect(refunds).toBe(back.goodsCents + back.roundingCents)
    expect(byRole(document.payments, 'rounding').map((row) => cents(row.value))).toEqual([-29])
    expect(document.code).toBe('RET-12')
    expect(document.opensDrawer).toBe(true)
    expect(words.text(returnReceipt({ ...back, kind: 'void' }, SAMPLE_STORE).title)).toBe('Void 12')
  })
})

describe('the receipt’s code', () => {
  it('reads back what it names, and nothing else', () => {
    expect(parseReceiptCode(receiptCode('invoice', 1207))).toEqual({ kind: 'invoice', number: 1207 })
    expect(parseReceiptCode(' ret-12 ')).toEqual({ kind: 'return', number: 12 })
    for (const other of ['4290001000012', 'INV-', 'INV-0', 'INV-12x', 'XYZ-12', 'INV-99999999999999999'])
      expect(parseReceiptCode(other), other).toBeNull()
  })
})

describe('the receipt’s words', () => {
  it('fill every placeholder, amounts through the money formatter, and leave a missing one visible', () => {
    const text = labelText(receiptLabelsEn, (value) => `¤${value}`)
    expect(text({ key: 'receipt.taxBase', params: { base: { cents: 5 } } })).toBe('on ¤5')
    expect(text({ key: 'receipt.token', params: {} })).toBe('Token ending {last4}')
  })
})
