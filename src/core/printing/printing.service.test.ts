import { randomUUID } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PRINTER, type PrinterSettings } from '#shared/contract/printing'
import type { BackendClient } from '#core/backend'
import { expectError, fillCart, ok, openTestStore, signedInClient, TOKENS, withRawDb, type TestStore } from '#core/testing/test-store'

/** ESC p: the drawer pulse. */
const PULSE = Buffer.from([0x1b, 0x70])
/** The encoder's whole pulse: ESC p, pin 2, 100 ms on, 500 ms off, and the line feed it ends with. */
const PULSE_COMMAND = Buffer.from('1b700032fa0a', 'hex')

/** A receipt's bytes as a reprint sends them: the same, without the pulse. */
function withoutPulse(bytes: Buffer): Buffer {
  const at = bytes.indexOf(PULSE_COMMAND)
  expect(at).toBeGreaterThan(0)
  return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + PULSE_COMMAND.length)])
}

let store: TestStore
let till: BackendClient
let manager: BackendClient
const servers: Server[] = []

beforeEach(async () => {
  store = await openTestStore({ printing: { connectTimeoutMs: 2_000, writeTimeoutMs: 1_500 } })
  till = await signedInClient(store.backend)
  manager = await signedInClient(store.backend, 'manager')
})

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
  await store.cleanup()
})

/** A raw 9100 printer: keeps what each connection sent, and closes its side once the till has. */
async function networkPrinter(): Promise<{ port: number; jobs: Buffer[]; next(): Promise<Buffer> }> {
  const jobs: Buffer[] = []
  const waiting: ((job: Buffer) => void)[] = []
  const server = createServer((socket) => {
    const parts: Buffer[] = []
    socket.on('data', (part) => parts.push(part))
    socket.on('end', () => {
      const job = Buffer.concat(parts)
      jobs.push(job)
      socket.end()
      waiting.shift()?.(job)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { port, jobs, next: () => new Promise((resolve) => waiting.push(resolve)) }
}

/** A printer that takes the connection and then reads nothing and never closes (its paper out). */
async function stuckPrinter(): Promise<{ port: number; connections: Socket[] }> {
  const connections: Socket[] = []
  const server = createServer((socket) => {
    socket.pause()
    connections.push(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = server.close.bind(server)
  server.close = ((callback?: (error?: Error) => void) => {
    for (const socket of connections) socket.destroy()
    return close(callback)
  }) as typeof server.close
  return { port: (server.address() as AddressInfo).port, connections }
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function usePrinter(printer: Partial<PrinterSettings>) {
  return ok(await manager.invoke('settings:update', { patch: { printer: { ...DEFAULT_PRINTER, ...printer } } }))
}

async function sellForCash(): Promise<number> {
  const cart = await fillCart(till, [['DEMO-001', 2]])
  const paid = ok(
    await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents + 10_000 },
    }),
  )
  return paid.invoice.id
}

async function sellForToken(): Promise<number> {
  const cart = await fillCart(till, [['DEMO-001', 1]])
  const paid = ok(
    await till.invoke('checkout:pay', {
      idempotencyKey: randomUUID(),
      expectedTotalCents: cart.totalCents,
      payment: { method: 'token', token: TOKENS.rich },
    }),
  )
  return paid.invoice.id
}

async function renderedBytes(invoiceId: number): Promise<Buffer> {
  const reply = ok(await till.invoke('receipts:render', { invoiceId, format: 'escpos', columns: 42 }))
  if (!('bytesBase64' in reply)) throw new Error('expected bytes')
  return Buffer.from(reply.bytesBase64, 'base64')
}

async function renderedText(invoiceId: number): Promise<string> {
  const reply = ok(await till.invoke('receipts:render', { invoiceId, format: 'text', columns: 42 }))
  if (!('text' in reply)) throw new Error('expected text')
  return reply.text
}

describe('printing:print to a network printer', () => {
  it('sends exactly the receipt’s bytes, opening the drawer once after a cash sale and never on a reprint', async () => {
    const printer = await networkPrinter()
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port })
    const invoiceId = await sellForCash()
    const expected = await renderedBytes(invoiceId)
    expect(expected.includes(PULSE)).toBe(true)

    const received = printer.next()
    expect(ok(await till.invoke('printing:print', { invoiceId, afterSale: true }))).toEqual({ printed: true, kind: 'network' })
    expect((await received).equals(expected)).toBe(true)

    // Asked again, after the sale or as a reprint: the same receipt without the pulse.
    expect(ok(await till.invoke('printing:print', { invoiceId, afterSale: true }))).toEqual({ printed: true, kind: 'network' })
    expect(ok(await till.invoke('printing:print', { invoiceId }))).toEqual({ printed: true, kind: 'network' })
    expect(printer.jobs).toHaveLength(3)
    for (const reprint of printer.jobs.slice(1)) {
      expect(reprint.includes(PULSE)).toBe(false)
      expect(reprint.equals(withoutPulse(expected))).toBe(true)
    }
  })

  it('never opens the drawer for a sale without cash, nor when the store turned it off', async () => {
    const printer = await networkPrinter()
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port })
    const tokenSale = await sellForToken()
    ok(await till.invoke('printing:print', { invoiceId: tokenSale, afterSale: true }))
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port, openDrawer: false })
    const cashSale = await sellForCash()
    ok(await till.invoke('printing:print', { invoiceId: cashSale, afterSale: true }))
    expect(printer.jobs.map((job) => job.includes(PULSE))).toEqual([false, false])
  })

  it('reports a printer that refuses the connection with the system’s code, ECONNREFUSED', async () => {
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: await closedPort() })
    const invoiceId = await sellForCash()
    const reply = await till.invoke('printing:print', { invoiceId, afterSale: true })
    expectError(reply, 'PRINT_FAILED')
    expect(!reply.ok && reply.error.params).toEqual({ kind: 'network', detail: 'ECONNREFUSED' })
  })

  it('gives up on a printer that takes the connection but never the receipt: PRINT_FAILED timeout', async () => {
    const printer = await stuckPrinter()
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port })
    const invoiceId = await sellForCash()
    const reply = await till.invoke('printing:print', { invoiceId })
    expect(printer.connections).toHaveLength(1)
    expect(!reply.ok && reply.error).toMatchObject({ code: 'PRINT_FAILED', params: { kind: 'network', detail: 'timeout' } })
  })

  it('never delays a sale: a payment made while a stuck printer holds a print is answered first', async () => {
    const printer = await stuckPrinter()
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port })
    const first = await sellForCash()
    const order: string[] = []
    const printing = till.invoke('printing:print', { invoiceId: first }).then((reply) => {
      order.push('print')
      return reply
    })
    // The print has its connection (and has rendered the receipt) before the next sale starts.
    await expect.poll(() => printer.connections.length).toBe(1)
    const second = await sellForCash()
    order.push('sale')
    expect(second).toBeGreaterThan(first)
    expectError(await printing, 'PRINT_FAILED')
    expect(order).toEqual(['sale', 'print'])
  })
})

