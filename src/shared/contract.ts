/**
 * The IPC contract: one entry per channel with its input and output schema and the role it needs.
 * Main validates every input with it, the preload builds `window.pos` from its channel list and the
 * renderer's client is typed by it. Adding a channel means adding one entry here and one handler in
 * core (the compiler flags a channel without a handler).
 */
import { z } from 'zod'
import type { IpcResult } from './errors'
import { CHANNEL_NAMES, type ChannelName } from './channels'

export { ipcChannelName } from './channels'

export type Role = 'cashier' | 'manager'
/** Who may call a channel: anyone, any signed-in user, or a manager. */
export type Access = 'public' | 'cashier' | 'manager'

const id = z.int().positive().max(Number.MAX_SAFE_INTEGER)
const cents = z.int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
const nonNegativeCents = z.int().min(0).max(Number.MAX_SAFE_INTEGER)
const isoDate = z.iso.date()
const isoDateTime = z.iso.datetime({ offset: true })
const empty = z.strictObject({})
/**
 * Text a person typed or scanned. Control characters (NUL above all) are never part of a name, code
 * or search, and SQLite would cut a string at a NUL, so they are refused at the door.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/
const text = (max: number, { trim = true } = {}) =>
  (trim ? z.string().trim() : z.string())
    .max(max)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters')

export const userDto = z.strictObject({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['cashier', 'manager']),
})
export type UserDto = z.infer<typeof userDto>

export const productDto = z.strictObject({
  id,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  priceCents: nonNegativeCents,
  stock: z.int(),
})
export type ProductDto = z.infer<typeof productDto>

export const cartLineDto = z.strictObject({
  productId: id,
  sku: z.string(),
  name: z.string(),
  unitPriceCents: nonNegativeCents,
  quantity: z.int().min(1),
  lineTotalCents: nonNegativeCents,
  /** Recorded stock, so the screen can warn when the cart holds more than the shelf count. */
  stock: z.int(),
})
export type CartLineDto = z.infer<typeof cartLineDto>

export const cartDto = z.strictObject({
  lines: z.array(cartLineDto),
  itemCount: z.int().min(0),
  totalCents: nonNegativeCents,
})
export type CartDto = z.infer<typeof cartDto>

export const paymentMethod = z.enum(['token', 'cash'])
export type PaymentMethod = z.infer<typeof paymentMethod>

export const invoiceLineDto = z.strictObject({
  productId: id,
  sku: z.string(),
  name: z.string(),
  unitPriceCents: nonNegativeCents,
  quantity: z.int().min(1),
  subAmountCents: nonNegativeCents,
})
export type InvoiceLineDto = z.infer<typeof invoiceLineDto>

export const invoiceDto = z.strictObject({
  id,
  number: id,
  cashier: z.string(),
  paymentMethod,
  tokenLast4: z.string().optional(),
  paidAt: isoDateTime,
  totalCents: nonNegativeCents,
  tenderedCents: nonNegativeCents.optional(),
  changeCents: nonNegativeCents.optional(),
  tokenBalanceAfterCents: nonNegativeCents.optional(),
  lines: z.array(invoiceLineDto),
})
export type InvoiceDto = z.infer<typeof invoiceDto>

export const invoiceSummaryDto = z.strictObject({
  id,
  number: id,
  cashier: z.string(),
  paymentMethod,
  paidAt: isoDateTime,
  totalCents: nonNegativeCents,
  itemCount: z.int().min(0),
})
export type InvoiceSummaryDto = z.infer<typeof invoiceSummaryDto>

export const checkoutResultDto = z.strictObject({
  invoice: invoiceDto,
  message: z.string(),
  changeCents: nonNegativeCents.optional(),
  tokenBalanceCents: nonNegativeCents.optional(),
})
export type CheckoutResultDto = z.infer<typeof checkoutResultDto>

export const appInfoDto = z.strictObject({
  storeName: z.string(),
  currency: z.string(),
  locale: z.string(),
  /** True only for the demo store: the screen may then show the demo sign-ins. */
  demo: z.boolean(),
  version: z.string(),
})
export type AppInfoDto = z.infer<typeof appInfoDto>

