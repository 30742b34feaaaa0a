import type { FeatureHandlers } from '#core/common/handler'
import { listScreens, publishDisplayState } from './display.service'

export const displayHandlers = {
  'display:publish': async (input, ctx) => publishDisplayState(ctx, input.state),
  'display:screens': async (_input, ctx) => listScreens(ctx),
} satisfies FeatureHandlers<'display:publish' | 'display:screens'>
