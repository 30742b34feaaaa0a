import { sliceHooks } from '../../platform/store/use-slice'
import { parkedSlice } from './parked.slice'

export const { useSlice: useParked } = sliceHooks(parkedSlice)
