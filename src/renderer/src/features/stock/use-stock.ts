import { sliceHooks } from '../../platform/store/use-slice'
import { stockSlice } from './stock.slice'

export const { useSlice: useStock } = sliceHooks(stockSlice)
