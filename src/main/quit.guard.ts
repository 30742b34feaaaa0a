/**
 * Holds the app's exit until the backend has closed the database (WAL checkpoint, no half-written
 * file). Electron does not await listeners, so the first `will-quit` is cancelled, the backend
 * closes, then the quit is replayed and passes.
 */
export interface QuitGuardOptions {
  close: () => Promise<void>
  quit: () => void
  logger?: Pick<Console, 'error'>
}

export function createQuitGuard(options: QuitGuardOptions): (event: { preventDefault(): void }) => void {
  const { close, quit, logger = console } = options
  let state: 'open' | 'closing' | 'closed' = 'open'
  return (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    void close()
      .catch((error: unknown) => logger.error('[quit] closing the backend failed', error))
      .finally(() => {
        state = 'closed'
        quit()
      })
  }
}
