/**
 * How the catalog writes a CSV cell, for other features' files (the reports' CSV): one formula
 * escape and one way of writing an amount everywhere a spreadsheet opens the store's data.
 */
export { escapeFormula, formatPrice } from './product-csv.rules'
