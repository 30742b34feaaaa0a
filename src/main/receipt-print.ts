/**
 * Printing the receipt a window shows on a system printer, silently. Pure (no electron import) so
 * the options and the way Electron's callback becomes a promise are tested without a window; the
 * router hands it the window's `webContents`.
 */

/** The options of Electron's `webContents.print` this uses. */
export interface ReceiptPrintOptions {
  readonly silent: true
  readonly deviceName: string
  readonly printBackground: false
  readonly copies: 1
  /** The page's own print styles place the receipt; the driver adds no margins of its own. */
  readonly margins: { readonly marginType: 'none' }
}

/** The parts of Electron's `WebContents` printing uses. */
export interface PrintableContents {
  print(options: ReceiptPrintOptions, callback: (success: boolean, failureReason: string) => void): void
}

/** No dialog, on the named printer, one copy, black on white: what a till's receipt printer needs. */
export function receiptPrintOptions(deviceName: string): ReceiptPrintOptions {
  return { silent: true, deviceName, printBackground: false, copies: 1, margins: { marginType: 'none' } }
}

/** Prints what `contents` shows on `deviceName`; rejects with the system's reason (`failed`, `Invalid deviceName provided`…). */
export function printReceiptOn(contents: PrintableContents, deviceName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print(receiptPrintOptions(deviceName), (success, failureReason) => {
      if (success) resolve()
      else reject(new Error(failureReason || 'failed'))
    })
  })
}
