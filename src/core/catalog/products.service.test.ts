/**
 * The back office's products and categories through `invoke`: create, edit, archive, the rules on
 * SKUs and barcodes, prices and sales, and every refusal changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '#shared/ipc/contract'
import type { BackendClient } from '#core/backend'
import { catalogState, makeProduct, sell } from '#core/testing/product-factory'
import { auditRows } from '#core/testing/audit-trail'
import { expectError, ok, openTestStore, readState, signedInClient, type TestStore, withRawDb } from '#core/testing/test-store'

let store: TestStore
let manager: BackendClient
let cashier: BackendClient

beforeAll(async () => {
  store = await openTestStore()
  ;[manager, cashier] = await Promise.all([signedInClient(store.backend, 'manager'), signedInClient(store.backend, 'cashier')])
})

afterAll(async () => {
  await store.cleanup()
})

describe('products:create', () => {
  it('makes a product with its category, tags and threshold, and records the opening stock as its first movement', async () => {
    const dairy = ok(await manager.invoke('categories:create', { name: 'Chilled' }))
    const product = ok(
      await manager.invoke('products:create', {
        sku: 'CHL-001',
        name: 'Yak Cheese 250g',
        priceCents: 42_500,
        barcode: '4290009000011',
        categoryId: dairy.id,
        tags: [' local ', 'Himalayan', 'LOCAL', 'cheese'],
        lowStockAt: 3,
        openingStock: 12,
      }),
    )
    expect(product).toMatchObject({
      sku: 'CHL-001',
      name: 'Yak Cheese 250g',
      priceCents: 42_500,
      barcode: '4290009000011',
      stock: 12,
      category: { id: dairy.id, name: 'Chilled' },
      tags: ['local', 'Himalayan', 'cheese'],
      images: [],
      imageFile: null,
      lowStockAt: 3,
      low: false,
      archived: false,
      createdAt: store.clock.now.toISOString(),
    })
    expect(ok(await manager.invoke('products:get', { id: product.id }))).toEqual(product)

    withRawDb(store.dbPath, (db) => {
      expect(db.prepare('select tags from product where id = ?').get(product.id)).toEqual({ tags: 'local|Himalayan|cheese' })
      expect(db.prepare('select tag from product_tag where product_id = ? order by rowid').all(product.id)).toEqual([
        { tag: 'local' },
        { tag: 'Himalayan' },
        { tag: 'cheese' },
      ])
      const movement = db
        .prepare('select delta_qty, reason, stock_after, user_id, note, uid, till_id from stock_movement where product_id = ?')
        .all(product.id) as { uid: string; till_id: string }[]
      expect(movement).toEqual([expect.objectContaining({ delta_qty: 12, reason: 'initial', stock_after: 12, user_id: 2, note: null })])
      expect(movement[0]!.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
      expect(movement[0]!.till_id).toBe(db.prepare("select value from setting where key = 'tillId'").pluck().get())
    })
    expect(auditRows(store.dbPath, 'CHL-001').map((row) => [row.action, row.actor_name])).toEqual([['product.created', 'Maya Manager']])

    // The till finds it at once: by barcode, by SKU, and by a tag word.
    expect(ok(await cashier.invoke('catalog:lookup', { code: '4290009000011' })).id).toBe(product.id)
    expect(ok(await cashier.invoke('catalog:lookup', { code: 'chl-001' })).id).toBe(product.id)
    const found = ok(await cashier.invoke('catalog:search', { query: 'himalayan' }))
    expect(found.items.map((item) => item.id)).toEqual([product.id])
  })

  it('without opening stock makes an empty product with no movement', async () => {
    const product = await makeProduct(manager)
    expect(product).toMatchObject({ stock: 0, tags: [], category: null, barcode: null, lowStockAt: null, low: true })
    expect(
      withRawDb(store.dbPath, (db) => db.prepare('select count(*) from stock_movement where product_id = ?').pluck().get(product.id)),
    ).toBe(0)
  })

  it.each(['sku', 'barcode'] as const)('refuses a %s another product has, naming that product, and changes nothing', async (what) => {
    const other = await makeProduct(manager, { name: 'Gorkha Beer 650ml', barcode: `42900090${what === 'sku' ? '10' : '20'}017` })
    const before = catalogState(store.dbPath)
    const taken = what === 'sku' ? other.sku : other.barcode!
    const reply = await manager.invoke('products:create', {
      sku: what === 'sku' ? taken : 'FRESH-SKU',
      barcode: what === 'barcode' ? taken : null,
      name: 'Copy',
      priceCents: 1,
      openingStock: 5,
    })
    expectError(reply, 'CONFLICT')
    if (!reply.ok) {
      expect(reply.error.params).toEqual({
        what,
        value: taken,
        productId: other.id,
        productSku: other.sku,
        productName: 'Gorkha Beer 650ml',
      })
    }
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('turns a unique index that says no after the check (another writer got there first) into the same CONFLICT', async () => {
    const product = await makeProduct(manager)
    // A trigger plays the other writer: between the check and the write of the new SKU, the edit's
    // tags go in first, and with them a product that takes the SKU.
    withRawDb(store.dbPath, (db) =>
      db.exec(`create trigger test_racer after insert on product_tag when new.tag = 'race'
        begin insert into product (sku, name, price_cents, stock, created_at, updated_at) values ('RACE-1', 'Racer', 1, 0, 'x', 'x'); end`),
    )
    try {
      const before = catalogState(store.dbPath)
      const reply = await manager.invoke('products:update', { id: product.id, sku: 'RACE-1', tags: ['race'] })
      expectError(reply, 'CONFLICT')
      if (!reply.ok) expect(reply.error.params).toMatchObject({ what: 'sku', value: 'RACE-1', productSku: 'RACE-1', productName: 'Racer' })
      // The racer was rolled back with the edit: this transaction wrote both.
      expect(catalogState(store.dbPath)).toEqual(before)
    } finally {
      withRawDb(store.dbPath, (db) => db.exec('drop trigger test_racer'))
    }
  })

  it('refuses a category that does not exist, changing nothing', async () => {
    const before = catalogState(store.dbPath)
    const reply = await manager.invoke('products:create', { sku: 'NO-CAT', name: 'x', priceCents: 1, categoryId: 999_999 })
    expectError(reply, 'NOT_FOUND')
    if (!reply.ok) expect(reply.error.params).toEqual({ what: 'category', id: 999_999 })
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('is a manager’s: a cashier is refused', async () => {
    const before = catalogState(store.dbPath)
    expectError(await cashier.invoke('products:create', { sku: 'CASHIER', name: 'x', priceCents: 1 }), 'FORBIDDEN')
    expect(catalogState(store.dbPath)).toEqual(before)
  })
})

describe('products:update', () => {
  it('changes only the fields given, clears the ones given as null, and is audited with what changed', async () => {
    const category = ok(await manager.invoke('categories:create', { name: 'Frozen' }))
    const product = await makeProduct(manager, { barcode: '4290009000301', categoryId: category.id, tags: ['a', 'b'], lowStockAt: 4 })
    store.clock.now = new Date(store.clock.now.getTime() + 60_000)
    try {
      const updated = ok(
        await manager.invoke('products:update', { id: product.id, name: 'Renamed', barcode: null, categoryId: null, tags: [] }),
      )
      expect(updated).toEqual({
        ...product,
        name: 'Renamed',
        barcode: null,
        category: null,
        tags: [],
        updatedAt: store.clock.now.toISOString(),
      })
      const again = ok(await manager.invoke('products:update', { id: product.id, lowStockAt: null }))
      expect(again).toMatchObject({ lowStockAt: null, low: true })
      withRawDb(store.dbPath, (db) => {
        expect(db.prepare('select tags from product where id = ?').pluck().get(product.id)).toBeNull()
        expect(db.prepare('select count(*) from product_tag where product_id = ?').pluck().get(product.id)).toBe(0)
      })
      const audits = auditRows(store.dbPath, product.sku).filter((row) => row.action === 'product.updated')
      expect(audits.map((row) => JSON.parse(row.details).changed)).toEqual(['barcode,name,categoryId,tags', 'lowStockAt'])
    } finally {
      store.clock.now = new Date(store.clock.now.getTime() - 60_000)
    }
  })

  it('writes nothing when nothing changes', async () => {
    const product = await makeProduct(manager, { tags: ['x', 'Y'], barcode: '4290009000509' })
    const before = catalogState(store.dbPath)
    const same = { name: product.name, tags: [' x', 'Y', 'y'], priceCents: product.priceCents, barcode: product.barcode, categoryId: null }
    expect(ok(await manager.invoke('products:update', { id: product.id, ...same }))).toEqual(product)
    expect(catalogState(store.dbPath)).toEqual(before)
    // A tag typed again in other letters takes the new spelling.
    expect(ok(await manager.invoke('products:update', { id: product.id, tags: ['X', 'Y'] })).tags).toEqual(['X', 'Y'])
  })

  it.each(['sku', 'barcode'] as const)('refuses a %s another product has, naming it, and changes nothing', async (what) => {
    const other = await makeProduct(manager, { barcode: `42900094${what === 'sku' ? '1' : '2'}0001`, name: 'Other one' })
    const product = await makeProduct(manager, { barcode: `42900095${what === 'sku' ? '1' : '2'}0001` })
    const before = catalogState(store.dbPath)
    const value = what === 'sku' ? other.sku : other.barcode!
    const reply = await manager.invoke('products:update', { id: product.id, [what]: value, name: 'Not this either' })
    expectError(reply, 'CONFLICT')
    if (!reply.ok) expect(reply.error.params).toEqual({ what, value, productId: other.id, productSku: other.sku, productName: 'Other one' })
    expect(catalogState(store.dbPath)).toEqual(before)
    // Its own SKU and barcode are no conflict.
    ok(await manager.invoke('products:update', { id: product.id, sku: product.sku, barcode: product.barcode }))
  })

  it('answers NOT_FOUND for a product or a category that is not there, changing nothing', async () => {
    const product = await makeProduct(manager)
    const before = catalogState(store.dbPath)
    const missing = await manager.invoke('products:update', { id: 999_999, name: 'x' })
    expectError(missing, 'NOT_FOUND')
    if (!missing.ok) expect(missing.error.params).toEqual({ what: 'product', productId: 999_999 })
    expectError(await manager.invoke('products:update', { id: product.id, name: 'changed', categoryId: 999_999 }), 'NOT_FOUND')
    expectError(await manager.invoke('products:get', { id: 999_999 }), 'NOT_FOUND')
    expect(catalogState(store.dbPath)).toEqual(before)
  })
})

describe('a price change', () => {
  it('never alters a past invoice: its lines keep the price they were sold at', async () => {
    const product = await makeProduct(manager, { name: 'Mustang Coffee 200g', priceCents: 40_000, openingStock: 10 })
    const sale = await sell(cashier, product.id, 2)
    expect(sale.invoice.totalCents).toBe(80_000)

    ok(await manager.invoke('products:update', { id: product.id, priceCents: 55_000, name: 'Mustang Coffee 250g' }))

    const invoice = ok(await cashier.invoke('invoices:get', { number: sale.invoice.number }))
    expect(invoice.totalCents).toBe(80_000)
    expect(invoice.lines).toEqual([
      expect.objectContaining({
        productId: product.id,
        name: 'Mustang Coffee 200g',
        unitPriceCents: 40_000,
        quantity: 2,
        subAmountCents: 80_000,
      }),
    ])
    // The next sale is at the new price.
    const next = await sell(cashier, product.id, 1)
    expect(next.invoice.lines[0]).toMatchObject({ unitPriceCents: 55_000, name: 'Mustang Coffee 250g' })
    const audit = auditRows(store.dbPath, product.sku).find((row) => row.action === 'product.updated')!
    expect(JSON.parse(audit.details)).toMatchObject({ fromPriceCents: 40_000, toPriceCents: 55_000 })
  })
})

describe('archiving', () => {
  it('takes a product out of the till (lookup, search, cart) and bringing it back sells it again', async () => {
    const product = await makeProduct(manager, { name: 'Archivable Ghee 1L', barcode: '4290009000400', openingStock: 5 })
    const archived = ok(await manager.invoke('products:archive', { id: product.id }))
    expect(archived).toMatchObject({ archived: true, stock: 5 })

    expectError(await cashier.invoke('catalog:lookup', { code: '4290009000400' }), 'NOT_FOUND')
    expect(ok(await cashier.invoke('catalog:search', { query: 'archivable' })).items).toEqual([])
    const before = readState(store.dbPath)
    const added = await cashier.invoke('cart:add', { productId: product.id, quantity: 1 })
    expectError(added, 'NOT_FOUND')
    if (!added.ok) expect(added.error.params).toEqual({ what: 'product', productId: product.id })
    expectError(await cashier.invoke('cart:setQuantity', { productId: product.id, quantity: 2 }), 'NOT_FOUND')
    expect(readState(store.dbPath)).toEqual(before)

    // Archiving again changes nothing; the back office still has it.
    const state = catalogState(store.dbPath)
    expect(ok(await manager.invoke('products:archive', { id: product.id }))).toEqual(archived)
    expect(catalogState(store.dbPath)).toEqual(state)

    expect(ok(await manager.invoke('products:unarchive', { id: product.id }))).toMatchObject({ archived: false })
    expect(ok(await cashier.invoke('catalog:lookup', { code: '4290009000400' })).id).toBe(product.id)
    expect((await sell(cashier, product.id, 1)).invoice.lines[0]!.productId).toBe(product.id)
    expect(auditRows(store.dbPath, product.sku).map((row) => row.action)).toEqual([
      'product.created',
      'product.archived',
      'product.unarchived',
    ])
  })

  it('after a product went into a cart, refuses the sale (NOT_FOUND product) and changes nothing; the line can be removed', async () => {
    const product = await makeProduct(manager, { openingStock: 5 })
    const other = await makeProduct(manager, { openingStock: 5 })
    ok(await cashier.invoke('cart:add', { productId: other.id, quantity: 1 }))
    const cart = ok(await cashier.invoke('cart:add', { productId: product.id, quantity: 2 }))
    ok(await manager.invoke('products:archive', { id: product.id }))

    const before = readState(store.dbPath)
    const paid = await cashier.invoke('checkout:pay', {
      idempotencyKey: '5a1e0000-0000-4000-8000-00000000a1c0',
      expectedTotalCents: cart.totalCents,
      payment: { method: 'cash', tenderedCents: cart.totalCents },
    })
    expectError(paid, 'NOT_FOUND')
    if (!paid.ok) expect(paid.error.params).toEqual({ what: 'product', productId: product.id })
    expect(readState(store.dbPath)).toEqual(before)

    const left = ok(await cashier.invoke('cart:remove', { productId: product.id }))
    expect(left.lines.map((line) => line.productId)).toEqual([other.id])
    const sale = ok(
      await cashier.invoke('checkout:pay', {
        idempotencyKey: '5a1e0000-0000-4000-8000-00000000a1c1',
        expectedTotalCents: left.totalCents,
        payment: { method: 'cash', tenderedCents: left.totalCents },
      }),
    )
    expect(sale.invoice.lines.map((line) => line.productId)).toEqual([other.id])
  })

  it('answers NOT_FOUND for a product that is not there', async () => {
    expectError(await manager.invoke('products:archive', { id: 999_999 }), 'NOT_FOUND')
    expectError(await manager.invoke('products:unarchive', { id: 999_999 }), 'NOT_FOUND')
  })
})

describe('a sold product', () => {
  it('is never deleted: no channel deletes a product, and the books refuse to lose one', async () => {
    expect(CHANNELS.filter((channel) => /delete|remove|purge|drop/i.test(channel)).sort()).toEqual([
      'cart:remove',
      'cart:removePromo',
      'products:removeImage',
    ])
    const product = await makeProduct(manager, { openingStock: 3 })
    await sell(cashier, product.id, 1)
    withRawDb(store.dbPath, (db) => {
      expect(() => db.prepare('delete from product where id = ?').run(product.id)).toThrow(/FOREIGN KEY/)
    })
  })
})

describe('products:tags', () => {
  it('lists every tag in use with its products, spellings of one tag counted as one', async () => {
    const before = ok(await manager.invoke('products:tags', {})).items
    const count = (items: { tag: string; productCount: number }[], tag: string) =>
      items.find((item) => item.tag.toLowerCase() === tag)?.productCount ?? 0
    await makeProduct(manager, { tags: ['Organic', 'tagtest'] })
    await makeProduct(manager, { tags: ['organic'] })
    const after = ok(await manager.invoke('products:tags', {})).items
    expect(count(after, 'organic')).toBe(count(before, 'organic') + 2)
    expect(count(after, 'tagtest')).toBe(1)
    expect(after.map((item) => item.tag.toLowerCase())).toEqual([...after.map((item) => item.tag.toLowerCase())].sort())
  })
})

describe('categories', () => {
  it('lists A to Z with how many products each holds', async () => {
    const spices = ok(await manager.invoke('categories:create', { name: 'aaa Spices' }))
    await makeProduct(manager, { categoryId: spices.id })
    await makeProduct(manager, { categoryId: spices.id })
    const items = ok(await manager.invoke('categories:list', {})).items
    expect(items.find((item) => item.id === spices.id)).toEqual({ id: spices.id, name: 'aaa Spices', productCount: 2 })
    const names = items.map((item) => item.name.toLowerCase())
    expect(names).toEqual([...names].sort())
    // The demo's shelves are there too.
    expect(items.find((item) => item.name === 'Dairy')?.productCount).toBe(4)
  })

  it('refuses a name in use, ignoring case and spaces, naming the one that has it, and changes nothing', async () => {
    const before = catalogState(store.dbPath)
    const reply = await manager.invoke('categories:create', { name: '  dAiRy ' })
    expectError(reply, 'CONFLICT')
    if (!reply.ok) expect(reply.error.params).toEqual({ what: 'category', name: 'Dairy' })
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('renames one (its products follow), may change only its case, and refuses another’s name or an unknown id', async () => {
    const category = ok(await manager.invoke('categories:create', { name: 'Cleaning' }))
    const product = await makeProduct(manager, { categoryId: category.id })
    expect(ok(await manager.invoke('categories:update', { id: category.id, name: 'Home Care' }))).toEqual({
      id: category.id,
      name: 'Home Care',
      productCount: 1,
    })
    expect(ok(await manager.invoke('products:get', { id: product.id })).category).toEqual({ id: category.id, name: 'Home Care' })
    expect(ok(await manager.invoke('categories:update', { id: category.id, name: 'HOME care' })).name).toBe('HOME care')

    const before = catalogState(store.dbPath)
    expectError(await manager.invoke('categories:update', { id: category.id, name: 'noodles' }), 'CONFLICT')
    const missing = await manager.invoke('categories:update', { id: 999_999, name: 'Anything' })
    expectError(missing, 'NOT_FOUND')
    if (!missing.ok) expect(missing.error.params).toEqual({ what: 'category', id: 999_999 })
    expect(catalogState(store.dbPath)).toEqual(before)
    expect(auditRows(store.dbPath, 'HOME care').map((row) => row.action)).toEqual(['category.updated'])
  })
})

describe('a product’s taxes', () => {
  const vatId = () => withRawDb(store.dbPath, (db) => db.prepare("select id from tax_rate where name_key = 'vat'").pluck().get() as number)
  const taxRows = (productId: number) =>
    withRawDb(store.dbPath, (db) =>
      db.prepare('select tax_rate_id from product_tax where product_id = ? order by tax_rate_id').pluck().all(productId),
    )

  it('a new product without taxes gets the store’s default ones that are switched on', async () => {
    const levy = ok(await manager.invoke('taxes:create', { name: 'Default levy', rateBps: 200, included: false }))
    const gone = ok(await manager.invoke('taxes:create', { name: 'Default but off', rateBps: 300, included: false }))
    ok(await manager.invoke('settings:update', { patch: { defaultTaxRateIds: [levy.id, vatId(), gone.id] } }))
    ok(await manager.invoke('taxes:update', { id: gone.id, active: false }))
    try {
      const product = await makeProduct(manager)
      expect(product.taxRateIds).toEqual([vatId(), levy.id].sort((a, b) => a - b))
      expect(taxRows(product.id)).toEqual(product.taxRateIds)
      expect(JSON.parse(auditRows(store.dbPath, product.sku)[0]!.details)).toMatchObject({ taxRateIds: `${levy.id},${vatId()}` })
      // Given taxes (none among them) are what it gets.
      expect((await makeProduct(manager, { taxRateIds: [] })).taxRateIds).toEqual([])
      expect((await makeProduct(manager, { taxRateIds: [levy.id, levy.id] })).taxRateIds).toEqual([levy.id])
    } finally {
      ok(await manager.invoke('settings:update', { patch: { defaultTaxRateIds: [vatId()] } }))
    }
    // The demo's products all carry VAT, and so does a product made with the demo's default.
    expect((await makeProduct(manager)).taxRateIds).toEqual([vatId()])
    const milk = ok(await manager.invoke('products:list', { query: 'DEMO-001' })).items[0]!
    expect(milk.taxRateIds).toEqual([vatId()])
  })

  it('refuses an unknown or switched-off tax on a new product, writing nothing', async () => {
    const off = ok(await manager.invoke('taxes:create', { name: 'Create refused off', rateBps: 100, included: false }))
    ok(await manager.invoke('taxes:update', { id: off.id, active: false }))
    for (const [taxRateIds, rule] of [
      [[vatId(), 999_999], 'unknownTaxRate'],
      [[off.id], 'inactiveTaxRate'],
    ] as const) {
      const before = catalogState(store.dbPath)
      const reply = await manager.invoke('products:create', {
        sku: 'TAX-REFUSED',
        name: 'x',
        priceCents: 1,
        taxRateIds: [...taxRateIds],
        openingStock: 3,
      })
      expectError(reply, 'VALIDATION_FAILED')
      if (!reply.ok) expect(reply.error.params).toEqual({ rule, field: 'taxRateIds' })
      expect(catalogState(store.dbPath)).toEqual(before)
    }
    const before = catalogState(store.dbPath)
    const tooMany = Array.from({ length: 11 }, (_, index) => index + 1)
    expectError(
      await manager.invoke('products:create', { sku: 'TAX-MANY', name: 'x', priceCents: 1, taxRateIds: tooMany }),
      'VALIDATION_FAILED',
    )
    expectError(
      await manager.invokeUnknown('products:create', { sku: 'TAX-ZERO', name: 'x', priceCents: 1, taxRateIds: [0] }),
      'VALIDATION_FAILED',
    )
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('refuses a SKU or barcode shaped like a token card’s code (the till reads such a scan as the card), changing nothing', async () => {
    const before = catalogState(store.dbPath)
    const token = ' 11111111-1111-4111-8111-111111111111 '
    for (const fields of [{ sku: token }, { sku: 'TOKEN-LIKE', barcode: token.trim().toUpperCase() }]) {
      const reply = await manager.invoke('products:create', { name: 'x', priceCents: 1, ...fields })
      expectError(reply, 'VALIDATION_FAILED')
      expect(!reply.ok && reply.error.params).toMatchObject({ rule: 'schema', field: Object.keys(fields).at(-1) })
    }
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('replaces a product’s taxes on an edit, audited from and to; the same taxes again write nothing', async () => {
    const levy = ok(await manager.invoke('taxes:create', { name: 'Edit levy', rateBps: 500, included: false }))
    const product = await makeProduct(manager, { taxRateIds: [vatId()] })
    const updated = ok(await manager.invoke('products:update', { id: product.id, taxRateIds: [levy.id, vatId()] }))
    expect(updated.taxRateIds).toEqual([vatId(), levy.id].sort((a, b) => a - b))
    expect(ok(await manager.invoke('products:get', { id: product.id }))).toEqual(updated)
    const audit = auditRows(store.dbPath, product.sku).filter((row) => row.action === 'product.updated')
    expect(JSON.parse(audit.at(-1)!.details)).toMatchObject({
      changed: 'taxRateIds',
      fromTaxRateIds: `${vatId()}`,
      toTaxRateIds: updated.taxRateIds.join(','),
    })

    const before = catalogState(store.dbPath)
    expect(ok(await manager.invoke('products:update', { id: product.id, taxRateIds: [vatId(), levy.id, levy.id] }))).toEqual(updated)
    expect(catalogState(store.dbPath)).toEqual(before)

    expect(ok(await manager.invoke('products:update', { id: product.id, taxRateIds: [] })).taxRateIds).toEqual([])
    expect(taxRows(product.id)).toEqual([])
    // A product listed among others: its tax count follows.
    expect(ok(await manager.invoke('taxes:list', {})).items.find((item) => item.id === levy.id)?.productCount).toBe(0)
  })

  it('keeps a switched-off tax a product already lists, but refuses adding one anew or an unknown one, writing nothing', async () => {
    const old = ok(await manager.invoke('taxes:create', { name: 'Old levy', rateBps: 400, included: false }))
    const other = ok(await manager.invoke('taxes:create', { name: 'Other old levy', rateBps: 400, included: false }))
    const product = await makeProduct(manager, { taxRateIds: [old.id] })
    const bare = await makeProduct(manager, { taxRateIds: [] })
    ok(await manager.invoke('taxes:update', { id: old.id, active: false }))
    ok(await manager.invoke('taxes:update', { id: other.id, active: false }))

    // The form sends the product's taxes back with any other change: the switched-off one may stay.
    expect(
      ok(await manager.invoke('products:update', { id: product.id, name: 'Still old', taxRateIds: [old.id, vatId()] })).taxRateIds,
    ).toEqual([vatId(), old.id].sort((a, b) => a - b))
    for (const [id, taxRateIds, rule] of [
      [bare.id, [old.id], 'inactiveTaxRate'],
      [product.id, [old.id, other.id], 'inactiveTaxRate'],
      [product.id, [999_999], 'unknownTaxRate'],
    ] as const) {
      const before = catalogState(store.dbPath)
      const reply = await manager.invoke('products:update', { id, name: 'Never saved', taxRateIds: [...taxRateIds] })
      expectError(reply, 'VALIDATION_FAILED')
      if (!reply.ok) expect(reply.error.params).toEqual({ rule, field: 'taxRateIds' })
      expect(catalogState(store.dbPath)).toEqual(before)
    }
    // Taken off, it cannot come back while it is switched off.
    ok(await manager.invoke('products:update', { id: product.id, taxRateIds: [vatId()] }))
    expectError(await manager.invoke('products:update', { id: product.id, taxRateIds: [vatId(), old.id] }), 'VALIDATION_FAILED')
  })
})
