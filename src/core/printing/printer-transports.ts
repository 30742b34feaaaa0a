/**
 * The ways bytes reach a receipt printer: a raw TCP connection (port 9100), a serial port written as
 * a device file, and files in the data folder. Each either resolves once the printer has the bytes
 * or rejects with a PrintFailure naming the system's own code (ECONNREFUSED, ENOENT…) or `timeout`.
 * None of them is ever awaited inside a database transaction.
 */
import { mkdir, open, rename, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'

/** Why a printer did not take a receipt: the system's code, or `timeout`. */
export class PrintFailure extends Error {
  constructor(readonly detail: string) {
    super(`The printer did not take the receipt: ${detail}`)
    this.name = 'PrintFailure'
  }
}

/** The system's code for a failed connection or write (ECONNREFUSED, EACCES…), or its message when it has none. */
export function failureDetail(error: unknown): string {
  if (error instanceof PrintFailure) return error.detail
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code !== '') return code
  const message = error instanceof Error ? error.message : String(error)
  return message.slice(0, 200) || 'unknown'
}

export interface Timeouts {
  readonly connectTimeoutMs: number
  readonly writeTimeoutMs: number
}

/**
 * Sends `bytes` to a raw network printer and waits until it has read them: a printer on port 9100
 * reads to the end of the connection and then closes its side, so the print counts only once the
 * connection has closed cleanly. A printer that accepts but never reads (its paper out, its buffer
 * full) fails with `timeout` after `writeTimeoutMs`.
 */
export function sendToNetworkPrinter(host: string, port: number, bytes: Uint8Array, timeouts: Timeouts): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port })
    let settled = false
    const finish = (error?: unknown) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      clearTimeout(writeTimer)
      socket.destroy()
      if (error === undefined) resolve()
      else reject(new PrintFailure(failureDetail(error)))
    }
    let writeTimer: ReturnType<typeof setTimeout> | undefined
    const connectTimer = setTimeout(() => finish(new PrintFailure('timeout')), timeouts.connectTimeoutMs)
    socket.once('connect', () => {
      clearTimeout(connectTimer)
      writeTimer = setTimeout(() => finish(new PrintFailure('timeout')), timeouts.writeTimeoutMs)
      socket.end(bytes)
    })
    // Some printers answer with status bytes: read and drop them, so the connection can close.
    socket.on('data', () => undefined)
    socket.once('error', (error) => finish(error))
    socket.once('close', (hadError) => {
      if (!hadError) finish()
    })
  })
}

/** `COM3` as Windows opens it (`\\.\COM3`, which also reaches COM10 and above); any other name as it is. */
export function devicePath(device: string): string {
  return /^COM[1-9][0-9]{0,2}$/i.test(device) ? `\\\\.\\${device.toUpperCase()}` : device
}

/**
 * Writes `bytes` to a serial port as a file. The device must exist (it is never created): a printer
 * unplugged is ENOENT, one the till may not use EACCES. Only a device is written to, never an
 * ordinary file or a folder (`notADevice`): a mistyped setting cannot overwrite the books. A port held
 * up by flow control fails with `timeout`; its speed and framing are the system's settings of the port.
 */
export async function sendToSerialPrinter(device: string, bytes: Uint8Array, timeouts: Timeouts): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new PrintFailure('timeout')), timeouts.writeTimeoutMs)
  })
  const write = (async () => {
    const port = await open(devicePath(device), 'r+')
    try {
      const kind = await port.stat()
      if (kind.isFile() || kind.isDirectory()) throw new PrintFailure('notADevice')
      await port.write(bytes)
    } finally {
      await port.close()
    }
  })()
  try {
    await Promise.race([write, timeout])
  } catch (error) {
    // A write still running after its timeout must not end as an unhandled rejection.
    write.catch(() => undefined)
    throw new PrintFailure(failureDetail(error))
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Prints to files: `<name>.bin` (the bytes a printer would get) and `<name>.txt` (the same lines as
 * text) in `dir`, each written whole under a temporary name first. Answers the two file names.
 */
export async function writeReceiptFiles(dir: string, name: string, bytes: Uint8Array, text: string): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true })
    const files = [
      [`${name}.bin`, bytes],
      [`${name}.txt`, text],
    ] as const
    for (const [file, content] of files) {
      const temporary = join(dir, `.${file}.tmp`)
      await writeFile(temporary, content)
      await rename(temporary, join(dir, file))
    }
    return files.map(([file]) => file)
  } catch (error) {
    throw new PrintFailure(failureDetail(error))
  }
}
