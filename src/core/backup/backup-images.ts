/**
 * The product images a backup copy needs, carried beside it. The database holds only the images'
 * names (`<sha256>.<ext>` under `images/` beside it); a copy taken off the till (backup:export)
 * takes the files it names into `tillwise-images/` next to it, and a copy brought back
 * (backup:importFile) puts the ones this till lacks into its `images/`. A name is the hash of the
 * file's bytes: a file is checked against its name on the way, and one already there is kept.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { MAX_IMAGE_BYTES, PRODUCT_IMAGE_FILE } from '#shared/contract/catalog'

/** Beside the exported copies, shared by every copy in that folder. */
export const EXPORTED_IMAGES_FOLDER = 'tillwise-images'

export interface ImageCopyResult {
  /** Images the copy names that are now in the destination (copied, or there already). */
  copied: number
  /** Images the copy names that were not where they should be, or not the file their name says. */
  missing: number
}

/** The image files a database names, read from its file (a copy from before images existed names none). */
export function imagesNamedIn(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'product_image'").get()
    if (!table) return []
    const rows = db.prepare('select distinct file from product_image order by file').all() as { file: string }[]
    return rows.map((row) => row.file)
  } finally {
    db.close()
  }
}

/** The bytes of an image file when they are the ones its name is the hash of; null otherwise (gone, too large, altered). */
async function checkedImage(dir: string, name: string): Promise<Buffer | null> {
  try {
    const path = join(dir, name)
    const stats = await stat(path)
    if (!stats.isFile() || stats.size > MAX_IMAGE_BYTES) return null
    const bytes = await readFile(path)
    return createHash('sha256').update(bytes).digest('hex') === name.slice(0, 64) ? bytes : null
  } catch {
    return null
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** Written whole or not at all: a temporary file beside it, flushed, then renamed over the name. */
async function writeWhole(dir: string, name: string, bytes: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true })
  const temporary = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(temporary, 'wx')
    try {
      await file.writeFile(bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, join(dir, name))
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * Copies each named image from `fromDir` into `toDir`. A name that is not an image's hash name, or
 * a file missing or not matching its name, is counted and skipped; a failure to write (a full
 * stick) throws. The destination folder is made only when there is something to put in it.
 */
export async function copyImages(names: readonly string[], fromDir: string, toDir: string): Promise<ImageCopyResult> {
  const result: ImageCopyResult = { copied: 0, missing: 0 }
  for (const name of names) {
    // A name that is not a hash (a hand-edited copy) never becomes a path.
    const bytes = PRODUCT_IMAGE_FILE.test(name) ? await checkedImage(fromDir, name) : null
    if (!bytes) {
      result.missing += 1
      continue
    }
    if (!(await isFile(join(toDir, name)))) await writeWhole(toDir, name, bytes)
    result.copied += 1
  }
  return result
}

/** A file added this long ago or less is kept whatever the books say: it may be in a transaction not yet committed. */
export const IMAGE_GRACE_MS = 24 * 60 * 60 * 1000

/**
 * Deletes the image files no database keeps: named neither by the till's own books nor by any backup
 * copy it keeps (so a backup restored later still finds its pictures), and older than IMAGE_GRACE_MS.
 * Only files named like an image (`<sha256>.<ext>`) are ever touched. Answers the names removed.
 * Synchronous: a few directory entries once a day, and never left waiting behind a busy till.
 */
export function pruneImages(imagesDir: string, databases: readonly string[], now: Date): string[] {
  let names: string[]
  try {
    names = readdirSync(imagesDir).filter((name) => PRODUCT_IMAGE_FILE.test(name))
  } catch {
    return []
  }
  if (names.length === 0) return []
  const kept = new Set(databases.flatMap((file) => imagesNamedIn(file)))
  const removed: string[] = []
  for (const name of names) {
    if (kept.has(name)) continue
    const path = join(imagesDir, name)
    try {
      if (now.getTime() - statSync(path).mtimeMs <= IMAGE_GRACE_MS) continue
      rmSync(path)
      removed.push(name)
    } catch {
      // Gone already, or in use: the next backup tries again.
    }
  }
  return removed
}
