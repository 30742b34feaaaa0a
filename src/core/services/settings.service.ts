import type { EntityManager } from '@mikro-orm/sqlite'
import type { StoreSettings } from '../context'
import { Setting } from '../db/entities'

export const DEFAULT_SETTINGS: StoreSettings = {
  storeName: 'Tillwise Store',
  currency: 'NPR',
  locale: 'en-IN',
  demo: false,
}

export async function loadSettings(em: EntityManager): Promise<StoreSettings> {
  const rows = await em.find(Setting, {})
  const values = new Map(rows.map((row) => [row.key, row.value]))
  return {
    storeName: values.get('storeName') ?? DEFAULT_SETTINGS.storeName,
    currency: values.get('currency') ?? DEFAULT_SETTINGS.currency,
    locale: values.get('locale') ?? DEFAULT_SETTINGS.locale,
    demo: values.get('demo') === 'true',
  }
}
