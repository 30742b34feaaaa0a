import { sliceHooks } from '../../platform/store/use-slice'
import { cartSlice } from './cart.slice'

export const { useSlice: useCart } = sliceHooks(cartSlice)