describe('printing:print to a file, a serial port and the system printer', () => {
  it('writes the receipt’s bytes and its text to printed-receipts/ in the data folder, named by day and number', async () => {
    await usePrinter({ kind: 'file' })
    const invoiceId = await sellForCash()
    const { number } = ok(await till.invoke('invoices:get', { id: invoiceId }))
    expect(ok(await till.invoke('printing:print', { invoiceId }))).toEqual({ printed: true, kind: 'file' })
    const dir = join(store.dir, 'printed-receipts')
    const name = `2026-03-15-sale-${number}`
    expect(readdirSync(dir).sort()).toEqual([`${name}.bin`, `${name}.txt`])
    expect(readFileSync(join(dir, `${name}.bin`)).equals(withoutPulse(await renderedBytes(invoiceId)))).toBe(true)
    expect(readFileSync(join(dir, `${name}.txt`), 'utf8')).toBe(await renderedText(invoiceId))
  })

  it('writes the bytes to the serial device, never to an ordinary file, and names a device that is not there', async () => {
    // A FIFO stands in for the port. The test holds it open too, so what the till writes waits in it to be read.
    const device = join(store.dir, 'ttyFAKE0')
    execFileSync('mkfifo', [device])
    const pipe = openSync(device, 'r+')
    try {
      await usePrinter({ kind: 'serial', device })
      const invoiceId = await sellForCash()
      const expected = await renderedBytes(invoiceId)
      expect(ok(await till.invoke('printing:print', { invoiceId, afterSale: true }))).toEqual({ printed: true, kind: 'serial' })
      const got = Buffer.alloc(expected.length)
      for (let read = 0; read < got.length;) read += readSync(pipe, got, read, got.length - read, null)
      expect(got.equals(expected)).toBe(true)
    } finally {
      closeSync(pipe)
    }
    const invoiceId = await sellForCash()

    // A setting that names an ordinary file (the books, say) is refused and the file left as it was.
    const ordinary = join(store.dir, 'notes.txt')
    writeFileSync(ordinary, 'keep me')
    await usePrinter({ kind: 'serial', device: ordinary })
    const refused = await till.invoke('printing:print', { invoiceId })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'PRINT_FAILED', params: { kind: 'serial', detail: 'notADevice' } })
    expect(readFileSync(ordinary, 'utf8')).toBe('keep me')

    const missing = join(store.dir, 'ttyUSB9')
    await usePrinter({ kind: 'serial', device: missing })
    const reply = await till.invoke('printing:print', { invoiceId })
    expect(!reply.ok && reply.error).toMatchObject({ code: 'PRINT_FAILED', params: { kind: 'serial', detail: 'ENOENT' } })
    // A device is never created: the print did not leave a file where the port should be.
    expect(existsSync(missing)).toBe(false)
  })

  it('prints through the calling window on a system printer, and refuses where the client has no window that prints', async () => {
    await usePrinter({ kind: 'system', systemName: 'Counter Printer' })
    const invoiceId = await sellForCash()
    const noWindow = await till.invoke('printing:print', { invoiceId })
    expect(!noWindow.ok && noWindow.error).toMatchObject({ code: 'PRINT_FAILED', params: { kind: 'system', detail: 'noWindow' } })

    const asked: { deviceName: string }[] = []
    const window = {
      printToPdf: async () => new Uint8Array(),
      printReceipt: async (options: { deviceName: string }) => {
        asked.push(options)
        if (asked.length > 1) throw new Error('Invalid deviceName provided')
      },
    }
    const shell = store.backend.connect(window)
    ok(await shell.invoke('auth:login', { username: 'cashier', password: 'cashier' }))
    expect(ok(await shell.invoke('printing:print', { invoiceId }))).toEqual({ printed: true, kind: 'system' })
    const refused = await shell.invoke('printing:print', { invoiceId })
    expect(!refused.ok && refused.error.params).toEqual({ kind: 'system', detail: 'Invalid deviceName provided' })
    expect(asked).toEqual([{ deviceName: 'Counter Printer' }, { deviceName: 'Counter Printer' }])
  })

  it('says clearly that no printer is set up, and NOT_FOUND for a sale that does not exist', async () => {
    const reply = await till.invoke('printing:print', { invoiceId: 1 })
    expect(!reply.ok && reply.error).toMatchObject({ code: 'PRINT_FAILED', params: { kind: 'none', detail: 'notConfigured' } })
    await usePrinter({ kind: 'file' })
    expectError(await till.invoke('printing:print', { invoiceId: 999_999 }), 'NOT_FOUND')
    expect(existsSync(join(store.dir, 'printed-receipts'))).toBe(false)
  })
})

