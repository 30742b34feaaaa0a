import type { FeatureHandlers } from '#core/common/handler'
import { signedIn } from '#core/common/signed-in'
import { readImages, storeImage } from './products.images'
import {
  attachImages,
  createCategory,
  createProduct,
  getProduct,
  listCategories,
  listProducts,
  listTags,
  removeImage,
  renameCategory,
  setArchived,
  updateProduct,
} from './products.service'

export const productsHandlers = {
  'products:list': async (input, ctx) => listProducts(ctx, input, ctx.settings),
  'products:get': async ({ id }, ctx) => getProduct(ctx, id, ctx.settings),
  'products:create': async ({ approvalId: _approval, ...fields }, ctx) => createProduct(ctx, signedIn(ctx), fields, ctx.settings),
  'products:update': async ({ id, approvalId: _approval, ...patch }, ctx) => updateProduct(ctx, signedIn(ctx), id, patch, ctx.settings),
  'products:archive': async ({ id }, ctx) => setArchived(ctx, signedIn(ctx), id, true, ctx.settings),
  'products:unarchive': async ({ id }, ctx) => setArchived(ctx, signedIn(ctx), id, false, ctx.settings),
  /**
   * The product must exist before main's dialog opens; the picked files are checked (all of them, or
   * none is kept) and stored before their rows are written.
   */
  'products:addImages': async ({ id }, ctx) => {
    const user = signedIn(ctx)
    await getProduct(ctx, id, ctx.settings)
    const paths = await ctx.images.choose()
    if (!paths || paths.length === 0) return { cancelled: true as const }
    const images = await readImages(paths)
    for (const image of images) await storeImage(ctx.images.dir, image)
    const files = images.map((image) => image.file)
    return { cancelled: false as const, product: await attachImages(ctx, user, id, files, ctx.settings) }
  },
  'products:removeImage': async ({ id, imageId }, ctx) => removeImage(ctx, signedIn(ctx), id, imageId, ctx.settings),
  'products:tags': async (_input, ctx) => ({ items: await listTags(ctx) }),
  'categories:list': async (_input, ctx) => ({ items: await listCategories(ctx) }),
  'categories:create': async ({ name }, ctx) => createCategory(ctx, signedIn(ctx), name),
  'categories:update': async ({ id, name }, ctx) => renameCategory(ctx, signedIn(ctx), id, name),
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
