import { sliceHooks } from '../../platform/store/use-slice'
import { productImportSlice } from './product-import.slice'
import { productsSlice } from './products.slice'

export const { useSlice: useProducts } = sliceHooks(productsSlice)
export const { useSlice: useProductImport } = sliceHooks(productImportSlice)