describe('printing:test', () => {
  it('prints the store’s name and the printer’s settings, for a manager only', async () => {
    const printer = await networkPrinter()
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: printer.port, code: 'qr', columns: 32 })
    expectError(await till.invoke('printing:test', {}), 'FORBIDDEN')
    const { storeName } = ok(await manager.invoke('settings:get', {}))
    const received = printer.next()
    expect(ok(await manager.invoke('printing:test', {}))).toEqual({ printed: true, kind: 'network' })
    const text = (await received).toString('latin1')
    expect(text).toContain(storeName)
    expect(text).toContain(`Where: 127.0.0.1:${printer.port}`)
    expect(text).toContain('Columns: 32')
    expect(text).toContain('Code: QR')
  })

  it('answers the printer’s own error when it is missing', async () => {
    await usePrinter({ kind: 'network', host: '127.0.0.1', port: await closedPort() })
    const reply = await manager.invoke('printing:test', {})
    expect(!reply.ok && reply.error.params).toEqual({ kind: 'network', detail: 'ECONNREFUSED' })
  })
})

describe('the printer setting', () => {
  const auditRows = () =>
    withRawDb(store.dbPath, (db) => db.prepare("select details from audit_entry where action = 'settings.updated'").all())

  it('refuses a network printer without a host or with a bad port, a serial printer without a device, and changes nothing', async () => {
    const before = ok(await manager.invoke('settings:get', {}))
    const audits = auditRows().length
    for (const printer of [
      { kind: 'network', host: '' },
      { kind: 'network', host: 'printer one' },
      { kind: 'network', host: '10.0.0.5', port: 0 },
      { kind: 'network', host: '10.0.0.5', port: 70_000 },
      { kind: 'serial', device: 'ttyUSB0' },
      { kind: 'system', systemName: '  ' },
      { kind: 'network', host: '10.0.0.5', codepage: 'utf8' },
      { kind: 'network', host: '10.0.0.5', columns: 40 },
    ] as const) {
      const reply = await manager.invoke('settings:update', { patch: { printer: { ...DEFAULT_PRINTER, ...printer } as PrinterSettings } })
      expectError(reply, 'VALIDATION_FAILED')
    }
    expect(ok(await manager.invoke('settings:get', {}))).toEqual(before)
    expect(auditRows()).toHaveLength(audits)
    expect(ok(await till.invoke('app:info', {})).printAfterSale).toBe(false)
  })

  it('keeps a valid printer, audited with its value before and after, and tells the till to print after every sale', async () => {
    const printer = { ...DEFAULT_PRINTER, kind: 'network', host: 'counter.local', printAfterSale: true } as const
    expect(ok(await manager.invoke('settings:update', { patch: { printer } })).printer).toEqual({ ...printer, port: 9100 })
    expect(ok(await till.invoke('app:info', {})).printAfterSale).toBe(true)
    const [row] = auditRows().slice(-1) as { details: string }[]
    expect(JSON.parse(row!.details)).toMatchObject({
      'before.printer': JSON.stringify(DEFAULT_PRINTER),
      'after.printer': JSON.stringify(printer),
    })
    // Reopened, the till reads the same printer back.
    await store.reopen()
    const again = await signedInClient(store.backend, 'manager')
    expect(ok(await again.invoke('settings:get', {})).printer).toEqual(printer)
  })
})
