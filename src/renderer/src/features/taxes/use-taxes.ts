import { sliceHooks } from '../../platform/store/use-slice'
import { taxesSlice } from './taxes.slice'

export const { useSlice: useTaxes } = sliceHooks(taxesSlice)
