/**
 * For tests: resolves once every promise reaction already queued has run (a message-channel task
 * runs only after the microtask queue is empty). Deterministic, not a wait for time: use it to
 * assert that a stale reply changed nothing.
 */
export function drainTasks(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
