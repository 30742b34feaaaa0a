import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'

export const tokensHandlers = {
  'tokens:issue': async () => notBuilt('tokens:issue'),
  'tokens:topUp': async () => notBuilt('tokens:topUp'),
  'tokens:update': async () => notBuilt('tokens:update'),
  'tokens:get': async () => notBuilt('tokens:get'),
  'tokens:list': async () => notBuilt('tokens:list'),
  'tokens:balance': async () => notBuilt('tokens:balance'),
} satisfies FeatureHandlers<'tokens:issue' | 'tokens:topUp' | 'tokens:update' | 'tokens:get' | 'tokens:list' | 'tokens:balance'>
