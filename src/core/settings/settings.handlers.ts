import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { getSettings, updateSettings } from './settings.service'

export const settingsHandlers = {
  'settings:get': async (_input, ctx) => getSettings(ctx),
  'settings:update': async ({ patch }, ctx) => updateSettings(ctx, signedIn(ctx), patch),
} satisfies FeatureHandlers<'settings:get' | 'settings:update'>
