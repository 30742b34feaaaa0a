import { z } from 'zod'
import { channel } from '../ipc/channel'
import { id, protectedInput } from './common'
import { RECEIPT_COLUMNS } from './receipts'

/**
 * Where receipts go: nowhere, a raw network printer (TCP, port 9100), a serial port (written as a
 * device file; its speed is set in the system), a file in the data folder (`printed-receipts/`), or
 * a printer installed in the system, printed silently by the window showing the receipt.
 */
export const PRINTER_KINDS = ['none', 'network', 'serial', 'file', 'system'] as const
export type PrinterKind = (typeof PRINTER_KINDS)[number]

/** Code pages the ESC/POS encoder holds; cp437 is page 0 of every ESC/POS printer. */
export const PRINTER_CODEPAGES = ['cp437', 'cp850', 'cp858', 'cp852', 'cp866', 'windows1252'] as const
export type PrinterCodepage = (typeof PRINTER_CODEPAGES)[number]

export const DEFAULT_PRINTER_PORT = 9100

/** A host name or an IPv4/IPv6 address, as typed: no scheme, no port, no spaces. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\[?[0-9A-Fa-f:.]+\]?)$/
/** A serial port: an absolute device path (`/dev/ttyUSB0`), or a Windows port (`COM3`, `\\.\COM10`). */
const DEVICE = /^(?:\/[^\u0000-\u001f\u007f]+|COM[1-9][0-9]{0,2}|\\\\\.\\COM[1-9][0-9]{0,2})$/i

/** The printer's fields; `printerSettings` adds what the chosen kind needs of them. */
export const printerFields = z.strictObject({
  kind: z.enum(PRINTER_KINDS),
  host: z.string().trim().max(253),
  port: z.int().min(1).max(65_535),
  device: z.string().trim().max(200),
  /** The system printer's name, as the system lists it. */
  systemName: z.string().trim().max(200),
  columns: z.literal(RECEIPT_COLUMNS),
  codepage: z.enum(PRINTER_CODEPAGES),
  /** The receipt's number as a CODE128 barcode or a QR code. */
  code: z.enum(['code128', 'qr']),
  printAfterSale: z.boolean(),
  /** Pulse the cash drawer when a cash sale's receipt prints (never on a reprint). */
  openDrawer: z.boolean(),
})

/** The fields the chosen kind needs that are not usable: a host for network, a device for serial, a name for system. */
export function printerProblems(printer: z.infer<typeof printerFields>): ('host' | 'device' | 'systemName')[] {
  if (printer.kind === 'network' && !HOST.test(printer.host)) return ['host']
  if (printer.kind === 'serial' && !DEVICE.test(printer.device)) return ['device']
  if (printer.kind === 'system' && printer.systemName === '') return ['systemName']
  return []
}

const PROBLEMS = { host: 'a host name or address', device: 'a device such as /dev/ttyUSB0 or COM3', systemName: 'the printer’s name' }

/**
 * The receipt printer, one setting. Every field is kept whatever the kind, so switching kinds keeps
 * what was typed; the fields the chosen kind needs must be valid.
 */
export const printerSettings = printerFields.superRefine((printer, ctx) => {
  for (const field of printerProblems(printer)) ctx.addIssue({ code: 'custom', path: [field], message: PROBLEMS[field] })
})
export type PrinterSettings = z.infer<typeof printerSettings>

export const DEFAULT_PRINTER: PrinterSettings = {
  kind: 'none',
  host: '',
  port: DEFAULT_PRINTER_PORT,
  device: '',
  systemName: '',
  columns: 42,
  codepage: 'cp437',
  code: 'code128',
  printAfterSale: false,
  openDrawer: true,
}

/** What printed, and through which kind of printer. */
const printed = z.strictObject({ printed: z.literal(true), kind: z.enum(PRINTER_KINDS) })

export const printingContract = {
  /**
   * Prints a sale's receipt (`invoiceId`), a return's (`returnId`) or a Z report (`zReportId`) on the store's printer, rendered
   * first through a read and sent only after. `afterSale`: the receipt printed right after the
   * caller's own payment, which may open the cash drawer (once); every other print is a reprint and
   * never does. A printer failure is PRINT_FAILED { kind, detail } and changes nothing.
   */
  'printing:print': channel(
    'signedIn',
    z.union([
      z.strictObject({ invoiceId: id, afterSale: z.boolean().optional() }),
      z.strictObject({ returnId: id }),
      /** A Z report (never opens the drawer). */
      z.strictObject({ zReportId: id }),
    ]),
    printed,
  ),
  /** A short page with the store's name and the printer's settings, on the printer as saved. */
  'printing:test': channel('settings.manage', protectedInput({}), printed),
}
