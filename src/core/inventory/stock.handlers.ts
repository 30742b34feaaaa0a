import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'

export const stockHandlers = {
  'stock:adjust': async () => notBuilt('stock:adjust'),
  'stock:movements': async () => notBuilt('stock:movements'),
  'stock:low': async () => notBuilt('stock:low'),
} satisfies FeatureHandlers<'stock:adjust' | 'stock:movements' | 'stock:low'>
