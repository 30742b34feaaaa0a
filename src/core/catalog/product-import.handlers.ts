import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'

export const productImportHandlers = {
  'products:import': async () => notBuilt('products:import'),
  'products:importProgress': async () => notBuilt('products:importProgress'),
  'products:export': async () => notBuilt('products:export'),
} satisfies FeatureHandlers<'products:import' | 'products:importProgress' | 'products:export'>
