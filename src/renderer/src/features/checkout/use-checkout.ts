import { sliceHooks } from '../../platform/store/use-slice'
import { checkoutSlice } from './checkout.slice'

export const { useSlice: useCheckout } = sliceHooks(checkoutSlice)
