import { describe, expect, it } from 'vitest'
import type { PromoDto } from '#shared/contract/promos'
import { en } from '../../app/catalogs'
import { fakeBackend, MANAGER, ok, type Reply } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'
import type { PromoFields } from './promo-form.schema'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const FIELDS: PromoFields = {
  code: 'SAVE10',
  name: 'Dashain sale',
  kind: 'percent',
  value: 1000,
  minSpendCents: null,
  startsOn: null,
  endsOn: null,
  maxUses: null,
  productIds: [],
  categoryIds: [],
  active: true,
}

const promoOf = (id: number, fields: PromoFields): PromoDto => ({
  ...fields,
  id,
  uses: 0,
  createdAt: '2026-03-15T04:15:00.000Z',
  updatedAt: '2026-03-15T04:15:00.000Z',
})

/** A backend holding promos in memory, filtering them as core does. */
function promosBackend(extra: Partial<Record<string, (input: unknown) => Reply>> = {}) {
  let promos: PromoDto[] = [promoOf(1, { ...FIELDS, code: 'WELCOME', name: 'Welcome', kind: 'amount', value: 5_000, productIds: [7] })]
  const backend = fakeBackend(MANAGER, {
    'promos:list': (input) => {
      const { status = 'all', query = '' } = input as { status?: string; query?: string }
      const items = promos
        .filter((p) => status === 'all' || p.active === (status === 'active'))
        .filter((p) => `${p.code} ${p.name}`.toUpperCase().includes(query.toUpperCase()))
      return ok({ items, total: items.length })
    },
    'promos:create': (input) => {
      const created = promoOf(promos.length + 1, input as PromoFields)
      promos = [...promos, created]
      return ok(created)
    },
    'promos:update': (input) => {
      const { id, ...change } = input as Partial<PromoFields> & { id: number }
      promos = promos.map((p) => (p.id === id ? { ...p, ...change } : p))
      return ok(promos.find((p) => p.id === id))
    },
    'categories:list': () => ok({ items: [{ id: 2, name: 'Dairy', productCount: 4 }] }),
    'products:get': (input) => ok({ id: (input as { id: number }).id, name: 'DDC Fresh Milk 500ml', sku: 'MILK-500' }),
    'products:list': (input) =>
      ok({
        items: (input as { query: string }).query === 'tea' ? [{ id: 9, name: 'Tokla Tea 250g', sku: 'TEA-250' }] : [],
        total: 0,
      }),
    ...extra,
  })
  return { ...backend, promos: () => backend.store.getState().promos }
}

describe('the promo codes section', () => {
  it('lists, filters by status and text, and creates a code', async () => {
    const { promos, inputsOf } = promosBackend()
    await promos().promosRequested()
    expect(promos().promos?.map((p) => p.code)).toEqual(['WELCOME'])
    await promos().createChosen()
    expect(promos().editor).toEqual({ kind: 'create' })
    expect(promos().categories.map((c) => c.name)).toEqual(['Dairy'])
    expect(await promos().promoSubmitted(FIELDS)).toBeNull()
    expect(inputsOf('promos:create')).toEqual([FIELDS])
    expect(promos().editor).toBeNull()
    expect(text(promos().feedback?.message)).toBe('Created the promo code SAVE10.')
    expect(promos().promos?.map((p) => p.code)).toEqual(['WELCOME', 'SAVE10'])

    await promos().queryTyped(' dash ')
    expect(inputsOf('promos:list').at(-1)).toEqual({ status: 'all', query: 'dash' })
    expect(promos().promos?.map((p) => p.code)).toEqual(['SAVE10'])
    await promos().queryTyped('')
    await promos().statusChosen('inactive')
    expect(inputsOf('promos:list').at(-1)).toEqual({ status: 'inactive' })
    expect(promos().promos).toEqual([])
  })

  it('names the products a promo is limited to, finds more, and sends only what an edit changed', async () => {
    const { promos, inputsOf } = promosBackend()
    await promos().promosRequested()
    await promos().editChosen(1)
    expect(inputsOf('products:get')).toEqual([{ id: 7 }])
    expect(promos().knownProducts[7]?.name).toBe('DDC Fresh Milk 500ml')
    await promos().productsSearched('tea')
    expect(inputsOf('products:list')).toEqual([{ query: 'tea', status: 'active', limit: 8 }])
    expect(promos().productMatches).toEqual([{ id: 9, name: 'Tokla Tea 250g', sku: 'TEA-250' }])
    const welcome = promos().promos![0]!
    await promos().promoSubmitted({ ...welcome, productIds: [7, 9] })
    expect(inputsOf('promos:update')).toEqual([{ id: 1, productIds: [7, 9] }])
    expect(text(promos().feedback?.message)).toBe('Saved WELCOME.')
    // Nothing changed: nothing sent, the form closes.
    await promos().editChosen(1)
    await promos().promoSubmitted({ ...promos().promos![0]! })
    expect(inputsOf('promos:update')).toHaveLength(1)
    expect(promos().editor).toBeNull()
  })

  it('keeps the form open and hands back core’s refusal for a code that is taken', async () => {
    const taken = { code: 'CONFLICT', message: 'taken', params: { what: 'promoCode', code: 'WELCOME' } } as const
    const { promos } = promosBackend({ 'promos:create': () => ({ ok: false, error: taken }) })
    await promos().promosRequested()
    await promos().createChosen()
    expect(await promos().promoSubmitted({ ...FIELDS, code: 'welcome' })).toEqual(taken)
    expect(promos().editor).toEqual({ kind: 'create' })
    expect(promos().editorPending).toBe(false)
    expect(promos().promos?.map((p) => p.code)).toEqual(['WELCOME'])
  })

  it('switches a code off and on from its row', async () => {
    const { promos, inputsOf } = promosBackend()
    await promos().promosRequested()
    await promos().activeToggled(1)
    expect(inputsOf('promos:update')).toEqual([{ id: 1, active: false }])
    expect(promos().promos?.[0]?.active).toBe(false)
    expect(text(promos().feedback?.message)).toBe('WELCOME is switched off: the till refuses it.')
    await promos().activeToggled(1)
    expect(text(promos().feedback?.message)).toBe('WELCOME is switched on: the till takes it.')
  })
})
