import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { ClientWindow, DbContext, DocumentFilePicker, SessionUser } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import { write } from '#core/db/tx'

export interface SavePdfEnv {
  /** The calling window: what it shows now is what the PDF holds. */
  window: ClientWindow | null
  files: DocumentFilePicker
}

/** The name main's dialog offers: the screen's suggestion, as a PDF. */
export function pdfFileName(suggestedName: string): string {
  return /\.pdf$/i.test(suggestedName) ? suggestedName : `${suggestedName}.pdf`
}

/** The system's code for a failed write (ENOSPC, EACCES …), or its message when it has none. */
function codeOf(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? (error as Error | null)?.message ?? error)
}

/**
 * Writes `bytes` to `path` all at once or not at all: into a temporary file beside it, flushed to
 * disk, then renamed over the name. A failure leaves neither a half file nor the temporary one.
 */
async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(temporary, 'wx')
    try {
      await file.writeFile(bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
}

/** Writes a document where main's dialog pointed; a failure is CONFLICT `what`, naming the system's code, and leaves nothing behind. */
async function writeDocument(path: string, bytes: Uint8Array, what: 'pdfFile' | 'csvFile'): Promise<void> {
  try {
    await writeFileAtomically(path, bytes)
  } catch (error) {
    const detail = codeOf(error)
    throw new DomainError('CONFLICT', `The ${what === 'pdfFile' ? 'PDF' : 'CSV file'} could not be written to ${path}: ${detail}`, {
      what,
      detail,
    })
  }
}

/**
 * Saves the page the calling window shows (a token card) as PDF where main's dialog points. The
 * page is printed first, while it still shows what the person asked for; only then is the dialog
 * opened. Neither is awaited inside a database transaction: only the audit row is written in one.
 */
export async function savePdf(
  ctx: DbContext,
  suggestedName: string,
  actor: SessionUser,
  env: SavePdfEnv,
): Promise<ChannelOutput<'documents:savePdf'>> {
  if (!env.window) {
    throw new DomainError('CONFLICT', 'This client has no window to print.', { what: 'pdfFile', detail: 'noWindow' })
  }
  const bytes = await env.window.printToPdf()
  const path = await env.files.choosePdfDestination(pdfFileName(suggestedName))
  if (!path) return { cancelled: true }
  await writeDocument(path, bytes, 'pdfFile')
  const fileName = basename(path)
  await write(ctx, (tx) =>
    tx.audit({
      action: 'document.saved',
      actor: { id: actor.id, name: actor.displayName },
      subject: fileName,
      details: { kind: 'pdf', sizeBytes: bytes.byteLength },
    }),
  )
  return { cancelled: false, fileName, sizeBytes: bytes.byteLength }
}

/** The name main's dialog offers: the screen's suggestion, as a CSV file. */
export function csvFileName(suggestedName: string): string {
  return /\.csv$/i.test(suggestedName) ? suggestedName : `${suggestedName}.csv`
}

/**
 * Saves a CSV file core makes where main's dialog points. The dialog comes first and `make` runs
 * only once the person has chosen, so a cancel reads and writes nothing; the file holds the data as
 * it was when they chose. Written like a PDF (whole or not at all), and audited.
 */
export async function saveCsv(
  ctx: DbContext,
  suggestedName: string,
  actor: SessionUser,
  files: DocumentFilePicker,
  make: () => Promise<{ csv: string; rows: number }>,
): Promise<{ saved: false } | { saved: true; fileName: string; rows: number; sizeBytes: number }> {
  const path = await files.chooseCsvDestination(csvFileName(suggestedName))
  if (!path) return { saved: false }
  const { csv, rows } = await make()
  const bytes = Buffer.from(csv, 'utf8')
  await writeDocument(path, bytes, 'csvFile')
  const fileName = basename(path)
  await write(ctx, (tx) =>
    tx.audit({
      action: 'document.saved',
      actor: { id: actor.id, name: actor.displayName },
      subject: fileName,
      details: { kind: 'csv', rows, sizeBytes: bytes.byteLength },
    }),
  )
  return { saved: true, fileName, rows, sizeBytes: bytes.byteLength }
}
