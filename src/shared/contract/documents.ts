import { z } from 'zod'
import { channel } from '../ipc/channel'
import { text } from './common'

/**
 * A printable page the screen is showing (a token card) saved as PDF: main prints the calling
 * window with its print styles (`printToPDF`) and asks where to save it in its own dialog; no path
 * crosses IPC.
 */
export const documentsContract = {
  'documents:savePdf': channel(
    'signedIn',
    z.strictObject({
      suggestedName: text(80)
        .min(1)
        .regex(/^[\w .-]+$/, 'letters, digits, space, dot, dash'),
    }),
    z.discriminatedUnion('cancelled', [
      z.strictObject({ cancelled: z.literal(true) }),
      z.strictObject({ cancelled: z.literal(false), fileName: z.string(), sizeBytes: z.int().min(0) }),
    ]),
  ),
}
