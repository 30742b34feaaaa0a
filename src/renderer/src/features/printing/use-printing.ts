import { sliceHooks } from '../../platform/store/use-slice'
import { printingSlice } from './printing.slice'

export const { useSlice: usePrinting } = sliceHooks(printingSlice)
