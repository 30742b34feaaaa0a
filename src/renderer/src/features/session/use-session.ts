import { sliceHooks } from '../../platform/store/use-slice'
import { sessionSlice } from './session.slice'

export const { useSlice: useSession } = sliceHooks(sessionSlice)
