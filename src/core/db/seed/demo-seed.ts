import type { EntityManager } from '@mikro-orm/sqlite'
import { uuidv7 } from '#core/common/ids'
import {
  Category,
  Product,
  ProductTag,
  ProductTax,
  Setting,
  StockMovement,
  TaxRate,
  Token,
  TokenLedgerEntry,
  User,
} from '#core/db/entities'

/**
 * The demo store (documented in the README): a Kathmandu corner shop selling in NPR.
 * Sign-ins `manager`/`manager` and `cashier`/`cashier`; the hashes below are scrypt at the
 * production parameters, precomputed so opening a demo database costs no key derivation.
 */
/** The demo owner's recovery code (`auth:recover`), printed in the README: the demo is not for real money. */
export const DEMO_RECOVERY_CODE = 'DEMO-RECOVERY-CODE-2026'

/** One of the demo's people as the seed writes them (the password hashes at the backend's cost). */
export interface DemoUser {
  readonly username: string
  readonly displayName: string
  readonly role: 'owner' | 'manager' | 'cashier'
  readonly passwordHash: string
  readonly recoveryHash?: string
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'owner',
    displayName: 'Olga Owner',
    role: 'owner' as const,
    passwordHash: 'scrypt$131072$8$1$toSIcT/kd6OC1I5C9BXA1g==$hPdocdPuHUEj2KDkJMwWRz+gOzZKVGydTVa6vd6SA+o=',
    recoveryHash: 'scrypt$131072$8$1$NJfGpX17J5XWBUaoKR3SLQ==$FCyWYL0EgcKTQ+NfzKthA8d+qMwv+mt5Ssnm7XocNvY=',
  },
  {
    username: 'manager',
    displayName: 'Maya Manager',
    role: 'manager' as const,
    passwordHash: 'scrypt$131072$8$1$9ItNL+619X93RtvgrHZ25w==$qd9ze1F2GYMqxQr6yPaPCFStpnSv3KqmDjOaq4NFnqo=',
  },
  {
    username: 'cashier',
    displayName: 'Kiran Cashier',
    role: 'cashier' as const,
    passwordHash: 'scrypt$131072$8$1$MhPYTjyEmv8Sl2KMiKNxgg==$XiBYj6xivawMO+bTuIuu7webYQaXNhwr14hhqeG/v3U=',
  },
]

export const DEMO_TOKENS = [
  { code: '11111111-1111-4111-8111-111111111111', balanceCents: 1_000_000, expiresOn: '2099-12-31' },
  { code: '22222222-2222-4222-8222-222222222222', balanceCents: 500, expiresOn: '2099-12-31' },
  { code: '33333333-3333-4333-8333-333333333333', balanceCents: 1_000_000, expiresOn: '2020-01-01' },
]

/** [name, price in paisa, stock] */
const DEMO_CATALOG: [string, number, number][] = [
  ['DDC Fresh Milk 500ml', 5_500, 120],
  ['Sujal Dairy Curd 1kg', 22_000, 40],
  ['Amul Butter 100g', 14_500, 35],
  ['Paneer 200g', 18_000, 25],
  ['Wai Wai Chicken Noodles', 2_500, 300],
  ['Rara Noodles', 2_000, 250],
  ['Mayos Noodles', 2_000, 200],
  ['Basmati Rice 5kg', 135_000, 30],
  ['Jeera Masino Rice 10kg', 165_000, 20],
  ['Masoor Dal 1kg', 19_000, 60],
  ['Moong Dal 1kg', 21_000, 45],
  ['Chana Dal 1kg', 17_500, 50],
  ['Aashirvaad Atta 5kg', 52_000, 40],
  ['Fortune Sunflower Oil 1L', 32_000, 60],
  ['Dhara Mustard Oil 1L', 34_500, 55],
  ['Iodised Salt 1kg', 3_500, 150],
  ['Sugar 1kg', 11_000, 100],
  ['Tokla Tea 500g', 36_000, 40],
  ['Ilam Green Tea 100g', 45_000, 25],
  ['Nescafe Classic 50g', 38_000, 30],
  ['Coca-Cola 1.5L', 17_000, 80],
  ['Fanta 500ml', 7_000, 90],
  ['Real Mango Juice 1L', 26_000, 45],
  ['Mineral Water 1L', 3_000, 200],
  ['Red Bull 250ml', 18_000, 60],
  ['Khajurico Biscuits', 3_000, 150],
  ['Parle-G Biscuits 250g', 4_000, 180],
  ['Hide & Seek Cookies', 6_000, 90],
  ['Good Day Cashew Cookies', 5_000, 110],
  ['Lays Classic Salted 52g', 5_000, 140],
  ['Kurkure Masala Munch', 3_000, 160],
  ['Dairy Milk Chocolate 50g', 10_000, 120],
  ['KitKat 4 Finger', 7_000, 100],
  ['Eggs (tray of 30)', 48_000, 20],
  ['Bread Loaf 400g', 9_000, 40],
  ['Brown Bread 400g', 11_000, 25],
  ['Onion 1kg', 12_000, 80],
  ['Potato 1kg', 7_000, 90],
  ['Tomato 1kg', 10_000, 50],
  ['Garlic 250g', 9_000, 40],
  ['Ginger 250g', 6_500, 35],
  ['Lux Soap 100g', 6_500, 120],
  ['Dettol Soap 125g', 8_000, 90],
  ['Colgate Toothpaste 150g', 16_000, 70],
  ['Sensodyne Toothpaste 70g', 29_000, 30],
  ['Head & Shoulders Shampoo 180ml', 42_000, 25],
  ['Surf Excel 1kg', 31_000, 40],
  ['Vim Dishwash Bar', 3_500, 110],
  ['Harpic Toilet Cleaner 500ml', 21_000, 30],
  ['Tissue Roll (pack of 4)', 19_000, 45],
  ['Dove Shampoo 180ml', 39_000, 25],
  ['Everest Garam Masala 100g', 13_000, 50],
  ['Turmeric Powder 200g', 9_500, 60],
  ['Chilli Powder 200g', 10_500, 55],
  ['Gundruk 100g', 15_000, 20],
  ['Dalle Khursani Pickle 200g', 25_000, 18],
  ['Last Jar of Timur Chutney', 35_000, 1],
]

