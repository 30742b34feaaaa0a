import type { FeatureHandlers } from '#core/common/handler'
import { notBuilt } from '#core/common/not-built'

export const productsHandlers = {
  'products:list': async () => notBuilt('products:list'),
  'products:get': async () => notBuilt('products:get'),
  'products:create': async () => notBuilt('products:create'),
  'products:update': async () => notBuilt('products:update'),
  'products:archive': async () => notBuilt('products:archive'),
  'products:unarchive': async () => notBuilt('products:unarchive'),
  'products:addImages': async () => notBuilt('products:addImages'),
  'products:removeImage': async () => notBuilt('products:removeImage'),
  'products:tags': async () => notBuilt('products:tags'),
  'categories:list': async () => notBuilt('categories:list'),
  'categories:create': async () => notBuilt('categories:create'),
  'categories:update': async () => notBuilt('categories:update'),
} satisfies FeatureHandlers<
  | 'products:list'
  | 'products:get'
  | 'products:create'
  | 'products:update'
  | 'products:archive'
  | 'products:unarchive'
  | 'products:addImages'
  | 'products:removeImage'
  | 'products:tags'
  | 'categories:list'
  | 'categories:create'
  | 'categories:update'
>
