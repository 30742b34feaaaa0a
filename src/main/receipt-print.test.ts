import { describe, expect, it } from 'vitest'
import { printReceiptOn, receiptPrintOptions, type PrintableContents, type ReceiptPrintOptions } from './receipt-print'

/** A window's contents that answer print as Electron would: success, or failure with a reason. */
function contents(answer: [success: boolean, failureReason: string]): PrintableContents & { asked: ReceiptPrintOptions[] } {
  const asked: ReceiptPrintOptions[] = []
  return {
    asked,
    print(options, callback) {
      asked.push(options)
      callback(...answer)
    },
  }
}

describe('printing a receipt on a system printer', () => {
  it('prints silently on the named printer, one copy, without margins or backgrounds', () => {
    expect(receiptPrintOptions('Counter Printer')).toEqual({
      silent: true,
      deviceName: 'Counter Printer',
      printBackground: false,
      copies: 1,
      margins: { marginType: 'none' },
    })
  })

  it('resolves once Electron says it printed', async () => {
    const window = contents([true, ''])
    await expect(printReceiptOn(window, 'Counter Printer')).resolves.toBeUndefined()
    expect(window.asked).toEqual([receiptPrintOptions('Counter Printer')])
  })

  it('rejects with the system’s reason, or `failed` when it gives none', async () => {
    await expect(printReceiptOn(contents([false, 'Invalid deviceName provided']), 'Nope')).rejects.toThrow('Invalid deviceName provided')
    await expect(printReceiptOn(contents([false, '']), 'Nope')).rejects.toThrow('failed')
  })
})
