import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withRawDb } from '#core/testing/test-store'
import { useTills } from './till.fixture'

const currentTill = useTills()

/** Calls a channel the way the screen does, through the page's own `window.pos`. */
function fromPage(channel: string, input: unknown) {
  return currentTill().page.evaluate(
    ([name, body]) => (globalThis as unknown as { pos: Record<string, (input: unknown) => Promise<unknown>> }).pos[name]!(body),
    [channel, input] as const,
  )
}

describe('saving what the window shows as PDF', () => {
  it('prints the page with Chromium and writes a real PDF where the dialog points', async () => {
    const till = currentTill()
    expect(await fromPage('auth:login', { username: 'manager', password: 'manager' })).toMatchObject({ ok: true })
    const file = join(dirname(till.dbPath), 'cards', 'token-card.pdf')
    till.dialogs.pdfFile = file

    expect(await fromPage('documents:savePdf', { suggestedName: 'token-card' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // A folder that is not there is refused; once it is, the same request succeeds.
    const cards = dirname(file)
    mkdirSync(cards)
    const saved = (await fromPage('documents:savePdf', { suggestedName: 'token-card' })) as {
      ok: true
      data: { cancelled: false; fileName: string; sizeBytes: number }
    }
    expect(saved).toMatchObject({ ok: true, data: { cancelled: false, fileName: 'token-card.pdf' } })
    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.subarray(-16).toString('latin1')).toContain('%%EOF')
    expect(bytes.byteLength).toBe(saved.data.sizeBytes)
    expect(readdirSync(cards)).toEqual(['token-card.pdf'])
    expect(withRawDb(till.dbPath, (db) => db.prepare("select subject from audit_entry where action = 'document.saved'").all())).toEqual([
      { subject: 'token-card.pdf' },
    ])
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const till = currentTill()
    expect(await fromPage('auth:login', { username: 'manager', password: 'manager' })).toMatchObject({ ok: true })
    till.dialogs.pdfFile = null
    expect(await fromPage('documents:savePdf', { suggestedName: 'token-card' })).toEqual({ ok: true, data: { cancelled: true } })
    expect(existsSync(join(dirname(till.dbPath), 'token-card.pdf'))).toBe(false)
  })
})
