/**
 * The store is one zustand store made of slices, each under its own key (`state.cart`,
 * `state.session`, …). A slice sees only its own state; what it needs from other slices comes in
 * as a typed `deps` argument that the app wires, so slices never import each other.
 */

/** A slice's own corner of the store. */
export interface SliceApi<S> {
  readonly get: () => S
  /** Merges into this slice's state only. */
  readonly set: (patch: Partial<S> | ((state: S) => Partial<S>)) => void
  /** Puts this slice in the reset registry: `reset` runs on every sign-in and sign-out. */
  readonly registerReset: (reset: () => void) => void
}

export interface SliceDefinition<K extends string, S extends object, D> {
  readonly key: K
  readonly create: (api: SliceApi<S>, deps: D) => S
}

export function defineSlice<K extends string, S extends object, D>(
  key: K,
  create: (api: SliceApi<S>, deps: D) => S,
): SliceDefinition<K, S, D> {
  return { key, create }
}

/** What one sign-in's work is reset through (see zustand's how-to-reset-state). */
export interface ResetRegistry {
  register(reset: () => void): void
  resetAll(): void
}

export function createResetRegistry(): ResetRegistry {
  const resets: (() => void)[] = []
  return {
    register: (reset) => {
      resets.push(reset)
    },
    resetAll: () => {
      for (const reset of resets) reset()
    },
  }
}

/** The root store as the binder needs it: zustand's `getState` and `setState`. */
export interface RootAccess<R> {
  getState(): R
  setState(update: (state: R) => Partial<R>): void
}

/** Binds the slice under `key` to the root store. */
export function sliceApi<R extends Record<K, object>, K extends keyof R>(
  root: RootAccess<R>,
  key: K,
  resets: ResetRegistry,
): SliceApi<R[K]> {
  return {
    get: () => root.getState()[key],
    set: (patch) =>
      root.setState((state) => {
        const current = state[key]
        const update: Partial<R> = {}
        update[key] = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) }
        return update
      }),
    registerReset: (reset) => resets.register(reset),
  }
}
