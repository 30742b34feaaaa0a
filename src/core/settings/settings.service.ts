import type { EntityManager } from '@mikro-orm/sqlite'
import type { StoreSettings } from '#core/common/context'
import { Setting } from '#core/db/entities'

export const DEFAULT_SETTINGS: StoreSettings = {
  storeName: 'Tillwise Store',
  currency: 'NPR',
  locale: 'en-IN',
  demo: false,
  sessionIdleMinutes: 15,
  signInLockMinutes: 15,
  tillCode: '',
}

export async function loadSettings(em: EntityManager): Promise<StoreSettings> {
  const rows = await em.find(Setting, {})
  const values = new Map(rows.map((row) => [row.key, row.value]))
  return {
    storeName: values.get('storeName') ?? DEFAULT_SETTINGS.storeName,
    currency: values.get('currency') ?? DEFAULT_SETTINGS.currency,
    locale: values.get('locale') ?? DEFAULT_SETTINGS.locale,
    demo: values.get('demo') === 'true',
    sessionIdleMinutes: positiveInt(values.get('sessionIdleMinutes')) ?? DEFAULT_SETTINGS.sessionIdleMinutes,
    signInLockMinutes: positiveInt(values.get('signInLockMinutes')) ?? DEFAULT_SETTINGS.signInLockMinutes,
    tillCode: values.get('tillCode') ?? DEFAULT_SETTINGS.tillCode,
  }
}

function positiveInt(text: string | undefined): number | null {
  const value = Number(text)
  return text !== undefined && Number.isSafeInteger(value) && value > 0 ? value : null
}
