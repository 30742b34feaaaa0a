import { sliceHooks } from '../../platform/store/use-slice'
import { promosSlice } from './promos.slice'

export const { useSlice: usePromos } = sliceHooks(promosSlice)
