import type { FeatureHandlers } from '#core/common/handler'
import { lookupProduct, SEARCH_TOTAL_CAP, searchProducts } from './catalog.service'

export const catalogHandlers = {
  'catalog:search': async ({ query, limit, offset }, ctx) => {
    const result = await searchProducts(ctx, query, limit ?? 20, offset ?? 0)
    return { ...result, totalIsCapped: result.total >= SEARCH_TOTAL_CAP }
  },
  'catalog:lookup': async ({ code, keys }, ctx) => lookupProduct(ctx, code, keys),
} satisfies FeatureHandlers<'catalog:search' | 'catalog:lookup'>
