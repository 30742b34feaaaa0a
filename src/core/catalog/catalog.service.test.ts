/**
 * Product search (issue 4): ranking, words, folding, substrings, hostile text, paging, and the FTS5
 * indexes kept in step with `product` by the triggers of migration 0003 — through `invoke`, on a
 * store holding only the products below (the demo catalog may change; these tests must not).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackendClient } from '#core/backend'
import { openBackend } from '#core/backend'
import { DEMO_USERS, ean13 } from '#core/db/seed/demo-seed'
import { PRODUCT_SEARCH_INDEXES } from '#core/db/search-index'
import { expectError, FIXED_NOW, ok, openTestStore, signedInClient, type TestStore, withRawDb } from '#core/testing/test-store'
import { directContext } from '#core/testing/db-context'
import { openDatabase, type Orm } from '#core/db/database'
import { SEARCH_TOTAL_CAP, searchProducts } from './catalog.service'
import { toDevanagariDigits } from '#shared/i18n/nepali-format'
import { typedUnderNepali } from '#shared/testing/nepali-keyboard.fixture'

interface FixtureProduct {
  name: string
  sku: string
  tags?: string
  active?: boolean
  barcode?: string
}

const CATALOG: FixtureProduct[] = [
  { name: 'Loose Milk per Litre', sku: 'MILK' },
  { name: 'Milk Bread 400g', sku: 'BAK-001' },
  { name: 'Milky Bar 25g', sku: 'SWT-001' },
  { name: 'DDC Fresh Milk 500ml', sku: 'DAI-001' },
  { name: 'Soy Drink 1L', sku: 'BEV-001', tags: 'vegan milk-alternative' },
  { name: 'Dairymilk Chocolate 50g', sku: 'SWT-002' },
  { name: 'Buttermilk 1L', sku: 'DAI-002' },
  { name: 'Milk Powder 1kg', sku: 'DAI-003', active: false },
  { name: 'Crème Fraîche 200ml', sku: 'DAI-004' },
  { name: 'CREME BRULEE MIX', sku: 'BAK-002' },
  { name: 'Salt & Pepper "Extra" (Hot)', sku: 'SPI-001' },
  { name: 'Snack-Mix 100%', sku: 'SNK-001' },
  { name: 'AND OR NOT Crackers', sku: 'SNK-002' },
  { name: 'Near Expiry Bin', sku: 'HOM-001' },
  { name: 'Under_score Tape', sku: 'STA-001' },
  { name: 'Back\\slash Notebook', sku: 'STA-002' },
  { name: 'Code Test A', sku: 'TST-001', barcode: '12345670' },
  { name: 'Code Test B', sku: 'TST-002', barcode: '1234567000017' },
]

let store: TestStore
let till: BackendClient

function insertProducts(dbPath: string, products: FixtureProduct[]): void {
  withRawDb(dbPath, (db) => {
    const insert = db.prepare(
      `insert into product (sku, barcode, name, tags, price_cents, stock, active, created_at, updated_at)
       values (?, ?, ?, ?, 1000, 10, ?, ?, ?)`,
    )
    const at = FIXED_NOW.toISOString()
    const next = (db.prepare('select coalesce(max(id), 0) + 1 as n from product').get() as { n: number }).n
    db.transaction(() => {
      products.forEach((product, index) => {
        const barcode = product.barcode ?? ean13(`4299${String(next + index).padStart(8, '0')}`)
        insert.run(product.sku, barcode, product.name, product.tags ?? null, product.active === false ? 0 : 1, at, at)
      })
    })()
  })
}

beforeAll(async () => {
  store = await openTestStore({ seed: 'none' })
  withRawDb(store.dbPath, (db) => {
    const cashier = DEMO_USERS.find((user) => user.username === 'cashier')!
    db.prepare('insert into user (username, display_name, role, password_hash, active, created_at) values (?, ?, ?, ?, 1, ?)').run(
      cashier.username,
      cashier.displayName,
      cashier.role,
      cashier.passwordHash,
      FIXED_NOW.toISOString(),
    )
  })
  insertProducts(store.dbPath, CATALOG)
  till = await signedInClient(store.backend, 'cashier')
})

afterAll(async () => {
  await store?.cleanup()
})

async function search(query: string, page: { limit?: number; offset?: number } = {}) {
  return ok(await till.invoke('catalog:search', { query, ...page }))
}

async function names(query: string): Promise<string[]> {
  return (await search(query, { limit: 100 })).items.map((item) => item.name)
}

function barcodeOf(sku: string): string {
  return withRawDb(store.dbPath, (db) => (db.prepare('select barcode from product where sku = ?').get(sku) as { barcode: string }).barcode)
}

describe('ranking', () => {
  it('puts the exact code first, then names that start with the text, then other words, then text inside words', async () => {
    const result = await search('milk', { limit: 100 })
    expect(result.items.map((item) => item.name)).toEqual([
      // SKU `MILK`, compared case-insensitively
      'Loose Milk per Litre',
      // the name starts with "milk"; by name
      'Milk Bread 400g',
      'Milky Bar 25g',
      // a word starting with "milk" elsewhere, tags included
      'DDC Fresh Milk 500ml',
      'Soy Drink 1L',
      // "milk" inside a word
      'Buttermilk 1L',
      'Dairymilk Chocolate 50g',
    ])
    expect(result.total).toBe(7)
  })

  it('puts a product whose barcode is the text before those whose barcode starts with it', async () => {
    expect(await names('12345670')).toEqual(['Code Test A', 'Code Test B'])
    expect(await names('1234567000017')).toEqual(['Code Test B'])
  })

  it('finds an exact SKU typed in any case, and the SKU prefix after it', async () => {
    expect(await names('dai-001')).toEqual(['DDC Fresh Milk 500ml'])
    const prefix = await names('DAI-00')
    expect(prefix).toEqual(['Buttermilk 1L', 'Crème Fraîche 200ml', 'DDC Fresh Milk 500ml'])
  })
})

describe('matching', () => {
  it('needs every word, in any order, each as the start of a word', async () => {
    expect(await names('bread milk')).toEqual(['Milk Bread 400g'])
    expect(await names('choc dairy')).toEqual(['Dairymilk Chocolate 50g'])
    expect(await names('fresh 500')).toEqual(['DDC Fresh Milk 500ml'])
    expect(await names('fresh bread')).toEqual([])
  })

  it('folds diacritics both ways', async () => {
    expect(await names('creme')).toEqual(['CREME BRULEE MIX', 'Crème Fraîche 200ml'])
    expect(await names('CRÈME')).toEqual(['CREME BRULEE MIX', 'Crème Fraîche 200ml'])
    expect(await names('fraiche')).toEqual(['Crème Fraîche 200ml'])
    expect(await names('brûlée')).toEqual(['CREME BRULEE MIX'])
    // Decomposed accents (e + U+0300) as some keyboards send them.
    expect(await names('Cre\u0300me Fra')).toEqual(['Crème Fraîche 200ml'])
  })

  it('ignores case', async () => {
    const expected = ['Milk Bread 400g']
    for (const query of ['milk bread', 'MILK BREAD', 'mIlK bReAd']) expect(await names(query)).toEqual(expected)
  })

  it('matches the start of words as the cashier types', async () => {
    expect(await names('cho')).toEqual(['Dairymilk Chocolate 50g'])
    expect((await names('mil')).slice(0, 3)).toEqual(['Loose Milk per Litre', 'Milk Bread 400g', 'Milky Bar 25g'])
    expect(await names('m')).toEqual(expect.arrayContaining(['Milk Bread 400g', 'Milky Bar 25g', 'Snack-Mix 100%']))
  })

  it('finds text inside a word or a code from three characters', async () => {
    expect(await names('rymil')).toEqual(['Dairymilk Chocolate 50g'])
    expect(await names('ilk')).toEqual([
      'Buttermilk 1L',
      'Dairymilk Chocolate 50g',
      'DDC Fresh Milk 500ml',
      'Loose Milk per Litre',
      'Milk Bread 400g',
      'Milky Bar 25g',
      // its tag `milk-alternative`
      'Soy Drink 1L',
    ])
    const barcode = barcodeOf('SWT-002')
    expect(await names(barcode.slice(-6))).toContain('Dairymilk Chocolate 50g')
    // Too short for trigrams: only word starts.
    expect(await names('il')).toEqual([])
    // Short words beside a substring still have to match.
    expect(await names('ilk 1l')).toEqual(['Buttermilk 1L', 'Soy Drink 1L'])
  })

  it('searches tags', async () => {
    expect(await names('vegan')).toEqual(['Soy Drink 1L'])
    expect(await names('alternative')).toEqual(['Soy Drink 1L'])
  })

  it('never returns an inactive product, by name, code or substring', async () => {
    for (const query of ['powder', 'Milk Powder', 'DAI-003', barcodeOf('DAI-003'), 'owde']) {
      expect(await names(query), query).toEqual([])
    }
    expectError(await till.invoke('catalog:lookup', { code: 'DAI-003' }), 'NOT_FOUND')
    const browse = await search('', { limit: 100 })
    expect(browse.items.map((item) => item.name)).not.toContain('Milk Powder 1kg')
    expect(browse.total).toBe(CATALOG.filter((product) => product.active !== false).length)
  })
})

describe('a scan through a Nepali keyboard layout', () => {
  it('finds the product whose barcode its Devanagari digits spell, and still nothing for a code no product has', async () => {
    const barcode = barcodeOf('DAI-001')
    expect(barcode).toMatch(/^\d+$/)
    const typed = toDevanagariDigits(barcode)
    expect(typed).not.toBe(barcode)
    const found = ok(await till.invoke('catalog:lookup', { code: typed }))
    expect(found).toEqual(ok(await till.invoke('catalog:lookup', { code: barcode })))
    const unknown = toDevanagariDigits('9999999999999')
    const refused = await till.invoke('catalog:lookup', { code: unknown })
    expectError(refused, 'NOT_FOUND')
    // The refusal names the code as it came, so the cashier sees what the scanner sent.
    expect(!refused.ok && refused.error.params).toEqual({ what: 'productCode', code: unknown })
  })

  it('finds the product whose SKU the keys spell on a US layout, after the code as typed', async () => {
    const typed = typedUnderNepali('SPI-001')
    expect(typed).toBe('शफी-००१')
    expectError(await till.invoke('catalog:lookup', { code: typed }), 'NOT_FOUND')
    const found = ok(await till.invoke('catalog:lookup', { code: typed, keys: 'SPI-001' }))
    expect(found.name).toBe('Salt & Pepper "Extra" (Hot)')
    // The code as typed comes first: a code that is some product's own wins over the keys' reading.
    const first = ok(await till.invoke('catalog:lookup', { code: 'MILK', keys: 'SPI-001' }))
    expect(first.name).toBe('Loose Milk per Litre')
  })

  it('still finds nothing when neither reading is a product, and names the code as typed', async () => {
    const typed = typedUnderNepali('NOPE-9')
    const refused = await till.invoke('catalog:lookup', { code: typed, keys: 'NOPE-9' })
    expectError(refused, 'NOT_FOUND')
    expect(!refused.ok && refused.error.params).toEqual({ what: 'productCode', code: typed })
  })

  it('refuses keys that are empty or longer than a code', async () => {
    expectError(await till.invoke('catalog:lookup', { code: 'MILK', keys: '' }), 'VALIDATION_FAILED')
    expectError(await till.invoke('catalog:lookup', { code: 'MILK', keys: 'K'.repeat(65) }), 'VALIDATION_FAILED')
  })
})

describe('text a cashier should not be able to break', () => {
  const METACHARACTERS = [
    '"',
    '*',
    'NEAR',
    'NEAR/2',
    'AND',
    'OR',
    'NOT',
    '(',
    ')',
    '^',
    '-',
    '+',
    ':',
    '{',
    '}',
    '{}',
    '%',
    '_',
    '\\',
    "'",
    '""',
    "''",
    '[',
    ']',
    '?',
    ';',
    '--',
    '/*',
  ]

  it.each(METACHARACTERS)('answers %j alone, before and after a word, with a normal result', async (meta) => {
    for (const query of [meta, `milk ${meta}`, `${meta}milk`, `${meta} milk ${meta}`, `"${meta}`, `${meta}"`, `milk${meta}bread`]) {
      const reply = await till.invoke('catalog:search', { query })
      expect(reply.ok, `${JSON.stringify(query)}: ${JSON.stringify(reply)}`).toBe(true)
    }
  })

  it('reads FTS5 operators as the words they are', async () => {
    expect(await names('AND')).toEqual(['AND OR NOT Crackers'])
    expect(await names('OR NOT')).toEqual(['AND OR NOT Crackers'])
    expect(await names('NEAR')).toEqual(['Near Expiry Bin'])
    expect(await names('NEAR(exp')).toEqual(['Near Expiry Bin'])
    expect(await names('"Extra"')).toEqual(['Salt & Pepper "Extra" (Hot)'])
    expect(await names('(hot)')).toEqual(['Salt & Pepper "Extra" (Hot)'])
    expect(await names('Salt & Pepper')).toEqual(['Salt & Pepper "Extra" (Hot)'])
    expect(await names('100%')).toEqual(['Snack-Mix 100%'])
    expect(await names('snack-mix')).toEqual(['Snack-Mix 100%'])
    expect(await names('under_score')).toEqual(['Under_score Tape'])
    expect(await names('back\\slash')).toEqual(['Back\\slash Notebook'])
    expect(await names('name:milk')).toEqual([])
    // `*` is text too: `milk*` is the word start `milk`, but no longer a substring of `Buttermilk`.
    expect(await names('milk*')).toEqual([
      'Loose Milk per Litre',
      'Milk Bread 400g',
      'Milky Bar 25g',
      'DDC Fresh Milk 500ml',
      'Soy Drink 1L',
    ])
  })

  it('treats LIKE wildcards and lone punctuation as text, not as "anything"', async () => {
    for (const query of ['%', '_', '*', '^', ':', '-', '&', '"', "'", '\\', '%%_\\', '__', '***']) {
      const result = await search(query)
      expect(
        result.items.every((item) => item.name.includes(query) || item.sku.includes(query)),
        query,
      ).toBe(true)
    }
    expect(await names('BAK_001')).toEqual([])
  })

  // The contract refuses most control characters before a search runs; the service must not rely on it.
  describe('called directly, past the contract', () => {
    let orm: Orm
    beforeAll(async () => {
      orm = await openDatabase(store.dbPath)
    })
    afterAll(async () => {
      await orm?.close(true)
    })
    const direct = async (query: string) => (await searchProducts(directContext(orm), query, 100, 0)).items.map((item) => item.name)

    it('reads NUL and other control characters as spaces, and drops invisible ones', async () => {
      expect(await direct('milk\u0000bread')).toEqual(['Milk Bread 400g'])
      expect(await direct('\u0001milk\u001b\u007fbread\t')).toEqual(['Milk Bread 400g'])
      expect(await direct('mi\u200Blk bread\uD800')).toEqual(['Milk Bread 400g'])
      expect(await direct('\u0000')).toEqual(await direct(''))
    })

    it('answers any text with well-formed results of active products only, and so does invoke', async () => {
      const active = new Set(withRawDb(store.dbPath, (db) => db.prepare('select id from product where active').pluck().all() as number[]))
      const word = fc.oneof(
        fc.constantFrom(...METACHARACTERS, 'milk', 'Crème', 'DAI', '1L'),
        fc.string({ maxLength: 10 }),
        fc.string({ unit: 'binary', maxLength: 6 }),
      )
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(fc.array(word, { maxLength: 12 }), fc.constantFrom(' ', '', '\u0000'))
            .map(([words, separator]) => words.join(separator).slice(0, 200)),
          async (query) => {
            const result = await searchProducts(directContext(orm), query, 20, 0)
            expect(result.total).toBeGreaterThanOrEqual(result.items.length)
            for (const item of result.items) expect(active.has(item.id)).toBe(true)
            const reply = await till.invoke('catalog:search', { query })
            expect(reply.ok || reply.error.code === 'VALIDATION_FAILED', JSON.stringify({ query, reply })).toBe(true)
            if (reply.ok) expect(reply.data).toEqual({ ...result, totalIsCapped: result.total >= SEARCH_TOTAL_CAP })
          },
        ),
        { numRuns: 300 },
      )
    })
  })
})

describe('paging', () => {
  const tea = Array.from({ length: 60 }, (_, index) => ({
    // Inserted out of name order, with three products sharing one name.
    name: index < 3 ? 'Tea Sample Twin' : `Tea Sample ${String((index * 37) % 60).padStart(2, '0')}`,
    sku: `TEA-${String(index).padStart(3, '0')}`,
  }))

  beforeAll(() => insertProducts(store.dbPath, tea))

  it('pages through one stable order: every product once, by tier, name, then id', async () => {
    const all = await search('tea sample', { limit: 100 })
    expect(all.total).toBe(60)
    const sorted = [...all.items].sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id - b.id,
    )
    expect(all.items).toEqual(sorted)
    const pages = []
    for (let offset = 0; offset < 60; offset += 7) pages.push(...(await search('tea sample', { limit: 7, offset })).items)
    expect(pages).toEqual(all.items)
    expect(await search('tea sample', { limit: 100 })).toEqual(all)
    expect((await search('tea sample', { limit: 10, offset: 60 })).items).toEqual([])
  })

  it(`counts up to ${SEARCH_TOTAL_CAP} matches and pages within them`, async () => {
    insertProducts(
      store.dbPath,
      Array.from({ length: SEARCH_TOTAL_CAP + 120 }, (_, index) => ({
        name: `Widget ${index}`,
        sku: `WID-${String(index).padStart(4, '0')}`,
      })),
    )
    expect((await search('widget')).total).toBe(SEARCH_TOTAL_CAP)
    expect((await search('')).total).toBe(SEARCH_TOTAL_CAP)
    const seen = new Set<number>()
    for (let offset = 0; offset < SEARCH_TOTAL_CAP; offset += 100) {
      for (const item of (await search('widget', { limit: 100, offset })).items) seen.add(item.id)
    }
    expect(seen.size).toBe(SEARCH_TOTAL_CAP)
    expect((await search('widget', { limit: 10, offset: SEARCH_TOTAL_CAP - 5 })).items).toHaveLength(5)
    expect((await search('widget', { limit: 10, offset: SEARCH_TOTAL_CAP })).items).toEqual([])
    // A rarer word among them is still counted exactly.
    expect((await search('widget 17')).total).toBe(
      Array.from({ length: SEARCH_TOTAL_CAP + 120 }, (_, index) => String(index)).filter((text) => text.startsWith('17')).length,
    )
  })
})

function indexIsSound(dbPath: string): void {
  withRawDb(dbPath, (db) => {
    const active = (db.prepare('select count(*) as n from product where active').get() as { n: number }).n
    for (const index of PRODUCT_SEARCH_INDEXES) {
      db.prepare(`insert into ${index} (${index}) values ('integrity-check')`).run()
      expect((db.prepare(`select count(*) as n from ${index}_docsize`).get() as { n: number }).n, index).toBe(active)
    }
  })
}

describe('the indexes follow every change to a product', () => {
  const run = (sql: string, ...params: unknown[]) => withRawDb(store.dbPath, (db) => db.prepare(sql).run(...params))

  it('on insert, update of each searched column, (de)activation and delete; not on stock or price', async () => {
    insertProducts(store.dbPath, [{ name: 'Zesty Lime Soda', sku: 'ZLS-001', tags: 'fizzy' }])
    expect(await names('zesty lime')).toEqual(['Zesty Lime Soda'])
    expect(await names('esty')).toEqual(['Zesty Lime Soda'])

    run("update product set name = 'Tangy Lime Soda' where sku = 'ZLS-001'")
    expect(await names('zesty')).toEqual([])
    expect(await names('esty')).toEqual([])
    expect(await names('tangy')).toEqual(['Tangy Lime Soda'])
    expect(await names('angy')).toEqual(['Tangy Lime Soda'])

    run("update product set tags = 'sparkling' where sku = 'ZLS-001'")
    expect(await names('fizzy')).toEqual([])
    expect(await names('sparkling')).toEqual(['Tangy Lime Soda'])

    run("update product set sku = 'ZLS-900', barcode = '9990001112223' where sku = 'ZLS-001'")
    expect(await names('ZLS-001')).toEqual([])
    expect(await names('zls-900')).toEqual(['Tangy Lime Soda'])
    expect(await names('9990001112223')).toEqual(['Tangy Lime Soda'])
    expect(ok(await till.invoke('catalog:lookup', { code: '9990001112223' })).name).toBe('Tangy Lime Soda')

    run("update product set stock = 3, price_cents = 4321 where sku = 'ZLS-900'")
    expect((await search('tangy')).items[0]).toMatchObject({ stock: 3, priceCents: 4321 })

    run("update product set active = 0 where sku = 'ZLS-900'")
    expect(await names('tangy')).toEqual([])
    expect(await names('ZLS-900')).toEqual([])
    run("update product set active = 1 where sku = 'ZLS-900'")
    expect(await names('tangy')).toEqual(['Tangy Lime Soda'])

    run("delete from product where sku = 'ZLS-900'")
    expect(await names('tangy')).toEqual([])
    expect(await names('angy')).toEqual([])
    indexIsSound(store.dbPath)
  })

  it('when a product is sold: the stock changes and it is still found', async () => {
    const bread = ok(await till.invoke('catalog:lookup', { code: 'BAK-001' }))
    const cart = ok(await till.invoke('cart:add', { productId: bread.id, quantity: 2 }))
    ok(
      await till.invoke('checkout:pay', {
        idempotencyKey: '0c0c0c0c-0c0c-4c0c-8c0c-0c0c0c0c0c0c',
        expectedTotalCents: cart.totalCents,
        payment: { method: 'cash', tenderedCents: cart.totalCents },
      }),
    )
    expect((await search('milk bread')).items).toEqual([{ ...bread, stock: bread.stock - 2 }])
    indexIsSound(store.dbPath)
  })
})

describe('a database from before the search index', () => {
  it('gets every active product indexed by the migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillwise-search-migration-'))
    const dbPath = join(dir, 'tillwise.sqlite')
    copyFileSync(resolve(import.meta.dirname, '../db/fixtures/schema-0001.sqlite'), dbPath)
    const backend = await openBackend({ dbPath, now: () => FIXED_NOW })
    try {
      const cashier = await signedInClient(backend, 'cashier')
      const milk = ok(await cashier.invoke('catalog:search', { query: 'fresh milk' }))
      expect(milk.items.map((item) => item.name)).toEqual(['DDC Fresh Milk 500ml'])
      const all = withRawDb(dbPath, (db) => db.prepare('select id, name from product where active').all() as { id: number; name: string }[])
      for (const product of all) {
        const found = ok(await cashier.invoke('catalog:search', { query: product.name, limit: 100 }))
        expect(
          found.items.map((item) => item.id),
          product.name,
        ).toContain(product.id)
      }
    } finally {
      await backend.close()
    }
    indexIsSound(dbPath)
    rmSync(dir, { recursive: true, force: true })
  })
})
