import { useStore } from 'zustand'
import { api } from '../api/client'
import { createPosStore } from './create-pos-store'
import type { PosState } from './store.types'

export type { PosState } from './store.types'

export const posStore = createPosStore({ api, newKey: () => crypto.randomUUID() })

/** Atomic selector hook: select one field (or use `useShallow` for several). */
export function usePos<T>(selector: (state: PosState) => T): T {
  return useStore(posStore, selector)
}
