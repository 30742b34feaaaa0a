import { sliceHooks } from '../../platform/store/use-slice'
import { scanSlice } from './scan.slice'

export const { useSlice: useScan, useSliceStore: useScanStore } = sliceHooks(scanSlice)
