import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'

export const settingsHandlers = {
  'settings:get': async () => notBuilt('settings:get'),
  'settings:update': async () => notBuilt('settings:update'),
} satisfies FeatureHandlers<'settings:get' | 'settings:update'>
