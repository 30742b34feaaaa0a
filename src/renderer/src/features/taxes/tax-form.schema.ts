/**
 * The tax form's values and schema: the contract's own name rule, and the rate typed as a percent
 * ("13", "12.5") that becomes basis points. Pure, so it is tested under Node.
 */
import { z } from 'zod'
import { taxesContract, type TaxRateDto } from '#shared/contract/taxes'
import { parsePercent, percentText } from './percent'

const fields = taxesContract['taxes:create'].input.shape

export interface TaxFormValues {
  name: string
  rate: string
  /** 'included' or 'added', as the radio buttons hold it. */
  kind: 'included' | 'added'
}

/** `rateRefused` is the error a rate that is not a percent gets (the form's encoded message). */
export function taxFormSchema(rateRefused: string) {
  return z.object({
    name: fields.name,
    rate: z.string().transform((value, context) => {
      const bps = parsePercent(value)
      if (bps === null) {
        context.addIssue({ code: 'custom', message: rateRefused })
        return z.NEVER
      }
      return bps
    }),
    kind: z.enum(['included', 'added']),
  })
}

export type TaxFormOutput = z.output<ReturnType<typeof taxFormSchema>>

export interface TaxFields {
  readonly name: string
  readonly rateBps: number
  readonly included: boolean
}

export function taxFieldsOf(values: TaxFormOutput): TaxFields {
  return { name: values.name, rateBps: values.rate, included: values.kind === 'included' }
}

export function taxFormValues(tax: TaxRateDto | null): TaxFormValues {
  return tax
    ? { name: tax.name, rate: percentText(tax.rateBps), kind: tax.included ? 'included' : 'added' }
    : { name: '', rate: '', kind: 'included' }
}
