import { describe, expect, it } from 'vitest'
import { CASHIER, fakeBackend, ok } from '../../app/fake-backend.helper'
import { parseInvoiceNumber } from './invoices.slice'

const INVOICE = { id: 7, number: 1024, lines: [], returns: [] }

describe('the invoice finder', () => {
  it('reads a number as typed or a receipt’s code as scanned, and nothing else', () => {
    expect(parseInvoiceNumber(' 1024 ')).toBe(1024)
    expect(parseInvoiceNumber('#1024')).toBe(1024)
    expect(parseInvoiceNumber('INV-1024')).toBe(1024)
    expect(parseInvoiceNumber('inv-7')).toBe(7)
    // A return's code names a return, not an invoice; a product barcode is no number.
    expect(parseInvoiceNumber('RET-3')).toBeNull()
    expect(parseInvoiceNumber('8901234567890X')).toBeNull()
    expect(parseInvoiceNumber('0')).toBeNull()
    // Typed with a Nepali keyboard layout.
    expect(parseInvoiceNumber('१०२४')).toBe(1024)
    expect(parseInvoiceNumber('#७')).toBe(7)
    expect(parseInvoiceNumber('०')).toBeNull()
  })

  it('opens on the invoice when its receipt is scanned at the till, instead of looking for a product', async () => {
    const backend = fakeBackend(CASHIER, { 'invoices:get': () => ok(INVOICE) })
    const state = () => backend.store.getState()
    await state().session.appStarted()
    state().scan.scanTextChanged('INV-1024')
    await state().scan.scanSubmitted()
    expect(backend.inputsOf('invoices:get')).toEqual([{ number: 1024 }])
    expect(backend.inputsOf('catalog:lookup')).toEqual([])
    expect(state().shell.dialog).toBe('finder')
    expect(state().invoices.finderInvoice).toEqual(INVOICE)
  })
})
