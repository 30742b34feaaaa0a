import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PRINTER } from '#shared/contract/printing'
import type { BackendClient } from '#core/backend'
import { expectError, fillCart, ok, openTestStore, signedInClient, type TestStore } from '#core/testing/test-store'

let store: TestStore
let cashier: BackendClient
let manager: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  cashier = await signedInClient(store.backend)
  manager = await signedInClient(store.backend, 'manager')
  ok(await manager.invoke('settings:update', { patch: { shiftsEnabled: true } }))
})

afterEach(async () => {
  await store.cleanup()
})

/** A shift with one cash sale, closed with the count it should have. */
async function closedShift() {
  ok(await cashier.invoke('shift:open', { openingFloatCents: 5_000 }))
  const cart = await fillCart(cashier, [['DEMO-002', 1]])
  ok(
    await cashier.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payments: [{ method: 'cash', tenderedCents: cart.totalCents + 1_000 }],
    }),
  )
  const x = ok(await manager.invoke('shift:xReport', {}))
  return ok(await cashier.invoke('shift:close', { countedCashCents: x.drawer.expectedCashCents, idempotencyKey: randomUUID() }))
}

describe('a Z report on paper', () => {
  it('renders from the report as stored, as text and as bytes without the drawer pulse', async () => {
    const z = await closedShift()
    const rendered = ok(await manager.invoke('receipts:render', { zReportId: z.id, format: 'text', columns: 32 }))
    if (!('text' in rendered)) throw new Error('expected text')
    const lines = rendered.text.split('\n')
    expect(lines).toContain('           Z report 1')
    expect(lines).toContain('Sales made                     1')
    expect(lines.find((line) => line.startsWith('Variance'))).toMatch(/^Variance +\S+ 0\.00$/)
    expect(rendered.text).toContain(`Z-${z.number}`)
    const bytes = ok(await manager.invoke('receipts:render', { zReportId: z.id, format: 'escpos' }))
    if (!('bytesBase64' in bytes)) throw new Error('expected bytes')
    expect(Buffer.from(bytes.bytesBase64, 'base64').includes(Buffer.from([0x1b, 0x70]))).toBe(false)
    expectError(await manager.invoke('receipts:render', { zReportId: 999, format: 'text' }), 'NOT_FOUND')
  })

  it('prints to a file printer: the bytes and the text in printed-receipts/, named by day and Z number', async () => {
    ok(await manager.invoke('settings:update', { patch: { printer: { ...DEFAULT_PRINTER, kind: 'file', columns: 48 } } }))
    const z = await closedShift()
    expect(ok(await cashier.invoke('printing:print', { zReportId: z.id }))).toEqual({ printed: true, kind: 'file' })
    const dir = join(store.dir, 'printed-receipts')
    expect(readdirSync(dir).sort()).toEqual(['2026-03-15-zReport-1.bin', '2026-03-15-zReport-1.txt'])
    const rendered = ok(await manager.invoke('receipts:render', { zReportId: z.id, format: 'text', columns: 48 }))
    expect(readFileSync(join(dir, '2026-03-15-zReport-1.txt'), 'utf8')).toBe('text' in rendered ? rendered.text : null)
    const bin = readFileSync(join(dir, '2026-03-15-zReport-1.bin'))
    expect(bin.includes(Buffer.from('Expected in drawer', 'latin1'))).toBe(true)
    expect(bin.includes(Buffer.from([0x1b, 0x70]))).toBe(false)
  })
})
