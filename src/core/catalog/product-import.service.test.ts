/**
 * The product CSV through `invoke`: preview, apply, export, progress. Each test starts from the
 * demo store with its catalog taken out, so it sees only the products it makes.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelOutput } from '#shared/ipc/contract'
import type { BackendClient } from '#core/backend'
import { catalogState, emptyCatalog, makeProduct } from '#core/testing/product-factory'
import { expectError, ok, openTestStore, signedInClient, withRawDb, type TestStore } from '#core/testing/test-store'
import { parseProductCsv } from './product-csv.rules'

let store: TestStore
let manager: BackendClient

beforeEach(async () => {
  store = await openTestStore()
  emptyCatalog(store.dbPath)
  manager = await signedInClient(store.backend, 'manager')
})

afterEach(async () => {
  await store.cleanup()
})

const HEADER = 'sku,name,price,barcode,category,tags,stock,low_stock,archived'

async function preview(csv: string): Promise<ChannelOutput<'products:import'>> {
  return ok(await manager.invoke('products:import', { csv, apply: false }))
}

async function apply(csv: string): Promise<ChannelOutput<'products:import'>> {
  return ok(await manager.invoke('products:import', { csv, apply: true }))
}

async function productBySku(sku: string) {
  const id = withRawDb(
    store.dbPath,
    (db) => (db.prepare('select id from product where sku = ?').get(sku) as { id: number } | undefined)?.id,
  )
  if (id === undefined) return undefined
  return ok(await manager.invoke('products:get', { id }))
}

function movementsOf(sku: string) {
  return withRawDb(store.dbPath, (db) =>
    db
      .prepare(
        `select m.delta_qty, m.reason, m.stock_after, m.uid, m.till_id, u.username from stock_movement m
         join product p on p.id = m.product_id left join user u on u.id = m.user_id where p.sku = ? order by m.id`,
      )
      .all(sku),
  ) as { delta_qty: number; reason: string; stock_after: number; uid: string; till_id: string; username: string }[]
}

function importAudits() {
  return withRawDb(store.dbPath, (db) =>
    db.prepare("select actor_name, details from audit_entry where action = 'products.imported' order by id").all(),
  ) as { actor_name: string; details: string }[]
}

/** The schema as sqlite_master holds it, by name. */
const schemaOf = (dbPath: string) =>
  withRawDb(dbPath, (db) =>
    db.prepare("select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by name").all(),
  )

/** Every term both search indexes hold, with the product (by SKU), column and position it is at. */
function searchEntries(dbPath: string): string[] {
  return withRawDb(dbPath, (db) => {
    const skus = new Map((db.prepare('select id, sku from product').all() as { id: number; sku: string }[]).map((row) => [row.id, row.sku]))
    const entries: string[] = []
    for (const index of ['product_search', 'product_substring']) {
      db.exec(`create virtual table temp.${index}_terms using fts5vocab(main, ${index}, instance)`)
      const rows = db.prepare(`select term, doc, col, offset from temp.${index}_terms`).all() as {
        term: string
        doc: number
        col: string
        offset: number
      }[]
      for (const row of rows) entries.push(`${index} ${skus.get(row.doc)} ${row.col} ${row.offset} ${row.term}`)
    }
    return entries.sort()
  })
}

const tillId = () =>
  withRawDb(store.dbPath, (db) => (db.prepare("select value from setting where key = 'tillId'").get() as { value: string }).value)

