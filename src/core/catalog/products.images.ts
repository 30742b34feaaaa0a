/**
 * The files behind product images: read what main's dialog picked, check it, and keep it under
 * `images/` by the hash of its bytes. All outside any transaction (inside one, core awaits only the
 * database); the rows come after, in products.service.ts.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { MAX_IMAGE_BYTES } from '#shared/contract/catalog'
import { DomainError } from '#core/common/domain-error'
import { imageTypeOf } from './products.rules'

export interface CheckedImage {
  /** `<sha256 hex>.<png|jpg|webp>` */
  file: string
  bytes: Uint8Array
}

function notAnImage(): DomainError<'VALIDATION_FAILED'> {
  return new DomainError('VALIDATION_FAILED', 'Only PNG, JPEG or WebP images can be added.', { rule: 'imageType', field: 'images' })
}

function tooLarge(): DomainError<'VALIDATION_FAILED'> {
  return new DomainError('VALIDATION_FAILED', `An image may be at most ${MAX_IMAGE_BYTES} bytes.`, {
    rule: 'tooLarge',
    field: 'images',
    max: MAX_IMAGE_BYTES,
  })
}

/**
 * Reads one picked file and checks it: at most MAX_IMAGE_BYTES, and PNG, JPEG or WebP by its first
 * bytes whatever its name says. A file that cannot be read as one (gone, a folder, not allowed) is
 * not an image either. The size is checked before the file is read, and again on what was read.
 */
export async function readImage(path: string): Promise<CheckedImage> {
  let bytes: Buffer
  try {
    const file = await open(path, 'r')
    try {
      const stats = await file.stat()
      if (!stats.isFile()) throw notAnImage()
      if (stats.size > MAX_IMAGE_BYTES) throw tooLarge()
      // One byte more than allowed is enough to know a file that grew since is too large.
      const buffer = Buffer.alloc(MAX_IMAGE_BYTES + 1)
      let length = 0
      for (;;) {
        const { bytesRead } = await file.read(buffer, length, buffer.length - length, length)
        if (bytesRead === 0) break
        length += bytesRead
        if (length === buffer.length) break
      }
      bytes = buffer.subarray(0, length)
    } finally {
      await file.close()
    }
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw notAnImage()
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge()
  const type = imageTypeOf(bytes)
  if (!type) throw notAnImage()
  return { file: `${createHash('sha256').update(bytes).digest('hex')}.${type}`, bytes }
}

/** Every picked file checked, in order; the first that fails refuses them all. */
export async function readImages(paths: readonly string[]): Promise<CheckedImage[]> {
  const images: CheckedImage[] = []
  for (const path of paths) images.push(await readImage(path))
  return images
}

/**
 * Writes an image into `dir` under its hashed name, atomically: to a temporary file in the same
 * folder, flushed to disk, then renamed over the name. A file already there has the same bytes (the
 * name is their hash) and is kept.
 */
export async function storeImage(dir: string, image: CheckedImage): Promise<void> {
  const target = join(dir, image.file)
  if (await exists(target)) return
  await mkdir(dir, { recursive: true })
  const temporary = join(dir, `.${image.file}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(temporary, 'wx')
    try {
      await file.writeFile(image.bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
