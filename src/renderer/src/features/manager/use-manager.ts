import { sliceHooks } from '../../platform/store/use-slice'
import { managerSlice } from './manager.slice'

export const { useSlice: useManager } = sliceHooks(managerSlice)
