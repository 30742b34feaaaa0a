import { sliceHooks } from '../../platform/store/use-slice'
import { salesHistorySlice } from './sales-history.slice'

export const { useSlice: useSalesHistory } = sliceHooks(salesHistorySlice)
