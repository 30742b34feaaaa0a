/**
 * The test print: the store's name and the printer's settings on a short slip, in the printer's own
 * columns, code page and code, so what prints shows the settings are right. Pure.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import type { PrinterSettings } from '#shared/contract/printing'

/** Where the printer is, as the slip names it. */
export function printerTarget(printer: PrinterSettings, receiptsDir: string): string {
  switch (printer.kind) {
    case 'network':
      return `${printer.host}:${printer.port}`
    case 'serial':
      return printer.device
    case 'system':
      return printer.systemName
    case 'file':
      return receiptsDir
    case 'none':
      return '-'
  }
}

/** The slip's lines as text (the `.txt` of a print to file, and what the bytes print). */
export function testPageLines(storeName: string, printer: PrinterSettings, target: string, printedAt: string): string[] {
  const yes = (value: boolean) => (value ? 'yes' : 'no')
  return [
    storeName,
    'Printer test',
    '',
    `Printer: ${printer.kind}`,
    `Where: ${target}`,
    `Columns: ${printer.columns}`,
    `Code page: ${printer.codepage}`,
    `Code: ${printer.code === 'qr' ? 'QR' : 'barcode'}`,
    `Print after every sale: ${yes(printer.printAfterSale)}`,
    `Open drawer after cash sale: ${yes(printer.openDrawer)}`,
    `Printed: ${printedAt}`,
    '-'.repeat(printer.columns),
  ]
}

export function testPageEscPos(lines: readonly string[], printer: PrinterSettings): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ columns: printer.columns, newline: '\n', feedBeforeCut: 4 })
  encoder.initialize().codepage(printer.codepage)
  const [title = '', ...rest] = lines
  encoder.align('center').bold(true).text(title).bold(false).newline()
  encoder.align('left')
  for (const line of rest) encoder.text(line).newline()
  encoder.align('center')
  if (printer.code === 'qr') encoder.qrcode('TEST', { model: 2, size: printer.columns === 32 ? 5 : 6, errorlevel: 'm' })
  else encoder.barcode('TEST', 'code128', { height: 60, width: printer.columns === 32 ? 1 : 2, text: 'below' })
  return encoder.align('left').cut('partial').encode()
}
