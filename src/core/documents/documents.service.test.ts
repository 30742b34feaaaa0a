import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendClient, ClientWindow } from '#core/backend'
import { expectError, ok, openTestStore, readState, withRawDb, type TestStore } from '#core/testing/test-store'

/**
 * A real renderer's PDF is not available under Node: this fixed, tiny PDF stands in for the page
 * (the browser e2e saves a real one from Chromium).
 */
const CARD_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

let store: TestStore
let saveDir: string
/** What main's save dialog answers next, and what it was asked. */
let dialog: { answer: string | null; asked: string[]; wait?: Promise<void> }
/** Every call the fake shell saw, in order: prints and dialogs. */
let events: string[]

function windowShowing(page: string, bytes: Uint8Array = CARD_PDF): ClientWindow {
  return {
    async printToPdf() {
      events.push(`print ${page}`)
      return bytes
    },
  }
}

async function signIn(client: BackendClient, username = 'manager'): Promise<BackendClient> {
  ok(await client.invoke('auth:login', { username, password: username }))
  return client
}

function savedAudit() {
  return withRawDb(store.dbPath, (db) =>
    db.prepare("select actor_name, subject, details from audit_entry where action = 'document.saved' order by id").all(),
  )
}

beforeEach(async () => {
  events = []
  dialog = { answer: null, asked: [] }
  store = await openTestStore({
    files: {
      chooseExportFolder: async () => null,
      chooseImportFile: async () => null,
      async choosePdfDestination(suggestedName) {
        events.push(`dialog ${suggestedName}`)
        dialog.asked.push(suggestedName)
        await dialog.wait
        return dialog.answer
      },
      async chooseCsvDestination(suggestedName) {
        events.push(`csv dialog ${suggestedName}`)
        dialog.asked.push(suggestedName)
        await dialog.wait
        return dialog.answer
      },
    },
  })
  saveDir = join(store.dir, 'usb')
  mkdirSync(saveDir)
})

afterEach(async () => {
  await store.cleanup()
})

describe('documents:savePdf', () => {
  it('prints the calling window first, then asks where, and writes exactly its PDF there, audited', async () => {
    const client = await signIn(store.backend.connect(windowShowing('token card')))
    dialog.answer = join(saveDir, 'Card for Sita.pdf')
    const saved = ok(await client.invoke('documents:savePdf', { suggestedName: 'token-card-1111' }))
    expect(saved).toEqual({ cancelled: false, fileName: 'Card for Sita.pdf', sizeBytes: CARD_PDF.byteLength })
    expect(events).toEqual(['print token card', 'dialog token-card-1111.pdf'])
    expect(readFileSync(join(saveDir, 'Card for Sita.pdf')).equals(CARD_PDF)).toBe(true)
    expect(readdirSync(saveDir)).toEqual(['Card for Sita.pdf'])
    expect(savedAudit()).toEqual([
      {
        actor_name: 'Maya Manager',
        subject: 'Card for Sita.pdf',
        details: JSON.stringify({ kind: 'pdf', sizeBytes: CARD_PDF.byteLength }),
      },
    ])
  })

  it('prints the window that asked, not another one', async () => {
    await signIn(store.backend.connect(windowShowing('register')), 'cashier')
    const asking = await signIn(store.backend.connect(windowShowing('token card', Buffer.from('%PDF-1.7 the card'))))
    dialog.answer = join(saveDir, 'card.pdf')
    ok(await asking.invoke('documents:savePdf', { suggestedName: 'card.PDF' }))
    expect(events).toEqual(['print token card', 'dialog card.PDF'])
    expect(readFileSync(join(saveDir, 'card.pdf'), 'latin1')).toBe('%PDF-1.7 the card')
  })

  it('replaces a file already there in one step', async () => {
    writeFileSync(join(saveDir, 'card.pdf'), 'an older card')
    const client = await signIn(store.backend.connect(windowShowing('token card')))
    dialog.answer = join(saveDir, 'card.pdf')
    ok(await client.invoke('documents:savePdf', { suggestedName: 'card' }))
    expect(readFileSync(join(saveDir, 'card.pdf')).equals(CARD_PDF)).toBe(true)
    expect(readdirSync(saveDir)).toEqual(['card.pdf'])
  })

  it('answers cancelled when the person closes the dialog, and writes nothing', async () => {
    const client = await signIn(store.backend.connect(windowShowing('token card')))
    dialog.answer = null
    expect(ok(await client.invoke('documents:savePdf', { suggestedName: 'card' }))).toEqual({ cancelled: true })
    expect(readdirSync(saveDir)).toEqual([])
    expect(savedAudit()).toEqual([])
  })

  it.each([
    ['a folder that is gone (a USB stick pulled out)', () => join(saveDir, 'gone', 'card.pdf'), 'ENOENT'],
    ['a "folder" that is a file', () => (writeFileSync(join(saveDir, 'notes'), 'x'), join(saveDir, 'notes', 'card.pdf')), 'ENOTDIR'],
    ['a name that is a folder', () => (mkdirSync(join(saveDir, 'card.pdf')), join(saveDir, 'card.pdf')), 'EISDIR'],
  ])('refuses %s with CONFLICT pdfFile, leaving nothing behind', async (_what, destination, code) => {
    const client = await signIn(store.backend.connect(windowShowing('token card')))
    dialog.answer = destination()
    const before = readdirSync(saveDir, { recursive: true })
    const reply = await client.invoke('documents:savePdf', { suggestedName: 'card' })
    expectError(reply, 'CONFLICT')
    expect(reply.ok || reply.error.params).toEqual({ what: 'pdfFile', detail: code })
    expect(readdirSync(saveDir, { recursive: true })).toEqual(before)
    expect(savedAudit()).toEqual([])
  })

  it('holds no database work while the dialog is open: other tills keep selling', async () => {
    const client = await signIn(store.backend.connect(windowShowing('token card')))
    const till = await signIn(store.backend.connect(), 'cashier')
    let closeDialog!: () => void
    dialog.wait = new Promise((resolve) => (closeDialog = resolve))
    dialog.answer = join(saveDir, 'card.pdf')
    const saving = client.invoke('documents:savePdf', { suggestedName: 'card' })
    await expect.poll(() => dialog.asked.length).toBe(1)
    const cart = ok(await till.invoke('cart:add', { productId: 1, quantity: 1 }))
    expect(cart.lines).toHaveLength(1)
    closeDialog()
    expect(ok(await saving)).toMatchObject({ cancelled: false, fileName: 'card.pdf' })
  })

  it('refuses a client without a window (nothing to print), before any dialog', async () => {
    const client = await signIn(store.backend.connect())
    const reply = await client.invoke('documents:savePdf', { suggestedName: 'card' })
    expectError(reply, 'CONFLICT')
    expect(reply.ok || reply.error.params).toEqual({ what: 'pdfFile', detail: 'noWindow' })
    expect(events).toEqual([])
  })

  it('takes no path from the screen: only a plain file name is offered', async () => {
    const client = await signIn(store.backend.connect(windowShowing('token card')))
    for (const suggestedName of ['../../etc/passwd', 'a/b', 'C:\\card', '']) {
      expectError(await client.invoke('documents:savePdf', { suggestedName }), 'VALIDATION_FAILED')
    }
    expect(events).toEqual([])
  })
})

