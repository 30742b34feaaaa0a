import { sliceHooks } from '../../platform/store/use-slice'
import { usersSlice } from './users.slice'

export const { useSlice: useUsers } = sliceHooks(usersSlice)
