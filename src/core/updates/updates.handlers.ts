import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { checkForUpdate, installUpdate } from './updates.service'

export const updatesHandlers = {
  'updates:check': async (_input, ctx) => checkForUpdate(ctx),
  'updates:install': async ({ version }, ctx) => installUpdate(ctx, signedIn(ctx), version),
} satisfies FeatureHandlers<'updates:check' | 'updates:install'>
