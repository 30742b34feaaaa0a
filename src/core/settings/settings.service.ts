import type { EntityManager } from '@mikro-orm/sqlite'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { customerDisplaySettings, DEFAULT_CUSTOMER_DISPLAY } from '#shared/contract/display'
import { DEFAULT_PRINTER, printerSettings } from '#shared/contract/printing'
import { updatesUrl } from '#shared/contract/updates'
import { localeTag } from '#shared/contract/setup'
import { bikramSambatYears, cashRoundingMode, taxRounding, type settingsPatch, type StoreSettingsDto } from '#shared/contract/settings'
import type { RequestContext, SessionUser, StoreSettings } from '#core/common/context'
import { DomainError } from '#core/common/domain-error'
import type { AuditDetails } from '#core/db/audit-chain'
import { Setting, type TillDatabase } from '#core/db/entities'
import { bindStatements, nativeDatabase } from '#core/db/statements'
import { read, write } from '#core/db/tx'
import { checkTaxRateIds } from '#core/catalog/taxes.service'
import { SETTINGS_SQL } from './settings.statements'

export type SettingsPatch = z.infer<typeof settingsPatch>

export const DEFAULT_SETTINGS: StoreSettings = {
  storeName: 'Tillwise Store',
  address: '',
  phone: '',
  taxNumber: '',
  currency: 'NPR',
  currencyDecimals: 2,
  locale: 'en-IN',
  timeZone: 'Asia/Kathmandu',
  receiptHeader: '',
  receiptFooter: '',
  defaultLowStockAt: 5,
  demo: false,
  setupRequired: true,
  sessionIdleMinutes: 15,
  signInLockMinutes: 15,
  tillCode: '',
  taxRounding: 'perLine',
  defaultTaxRateIds: [],
  cashRoundingIncrementCents: 1,
  cashRoundingMode: 'halfUp',
  discountLimitBps: 1000,
  wallets: [],
  cashiersMayReturn: false,
  shiftsEnabled: false,
  bikramSambat: false,
  bikramSambatYears: [],
  printer: DEFAULT_PRINTER,
  customerDisplay: DEFAULT_CUSTOMER_DISPLAY,
  updatesUrl: null,
}

/** The settings a person may change (`settings:update`), each kept as one row of `setting`. */
const PATCH_KEYS = [
  'storeName',
  'address',
  'phone',
  'taxNumber',
  'currency',
  'currencyDecimals',
  'locale',
  'timeZone',
  'receiptHeader',
  'receiptFooter',
  'sessionIdleMinutes',
  'signInLockMinutes',
  'defaultLowStockAt',
  'taxRounding',
  'defaultTaxRateIds',
  'cashRoundingIncrementCents',
  'cashRoundingMode',
  'discountLimitBps',
  'wallets',
  'cashiersMayReturn',
  'bikramSambat',
  'bikramSambatYears',
  'shiftsEnabled',
  'printer',
  'customerDisplay',
  'updatesUrl',
] as const satisfies readonly (keyof SettingsPatch & keyof StoreSettings)[]

/**
 * Reads every setting, with the default for one never written; `setupRequired` while no user exists.
 * Two plain statements, not the ORM: this runs at every start, and the ORM's first query costs ~30 ms
 * of it (npm run bench:startup); the ORM warms up at the first sign-in instead.
 */
