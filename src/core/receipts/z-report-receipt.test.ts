/**
 * The sample Z report on paper: its plain text line for line at 32 and 48 columns, and its ESC/POS
 * bytes against golden files in ./fixtures, written again on purpose only, as the sale's are
 * (receipt-escpos.test.ts says how):
 *
 *     RECEIPT_GOLDEN=write npx vitest run src/core/receipts/z-report-receipt.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ReceiptColumns } from '#shared/contract/receipts'
import { zReportReceipt } from '#shared/receipts/receipt-model'
import { SAMPLE_STORE } from '#shared/receipts/receipt-sample.fixture'
import { SAMPLE_Z_REPORT } from '#shared/receipts/z-report-sample.fixture'
import { receiptEscPos } from './receipt-escpos'
import { receiptPlainText } from './receipt-layout'

const sample = zReportReceipt(SAMPLE_Z_REPORT, SAMPLE_STORE)
const FIXTURES = join(import.meta.dirname, 'fixtures')
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const hexLines = (bytes: Uint8Array): string => `${(hex(bytes).match(/.{1,64}/g) ?? []).join('\n')}\n`
const readGolden = (file: string): string => readFileSync(join(FIXTURES, file), 'utf8').replace(/\s+/g, '')

describe('the Z report as plain text', () => {
  it('prints the sample at 32 columns, line for line', () => {
    expect(receiptPlainText(sample, { columns: 32 })).toBe(
      [
        '          Himal Kirana',
        '     Durbar Marg, Kathmandu',
        '        Tel. 01-4412345',
        '       PAN/VAT 301234567',
        '     Open 7am-9pm every day',
        '',
        '           Z report 2',
        'Closed      15 Mar 2026, 6:30 pm',
        'Shift                          2',
        'Opened      15 Mar 2026, 9:00 am',
        'Opened by           Maya Manager',
        'Closed by          Kiran Cashier',
        '--------------------------------',
        'Gross sales           NPR 284.20',
        'Discount               -NPR 5.00',
        'Returns              -NPR 104.60',
        'Net sales             NPR 174.60',
        'Tax included           NPR 20.09',
        'Cash rounding          -NPR 0.60',
        'Sales made                     3',
        'Returns and voids made         1',
        'Average sale           NPR 93.07',
        'Units sold                     4',
        'Units returned                 1',
        '================================',
        'Takings               NPR 174.00',
        '================================',
        'Cash                   NPR 54.00',
        '  Taken               NPR 159.00',
        '  Refunded           -NPR 105.00',
        'Card                  NPR 100.00',
        'eSewa                  NPR 20.00',
        '--------------------------------',
        '          Cash drawer',
        'Opening float          NPR 50.00',
        'Cash sales            NPR 159.00',
        'Cash refunds         -NPR 105.00',
        'Pay-ins                NPR 20.00',
        'Pay-outs              -NPR 15.00',
        'Expected in drawer    NPR 109.00',
        'Counted               NPR 108.00',
        'Variance               -NPR 1.00',
        'Drawer opened without a sale   1',
        '--------------------------------',
        '        Cash in and out',
        'Pay-in: Change from the bank',
        '                       NPR 20.00',
        'Pay-out: Milk delivery, paid to',
        'the driver            -NPR 15.00',
        '',
        '              Z-2',
        '',
      ].join('\n'),
    )
  })

  it('prints the sample at 48 columns, line for line', () => {
    expect(receiptPlainText(sample, { columns: 48 })).toBe(
      [
        '                  Himal Kirana',
        '             Durbar Marg, Kathmandu',
        '                Tel. 01-4412345',
        '               PAN/VAT 301234567',
        '             Open 7am-9pm every day',
        '',
        '                   Z report 2',
        'Closed                      15 Mar 2026, 6:30 pm',
        'Shift                                          2',
        'Opened                      15 Mar 2026, 9:00 am',
        'Opened by                           Maya Manager',
        'Closed by                          Kiran Cashier',
        '------------------------------------------------',
        'Gross sales                           NPR 284.20',
        'Discount                               -NPR 5.00',
        'Returns                              -NPR 104.60',
        'Net sales                             NPR 174.60',
        'Tax included                           NPR 20.09',
        'Cash rounding                          -NPR 0.60',
        'Sales made                                     3',
        'Returns and voids made                         1',
        'Average sale                           NPR 93.07',
        'Units sold                                     4',
        'Units returned                                 1',
        '================================================',
        'Takings                               NPR 174.00',
        '================================================',
        'Cash                                   NPR 54.00',
        '  Taken                               NPR 159.00',
        '  Refunded                           -NPR 105.00',
        'Card                                  NPR 100.00',
        'eSewa                                  NPR 20.00',
        '------------------------------------------------',
        '                  Cash drawer',
        'Opening float                          NPR 50.00',
        'Cash sales                            NPR 159.00',
        'Cash refunds                         -NPR 105.00',
        'Pay-ins                                NPR 20.00',
        'Pay-outs                              -NPR 15.00',
        'Expected in drawer                    NPR 109.00',
        'Counted                               NPR 108.00',
        'Variance                               -NPR 1.00',
        'Drawer opened without a sale                   1',
        '------------------------------------------------',
        '                Cash in and out',
        'Pay-in: Change from the bank           NPR 20.00',
        'Pay-out: Milk delivery, paid to the driver',
        '                                      -NPR 15.00',
        '',
        '                      Z-2',
        '',
      ].join('\n'),
    )
  })
})

describe('the Z report as ESC/POS bytes', () => {
  for (const columns of [32, 48] as const satisfies readonly ReceiptColumns[]) {
    it(`is the golden file at ${columns} columns`, () => {
      const bytes = receiptEscPos(sample, { columns })
      const file = `sample-z-report-${columns}.hex`
      if (process.env['RECEIPT_GOLDEN'] === 'write') writeFileSync(join(FIXTURES, file), hexLines(bytes))
      expect(hex(bytes)).toBe(readGolden(file))
    })
  }

  it('never pulses the drawer, and carries its number as the code', () => {
    const bytes = Buffer.from(receiptEscPos(sample, { columns: 42 }))
    expect(bytes.includes(Buffer.from([0x1b, 0x70]))).toBe(false)
    expect(bytes.includes(Buffer.from('Z-2', 'latin1'))).toBe(true)
    expect(bytes.includes(Buffer.from('Expected in drawer', 'latin1'))).toBe(true)
  })
})
