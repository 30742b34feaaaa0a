/**
 * Routes one IPC call from a window to that window's backend client. Pure (no electron import) so
 * the sender check, the per-window sessions and the error envelope are tested with fakes;
 * `ipc.ts` only hands it `ipcMain.handle` events.
 */
import type { ChannelName } from '#shared/ipc/channel-names'
import type { IpcResult } from '#shared/ipc/errors'
import type { BackendClient, ClientWindow } from '#core/backend'
import { printReceiptOn, type PrintableContents } from './receipt-print'
import { isTrustedSender, type SenderFrameLike } from './security.policy'

/** The parts of Electron's `WebContents` the router uses. */
export interface IpcSenderLike {
  readonly id: number
  isDestroyed(): boolean
  once(event: 'destroyed', listener: () => void): unknown
  printToPDF(options: { printBackground?: boolean; preferCSSPageSize?: boolean }): Promise<Uint8Array>
  /** Electron's silent print; a sender without it cannot print to a system printer. */
  print?: PrintableContents['print']
}

/** A document is laid out by the page's print styles: its own page size, its colours kept. */
export const PDF_OPTIONS = { printBackground: true, preferCSSPageSize: true } as const

/** The parts of Electron's `IpcMainInvokeEvent` the router uses. */
export interface IpcInvokeEventLike {
  readonly sender: IpcSenderLike
  /** Electron's getter may return null (frame navigated away) or throw (frame disposed). */
  readonly senderFrame: SenderFrameLike | null
}

export interface IpcRouterOptions {
  /** Origins whose top-level frame may call in: `app://pos`, or the dev server's origin. */
  allowedOrigins: readonly string[]
  /** True for the webContents of a window this app created. */
  isOwnWindow: (webContentsId: number) => boolean
  /** Opens one backend session; called once per window, with what that window can do (print itself). */
  connect: (window: ClientWindow) => Pick<BackendClient, 'invokeUnknown' | 'disconnect'>
  logger?: Pick<Console, 'warn' | 'error'>
}

export interface IpcRouter {
  handle(channel: ChannelName, event: IpcInvokeEventLike, input: unknown): Promise<IpcResult<unknown>>
  /** Ends every window's session (before the backend closes). */
  disconnectAll(): void
  /** Number of windows holding a backend session. */
  readonly size: number
}

export const FORBIDDEN_REPLY = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request is not allowed.' },
} as const satisfies IpcResult<never>

export const INTERNAL_REPLY = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong. Please try again.' },
} as const satisfies IpcResult<never>

function isEnvelope(value: unknown): value is IpcResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

function describeFrame(event: IpcInvokeEventLike): string {
  try {
    return event.senderFrame?.url ?? '(no frame)'
  } catch {
    return '(disposed frame)'
  }
}

export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  const { allowedOrigins, isOwnWindow, connect, logger = console } = options
  const clients = new Map<number, Pick<BackendClient, 'invokeUnknown' | 'disconnect'>>()

  const disconnect = (id: number): void => {
    const client = clients.get(id)
    clients.delete(id)
    try {
      client?.disconnect()
    } catch (error) {
      logger.error('[ipc] disconnect failed', error)
    }
  }

  const isTrusted = (event: IpcInvokeEventLike): boolean => {
    try {
      const { sender } = event
      return !sender.isDestroyed() && isOwnWindow(sender.id) && isTrustedSender(event.senderFrame, allowedOrigins)
    } catch {
      return false
    }
  }

  const clientFor = (sender: IpcSenderLike): Pick<BackendClient, 'invokeUnknown' | 'disconnect'> => {
    let client = clients.get(sender.id)
    if (!client) {
      // A PDF, or a receipt on the system printer, is always of the window that asked, showing what it shows.
      const print = sender.print?.bind(sender)
      client = connect({
        printToPdf: () => sender.printToPDF(PDF_OPTIONS),
        ...(print ? { printReceipt: ({ deviceName }: { deviceName: string }) => printReceiptOn({ print }, deviceName) } : {}),
      })
      clients.set(sender.id, client)
      // The session belongs to the window: it ends when the window's contents go away.
      sender.once('destroyed', () => disconnect(sender.id))
    }
    return client
  }

  return {
    async handle(channel, event, input) {
      if (!isTrusted(event)) {
        logger.warn(`[ipc] refused ${channel} from untrusted sender ${describeFrame(event)}`)
        return FORBIDDEN_REPLY
      }
      try {
        const result = await clientFor(event.sender).invokeUnknown(channel, input)
        if (isEnvelope(result)) return result
        logger.error(`[ipc] ${channel} answered without an envelope`)
        return INTERNAL_REPLY
      } catch (error) {
        // The stack stays in the log; the renderer only ever sees the envelope.
        logger.error(`[ipc] ${channel} failed`, error)
        return INTERNAL_REPLY
      }
    },
    disconnectAll() {
      for (const id of [...clients.keys()]) disconnect(id)
    },
    get size() {
      return clients.size
    },
  }
}
