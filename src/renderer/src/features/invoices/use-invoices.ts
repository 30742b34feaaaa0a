import { sliceHooks } from '../../platform/store/use-slice'
import { invoicesSlice } from './invoices.slice'

export const { useSlice: useInvoices } = sliceHooks(invoicesSlice)