export async function loadSettings(em: EntityManager): Promise<StoreSettings> {
  const sql = bindStatements(await nativeDatabase(em), SETTINGS_SQL)
  const values = new Map(sql.all().map((row) => [row.key, row.value]))
  const text = (key: keyof StoreSettings & string, fallback: string) => values.get(key) ?? fallback
  const decimals = Number(values.get('currencyDecimals'))
  return {
    storeName: text('storeName', DEFAULT_SETTINGS.storeName),
    address: text('address', DEFAULT_SETTINGS.address),
    phone: text('phone', DEFAULT_SETTINGS.phone),
    taxNumber: text('taxNumber', DEFAULT_SETTINGS.taxNumber),
    currency: text('currency', DEFAULT_SETTINGS.currency),
    currencyDecimals: decimals === 0 || decimals === 2 || decimals === 3 ? decimals : DEFAULT_SETTINGS.currencyDecimals,
    locale: text('locale', DEFAULT_SETTINGS.locale),
    timeZone: text('timeZone', DEFAULT_SETTINGS.timeZone),
    receiptHeader: text('receiptHeader', DEFAULT_SETTINGS.receiptHeader),
    receiptFooter: text('receiptFooter', DEFAULT_SETTINGS.receiptFooter),
    defaultLowStockAt: wholeNumber(values.get('defaultLowStockAt'), 0) ?? DEFAULT_SETTINGS.defaultLowStockAt,
    demo: values.get('demo') === 'true',
    setupRequired: sql.anyUser() !== 1,
    sessionIdleMinutes: wholeNumber(values.get('sessionIdleMinutes'), 1) ?? DEFAULT_SETTINGS.sessionIdleMinutes,
    signInLockMinutes: wholeNumber(values.get('signInLockMinutes'), 1) ?? DEFAULT_SETTINGS.signInLockMinutes,
    tillCode: text('tillCode', DEFAULT_SETTINGS.tillCode),
    taxRounding: taxRounding.safeParse(values.get('taxRounding')).data ?? DEFAULT_SETTINGS.taxRounding,
    defaultTaxRateIds: jsonList(values.get('defaultTaxRateIds'), (item) => Number.isSafeInteger(item) && (item as number) > 0) as number[],
    cashRoundingIncrementCents: wholeNumber(values.get('cashRoundingIncrementCents'), 1) ?? DEFAULT_SETTINGS.cashRoundingIncrementCents,
    cashRoundingMode: cashRoundingMode.safeParse(values.get('cashRoundingMode')).data ?? DEFAULT_SETTINGS.cashRoundingMode,
    discountLimitBps: Math.min(10_000, wholeNumber(values.get('discountLimitBps'), 0) ?? DEFAULT_SETTINGS.discountLimitBps),
    wallets: jsonList(values.get('wallets'), (item) => typeof item === 'string') as string[],
    cashiersMayReturn: values.get('cashiersMayReturn') === 'true',
    bikramSambat: values.get('bikramSambat') === 'true',
    bikramSambatYears: bikramSambatYearsOf(values.get('bikramSambatYears')),
    shiftsEnabled: values.get('shiftsEnabled') === 'true',
    printer: printerOf(values.get('printer')),
    customerDisplay: customerDisplayOf(values.get('customerDisplay')),
    updatesUrl: updatesUrlOf(values.get('updatesUrl')),
  }
}

/** The printer kept as JSON text; what is not a valid one (a newer shape, a damaged row) reads as none. */
function printerOf(text: string | undefined): StoreSettings['printer'] {
  if (text === undefined) return DEFAULT_PRINTER
  try {
    return printerSettings.safeParse({ ...DEFAULT_PRINTER, ...(JSON.parse(text) as object) }).data ?? DEFAULT_PRINTER
  } catch {
    return DEFAULT_PRINTER
  }
}

/** The store's added BS years kept as JSON text; what is not a valid list (a damaged row) reads as none. */
function bikramSambatYearsOf(text: string | undefined): StoreSettings['bikramSambatYears'] {
  if (text === undefined) return []
  try {
    return bikramSambatYears.safeParse(JSON.parse(text)).data ?? []
  } catch {
    return []
  }
}

/** The customer display kept as JSON text; what is not a valid one reads as off. */
/** The update folder kept as text, '' when off; one that is not a valid address (a damaged row) reads as off. */
function updatesUrlOf(text: string | undefined): string | null {
  if (text === undefined || text === '') return null
  return updatesUrl.safeParse(text).data ?? null
}

function customerDisplayOf(text: string | undefined): StoreSettings['customerDisplay'] {
  if (text === undefined) return DEFAULT_CUSTOMER_DISPLAY
  try {
    return customerDisplaySettings.safeParse(JSON.parse(text)).data ?? DEFAULT_CUSTOMER_DISPLAY
  } catch {
    return DEFAULT_CUSTOMER_DISPLAY
  }
}

/** A list kept as JSON text; what is not one (or holds the wrong items) reads as empty. */
function jsonList(text: string | undefined, valid: (item: unknown) => boolean): unknown[] {
  if (text === undefined) return []
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) && parsed.every(valid) ? parsed : []
  } catch {
    return []
  }
}

function wholeNumber(text: string | undefined, min: number): number | null {
  const value = Number(text)
  return text !== undefined && text.trim() !== '' && Number.isSafeInteger(value) && value >= min ? value : null
}

/** An IANA name (`Asia/Kathmandu`, `UTC`): letters first, so a bare offset such as `+05:45` is not one. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/

/** The time zone as given (trimmed) when this machine's Intl knows it; VALIDATION_FAILED timeZone naming `field` otherwise. */
export function checkTimeZone(typed: string, field: string): string {
  const zone = typed.trim()
  if (ZONE_NAME.test(zone)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone })
      return zone
    } catch {
      // Not a zone Intl knows: refused below.
    }
  }
  throw new DomainError('VALIDATION_FAILED', `'${zone.slice(0, 64)}' is not a time zone this computer knows.`, { rule: 'timeZone', field })
}

/** Writes settings rows: the one door for set-up and `settings:update` (inside their transaction). */
export async function writeSettings(em: EntityManager, values: Partial<Record<string, string | number>>): Promise<void> {
  const keys = Object.keys(values)
  const rows = new Map((await em.find(Setting, { key: { $in: keys } })).map((row) => [row.key, row]))
  for (const key of keys) {
    const value = String(values[key])
    const row = rows.get(key)
    if (row) row.value = value
    else em.create(Setting, { key, value })
  }
  await em.flush()
}

