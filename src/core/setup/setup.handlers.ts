import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'

export const setupHandlers = {
  'setup:createStore': async () => notBuilt('setup:createStore'),
  'setup:loadDemo': async () => notBuilt('setup:loadDemo'),
  'setup:startOwnStore': async () => notBuilt('setup:startOwnStore'),
} satisfies FeatureHandlers<'setup:createStore' | 'setup:loadDemo' | 'setup:startOwnStore'>
