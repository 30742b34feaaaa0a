import { createContext, useContext, useMemo } from 'react'
import { useStore } from 'zustand'
import type { SliceDefinition } from './slice'

/** The one store as features see it: a state object with a slice under each key. */
export interface RootStore {
  getState(): object
  getInitialState(): object
  subscribe(listener: (state: object, previous: object) => void): () => void
}

/** Provided by the app's StoreProvider; features reach it only through `sliceHooks`. */
export const RootStoreContext = createContext<RootStore | null>(null)

function useRootStore(): RootStore {
  const store = useContext(RootStoreContext)
  if (!store) throw new Error('No store above this component: render it inside the StoreProvider')
  return store
}

/**
 * The slice under `key`. The app builds the store from the same slice definitions, under the
 * same keys, so the slice found there is this one; a missing one is a wiring mistake and throws.
 */
function sliceIn<S extends object>(root: object, key: string): S {
  const slice: unknown = Reflect.get(root, key)
  if (typeof slice !== 'object' || slice === null) throw new Error(`The store has no '${key}' slice`)
  return slice as S
}

export interface SliceStore<S> {
  getState(): S
  subscribe(listener: (state: S, previous: S) => void): () => void
}

/** A feature's hooks into its own slice: a selector hook, and the slice as a store for imperative use. */
export function sliceHooks<K extends string, S extends object>(slice: SliceDefinition<K, S, never>) {
  const { key } = slice

  /** Atomic selector hook: select one field (or use `useShallow` for several). */
  function useSlice<T>(selector: (state: S) => T): T {
    return useStore(useRootStore(), (root) => selector(sliceIn<S>(root, key)))
  }

  /** For code that must act inside an event, before React renders (focus, global keys). */
  function useSliceStore(): SliceStore<S> {
    const root = useRootStore()
    return useMemo(
      () => ({
        getState: () => sliceIn<S>(root.getState(), key),
        subscribe: (listener) => root.subscribe((state, previous) => listener(sliceIn<S>(state, key), sliceIn<S>(previous, key))),
      }),
      [root],
    )
  }

  return { useSlice, useSliceStore }
}
