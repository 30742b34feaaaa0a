/** Schemas every feature's contract is built from. */
import { z } from 'zod'
import { LANGUAGES, languageOfLocale, type Language } from '../i18n/languages'

export const id = z.int().positive().max(Number.MAX_SAFE_INTEGER)
export const cents = z.int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
export const nonNegativeCents = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
export const isoDate = z.iso.date()
export const isoDateTime = z.iso.datetime({ offset: true })
export const empty = z.strictObject({})

/**
 * Text a person typed or scanned. Control characters (NUL above all) are never part of a name, code
 * or search, and SQLite would cut a string at a NUL, so they are refused at the door.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/
export const text = (max: number, { trim = true } = {}) =>
  (trim ? z.string().trim() : z.string()).max(max).refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters')

/** A manager's approval (`auth:approve`) for one call that needs a permission the caller lacks. */
export const approvalId = z.uuid()

/**
 * The input of a channel that needs a named permission: its own fields plus an optional
 * `approvalId`, which core consumes before the handler runs.
 */
export function protectedInput<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({ ...shape, approvalId: approvalId.optional() })
}

/** One tax the sale charges: its base (the net of the lines that carry it) and amount. */
export const saleTaxDto = z.strictObject({
  /** The tax rate's id. */
  id,
  name: z.string(),
  rateBps: z.int().min(0),
  included: z.boolean(),
  baseCents: nonNegativeCents,
  taxCents: nonNegativeCents,
})
export type SaleTaxDto = z.infer<typeof saleTaxDto>

/** The languages the till has texts in (`src/shared/i18n/languages.ts`), as a schema. */
export const language = z.enum(LANGUAGES)
export { LANGUAGES, languageOfLocale, type Language }
