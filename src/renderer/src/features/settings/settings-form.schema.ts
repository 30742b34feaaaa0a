/**
 * The settings form's values and schema: the contract's patch schema, except that the cash
 * rounding is typed as an amount in the store's currency ("1.00") and the discount limit as a
 * percent ("10"), which become minor units and basis points. Pure, so it is tested under Node.
 */
import { z } from 'zod'
import { printerFields, printerProblems } from '#shared/contract/printing'
import { settingsPatch, type StoreSettingsDto } from '#shared/contract/settings'
import { UPDATES_URL_MAX, updatesUrlProblem, type UpdatesUrlProblem } from '#shared/contract/updates'
import { decimalAmount, parseDecimalAmount } from '#shared/money/money'
import { parsePercent, percentText } from '../taxes/public'
import type { SettingsPatch } from './settings.slice'

const shape = settingsPatch.shape
const increment = shape.cashRoundingIncrementCents.unwrap()

/** The cash rounding a form may set, in minor units: what the contract takes. */
export const CASH_INCREMENT_RANGE = { min: increment.minValue ?? 1, max: increment.maxValue ?? 100_000 } as const

/** The messages the two typed amounts get when they are not one (the form's encoded messages). */
export interface SettingsFormRefusals {
  readonly cashRounding: string
  readonly percent: string
  /** What the printer's kind needs and is missing: its host, its device, its name. */
  readonly printerHost: string
  readonly printerDevice: string
  readonly printerName: string
  /** Why the typed update folder is not one (the contract's problems, and one too long). */
  readonly updatesUrl: Readonly<Record<UpdatesUrlProblem | 'tooLong', string>>
}

export function settingsFormSchema(decimals: number, refused: SettingsFormRefusals) {
  const printerRefusals = { host: refused.printerHost, device: refused.printerDevice, systemName: refused.printerName }
  return settingsPatch.omit({ cashRoundingIncrementCents: true, discountLimitBps: true, printer: true, updatesUrl: true }).extend({
    // Typed as text: left empty, updates are off (null).
    updatesUrl: z
      .string()
      .transform((typed, context) => {
        const value = typed.trim()
        if (value === '') return null
        const problem = value.length > UPDATES_URL_MAX ? 'tooLong' : updatesUrlProblem(value)
        if (problem) {
          context.addIssue({ code: 'custom', message: refused.updatesUrl[problem] })
          return z.NEVER
        }
        return value
      })
      .optional(),
    // The contract's own rules for the kind's fields, said in the form's words.
    printer: printerFields
      .superRefine((printer, context) => {
        for (const field of printerProblems(printer)) context.addIssue({ code: 'custom', path: [field], message: printerRefusals[field] })
      })
      .optional(),
    cashRoundingIncrement: z
      .string()
      .transform((value, context) => {
        const cents = parseDecimalAmount(value, decimals)
        if (cents === null || cents < CASH_INCREMENT_RANGE.min || cents > CASH_INCREMENT_RANGE.max) {
          context.addIssue({ code: 'custom', message: refused.cashRounding })
          return z.NEVER
        }
        return cents
      })
      .optional(),
    discountLimitPercent: z
      .string()
      .transform((value, context) => {
        const bps = parsePercent(value)
        if (bps === null) {
          context.addIssue({ code: 'custom', message: refused.percent })
          return z.NEVER
        }
        return bps
      })
      .optional(),
  })
}

export type SettingsFormInput = z.input<ReturnType<typeof settingsFormSchema>>
/** Every field, as the form starts. */
export type SettingsFormValues = Required<SettingsFormInput>
export type SettingsFormOutput = z.output<ReturnType<typeof settingsFormSchema>>

/** The form filled from what core answered: every field of the patch, amounts in the store's decimals. */
export function settingsFormValues(settings: StoreSettingsDto): SettingsFormValues {
  return {
    storeName: settings.storeName,
    address: settings.address,
    phone: settings.phone,
    taxNumber: settings.taxNumber,
    currency: settings.currency,
    currencyDecimals: settings.currencyDecimals,
    locale: settings.locale,
    timeZone: settings.timeZone,
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
    sessionIdleMinutes: settings.sessionIdleMinutes,
    signInLockMinutes: settings.signInLockMinutes,
    defaultLowStockAt: settings.defaultLowStockAt,
    taxRounding: settings.taxRounding,
    defaultTaxRateIds: [...settings.defaultTaxRateIds],
    cashRoundingIncrement: decimalAmount(settings.cashRoundingIncrementCents, settings.currencyDecimals),
    cashRoundingMode: settings.cashRoundingMode,
    discountLimitPercent: percentText(settings.discountLimitBps),
    wallets: [...settings.wallets],
    cashiersMayReturn: settings.cashiersMayReturn,
    shiftsEnabled: settings.shiftsEnabled,
    bikramSambat: settings.bikramSambat,
    bikramSambatYears: settings.bikramSambatYears.map((year) => ({ year: year.year, months: [...year.months] })),
    printer: { ...settings.printer },
    updatesUrl: settings.updatesUrl ?? '',
    customerDisplay: { ...settings.customerDisplay },
  }
}

/**
 * Only what differs from the settings the form was filled from is sent, so a save never rewrites
 * a field someone else changed meanwhile (nor one typed again as it was).
 */
export function changedSettings(output: SettingsFormOutput, settings: StoreSettingsDto): SettingsPatch {
  const { cashRoundingIncrement, discountLimitPercent, ...rest } = output
  const wanted: Record<string, unknown> = {
    ...rest,
    cashRoundingIncrementCents: cashRoundingIncrement,
    discountLimitBps: discountLimitPercent,
  }
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(wanted)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(settings[key as keyof StoreSettingsDto])) patch[key] = value
  }
  return patch as SettingsPatch
}

/** The most wallets a store names (the contract's limit). */
export const MAX_WALLETS = 10

/** A wallet added to the list, or why not: a name in it already (ignoring case), or a full list. */
export function withWallet(wallets: readonly string[], typed: string): { wallets: string[] } | { refused: 'taken' | 'full' } | null {
  const name = typed.trim()
  if (name === '') return null
  if (wallets.some((other) => other.toLowerCase() === name.toLowerCase())) return { refused: 'taken' }
  if (wallets.length >= MAX_WALLETS) return { refused: 'full' }
  return { wallets: [...wallets, name] }
}
