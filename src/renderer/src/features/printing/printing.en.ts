import type { Catalog } from '../../platform/i18n/translate'

/** Printing a receipt on demand, and saving it as PDF. */
export const printingEn = {
  'print.print': 'Print',
  'print.printing': 'Printing…',
  'print.savePdf': 'Save as PDF',
  'print.savingPdf': 'Saving…',
  'print.printed': 'The receipt went to the printer.',
  'print.pdfSaved': 'Saved as {fileName}.',
} as const satisfies Catalog

export type PrintingTexts = typeof printingEn