describe('products:import', () => {
  it('previews a file without writing anything, then applies it: products, categories, tags, stock movements and one audit entry', async () => {
    ok(await manager.invoke('categories:create', { name: 'Dairy' }))
    const csv =
      '\ufeffSKU , Name,PRICE,barcode,category,tags,stock,low_stock,archived\r\n' +
      'MLK-1,"Milk, full cream 1L",95.50,4290001000011,dairy,fresh|Local,24,5,no\r\n' +
      'TEA-1,"Ilam ""Gold"" tea",450,,Drinks,,,,\r\n' +
      'OLD-1,Old soap,10,,,,0,,yes\r\n'
    const before = catalogState(store.dbPath)
    const previewed = await preview(csv)
    expect(previewed).toEqual({
      rows: 3,
      creates: 3,
      updates: 0,
      unchanged: 0,
      errors: [],
      errorCount: 0,
      newCategories: 1,
      applied: false,
    })
    expect(catalogState(store.dbPath)).toEqual(before)

    expect(await apply(csv)).toEqual({ ...previewed, applied: true })
    expect(await productBySku('MLK-1')).toMatchObject({
      name: 'Milk, full cream 1L',
      priceCents: 9550,
      barcode: '4290001000011',
      category: { name: 'Dairy' },
      tags: ['fresh', 'Local'],
      stock: 24,
      lowStockAt: 5,
      archived: false,
    })
    expect(await productBySku('TEA-1')).toMatchObject({
      name: 'Ilam "Gold" tea',
      priceCents: 45_000,
      barcode: null,
      category: { name: 'Drinks' },
      tags: [],
      stock: 0,
      lowStockAt: null,
      archived: false,
    })
    expect(await productBySku('OLD-1')).toMatchObject({ archived: true, stock: 0 })
    expect(ok(await manager.invoke('categories:list', {})).items.map((category) => category.name)).toEqual(['Dairy', 'Drinks'])
    expect(ok(await manager.invoke('products:list', { tag: 'local' })).items.map((product) => product.sku)).toEqual(['MLK-1'])
    // The till finds what was imported, and not what was imported archived.
    expect(ok(await manager.invoke('catalog:search', { query: 'cream' })).items.map((product) => product.sku)).toEqual(['MLK-1'])
    expectError(await manager.invoke('catalog:lookup', { code: 'OLD-1' }), 'NOT_FOUND')

    const [movement, ...others] = movementsOf('MLK-1')
    expect(others).toEqual([])
    expect(movement).toMatchObject({ delta_qty: 24, reason: 'import', stock_after: 24, till_id: tillId(), username: 'manager' })
    expect(movement!.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    expect(movementsOf('TEA-1')).toEqual([])
    expect(importAudits()).toEqual([
      { actor_name: 'Maya Manager', details: JSON.stringify({ rows: 3, creates: 3, updates: 0, unchanged: 0, newCategories: 1 }) },
    ])
  })

  it('gives new products the store’s default taxes, as products:create does, and leaves an updated product’s own', async () => {
    const vat = ok(await manager.invoke('taxes:list', {})).items.find((tax) => tax.name === 'VAT')!
    const extra = ok(await manager.invoke('taxes:create', { name: 'Luxury', rateBps: 500, included: false }))
    // An updated product keeps the taxes it has, even none.
    const existing = ok(await manager.invoke('products:create', { sku: 'OLD-1', name: 'Old stock', priceCents: 500, taxRateIds: [] }))
    ok(await manager.invoke('settings:update', { patch: { defaultTaxRateIds: [vat.id, extra.id] } }))
    ok(await manager.invoke('taxes:update', { id: extra.id, active: false }))

    expect(await apply(`${HEADER}\nTAX-1,Taxed tea,10,,,,,,\nOLD-1,${existing.name},9.99,,,,,,\n`)).toMatchObject({
      creates: 1,
      updates: 1,
    })
    // The switched-off default is not given, as products:create would not give it.
    expect((await productBySku('TAX-1'))!.taxRateIds).toEqual([vat.id])
    expect((await productBySku('OLD-1'))!).toMatchObject({ priceCents: 999, taxRateIds: [] })
    // And the till charges it: VAT 13% included in NPR 10.00.
    const cashier = await signedInClient(store.backend)
    const cart = ok(await cashier.invoke('cart:add', { productId: (await productBySku('TAX-1'))!.id, quantity: 1 }))
    expect(cart.taxes.map((tax) => [tax.name, tax.taxCents])).toEqual([['VAT', 115]])
  })

  it('updates what differs, leaves what the file does not name, and moves stock by the difference', async () => {
    const snacks = ok(await manager.invoke('categories:create', { name: 'Snacks' }))
    const chips = await makeProduct(manager, {
      sku: 'CHIPS',
      name: 'Chips',
      priceCents: 5_000,
      barcode: '111',
      categoryId: snacks.id,
      tags: ['salty'],
      openingStock: 10,
    })
    await makeProduct(manager, { sku: 'NUTS', name: 'Nuts', priceCents: 9_000, openingStock: 4 })
    await makeProduct(manager, { sku: 'SODA', name: 'Soda', priceCents: 3_000, openingStock: 7 })

    // No barcode, category or tags columns: those stay as they are.
    const result = await apply('sku,name,price,stock\nCHIPS,Chips,55,7\nNUTS,Nuts,90,\nSODA,Soda,30,7\n')
    expect(result).toMatchObject({ rows: 3, creates: 0, updates: 1, unchanged: 2, errorCount: 0, applied: true })
    expect(await productBySku('CHIPS')).toMatchObject({
      id: chips.id,
      priceCents: 5_500,
      stock: 7,
      barcode: '111',
      category: { id: snacks.id },
      tags: ['salty'],
    })
    expect(movementsOf('CHIPS').map(({ delta_qty, reason, stock_after }) => [delta_qty, reason, stock_after])).toEqual([
      [10, 'initial', 10],
      [-3, 'import', 7],
    ])
    expect(movementsOf('SODA')).toHaveLength(1)

    // Clearing: an empty barcode, category, tags or threshold cell means none.
    await apply(`${HEADER}\nCHIPS,Chips,55,,,,7,,false\n`)
    expect(await productBySku('CHIPS')).toMatchObject({ barcode: null, category: null, tags: [], lowStockAt: null })
    expect(ok(await manager.invoke('products:list', { tag: 'salty' })).items).toEqual([])
  })

  it('lists every error with its line and column, and refuses to apply while there is one, changing nothing', async () => {
    await makeProduct(manager, { sku: 'HAS-BARCODE', name: 'Has it', barcode: '999' })
    const csv =
      `${HEADER},colour\n` +
      'A,Good one,10,,,,,,,red\n' +
      'B,Bad price,10.555,,,,,,,\n' +
      'A,Same SKU,10,,,,,,,\n' +
      'C,,10,,,,,,,\n' +
      `D,${'x'.repeat(201)},10,,,,,,,\n` +
      'E,Taken,10,999,,,,,,\n' +
      'F,Dup barcode,1,555,,,,,,\n' +
      'G,Dup barcode,1,555,,,,,,\n' +
      'H,Stock,1,,,,-2,,maybe,\n' +
      'I,"never closed,1,,,,,,,\n'
    const before = catalogState(store.dbPath)
    const result = await preview(csv)
    expect(result.errors).toEqual([
      { line: 1, column: 'colour', problem: 'unknownColumn' },
      { line: 3, column: 'price', problem: 'badPrice', value: '10.555' },
      { line: 4, column: 'sku', problem: 'duplicateInFile', value: 'A', otherLine: 2 },
      { line: 5, column: 'name', problem: 'missing' },
      { line: 6, column: 'name', problem: 'tooLong', value: `${'x'.repeat(79)}…` },
      { line: 7, column: 'barcode', problem: 'takenByOther', value: 'HAS-BARCODE' },
      { line: 9, column: 'barcode', problem: 'duplicateInFile', value: '555', otherLine: 8 },
      { line: 10, column: 'stock', problem: 'badNumber', value: '-2' },
      { line: 10, column: 'archived', problem: 'badBoolean', value: 'maybe' },
      { line: 11, problem: 'badCsv', value: 'unclosedQuote' },
    ])
    expect(result).toMatchObject({ rows: 9, creates: 2, updates: 0, unchanged: 0, errorCount: 10, applied: false })
    expectError(await manager.invoke('products:import', { csv, apply: true }), 'CONFLICT')
    const refused = await manager.invoke('products:import', { csv, apply: true })
    expect(refused.ok ? null : refused.error.params).toEqual({ what: 'importErrors', errorCount: 10 })
    expect(catalogState(store.dbPath)).toEqual(before)
  })

  it('needs the required columns', async () => {
    const result = await preview('sku,price\nA,1\n')
    expect(result).toMatchObject({ rows: 1, creates: 0, errorCount: 1, errors: [{ line: 1, column: 'name', problem: 'missingColumn' }] })
  })

  it('reads prices in the store’s own minor units', async () => {
    const before = catalogState(store.dbPath)
    ok(await manager.invoke('settings:update', { patch: { currency: 'JPY', currencyDecimals: 0 } }))
    const result = await preview('sku,name,price\nA,Rice,550\nB,Tea,5.5\n')
    expect(result.errors).toEqual([{ line: 3, column: 'price', problem: 'badPrice', value: '5.5' }])
    await apply('sku,name,price\nA,Rice,550\n')
    expect(await productBySku('A')).toMatchObject({ priceCents: 550 })
    expect(ok(await manager.invoke('products:export', {})).csv).toContain('\r\nA,Rice,550,')
    expect(before).not.toEqual(catalogState(store.dbPath))
  })

  it('checks the file against the database again when applying: a barcode taken since the preview refuses it all', async () => {
    const csv = 'sku,name,price,barcode\nNEW-1,One,1,777\nNEW-2,Two,2,778\n'
    expect((await preview(csv)).errorCount).toBe(0)
    await makeProduct(manager, { sku: 'QUICK', barcode: '778' })
    const before = catalogState(store.dbPath)
    const refused = await manager.invoke('products:import', { csv, apply: true })
    expectError(refused, 'CONFLICT')
    expect(refused.ok ? null : refused.error.params).toEqual({ what: 'importErrors', errorCount: 1 })
    expect(catalogState(store.dbPath)).toEqual(before)
    expect((await preview(csv)).errors).toEqual([{ line: 3, column: 'barcode', problem: 'takenByOther', value: 'QUICK' }])
  })

  it('is all or nothing: a write that fails half way leaves no product, category, tag, movement or audit entry', async () => {
    await makeProduct(manager, { sku: 'KEEP', name: 'Keep', priceCents: 100, openingStock: 3 })
    withRawDb(store.dbPath, (db) =>
      db.exec("create trigger fail_on_boom before insert on product when new.sku = 'BOOM' begin select raise(abort, 'boom'); end"),
    )
    const rows = Array.from({ length: 12_000 }, (_, index) => `P-${index},Product ${index},1,,Shelf ${index % 3},t${index % 5},2,,`)
    const csv = `${HEADER}\nKEEP,Keep,2,,,,9,,\n${rows.join('\n')}\nBOOM,Boom,1,,New shelf,x,1,,\n`
    const before = catalogState(store.dbPath)
    const schema = schemaOf(store.dbPath)
    expectError(await manager.invoke('products:import', { csv, apply: true }), 'INTERNAL')
    expect(catalogState(store.dbPath)).toEqual(before)
    // The search trigger and the indexes the import drops while it writes are back, and a new product is indexed again.
    expect(schemaOf(store.dbPath)).toEqual(schema)
    await makeProduct(manager, { sku: 'AFTER', name: 'Afterwards' })
    expect(ok(await manager.invoke('catalog:search', { query: 'afterw' })).items.map((product) => product.sku)).toEqual(['AFTER'])
  })

  it('indexes new products for search as the insert trigger does, and leaves the schema as it was', async () => {
    await makeProduct(manager, { sku: 'OLD', name: 'Dairymilk old stock', barcode: '4290009990001' })
    const names = ['Crème fraîche', 'Dairymilk bar', 'Ilam tea_leaf', 'Rice, basmati', 'Wai Wai noodles', 'Señorita cheddar']
    const rows = Array.from(
      { length: 600 },
      (_, index) =>
        `S-${index},"${names[index % names.length]} ${index}",${index}.50,${index % 4 === 0 ? '' : 42900010 + index},` +
        `Shelf ${index % 7},${index % 3 === 0 ? 'vegan|Local' : ''},${index % 5},,${index % 11 === 0 ? 'true' : 'false'}`,
    )
    const csv = `${HEADER}\n${rows.join('\n')}\n`
    const schema = schemaOf(store.dbPath)
    const hashSizes = () =>
      withRawDb(store.dbPath, (db) =>
        ['product_search', 'product_substring'].map(
          (index) => (db.prepare(`select v from ${index}_config where k = 'hashsize'`).get() as { v: number } | undefined)?.v ?? 1_048_576,
        ),
      )
    const hashSizesBefore = hashSizes()
    expect(await apply(csv)).toMatchObject({ creates: 600, errorCount: 0 })
    expect(schemaOf(store.dbPath)).toEqual(schema)
    expect(hashSizes()).toEqual(hashSizesBefore)
    expect(withRawDb(store.dbPath, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok')

    const search = async (query: string) =>
      ok(await manager.invoke('catalog:search', { query, limit: 100 }))
        .items.map((product) => product.sku)
        .sort()
    expect(await search('creme')).toEqual(rows.flatMap((_, i) => (i % 6 === 0 && i % 11 !== 0 ? [`S-${i}`] : [])).sort())
    expect(await search('airymil')).toContain('OLD')
    expect(await search('airymil')).toContain('S-1')
    // Archived ones (every 11th) are left out, as the trigger leaves them.
    expect(await search('S-11')).toEqual(['S-111', 'S-112', 'S-113', 'S-114', 'S-115', 'S-116', 'S-117', 'S-118', 'S-119'])
    expectError(await manager.invoke('catalog:lookup', { code: 'S-11' }), 'NOT_FOUND')
    expect(ok(await manager.invoke('catalog:lookup', { code: '42900011' })).sku).toBe('S-1')

    // The same file into a store whose insert trigger is another text: the trigger indexes each row itself.
    const other = await openTestStore()
    try {
      emptyCatalog(other.dbPath)
      withRawDb(other.dbPath, (db) => {
        const trigger = (db.prepare("select sql from sqlite_master where name = 'product_search_after_insert'").get() as { sql: string })
          .sql
        db.exec(`drop trigger product_search_after_insert; ${trigger.replace(' for each row ', ' for each  row ')}`)
      })
      const otherManager = await signedInClient(other.backend, 'manager')
      await makeProduct(otherManager, { sku: 'OLD', name: 'Dairymilk old stock', barcode: '4290009990001' })
      expect(ok(await otherManager.invoke('products:import', { csv, apply: true }))).toMatchObject({ creates: 600 })
      expect(searchEntries(store.dbPath)).toEqual(searchEntries(other.dbPath))
    } finally {
      await other.cleanup()
    }

    // A file that does not double the catalog keeps the product's indexes while it goes in.
    expect(await apply(`${HEADER}\nLATE-1,Lateblooming lily,1,,,,,,\n`)).toMatchObject({ creates: 1 })
    expect(await search('atebloom')).toEqual(['LATE-1'])
    expect(schemaOf(store.dbPath)).toEqual(schema)
  })

  it('moves a barcode from one product to another within one file', async () => {
    await makeProduct(manager, { sku: 'LEFT', barcode: 'B-1' })
    await makeProduct(manager, { sku: 'RIGHT', barcode: 'B-2' })
    const result = await apply('sku,name,price,barcode\nLEFT,Left,1,B-2\nRIGHT,Right,1,B-1\nNEW,New,1,\n')
    expect(result).toMatchObject({ creates: 1, updates: 2, errorCount: 0 })
    expect((await productBySku('LEFT'))!.barcode).toBe('B-2')
    expect((await productBySku('RIGHT'))!.barcode).toBe('B-1')
    expect(ok(await manager.invoke('catalog:lookup', { code: 'B-1' })).sku).toBe('RIGHT')
  })

  it('changes nothing when the same file comes again', async () => {
    const csv = `${HEADER}\nA,Apple,10,123,Fruit,red|sweet,5,2,false\nB,Banana,5.5,,Fruit,,0,,true\n`
    await apply(csv)
    const before = catalogState(store.dbPath)
    expect(await apply(csv)).toMatchObject({ rows: 2, creates: 0, updates: 0, unchanged: 2, applied: true })
    expect(catalogState(store.dbPath)).toEqual(before)
    expect(importAudits()).toHaveLength(1)
  })

  it('takes one import at a time, and says how far it is', async () => {
    expectError(await manager.invoke('products:importProgress', { jobId: randomUUID() }), 'NOT_FOUND')
    const jobId = randomUUID()
    const rows = Array.from({ length: 20_000 }, (_, index) => `P-${index},Product ${index},1.50,,,,1,,`)
    const csv = `${HEADER}\n${rows.join('\n')}\n`
    const running = manager.invoke('products:import', { csv, apply: true, jobId })
    let finished = false
    void running.then(() => (finished = true))
    expectError(await manager.invoke('products:import', { csv: 'sku,name,price\n', apply: false }), 'CONFLICT')

    const PHASES = ['waiting', 'parsing', 'checking', 'applying', 'done']
    const seen: ChannelOutput<'products:importProgress'>[] = []
    while (!finished) {
      seen.push(ok(await manager.invoke('products:importProgress', { jobId })))
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(ok(await running)).toMatchObject({ creates: 20_000, applied: true })
    const done = ok(await manager.invoke('products:importProgress', { jobId }))
    expect(done).toEqual({ phase: 'done', done: 20_000, total: 20_000 })
    // Waiting for the database may come between any two steps; the steps themselves only go forward.
    const order = seen.filter((progress) => progress.phase !== 'waiting').map((progress) => PHASES.indexOf(progress.phase))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(new Set(seen.map((progress) => progress.phase))).toContain('parsing')
    expect(seen.filter((progress) => progress.phase === 'parsing').some((progress) => progress.done > 0 && progress.total === 20_001)).toBe(
      true,
    )
    for (const progress of seen) expect(progress.done).toBeLessThanOrEqual(progress.total)
    // The next import may run now.
    expect((await preview('sku,name,price\nP-0,Product 0,1.50\n')).unchanged).toBe(1)
  })

  it('is refused to a cashier', async () => {
    const cashier = await signedInClient(store.backend, 'cashier')
    expectError(await cashier.invoke('products:import', { csv: 'sku,name,price\nA,B,1\n', apply: true }), 'FORBIDDEN')
    expectError(await cashier.invoke('products:export', {}), 'FORBIDDEN')
  })
})

describe('products:export', () => {
  it('writes every product, archived ones too, by SKU, formula-escaped, and an export imports back unchanged', async () => {
    await store.cleanup()
    // The demo catalog as it ships: categories, tags, stock, an archived product.
    store = await openTestStore()
    manager = await signedInClient(store.backend, 'manager')
    const archived = await makeProduct(manager, {
      sku: '-FORMULA',
      name: '=HYPERLINK("http://x")',
      barcode: '+977',
      tags: ['@home', 'a b'],
    })
    ok(await manager.invoke('products:archive', { id: archived.id }))

    const exported = ok(await manager.invoke('products:export', {}))
    const total = withRawDb(store.dbPath, (db) => (db.prepare('select count(*) as n from product').get() as { n: number }).n)
    expect(exported.rows).toBe(total)
    expect(exported.csv.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true)
    expect(exported.csv).toContain('\r\n\'-FORMULA,"\'=HYPERLINK(""http://x"")",10.00,\'+977,,\'@home|a b,0,,true\r\n')
    const parsed = parseProductCsv(exported.csv, { currencyDecimals: 2 })
    const skus = parsed.rows.map((row) => row.sku)
    expect(skus).toEqual([...skus].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(parsed.rows.some((row) => row.category !== null && row.tags !== null && row.stock! > 0)).toBe(true)

    const before = catalogState(store.dbPath)
    expect(await apply(exported.csv)).toMatchObject({ rows: total, creates: 0, updates: 0, unchanged: total, errorCount: 0 })
    expect(catalogState(store.dbPath)).toEqual(before)
  })
})
