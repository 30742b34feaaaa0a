/**
 * The token forms' schemas: what a manager types (text) on the way to a channel's input, checked
 * field by field with the contract's own schemas at the end. A refusal's message is one of ours,
 * encoded for react-hook-form (`ui/form-issues`), so the screen says it in the user's language.
 */
import { z } from 'zod'
import { isoDate } from '#shared/contract/common'
import { MAX_TOKEN_BALANCE_CENTS, tokensContract } from '#shared/contract/tokens'
import { parseDecimalAmount } from '#shared/money/money'
import { messagesOf, money, type Message } from '../../platform/i18n/translate'
import { encodeMessage } from '../../ui/form-issues'
import type { TokensTexts } from './tokens.en'

const msg = messagesOf<TokensTexts>()

const issueInput = tokensContract['tokens:issue'].input.shape
const topUpInput = tokensContract['tokens:topUp'].input.shape
const updateInput = tokensContract['tokens:update'].input.shape

const DAY = /^\d{4}-\d{2}-\d{2}$/

function refused(ctx: z.RefinementCtx, message: Message): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: encodeMessage(message) })
  return z.NEVER
}

/** An amount typed in the store's currency ("1,500.50"), in minor units, above zero and within a token's limit. */
function amountField(decimals: number) {
  return z.string().transform((text, ctx) => {
    const cents = parseDecimalAmount(text, decimals)
    if (cents === null) return refused(ctx, msg('tokens.form.amount'))
    if (cents < 1) return refused(ctx, msg('tokens.form.amountZero'))
    if (cents > MAX_TOKEN_BALANCE_CENTS) return refused(ctx, msg('tokens.form.amountTooBig', { max: money(MAX_TOKEN_BALANCE_CENTS) }))
    return cents
  })
}

/** A last valid day: today (the store's) or later. */
function dayField(today: string) {
  return z.string().transform((day, ctx) => {
    if (!DAY.test(day)) return refused(ctx, msg('tokens.form.date'))
    if (day < today) return refused(ctx, msg('tokens.form.pastDate'))
    return day
  })
}

/** Optional text: empty means none. */
const optionalText = z.string().transform((text) => (text.trim() === '' ? undefined : text.trim()))

export function issueFormSchema(decimals: number, today: string) {
  return z
    .object({
      balance: amountField(decimals).pipe(issueInput.balanceCents),
      expiresOn: dayField(today).pipe(issueInput.expiresOn),
      holderName: optionalText.pipe(issueInput.holderName),
      note: optionalText.pipe(issueInput.note),
    })
    .transform(({ balance, expiresOn, holderName, note }) => ({
      balanceCents: balance,
      expiresOn,
      ...(holderName === undefined ? {} : { holderName }),
      ...(note === undefined ? {} : { note }),
    }))
}
export type IssueFormValues = z.input<ReturnType<typeof issueFormSchema>>
export type IssueInput = z.output<ReturnType<typeof issueFormSchema>>

export function topUpFormSchema(decimals: number) {
  return z
    .object({ amount: amountField(decimals).pipe(topUpInput.amountCents), note: optionalText.pipe(topUpInput.note) })
    .transform(({ amount, note }) => ({ amountCents: amount, ...(note === undefined ? {} : { note }) }))
}
export type TopUpFormValues = z.input<ReturnType<typeof topUpFormSchema>>
export type TopUpInput = z.output<ReturnType<typeof topUpFormSchema>>

export function expiryFormSchema(today: string) {
  // The contract's `expiresOn` is optional in an update; here it is the one thing sent.
  return z.object({ expiresOn: dayField(today).pipe(isoDate) })
}
export type ExpiryFormValues = z.input<ReturnType<typeof expiryFormSchema>>

/** An empty holder takes the name off the card (`null`). */
export const holderFormSchema = z.object({
  holderName: z
    .string()
    .transform((text) => (text.trim() === '' ? null : text.trim()))
    .pipe(updateInput.holderName.unwrap()),
})
export type HolderFormValues = z.input<typeof holderFormSchema>
