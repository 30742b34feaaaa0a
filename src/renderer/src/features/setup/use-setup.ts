import { sliceHooks } from '../../platform/store/use-slice'
import { setupSlice } from './setup.slice'

export const { useSlice: useSetup } = sliceHooks(setupSlice)
