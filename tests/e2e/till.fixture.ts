import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { BackendClient } from '#core/backend'
import type { ProductDto } from '#shared/contract/catalog'
import { formatMoney } from '#shared/money/money'
import { startHarness, type Harness, type OpenTillOptions, type Till } from './harness'
import { LoginPage } from './pages/login.page'
import { normalise } from './pages/receipt.page'
import { RegisterPage } from './pages/register.page'

export const TOKENS = {
  /** NPR 10,000.00, valid to 2099-12-31. */
  good: '11111111-1111-4111-8111-111111111111',
  /** NPR 5.00. */
  low: '22222222-2222-4222-8222-222222222222',
  /** Expired 2020-01-01. */
  expired: '33333333-3333-4333-8333-333333333333',
} as const

export const LAST_ONE_SKU = 'DEMO-LAST-ONE'

/** An amount as the demo store's screens show it, with plain spaces. */
export function npr(cents: number): string {
  return normalise(formatMoney(cents, { currency: 'NPR', locale: 'en-IN' }))
}

/**
 * One browser for the spec file and a fresh till (database, session, page) for every test.
 * Returns a getter for the current test's till.
 */
export function useTills(): () => Till {
  let harness: Harness | undefined
  let till: Till | undefined
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })
  beforeEach(async () => {
    till = await harness!.openTill()
  })
  afterEach(async () => {
    await till?.close()
    till = undefined
  })
  return () => {
    if (!till) throw new Error('no till open: call inside a test')
    return till
  }
}

/**
 * One browser for the spec file; each test opens the tills it needs (an empty store, the demo, a
 * given file), and every one is closed after the test. Returns the opener.
 */
export function useHarness(): (options?: OpenTillOptions) => Promise<Till> {
  let harness: Harness | undefined
  const open: Till[] = []
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterEach(async () => {
    for (const till of open.splice(0)) await till.close()
  })
  afterAll(async () => {
    await harness?.close()
  })
  return async (options) => {
    if (!harness) throw new Error('no harness: call inside a test')
    const till = await harness.openTill(options)
    open.push(till)
    return till
  }
}

/** Signs in as the demo cashier with the keyboard and waits for the register. */
export async function signInAsCashier(till: Till): Promise<RegisterPage> {
  await new LoginPage(till.page).signInWithKeyboard('cashier', 'cashier')
  const register = new RegisterPage(till.page)
  await register.waitUntilShown()
  await register.waitForScanFocus()
  return register
}

/** Products from the demo catalog, found through the backend rather than hard-coded. */
export async function findProducts(client: BackendClient, query: string): Promise<ProductDto[]> {
  const reply = await client.invoke('catalog:search', { query, limit: 50 })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data.items
}

/** The first demo product a search finds; stops the test with a clear message when the demo has none. */
export async function demoProduct(client: BackendClient, query: string): Promise<ProductDto> {
  const [product] = await findProducts(client, query)
  if (!product) throw new Error(`the demo store needs ${query}`)
  return product
}

/** Signs in as the demo cashier and scans one of the product: the register with its line shown, ready to pay. */
export async function signInAndScan(till: Till, product: Pick<ProductDto, 'sku' | 'name'>): Promise<RegisterPage> {
  const register = await signInAsCashier(till)
  await register.scan(product.sku)
  await register.waitForLine(product.name, 1)
  return register
}

export async function productByCode(client: BackendClient, code: string): Promise<ProductDto> {
  const reply = await client.invoke('catalog:lookup', { code })
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.data
}