describe('products:exportFile', () => {
  it('asks where first, then writes the catalog’s CSV there, the same file products:export makes, audited', async () => {
    const manager = await signIn(store.backend.connect())
    dialog.answer = join(saveDir, 'catalog.csv')
    const { csv, rows } = ok(await manager.invoke('products:export', {}))
    const saved = ok(await manager.invoke('products:exportFile', {}))
    const bytes = readFileSync(join(saveDir, 'catalog.csv'))
    expect(saved).toEqual({ saved: true, fileName: 'catalog.csv', rows, sizeBytes: bytes.byteLength })
    expect(rows).toBeGreaterThan(50)
    expect(events).toEqual(['csv dialog products.csv'])
    expect(bytes.toString('utf8')).toBe(csv)
    expect(readdirSync(saveDir)).toEqual(['catalog.csv'])
    expect(savedAudit()).toEqual([
      { actor_name: 'Maya Manager', subject: 'catalog.csv', details: JSON.stringify({ kind: 'csv', rows, sizeBytes: bytes.byteLength }) },
    ])
  })

  it('writes the catalog as it is when the person has chosen, not when they clicked', async () => {
    const manager = await signIn(store.backend.connect())
    let closeDialog!: () => void
    dialog.wait = new Promise((resolve) => (closeDialog = resolve))
    dialog.answer = join(saveDir, 'products.csv')
    const saving = manager.invoke('products:exportFile', {})
    await expect.poll(() => dialog.asked.length).toBe(1)
    // The dialog holds no database work: the catalog changes meanwhile.
    ok(await manager.invoke('products:create', { sku: 'LATE-1', name: 'Added while the dialog was open', priceCents: 500 }))
    closeDialog()
    const saved = ok(await saving)
    expect(saved).toMatchObject({ saved: true })
    expect(readFileSync(join(saveDir, 'products.csv'), 'utf8')).toContain('LATE-1,Added while the dialog was open,5.00')
  })

  it('answers saved: false when the person cancels, and reads and writes nothing', async () => {
    const manager = await signIn(store.backend.connect())
    dialog.answer = null
    const before = readState(store.dbPath)
    expect(ok(await manager.invoke('products:exportFile', {}))).toEqual({ saved: false })
    expect(readdirSync(saveDir)).toEqual([])
    expect(readState(store.dbPath)).toEqual(before)
    expect(savedAudit()).toEqual([])
  })

  it.each([
    ['a folder that is gone', () => join(saveDir, 'gone', 'products.csv'), 'ENOENT'],
    ['a "folder" that is a file', () => (writeFileSync(join(saveDir, 'notes'), 'x'), join(saveDir, 'notes', 'products.csv')), 'ENOTDIR'],
    ['a name that is a folder', () => (mkdirSync(join(saveDir, 'products.csv')), join(saveDir, 'products.csv')), 'EISDIR'],
  ])('refuses %s with CONFLICT csvFile, leaving nothing behind', async (_what, destination, code) => {
    const manager = await signIn(store.backend.connect())
    dialog.answer = destination()
    const files = readdirSync(saveDir, { recursive: true })
    const before = readState(store.dbPath)
    const reply = await manager.invoke('products:exportFile', {})
    expectError(reply, 'CONFLICT')
    expect(reply.ok || reply.error.params).toEqual({ what: 'csvFile', detail: code })
    expect(readdirSync(saveDir, { recursive: true })).toEqual(files)
    expect(readState(store.dbPath)).toEqual(before)
    expect(savedAudit()).toEqual([])
  })

  it('is for someone who may manage the catalog: a cashier meets FORBIDDEN before any dialog', async () => {
    const cashier = await signIn(store.backend.connect(), 'cashier')
    dialog.answer = join(saveDir, 'products.csv')
    expectError(await cashier.invoke('products:exportFile', {}), 'FORBIDDEN')
    expect(events).toEqual([])
    expect(readdirSync(saveDir)).toEqual([])
  })
})
