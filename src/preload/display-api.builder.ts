/**
 * Builds `window.customerDisplay` for the display window. Pure, and imports only types: the
 * sandboxed preload bundle cannot carry zod (main forwards only states core has validated), nor
 * share a module with the till's preload (see DISPLAY_STATE_EVENT).
 */
import type { CustomerDisplayApi, DisplayState } from '#shared/contract/display'

/**
 * The event main sends each state on (`DISPLAY_STATE_EVENT` of channel-names.ts, which a test holds
 * this equal to). Written out here: the two preloads are built together, and a module both import
 * would become a shared chunk, which a sandboxed preload cannot require.
 */
export const DISPLAY_STATE_EVENT = 'pos-display:state'

/** Starts hearing main's states (`ipcRenderer.on` for the display's event); the answer stops it. */
export type DisplayStateSource = (deliver: (state: unknown) => void) => () => void

/**
 * One frozen object with one function. The source is heard once, from the start, so a state that
 * came before the page subscribed is not lost: each new subscriber hears the latest at once. A
 * listener hears only the state, never the IPC event (which would reach `ipcRenderer`), and one
 * that throws does not stop the others.
 */
export function buildCustomerDisplayApi(source: DisplayStateSource): CustomerDisplayApi {
  const listeners = new Set<(state: DisplayState) => void>()
  let latest: DisplayState | null = null
  const tell = (listener: (state: DisplayState) => void, state: DisplayState) => {
    try {
      listener(state)
    } catch (error) {
      console.error('[display] a listener failed', error)
    }
  }
  source((state) => {
    if (typeof state !== 'object' || state === null) return
    latest = state as DisplayState
    for (const listener of [...listeners]) tell(listener, latest)
  })
  return Object.freeze({
    subscribe(listener: (state: DisplayState) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('subscribe needs a function')
      // Each subscription is its own, even for a function subscribed twice.
      const own = (state: DisplayState) => listener(state)
      listeners.add(own)
      if (latest) tell(own, latest)
      return () => {
        listeners.delete(own)
      }
    },
  })
}
