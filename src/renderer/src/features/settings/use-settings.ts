import { sliceHooks } from '../../platform/store/use-slice'
import { settingsSlice } from './settings.slice'

export const { useSlice: useSettings } = sliceHooks(settingsSlice)
