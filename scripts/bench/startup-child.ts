/**
 * One till start for scripts/bench/startup.ts: load core, open the database (migration check),
 * sign in, answer the first scan and the first search, then report and exit. Run by the parent
 * with `tsx` or as a bundle; times are `performance.now()`, milliseconds since this process began,
 * and the process's CPU time (user + system, every thread), which other work on a shared machine
 * disturbs less than the wall clock.
 *
 *   startup-child <dbPath> <barcode> [demo]     (demo: load the demo store into an empty database)
 */
export {}

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

const loadStartedAt = performance.now()
const cpuAtFirstLine = cpuMs()
const { openBackend } = await import('#core/backend')
const loadedAt = performance.now()
const cpuLoaded = cpuMs()

const [dbPath, barcode, seed] = process.argv.slice(2)
if (!dbPath || !barcode) throw new Error('usage: startup-child <dbPath> <barcode> [demo]')

const backend = await openBackend(seed === 'demo' ? { dbPath, seed: 'demo' } : { dbPath })
const openedAt = performance.now()
const cpuOpened = cpuMs()
const client = backend.connect()
const signIn = await client.invoke('auth:login', { username: 'cashier', password: 'cashier' })
const signedInAt = performance.now()
const cpuSignedIn = cpuMs()
const lookup = await client.invoke('catalog:lookup', { code: barcode })
const firstScanAt = performance.now()
const cpuScanned = cpuMs()
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
  /** CPU time to ready to scan, the sign-in left out as in the wall-clock figure. */
  cpuReadyMs: cpuOpened + (cpuScanned - cpuSignedIn),
  cpuFirstLineMs: cpuAtFirstLine,
  cpuLoadCoreMs: cpuLoaded - cpuAtFirstLine,
  cpuOpenMs: cpuOpened - cpuLoaded,
}
process.stdout.write(`READY ${JSON.stringify(report)}\n`)
await backend.close()
