import { z } from 'zod'
import { channel } from '../ipc/channel'
import { isoDateTime, protectedInput, text } from './common'

export const backupDto = z.strictObject({
  file: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration', 'imported']),
  createdAt: isoDateTime,
  sizeBytes: z.int().min(0),
})
export type BackupDto = z.infer<typeof backupDto>

export const backupContract = {
  'backup:create': channel('backup.manage', protectedInput({}), backupDto),
  'backup:list': channel('backup.manage', protectedInput({}), z.strictObject({ items: z.array(backupDto) })),
  /** A verified copy written to a folder the manager picks in main's own dialog (a USB stick): no path crosses IPC. */
  'backup:export': channel(
    'backup.manage',
    protectedInput({}),
    z.discriminatedUnion('cancelled', [
      z.strictObject({ cancelled: z.literal(true) }),
      z.strictObject({
        cancelled: z.literal(false),
        file: z.string(),
        folderName: z.string(),
        sizeBytes: z.int().min(0),
        createdAt: isoDateTime,
      }),
    ]),
  ),
  /** Restores from a file the manager picks in main's dialog, checked exactly like a local backup. */
  'backup:importFile': channel(
    'backup.manage',
    protectedInput({}),
    z.discriminatedUnion('cancelled', [
      z.strictObject({ cancelled: z.literal(true) }),
      z.strictObject({ cancelled: z.literal(false), restoredFrom: z.string(), fileName: z.string(), previousSavedAs: z.string() }),
    ]),
  ),
  'backup:restore': channel(
    'backup.manage',
    protectedInput({ file: text(200).min(1) }),
    z.strictObject({ restoredFrom: z.string(), previousSavedAs: z.string() }),
  ),
}
