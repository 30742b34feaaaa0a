/**
 * Test worker: a till in its own process. Opens the backend on the given file and prints
 * {"ready":pid} or {"refused":{name,message}}; on "close" from stdin closes it and exits normally.
 */
import { createInterface } from 'node:readline'
import { openBackend } from '#core/backend'

const dbPath = process.argv[2]
if (!dbPath) throw new Error('usage: backend-holder.worker.ts <dbPath>')

try {
  const backend = await openBackend({ dbPath, seed: 'demo' })
  console.log(JSON.stringify({ ready: process.pid }))
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'close') break
  }
  // An open stdin would keep this process alive after the till has closed.
  process.stdin.destroy()
  await backend.close()
  console.log(JSON.stringify({ closed: process.pid }))
} catch (error) {
  const { name, message } = error as Error
  console.log(JSON.stringify({ refused: { name, message } }))
}
