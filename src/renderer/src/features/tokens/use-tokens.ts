import { sliceHooks } from '../../platform/store/use-slice'
import { tokensSlice } from './tokens.slice'

export const { useSlice: useTokens, useSliceStore: useTokensStore } = sliceHooks(tokensSlice)
