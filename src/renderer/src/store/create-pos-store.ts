import { createStore, type StoreApi } from 'zustand/vanilla'
import type { PosClient } from '../api/client'
import { createSerialQueue } from '../lib/serial-queue'
import { SEARCH_DELAY_MS, type Timers } from '../lib/search-sequencer'
import { createCartSlice } from './cart.slice'
import { createCatalogSlice } from './catalog.slice'
import { createCheckoutSlice } from './checkout.slice'
import { createInvoicesSlice } from './invoices.slice'
import { createManagerSlice } from './manager.slice'
import { createSessionSlice } from './session.slice'
import type { PosState, StoreContext } from './store.types'
import { createUiSlice } from './ui.slice'

export interface PosStoreOptions {
  api: PosClient
  newKey: () => string
  /** Pause in typing before a search is sent. */
  searchDelayMs?: number
  timers?: Timers
}

/** Builds the one store from its slices; the app makes one, tests make their own with a fake client. */
export function createPosStore(options: PosStoreOptions): StoreApi<PosState> {
  const context: StoreContext = {
    api: options.api,
    newKey: options.newKey,
    cartQueue: createSerialQueue(),
    searchDelayMs: options.searchDelayMs ?? SEARCH_DELAY_MS,
    timers: options.timers,
  }
  return createStore<PosState>()((...a) => ({
    ...createSessionSlice(context)(...a),
    ...createCatalogSlice(context)(...a),
    ...createCartSlice(context)(...a),
    ...createCheckoutSlice(context)(...a),
    ...createInvoicesSlice(context)(...a),
    ...createManagerSlice(context)(...a),
    ...createUiSlice(context)(...a),
  }))
}
