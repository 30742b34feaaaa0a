/**
 * The adjust form: a reason, a quantity typed as text, a note. Each reason moves stock one way
 * (core refuses the others): received and returned add what is typed, damaged takes it away, a
 * stock count sets the count, a correction changes by a signed amount or sets the count. Pure, so
 * it is tested under Node; the result is checked by the contract's own schema.
 */
import { latinDigits } from '#shared/i18n/digits'
import { z } from 'zod'
import { STOCK_REASONS, stockContract } from '#shared/contract/stock'
import type { MessageKey, PlainKey } from '../../platform/i18n/translate'
import { encodeMessage } from '../../ui/form-issues'
import type { StockAdjustInput } from './stock.slice'
import type { StockTexts } from './stock.en'

export type StockReason = (typeof STOCK_REASONS)[number]
export type AdjustMode = 'delta' | 'counted'

export interface AdjustFormValues {
  reason: StockReason
  /** Only a correction lets the person choose; the other reasons have one way each. */
  mode: AdjustMode
  quantity: string
  note: string
}

/** The way a reason changes stock, given the mode a correction was set to. */
export function modeOf(reason: StockReason, mode: AdjustMode): AdjustMode {
  if (reason === 'count') return 'counted'
  if (reason === 'correction') return mode
  return 'delta'
}

/** The label of the quantity box for a reason (and a correction's mode). */
export function quantityLabel(reason: StockReason, mode: AdjustMode): PlainKey<StockTexts> {
  if (reason === 'correction') return mode === 'counted' ? 'stock.quantity.counted' : 'stock.quantity.delta'
  return `stock.quantity.${reason}`
}

const MAX = 1_000_000

/** A whole number as typed, with an optional sign (a typed "−" counts as minus); null when it is not one. */
function wholeNumber(text: string, signed: boolean): number | null {
  const match = /^([+\-−]?)(\d{1,7})$/.exec(latinDigits(text).trim().replace(/[\s,]/g, ''))
  if (!match) return null
  const [, sign = '', digits = ''] = match
  if (sign !== '' && !signed) return null
  const value = Number(digits)
  return sign === '-' || sign === '−' ? -value : value
}

export type Adjustment = { readonly input: Omit<StockAdjustInput, 'productId'> } | { readonly problem: MessageKey<StockTexts> }

/** What the form asks core to do, or which text says what is wrong with the quantity. */
export function adjustmentOf(values: AdjustFormValues): Adjustment {
  const mode = modeOf(values.reason, values.mode)
  const note = values.note.trim() === '' ? {} : { note: values.note }
  if (mode === 'counted') {
    const counted = wholeNumber(values.quantity, false)
    if (counted === null || counted > MAX) return { problem: 'stock.invalid.counted' }
    return { input: { reason: values.reason, counted, ...note } }
  }
  if (values.reason === 'correction') {
    const delta = wholeNumber(values.quantity, true)
    if (delta === null || delta === 0 || Math.abs(delta) > MAX) return { problem: 'stock.invalid.delta' }
    return { input: { reason: values.reason, delta, ...note } }
  }
  const quantity = wholeNumber(values.quantity, false)
  if (quantity === null || quantity < 1 || quantity > MAX) return { problem: 'stock.invalid.quantity' }
  return { input: { reason: values.reason, delta: values.reason === 'damaged' ? -quantity : quantity, ...note } }
}

const fields = stockContract['stock:adjust'].input.shape

/** The form's schema: the quantity checked per reason, the note by the contract. */
export const adjustFormSchema = z
  .object({ reason: z.enum(STOCK_REASONS), mode: z.enum(['delta', 'counted']), quantity: z.string(), note: fields.note.unwrap() })
  .transform((values, context) => {
    const adjustment = adjustmentOf(values)
    if ('problem' in adjustment) {
      context.addIssue({ code: 'custom', path: ['quantity'], message: encodeMessage({ key: adjustment.problem }) })
      return z.NEVER
    }
    return adjustment.input
  })

export type AdjustFormOutput = z.output<typeof adjustFormSchema>
