import { z } from 'zod'
import { channel } from '../ipc/channel'
import { isoDateTime, protectedInput, text } from './common'

export const backupDto = z.strictObject({
  file: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration']),
  createdAt: isoDateTime,
  sizeBytes: z.int().min(0),
})
export type BackupDto = z.infer<typeof backupDto>

export const backupContract = {
  'backup:create': channel('backup.manage', protectedInput({}), backupDto),
  'backup:list': channel('backup.manage', protectedInput({}), z.strictObject({ items: z.array(backupDto) })),
  'backup:restore': channel(
    'backup.manage',
    protectedInput({ file: text(200).min(1) }),
    z.strictObject({ restoredFrom: z.string(), previousSavedAs: z.string() }),
  ),
}
