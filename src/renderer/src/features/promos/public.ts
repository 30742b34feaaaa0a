/** What the app may use of promo codes in the back office: the section, its slice and texts. */
export { PromosSection } from './promos-section'
export { promosEn, type PromosTexts } from './promos.en'
export { promosNe } from './promos.ne'
export { promosSlice, type PromosDeps, type PromosState } from './promos.slice'
