import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { checkoutRecordingRefusals } from './checkout.service'

export const checkoutHandlers = {
  'checkout:pay': async (input, ctx) => checkoutRecordingRefusals(ctx, input, { user: signedIn(ctx), settings: ctx.settings }),
} satisfies FeatureHandlers<'checkout:pay'>
