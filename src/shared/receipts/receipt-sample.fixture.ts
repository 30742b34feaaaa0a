/**
 * A fixed sale and store for the receipt tests (model, plain text, golden ESC/POS bytes). Imported
 * only by tests. The figures are what the pricing engine and the tender settlement give for it
 * (receipt-model.test.ts checks that), written out so a change there cannot move the golden bytes
 * unnoticed: two lines of VAT 13% included, the second with 10% off and a long name, a promo of NPR
 * 10.00 over both, NPR 120.00 from a token and the rest in cash, rounded to NPR 1.00 with change.
 */
import type { InvoiceDto } from '../contract/invoices'
import type { ReceiptStore } from './receipt-model'

export const SAMPLE_STORE: ReceiptStore = {
  storeName: 'Himal Kirana',
  address: 'Durbar Marg, Kathmandu',
  phone: '01-4412345',
  taxNumber: '301234567',
  receiptHeader: 'Open 7am–9pm every day',
  receiptFooter: 'Thank you! Come again.\nGoods are exchanged within 7 days.',
  currency: 'NPR',
  locale: 'en-IN',
  timeZone: 'Asia/Kathmandu',
}

export const SAMPLE_INVOICE: InvoiceDto = {
  id: 41,
  number: 1207,
  cashier: 'Kiran Cashier',
  paymentMethod: 'split',
  // 10:00 in Kathmandu (+05:45).
  paidAt: '2026-03-15T04:15:00.000Z',
  subtotalCents: 28_840,
  discountCents: 3_500,
  taxCents: 3_749,
  totalCents: 32_589,
  taxes: [{ id: 1, name: 'VAT', rateBps: 1300, included: true, baseCents: 28_840, taxCents: 3_749 }],
  tenderedCents: 30_000,
  changeCents: 9_400,
  roundingCents: 11,
  tenders: [
    { method: 'token', amountCents: 12_000, tokenLast4: '1111', tokenBalanceAfterCents: 3_450 },
    { method: 'cash', amountCents: 20_600, tenderedCents: 30_000, changeCents: 9_400 },
  ],
  promo: { code: 'SPRING10', name: 'Spring sale', discountCents: 1_000 },
  lines: [
    {
      id: 101,
      productId: 7,
      sku: 'MILK-500',
      name: 'DDC Fresh Milk 500ml',
      unitPriceCents: 5_545,
      quantity: 2,
      subAmountCents: 11_090,
      discountCents: 330,
      netCents: 9_522,
      taxCents: 1_238,
      totalCents: 10_760,
      returnedQuantity: 0,
    },
    {
      id: 102,
      productId: 9,
      sku: 'RICE-5KG',
      name: 'Jeera Masino Rice Premium Long Grain 5 kg',
      unitPriceCents: 24_999,
      quantity: 1,
      subAmountCents: 24_999,
      discountCents: 3_170,
      netCents: 19_318,
      taxCents: 2_511,
      totalCents: 21_829,
      returnedQuantity: 0,
    },
  ],
  returns: [],
}

/** How the sample was priced and paid: the input the figures above come from. */
export const SAMPLE_PRICING = {
  vat: { id: 1, rateBps: 1300, included: true },
  ownDiscountBps: 1000,
  promoCents: 1_000,
  tokenBalanceBeforeCents: 15_450,
  cashRounding: { incrementCents: 100, mode: 'halfUp' },
} as const
