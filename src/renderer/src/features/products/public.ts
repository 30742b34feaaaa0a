/** What the app and other features may use of the products: the back-office section, its slices and texts. */
export { productImportSlice, type ProductImportDeps, type ProductImportState } from './product-import.slice'
export { productsEn } from './products.en'
export { productsNe } from './products.ne'
export { ProductsSection } from './products-section'
export { productsSlice, type ProductsDeps, type ProductsState } from './products.slice'
