import { sliceHooks } from '../../platform/store/use-slice'
import { reportsSlice } from './reports.slice'

export const { useSlice: useReports } = sliceHooks(reportsSlice)
