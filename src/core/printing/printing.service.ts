/**
 * Printing a receipt on the store's printer. The receipt is rendered first, through a read; the
 * printer is reached only after, outside any database work, so a slow or missing printer never
 * holds up a sale on this till or another. A failure is PRINT_FAILED and changes nothing: the
 * receipt can be printed again.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import type { PrinterKind, PrinterSettings } from '#shared/contract/printing'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { RequestContext } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { storeDate } from '#core/common/store-day'
import { formatReceiptDateTime } from '#shared/receipts/receipt-model'
import { logToConsole } from '#core/common/log'
import { NepaliDrawingUnavailable, receiptForPrinter } from '#core/receipts/receipts.service'
import { failureDetail, sendToNetworkPrinter, sendToSerialPrinter, writeReceiptFiles } from './printer-transports'
import { printerTarget, testPageEscPos, testPageLines } from './printer-test-page'

/** An after-sale print opens the drawer only for a sale this recent: a late one is a reprint. */
const AFTER_SALE_WINDOW_MS = 5 * 60_000

type Printed = ChannelOutput<'printing:print'>

/** What a printer gets: the bytes, the same lines as text (print to file), and the files' name. */
interface Printout {
  readonly bytes: Uint8Array
  readonly text: string
  readonly fileName: string
}

function printFailed(kind: PrinterKind, detail: string): DomainError<'PRINT_FAILED'> {
  return new DomainError('PRINT_FAILED', `The receipt did not print (${kind}): ${detail}`, { kind, detail })
}

/** The printer the store has set up; kind none is refused before anything is read. */
function configuredPrinter(ctx: RequestContext): PrinterSettings & { kind: Exclude<PrinterKind, 'none'> } {
  const { printer } = ctx.settings
  if (printer.kind === 'none') throw printFailed('none', 'notConfigured')
  return printer as PrinterSettings & { kind: Exclude<PrinterKind, 'none'> }
}

/** Sends a printout to the store's printer; the transport's failure becomes PRINT_FAILED naming its code. */
async function send(ctx: RequestContext, printer: PrinterSettings & { kind: Exclude<PrinterKind, 'none'> }, printout: Printout) {
  const timeouts = ctx.printing
  try {
    switch (printer.kind) {
      case 'network':
        await sendToNetworkPrinter(printer.host, printer.port, printout.bytes, timeouts)
        break
      case 'serial':
        await sendToSerialPrinter(printer.device, printout.bytes, timeouts)
        break
      case 'file':
        await writeReceiptFiles(ctx.printing.receiptsDir, printout.fileName, printout.bytes, printout.text)
        break
      case 'system': {
        // The window prints what it shows: its print styles leave only the receipt on the page.
        const window = ctx.window
        if (!window?.printReceipt) throw printFailed('system', 'noWindow')
        await window.printReceipt({ deviceName: printer.systemName })
        break
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw printFailed(printer.kind, failureDetail(error))
  }
  return { printed: true, kind: printer.kind } satisfies Printed
}

/**
 * Prints a sale's or a return's receipt, or a Z report. `afterSale` (the till's print right after a payment) opens
 * the drawer for a cash sale when the store says so, once, and only within minutes of the sale;
 * every other print is a reprint and never opens it.
 */
export async function printReceipt(
  ctx: RequestContext,
  source: { invoiceId: number; afterSale?: boolean | undefined } | { returnId: number } | { zReportId: number },
): Promise<Printed> {
  const printer = configuredPrinter(ctx)
  const { drawerOpenedFor } = ctx.printing
  const of = 'invoiceId' in source ? { invoiceId: source.invoiceId } : source
  const receipt = await receiptForPrinter(ctx, of, {
    nepaliDrawing: ctx.printing.nepaliDrawing,
    columns: printer.columns,
    codepage: printer.codepage,
    code: printer.code,
    opensDrawer: ({ of, at }) => {
      if (!('invoiceId' in source) || source.afterSale !== true || of !== 'sale' || !printer.openDrawer) return false
      if (drawerOpenedFor.has(source.invoiceId)) return false
      if (Math.abs(ctx.now().getTime() - Date.parse(at)) > AFTER_SALE_WINDOW_MS) return false
      // Counted before the bytes go: a second after-sale print of the same sale never opens it again.
      drawerOpenedFor.add(source.invoiceId)
      return true
    },
  }).catch((error: unknown) => {
    // The sale is kept and the receipt can be printed again; the log names what failed to load.
    if (error instanceof NepaliDrawingUnavailable) {
      logToConsole('the Nepali receipt lines cannot be drawn', error)
      throw printFailed(printer.kind, 'nepaliDrawing')
    }
    throw error
  })
  const day = storeDate(new Date(receipt.at), ctx.settings.timeZone)
  return send(ctx, printer, { bytes: receipt.bytes, text: receipt.text, fileName: `${day}-${receipt.of}-${receipt.number}` })
}

/** The test print: the store's name and the printer's settings, on the printer as saved. */
export async function printTestPage(ctx: RequestContext): Promise<Printed> {
  const printer = configuredPrinter(ctx)
  const now = ctx.now()
  const lines = testPageLines(
    ctx.settings.storeName,
    printer,
    printerTarget(printer, ctx.printing.receiptsDir),
    formatReceiptDateTime(now.toISOString(), ctx.settings),
  )
  const time = now.toISOString().slice(11, 19).replaceAll(':', '')
  return send(ctx, printer, {
    bytes: testPageEscPos(lines, printer),
    text: `${lines.join('\n')}\n`,
    fileName: `${storeDate(now, ctx.settings.timeZone)}-test-${time}`,
  })
}

/** ESC/POS: reset, then the drawer pulse (pin 2), and nothing to print. */
function drawerPulse(printer: PrinterSettings): Uint8Array {
  return new ReceiptPrinterEncoder({ columns: printer.columns, newline: '\n' }).initialize().pulse().encode()
}

/**
 * Opens the cash drawer through the receipt printer it hangs on, outside any transaction (the no-sale
 * is recorded before). A printer that is not set up, or a system printer (which takes pages, not
 * commands), cannot pulse; a failed send is reported the same way, never thrown.
 */
export async function pulseDrawer(
  ctx: RequestContext,
): Promise<{ drawerOpened: boolean; printError?: { kind: PrinterKind; detail: string } }> {
  const { printer } = ctx.settings
  if (printer.kind === 'none') return { drawerOpened: false, printError: { kind: 'none', detail: 'notConfigured' } }
  if (printer.kind === 'system') return { drawerOpened: false, printError: { kind: 'system', detail: 'cannotPulse' } }
  const now = ctx.now()
  const time = now.toISOString().slice(11, 23).replace(/[:.]/g, '')
  try {
    await send(ctx, printer as PrinterSettings & { kind: Exclude<PrinterKind, 'none'> }, {
      bytes: drawerPulse(printer),
      text: '',
      fileName: `${storeDate(now, ctx.settings.timeZone)}-drawer-${time}`,
    })
    return { drawerOpened: true }
  } catch (error) {
    if (error instanceof DomainError && error.code === 'PRINT_FAILED') {
      const params = error.params as { kind: PrinterKind; detail: string }
      return { drawerOpened: false, printError: { kind: params.kind, detail: params.detail } }
    }
    throw error
  }
}
