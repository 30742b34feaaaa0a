import { describe, expect, it } from 'vitest'
import { RECEIPT_COLUMNS } from '#shared/contract/receipts'
import { saleReceipt } from '#shared/receipts/receipt-model'
import { SAMPLE_INVOICE, SAMPLE_STORE } from '#shared/receipts/receipt-sample.fixture'
import { centred, labelled, layoutReceipt, printable, receiptPlainText, wrap } from './receipt-layout'

const sample = saleReceipt(SAMPLE_INVOICE, SAMPLE_STORE)

describe('the plain-text receipt', () => {
  it('prints the sample sale at 32 columns, line for line', () => {
    expect(receiptPlainText(sample, { columns: 32 })).toBe(
      [
        '          Himal Kirana',
        '     Durbar Marg, Kathmandu',
        '        Tel. 01-4412345',
        '       PAN/VAT 301234567',
        '     Open 7am-9pm every day',
        '',
        '          Invoice 1207',
        'Date       15 Mar 2026, 10:00 am',
        'Cashier            Kiran Cashier',
        '--------------------------------',
        'DDC Fresh Milk 500ml',
        '  2 x NPR 55.45       NPR 110.90',
        '  Discount (incl. share of the',
        "  sale's)              -NPR 3.30",
        'Jeera Masino Rice Premium Long',
        'Grain 5 kg',
        '  1 x NPR 249.99      NPR 249.99',
        '  Discount (incl. share of the',
        "  sale's)             -NPR 31.70",
        '--------------------------------',
        'Subtotal (excl. tax)  NPR 288.40',
        'Discount              -NPR 35.00',
        '  of which promo SPRING10 ·',
        '  Spring sale: -NPR 10.00',
        'VAT 13% included on NPR 288.40',
        '                       NPR 37.49',
        '================================',
        'Total                 NPR 325.89',
        '================================',
        'Token ending 1111     NPR 120.00',
        '  Remaining token balance',
        '                       NPR 34.50',
        'Cash                  NPR 206.00',
        '  Cash tendered       NPR 300.00',
        '  Change               NPR 94.00',
        'Cash rounding           NPR 0.11',
        '',
        '     Thank you! Come again.',
        '  Goods are exchanged within 7',
        '             days.',
        '',
        '            INV-1207',
        '',
      ].join('\n'),
    )
  })

  it('keeps every line within the paper at 32, 42 and 48 columns, with no space at the end of a line', () => {
    for (const columns of RECEIPT_COLUMNS) {
      const lines = receiptPlainText(sample, { columns }).split('\n')
      for (const line of lines) {
        expect([...line].length, `${columns}: ${line}`).toBeLessThanOrEqual(columns)
        expect(line, `${columns}: ${line}`).toBe(line.trimEnd())
      }
      // Wider paper, fewer lines: the amounts move up beside their labels.
      if (columns > 32) expect(lines.length).toBeLessThan(receiptPlainText(sample, { columns: 32 }).split('\n').length)
    }
  })

  it('wraps a long product name at word boundaries, losing nothing, and cuts a word longer than a line', () => {
    const name = 'Himalayan Java Coffee Organic Arabica Whole Bean Medium Roast 1 kg Family Pack'
    const long = saleReceipt({ ...SAMPLE_INVOICE, lines: [{ ...SAMPLE_INVOICE.lines[0]!, name }] }, SAMPLE_STORE)
    const lines = layoutReceipt(long, { columns: 32 }).flatMap((line) => (line.kind === 'text' ? [line.text] : []))
    const start = lines.indexOf('Himalayan Java Coffee Organic')
    expect(lines.slice(start, start + 3)).toEqual(['Himalayan Java Coffee Organic', 'Arabica Whole Bean Medium Roast', '1 kg Family Pack'])
    expect(wrap('Supercalifragilisticexpialidocious-Extra-Long', 16)).toEqual(['Supercalifragili', 'sticexpialidocio', 'us-Extra-Long'])
  })

  it('prints a 0-decimal currency without decimals', () => {
    const yen = saleReceipt(
      { ...SAMPLE_INVOICE, totalCents: 32_589, roundingCents: 0, taxes: [], discountCents: 0, promo: undefined },
      { ...SAMPLE_STORE, currency: 'JPY', locale: 'en-US' },
    )
    const text = receiptPlainText(yen, { columns: 32 })
    expect(text).toContain('Total                    ¥32,589')
    expect(text).not.toMatch(/¥[\d,]+\.\d/)
  })

  it('marks the store’s name and the total for bold, tall print, and ends with the code', () => {
    const lines = layoutReceipt(sample, { columns: 48 })
    expect(lines.filter((line) => line.kind === 'text' && line.tall).map((line) => line.kind === 'text' && line.text.trim())).toEqual([
      'Himal Kirana',
      'Total                                 NPR 325.89',
    ])
    expect(lines.at(-1)).toEqual({ kind: 'code', value: 'INV-1207' })
  })
})

describe('the layout’s pieces', () => {
  it('put a value on its label’s last line when it fits, else on a line of its own, right-aligned', () => {
    expect(labelled('Change', 'NPR 5.00', 20)).toEqual(['Change      NPR 5.00'])
    expect(labelled('Remaining token balance', 'NPR 5.00', 20, 2)).toEqual(['  Remaining token', '  balance   NPR 5.00'])
    expect(labelled('Subtotal (excl. tax)', 'NPR 1.00', 20)).toEqual(['Subtotal (excl. tax)', '            NPR 1.00'])
    expect(centred('Thanks', 10)).toEqual(['  Thanks'])
  })

  it('write typography the code page lacks plainly, keep an amount from breaking, and drop invisible characters', () => {
    expect(printable('Sale’s “best” – 2×3 − 1…')).toBe('Sale\'s "best" - 2x3 - 1...')
    expect(printable('a\u200bb\u202ec\u0007')).toBe('abc')
    expect(printable('Cafe\u0301 😀')).toBe('Café ?')
    expect(wrap('pay NPR\u00a01,250.00 now', 14)).toEqual(['pay', 'NPR\u00a01,250.00', 'now'])
  })

  it('pass Devanagari through as text: the ESC/POS renderer decides how to print it', () => {
    const nepali = saleReceipt({ ...SAMPLE_INVOICE, lines: [{ ...SAMPLE_INVOICE.lines[0]!, name: 'दूध ५०० मि.ली.' }] }, SAMPLE_STORE)
    expect(receiptPlainText(nepali, { columns: 32 })).toContain('\nदूध ५०० मि.ली.\n')
  })
})
