/**
 * The text a PDF holds, page by page, as a reader would copy it: PDF.js (Mozilla's renderer, the
 * one browsers ship) parses the file, so a test checks what the document says, not only that it
 * is a PDF.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[\u00a0\u202f]/g, ' ')
        .replace(/[ \t]+/g, ' ')
      pages.push(text)
    }
    return pages
  } finally {
    await document.destroy()
  }
}
