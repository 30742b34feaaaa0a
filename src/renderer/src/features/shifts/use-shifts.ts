import { sliceHooks } from '../../platform/store/use-slice'
import { shiftsSlice } from './shifts.slice'

export const { useSlice: useShifts } = sliceHooks(shiftsSlice)
