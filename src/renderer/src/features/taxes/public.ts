/** What the app and other features may use of the taxes: the back-office section, the tax check boxes, percents, the slice and texts. */
export { formatPercent, parsePercent, percentText } from './percent'
export { TaxChoices } from './tax-choices'
export { TaxesSection } from './taxes-section'
export { taxesEn, type TaxesTexts } from './taxes.en'
export { taxesNe } from './taxes.ne'
export { taxesSlice, type TaxesDeps, type TaxesState } from './taxes.slice'