/** Whether any sale is on record: from then on every amount is in the currency's minor units. */
async function hasSold(kysely: Kysely<TillDatabase>): Promise<boolean> {
  return (await kysely.selectFrom('invoice').select('id').limit(1).executeTakeFirst()) !== undefined
}

/** The settings as the screen edits them, with whether the currency is fixed by a sale. */
export async function getSettings(ctx: RequestContext): Promise<StoreSettingsDto> {
  const currencyLocked = await read(ctx, ({ kysely }) => hasSold(kysely))
  return toSettingsDto(ctx.settings, currencyLocked)
}

function toSettingsDto(settings: StoreSettings, currencyLocked: boolean): StoreSettingsDto {
  return {
    storeName: settings.storeName,
    address: settings.address,
    phone: settings.phone,
    taxNumber: settings.taxNumber,
    currency: settings.currency,
    currencyDecimals: settings.currencyDecimals,
    locale: localeTag.safeParse(settings.locale).data ?? 'en-IN',
    timeZone: settings.timeZone,
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
    sessionIdleMinutes: settings.sessionIdleMinutes,
    signInLockMinutes: settings.signInLockMinutes,
    defaultLowStockAt: settings.defaultLowStockAt,
    taxRounding: settings.taxRounding,
    defaultTaxRateIds: settings.defaultTaxRateIds,
    cashRoundingIncrementCents: settings.cashRoundingIncrementCents,
    cashRoundingMode: settings.cashRoundingMode,
    discountLimitBps: settings.discountLimitBps,
    wallets: settings.wallets,
    cashiersMayReturn: settings.cashiersMayReturn,
    bikramSambat: settings.bikramSambat,
    bikramSambatYears: settings.bikramSambatYears,
    shiftsEnabled: settings.shiftsEnabled,
    printer: settings.printer,
    customerDisplay: settings.customerDisplay,
    updatesUrl: settings.updatesUrl,
    demo: settings.demo,
    currencyLocked,
  }
}

/**
 * A partial change of the store's settings, audited with each changed key's value before and after.
 * The currency and its decimals are fixed once the store has sold (CONFLICT currencyLocked): every
 * amount on record is in their minor units. The next call, on any window, sees the new settings.
 */
export async function updateSettings(ctx: RequestContext, actor: SessionUser, patch: SettingsPatch): Promise<StoreSettingsDto> {
  const wanted: SettingsPatch =
    patch.timeZone === undefined ? patch : { ...patch, timeZone: checkTimeZone(patch.timeZone, 'patch.timeZone') }
  const currencyLocked = await write(ctx, async (tx) => {
    const current = await loadSettings(tx.em)
    const sold = await hasSold(tx.kysely)
    const changed = PATCH_KEYS.filter((key) => wanted[key] !== undefined && JSON.stringify(wanted[key]) !== JSON.stringify(current[key]))
    if (changed.length === 0) return sold
    if ((changed.includes('currency') || changed.includes('currencyDecimals')) && sold) {
      throw new DomainError('CONFLICT', 'The currency cannot change once the store has made a sale.', { what: 'currencyLocked' })
    }
    // New products get these: each must be a rate the store has, switched on.
    if (changed.includes('defaultTaxRateIds')) {
      wanted.defaultTaxRateIds = await checkTaxRateIds(tx, wanted.defaultTaxRateIds!, 'patch.defaultTaxRateIds')
    }
    const values: Partial<Record<string, string | number>> = {}
    const details: AuditDetails = {}
    for (const key of changed) {
      const value = wanted[key]!
      const structured = Array.isArray(value) || (typeof value === 'object' && value !== null)
      // A setting switched off (the update folder) is kept as empty text.
      values[key] =
        value === null
          ? ''
          : structured
            ? JSON.stringify(key === 'wallets' && Array.isArray(value) ? value.map((name) => String(name).trim()) : value)
            : typeof value === 'boolean'
              ? String(value)
              : (value as string | number)
      const before = current[key]
      details[`before.${key}`] = before === null ? null : typeof before === 'object' ? JSON.stringify(before) : before
      details[`after.${key}`] = structured ? JSON.stringify(value) : (value as string | number | boolean)
    }
    await writeSettings(tx.em, values)
    // Another update folder: what the last check found there is no longer one install takes.
    if (changed.includes('updatesUrl')) ctx.updates.found = null
    tx.audit({ action: 'settings.updated', actor: { id: actor.id, name: actor.displayName }, subject: changed.join(','), details })
    return sold
  })
  return toSettingsDto(await ctx.store.reloadSettings(), currencyLocked)
}
