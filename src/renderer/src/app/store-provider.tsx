import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { RootStoreContext } from '../platform/store/use-slice'
import type { PosState, PosStore } from './store'

const PosStoreContext = createContext<PosStore | null>(null)

/**
 * Gives the store to the components below (see zustand's initialize-state-with-props): main.tsx
 * creates it, tests may create their own. Features reach their slices through platform's context,
 * typed by the slices they know; the app, which assembled the store, sees it whole.
 */
export function StoreProvider({ store, children }: { store: PosStore; children: ReactNode }) {
  return (
    <PosStoreContext value={store}>
      <RootStoreContext value={store}>{children}</RootStoreContext>
    </PosStoreContext>
  )
}

export function usePosStore(): PosStore {
  const store = useContext(PosStoreContext)
  if (!store) throw new Error('No store above this component: render it inside the StoreProvider')
  return store
}

/** Atomic selector hook over the whole store: select one field (or use `useShallow` for several). */
export function usePos<T>(selector: (state: PosState) => T): T {
  return useStore(usePosStore(), selector)
}
