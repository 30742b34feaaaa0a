import { sliceHooks } from '../../platform/store/use-slice'
import { discountsSlice } from './discounts.slice'

export const { useSlice: useDiscounts } = sliceHooks(discountsSlice)
