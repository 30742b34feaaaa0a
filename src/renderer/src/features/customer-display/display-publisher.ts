/**
 * Publishes the display's state whenever it changes: derived at each store change, sent only when
 * it differs from the last one sent. Never in a scan's way: nothing waits for the call, and a
 * refusal or a lost reply is logged and otherwise ignored (the next change sends the whole state).
 */
import type { DisplayState } from '#shared/contract/display'
import type { PosClient } from '../../platform/api/client'
import { displayStateOf, type DisplaySource } from './display-state'

export interface DisplayStore {
  getState(): DisplaySource
  subscribe(listener: () => void): () => void
}

export interface CustomerDisplayOptions {
  /**
   * The client to publish through. Pass the plain window client, not the store's funnel: a refusal
   * of a display state is never the till's business (it must not end a session or show a notice).
   */
  readonly api: PosClient
  readonly logError?: (message: string, detail: unknown) => void
}

/** Starts publishing; the answer stops it. */
export function startCustomerDisplay(store: DisplayStore, { api, logError = console.warn }: CustomerDisplayOptions): () => void {
  let last: string | null = null
  const publish = (state: DisplayState) => {
    api.call('display:publish', { state }).then(
      (reply) => {
        if (!reply.ok) logError('[display] the state was not published', reply.error.code)
      },
      (error: unknown) => logError('[display] the state was not published', error),
    )
  }
  const changed = () => {
    let state: DisplayState | null
    try {
      state = displayStateOf(store.getState())
    } catch (error) {
      logError('[display] the state could not be derived', error)
      return
    }
    if (state === null) return
    const text = JSON.stringify(state)
    if (text === last) return
    last = text
    publish(state)
  }
  const stop = store.subscribe(changed)
  changed()
  return stop
}
