import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { createResetRegistry, defineSlice, sliceApi } from './slice'

interface Counter {
  count: number
  label: string
  bumped(): void
}

const counterSlice = defineSlice('counter', ({ set, registerReset }, _deps: Record<never, never>): Counter => {
  registerReset(() => set({ count: 0 }))
  return { count: 0, label: 'a', bumped: () => set((s) => ({ count: s.count + 1 })) }
})

function storeWithTwoCounters() {
  const resets = createResetRegistry()
  const store = createStore<{ left: Counter; right: Counter }>()((set, get) => {
    const root = { getState: get, setState: set }
    return {
      left: counterSlice.create(sliceApi(root, 'left', resets), {}),
      right: counterSlice.create(sliceApi(root, 'right', resets), {}),
    }
  })
  return { store, resets }
}

describe('a slice', () => {
  it('changes only its own part of the store, keeping the rest of its state', () => {
    const { store } = storeWithTwoCounters()
    store.getState().left.bumped()
    store.getState().left.bumped()
    expect(store.getState().left).toMatchObject({ count: 2, label: 'a' })
    expect(store.getState().right.count).toBe(0)
  })

  it('is put back by the reset registry, with every other registered slice', () => {
    const { store, resets } = storeWithTwoCounters()
    store.getState().left.bumped()
    store.getState().right.bumped()
    resets.resetAll()
    expect([store.getState().left.count, store.getState().right.count]).toEqual([0, 0])
  })
})
