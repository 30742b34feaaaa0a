/**
 * One till start for scripts/bench/startup.ts: load core, open the database (migration check),
 * sign in, answer the first scan and the first search, then report and exit. Run by the parent
 * with `tsx` or as a bundle; times are `performance.now()`, milliseconds since this process began.
 *
 *   startup-child <dbPath> <barcode> [demo]     (demo: load the demo store into an empty database)
 */
export {}

const loadStartedAt = performance.now()
const { openBackend } = await import('#core/backend')
const loadedAt = performance.now()

const [dbPath, barcode, seed] = process.argv.slice(2)
if (!dbPath || !barcode) throw new Error('usage: startup-child <dbPath> <barcode> [demo]')

const backend = await openBackend(seed === 'demo' ? { dbPath, seed: 'demo' } : { dbPath })
const openedAt = performance.now()
const client = backend.connect()
const signIn = await client.invoke('auth:login', { username: 'cashier', password: 'cashier' })
const signedInAt = performance.now()
const lookup = await client.invoke('catalog:lookup', { code: barcode })
const firstScanAt = performance.now()
const search = await client.invoke('catalog:search', { query: 'milk' })
const firstSearchAt = performance.now()
if (!signIn.ok || !lookup.ok || !search.ok) throw new Error(`start-up failed: ${JSON.stringify({ signIn, lookup, search }).slice(0, 300)}`)

const report = {
  // Node's own start plus every module a bundle imports statically, before this file's first line.
  firstLineMs: loadStartedAt,
  loadCoreMs: loadedAt - loadStartedAt,
  openMs: openedAt - loadedAt,
  signInMs: signedInAt - openedAt,
  firstScanMs: firstScanAt - signedInAt,
  firstSearchMs: firstSearchAt - firstScanAt,
  readyAtMs: firstScanAt,
}
process.stdout.write(`READY ${JSON.stringify(report)}\n`)
await backend.close()
