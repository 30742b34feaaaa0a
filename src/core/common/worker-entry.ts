import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Where a worker thread's entry `name` lives, for the module at `from` (its `import.meta.url`). From
 * source (vitest, tsx) it is the TypeScript beside that module, run through tsx; in the built app
 * electron-vite makes it an entry of its own next to the main bundle (electron.vite.config.ts), and
 * the module sits in that bundle or one of its chunks.
 */
export function workerEntry(name: string, from: string): { url: URL; execArgv?: string[] } {
  if (from.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(from).resolve('tsx')).href
    return { url: new URL(`./${name}.ts`, from), execArgv: ['--import', tsx] }
  }
  const file = `${name}.js`
  const candidates = [`./${file}`, `../${file}`].map((path) => new URL(path, from))
  const found = candidates.find((url) => existsSync(fileURLToPath(url)))
  if (!found) throw new Error(`the worker ${name} is missing beside ${fileURLToPath(from)}`)
  return { url: found }
}
