/** What the app may use of stock: the back-office section, its slice and texts. */
export { stockEn } from './stock.en'
export { stockNe } from './stock.ne'
export { StockSection } from './stock-section'
export { stockSlice, type StockDeps, type StockState } from './stock.slice'
