import { describe, expect, it } from 'vitest'
import type { TaxRateDto } from '#shared/contract/taxes'
import { en } from '../../app/catalogs'
import { fakeBackend, MANAGER, ok, type Reply } from '../../app/fake-backend.helper'
import { createTranslator, type Message } from '../../platform/i18n/translate'

const { render } = createTranslator(en, 'en')
const text = (message: Message | null | undefined) => (message ? render(message) : null)

const VAT: TaxRateDto = { id: 1, name: 'VAT', rateBps: 1300, included: true, active: true, productCount: 57 }

function taxesBackend(extra: Partial<Record<string, (input: unknown) => Reply>> = {}) {
  let rates: TaxRateDto[] = [VAT]
  return fakeBackend(MANAGER, {
    'taxes:list': () => ok({ items: rates }),
    'taxes:create': (input) => {
      const created = { ...(input as Omit<TaxRateDto, 'id' | 'active' | 'productCount'>), id: 2, active: true, productCount: 0 }
      rates = [...rates, created]
      return ok(created)
    },
    'taxes:update': (input) => {
      const change = input as Partial<TaxRateDto> & { id: number }
      rates = rates.map((tax) => (tax.id === change.id ? { ...tax, ...change } : tax))
      return ok(rates.find((tax) => tax.id === change.id))
    },
    ...extra,
  })
}

describe('the taxes section', () => {
  it('lists the rates, creates one and lists again', async () => {
    const { store, inputsOf } = taxesBackend()
    const taxes = () => store.getState().taxes
    await taxes().taxesRequested()
    expect(taxes().rates).toEqual([VAT])
    taxes().createChosen()
    expect(taxes().editor).toEqual({ kind: 'create' })
    await taxes().taxSubmitted({ name: 'Service charge', rateBps: 1000, included: false })
    expect(inputsOf('taxes:create')).toEqual([{ name: 'Service charge', rateBps: 1000, included: false }])
    expect(taxes().editor).toBeNull()
    expect(taxes().rates?.map((tax) => tax.name)).toEqual(['VAT', 'Service charge'])
    expect(text(taxes().feedback?.message)).toBe('Created the tax “Service charge”.')
  })

  it('sends only what an edit changed, and nothing when nothing did', async () => {
    const { store, inputsOf } = taxesBackend()
    const taxes = () => store.getState().taxes
    await taxes().taxesRequested()
    taxes().editChosen(VAT.id)
    await taxes().taxSubmitted({ name: 'VAT', rateBps: 1300, included: true })
    expect(inputsOf('taxes:update')).toEqual([])
    expect(taxes().editor).toBeNull()
    taxes().editChosen(VAT.id)
    await taxes().taxSubmitted({ name: 'VAT', rateBps: 1500, included: true })
    expect(inputsOf('taxes:update')).toEqual([{ id: VAT.id, rateBps: 1500 }])
    expect(text(taxes().feedback?.message)).toBe('Saved “VAT”.')
  })

  it('keeps the form open with core’s refusal, worded by the error catalog', async () => {
    const { store } = taxesBackend({
      'taxes:create': () => ({ ok: false, error: { code: 'CONFLICT', message: 'taken', params: { what: 'taxRate', name: 'VAT' } } }),
    })
    const taxes = () => store.getState().taxes
    await taxes().taxesRequested()
    taxes().createChosen()
    await taxes().taxSubmitted({ name: 'vat', rateBps: 500, included: true })
    expect(taxes().editor).toEqual({ kind: 'create' })
    expect(text(taxes().editorError)).toBe("There is already a tax called 'VAT'.")
  })

  it('switches a rate off and on again from its row', async () => {
    const { store, inputsOf } = taxesBackend()
    const taxes = () => store.getState().taxes
    await taxes().taxesRequested()
    await taxes().activeToggled(VAT.id)
    expect(inputsOf('taxes:update')).toEqual([{ id: VAT.id, active: false }])
    expect(taxes().rates?.[0]?.active).toBe(false)
    expect(text(taxes().feedback?.message)).toBe('“VAT” is switched off: it is no longer charged or offered for products.')
    await taxes().activeToggled(VAT.id)
    expect(taxes().rates?.[0]?.active).toBe(true)
  })
})
