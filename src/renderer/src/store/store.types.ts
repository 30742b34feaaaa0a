import type { StateCreator } from 'zustand/vanilla'
import type { PosClient } from '../api/client'
import type { SerialQueue } from '../lib/serial-queue'
import type { Timers } from '../lib/search-sequencer'
import type { CartSlice } from './cart.slice'
import type { CatalogSlice } from './catalog.slice'
import type { CheckoutSlice } from './checkout.slice'
import type { InvoicesSlice } from './invoices.slice'
import type { ManagerSlice } from './manager.slice'
import type { SessionSlice } from './session.slice'
import type { UiSlice } from './ui.slice'

export type PosState = SessionSlice & CatalogSlice & CartSlice & CheckoutSlice & InvoicesSlice & ManagerSlice & UiSlice

/** What the slices share besides the state: the backend client and the order of cart changes. */
export interface StoreContext {
  readonly api: PosClient
  readonly cartQueue: SerialQueue
  /** A fresh idempotency key per payment attempt. */
  readonly newKey: () => string
  readonly searchDelayMs: number
  readonly timers?: Timers
}

export type SliceCreator<T> = (context: StoreContext) => StateCreator<PosState, [], [], T>
