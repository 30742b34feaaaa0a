import type { RequestContext } from '#core/common/context'
import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { pulseDrawer } from '#core/printing/printing.service'
import {
  closeShift,
  currentShift,
  getShiftZReport,
  listShifts,
  moveCash,
  openShift,
  recordNoSale,
  xReport,
  type ShiftEnv,
} from './shifts.service'

const env = (ctx: RequestContext): ShiftEnv => ({ user: signedIn(ctx), settings: ctx.settings })

export const shiftsHandlers = {
  'shift:current': async (_input, ctx) => currentShift(ctx, ctx.settings),
  'shift:open': async ({ openingFloatCents }, ctx) => openShift(ctx, openingFloatCents, env(ctx)),
  'shift:cashMove': async ({ kind, amountCents, reason }, ctx) => moveCash(ctx, { kind, amountCents, reason }, env(ctx)),
  // Recorded first, in its own transaction; the pulse goes to the printer only once that has committed.
  'drawer:noSale': async ({ reason }, ctx) => {
    await recordNoSale(ctx, reason, env(ctx))
    return pulseDrawer(ctx)
  },
  'shift:xReport': async (_input, ctx) => xReport(ctx),
  'shift:close': async ({ countedCashCents, idempotencyKey }, ctx) => closeShift(ctx, { countedCashCents, idempotencyKey }, env(ctx)),
  'shift:list': async ({ limit, offset }, ctx) => listShifts(ctx, { limit, offset }),
  'shift:get': async ({ id }, ctx) => getShiftZReport(ctx, id),
} satisfies FeatureHandlers<
  'shift:current' | 'shift:open' | 'shift:cashMove' | 'drawer:noSale' | 'shift:xReport' | 'shift:close' | 'shift:list' | 'shift:get'
>
