import { sliceHooks } from '../../platform/store/use-slice'
import { returnsSlice } from './returns.slice'

export const { useSlice: useReturns } = sliceHooks(returnsSlice)