/** The demo's shelves, each with the index of its first product in DEMO_CATALOG (the shelf runs to the next one's). */
const DEMO_CATEGORIES: [name: string, first: number][] = [
  ['Dairy', 0],
  ['Noodles', 4],
  ['Rice & Dal', 7],
  ['Flour, Oil & Sugar', 12],
  ['Tea & Coffee', 17],
  ['Drinks', 20],
  ['Snacks & Sweets', 25],
  ['Bread & Eggs', 33],
  ['Vegetables', 36],
  ['Household & Care', 41],
  ['Spices', 51],
  ['Pickles & Local Foods', 54],
]

/** A few free tags, by product index, so the back office has something to filter by. */
const DEMO_TAGS: Record<number, string[]> = {
  0: ['local', 'bestseller'],
  1: ['local'],
  4: ['local', 'bestseller'],
  5: ['local'],
  6: ['local'],
  17: ['local'],
  18: ['local'],
  19: ['imported'],
  20: ['bestseller'],
  24: ['imported'],
  25: ['local'],
  29: ['imported'],
  54: ['local'],
  55: ['local'],
  56: ['local'],
}

/** EAN-13 check digit over the first 12 digits. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 === 0 ? 1 : 3), 0)
  return first12 + String((10 - (sum % 10)) % 10)
}

export const DEMO_LAST_ONE_SKU = 'DEMO-LAST-ONE'

/** The demo's one tax: Nepal's VAT, included in every shelf price. */
export const DEMO_VAT = { name: 'VAT', rateBps: 1300, included: true } as const

/** How the demo prices and takes money (DESIGN §3.2): cash to NPR 1.00 half-up, a cashier's discount up to 10%. */
export const DEMO_MONEY_SETTINGS = {
  taxRounding: 'perLine',
  cashRoundingIncrementCents: 100,
  cashRoundingMode: 'halfUp',
  discountLimitBps: 1000,
  wallets: ['eSewa', 'Khalti', 'Fonepay'],
} as const

/** Fills an empty database with the demo store; `tillId` is the database's own (every fact row carries it). */
export async function seedDemo(em: EntityManager, now: Date, tillId: string, users: readonly DemoUser[] = DEMO_USERS): Promise<void> {
  const at = now.toISOString()
  const settings = { storeName: 'Tillwise Demo Store', currency: 'NPR', locale: 'en-IN', demo: 'true' }
  for (const [key, value] of Object.entries(settings)) em.create(Setting, { key, value })
  for (const user of users) em.create(User, { ...user, active: true, createdAt: at })
  const vat = em.create(TaxRate, { ...DEMO_VAT, nameKey: DEMO_VAT.name.toLowerCase(), active: true, createdAt: at, updatedAt: at })
  // The rate's id is the store's default for new products: written once it has one.
  await em.flush()
  const money = {
    ...DEMO_MONEY_SETTINGS,
    wallets: JSON.stringify(DEMO_MONEY_SETTINGS.wallets),
    defaultTaxRateIds: JSON.stringify([vat.id]),
  }
  for (const [key, value] of Object.entries(money)) em.create(Setting, { key, value: String(value) })
  const categories = DEMO_CATEGORIES.map(([name, first]) => ({
    first,
    category: em.create(Category, { name, nameKey: name.toLowerCase(), createdAt: at }),
  }))
  DEMO_CATALOG.forEach(([name, priceCents, stock], index) => {
    const last = index === DEMO_CATALOG.length - 1
    const tags = DEMO_TAGS[index] ?? []
    const product = em.create(Product, {
      // 429 is Nepal's GS1 prefix; the rest is a demo company and item number.
      sku: last ? DEMO_LAST_ONE_SKU : `DEMO-${String(index + 1).padStart(3, '0')}`,
      barcode: ean13(`4290001${String(index + 1).padStart(5, '0')}`),
      name,
      priceCents,
      stock,
      active: true,
      category: categories.findLast((shelf) => shelf.first <= index)?.category ?? null,
      tags: tags.length > 0 ? tags.join('|') : null,
      createdAt: at,
      updatedAt: at,
    })
    for (const tag of tags) em.create(ProductTag, { product, tag })
    em.create(ProductTax, { product, taxRate: vat })
    em.create(StockMovement, {
      product,
      deltaQty: stock,
      stockAfter: stock,
      reason: 'initial',
      invoice: null,
      at,
      uid: uuidv7(now),
      tillId,
    })
  })
  for (const token of DEMO_TOKENS) {
    const entity = em.create(Token, { ...token, createdAt: at })
    em.create(TokenLedgerEntry, {
      token: entity,
      deltaCents: token.balanceCents,
      balanceAfterCents: token.balanceCents,
      reason: 'issue',
      invoice: null,
      at,
      uid: uuidv7(now),
      tillId,
    })
  }
  await em.flush()
}