export const backupDto = z.strictObject({
  file: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration']),
  createdAt: isoDateTime,
  sizeBytes: z.int().min(0),
})
export type BackupDto = z.infer<typeof backupDto>

export const auditVerdictDto = z.strictObject({
  ok: z.boolean(),
  entries: z.int().min(0),
  firstBadId: id.optional(),
  reason: z.string().optional(),
})
export type AuditVerdictDto = z.infer<typeof auditVerdictDto>

const quantity = (min: number) => z.int().min(min).max(99_999)
/** A token as typed or scanned: case-insensitive, spaces around it ignored. */
const tokenText = text(64).min(1)

export const paymentInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('token'), token: tokenText }),
  z.strictObject({ method: z.literal('cash'), tenderedCents: nonNegativeCents }),
])
export type PaymentInput = z.infer<typeof paymentInput>

function channel<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) {
  return { access, input, output }
}

export const contract = {
  'app:info': channel('public', empty, appInfoDto),
  'auth:login': channel(
    'public',
    z.strictObject({ username: text(64).min(1), password: text(256, { trim: false }).min(1) }),
    z.strictObject({ user: userDto }),
  ),
  'auth:logout': channel('cashier', empty, empty),
  'auth:session': channel('public', empty, z.strictObject({ user: userDto.nullable() })),
  'catalog:search': channel(
    'cashier',
    z.strictObject({
      query: text(200).optional(),
      limit: z.int().min(1).max(100).optional(),
      offset: z.int().min(0).max(1_000_000).optional(),
    }),
    z.strictObject({
      items: z.array(productDto),
      total: z.int().min(0),
      /** Matches are counted only up to a cap (cheap totals at any catalog size): true means "at least total". */
      totalIsCapped: z.boolean(),
    }),
  ),
  'catalog:lookup': channel('cashier', z.strictObject({ code: text(64).min(1) }), productDto),
  'cart:get': channel('cashier', empty, cartDto),
  'cart:add': channel('cashier', z.strictObject({ productId: id, quantity: quantity(1) }), cartDto),
  'cart:setQuantity': channel('cashier', z.strictObject({ productId: id, quantity: quantity(0) }), cartDto),
  'cart:remove': channel('cashier', z.strictObject({ productId: id }), cartDto),
  'cart:clear': channel('cashier', empty, cartDto),
  'checkout:pay': channel(
    'cashier',
    z.strictObject({ idempotencyKey: z.uuid(), expectedTotalCents: nonNegativeCents, payment: paymentInput }),
    checkoutResultDto,
  ),
  'invoices:get': channel(
    'cashier',
    z.union([z.strictObject({ id }), z.strictObject({ number: id })]),
    invoiceDto,
  ),
  'invoices:list': channel(
    'cashier',
    z.strictObject({
      from: isoDate.optional(),
      to: isoDate.optional(),
      query: text(100).optional(),
      limit: z.int().min(1).max(200).optional(),
      offset: z.int().min(0).max(10_000_000).optional(),
    }),
    z.strictObject({ items: z.array(invoiceSummaryDto), total: z.int().min(0) }),
  ),
  'users:unlock': channel(
    'manager',
    z.strictObject({ username: text(64).min(1) }),
    z.strictObject({ user: userDto }),
  ),
  'audit:verify': channel('manager', empty, auditVerdictDto),
  'backup:create': channel('manager', empty, backupDto),
  'backup:list': channel('manager', empty, z.strictObject({ items: z.array(backupDto) })),
  'backup:restore': channel(
    'manager',
    z.strictObject({ file: text(200).min(1) }),
    z.strictObject({ restoredFrom: z.string(), previousSavedAs: z.string() }),
  ),
} as const satisfies Record<ChannelName, { access: Access; input: z.ZodType; output: z.ZodType }>

// Both directions: every name has an entry above (satisfies) and every entry has a name.
const everyEntryNamed: ChannelName = '' as keyof typeof contract
void everyEntryNamed

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller passes (before defaults and trimming). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}


/**
 * The shape of `window.pos`: one async function per channel, keyed by the channel name. Replies are
 * always envelopes; the function never rejects for a domain error.
 */
export type PosApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
}
