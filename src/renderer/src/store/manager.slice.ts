import type { AuditVerdictDto, BackupDto } from '../../../shared/contract'
import type { ClientError } from '../api/client'
import { dateTimeFormatter, formatFileSize } from '../i18n/format'
import { msg, type Message } from '../i18n/translate'
import type { SliceCreator } from './store.types'

/** A section's last result: what happened, and whether it went well. */
export interface Feedback {
  readonly tone: 'ok' | 'error'
  readonly message: Message
}

export interface ManagerSlice {
  /** Newest first; null until the list has loaded. */
  backups: readonly BackupDto[] | null
  backupPending: boolean
  /** The file the last "Back up now" wrote, so the list can mark it. */
  backupMade: string | null
  backupFeedback: Feedback | null
  /** The backup chosen for restoring, waiting for the manager to confirm. */
  restoreCandidate: BackupDto | null
  restorePending: boolean
  restoreError: Message | null
  unlockText: string
  unlockPending: boolean
  unlockFeedback: Feedback | null
  auditPending: boolean
  auditFeedback: Feedback | null
  /** F6, managers only */
  managerToolsOpened(): void
  /** Esc in the manager tools */
  managerToolsClosed(): void
  backupsRequested(): Promise<void>
  backupNowChosen(): Promise<void>
  restoreChosen(file: string): void
  /** Esc or Cancel on the confirmation step */
  restoreCancelled(): void
  restoreConfirmed(): Promise<void>
  unlockUsernameTyped(text: string): void
  unlockSubmitted(): Promise<void>
  auditCheckChosen(): Promise<void>
}

export const initialManager = {
  backups: null,
  backupPending: false,
  backupMade: null,
  backupFeedback: null,
  restoreCandidate: null,
  restorePending: false,
  restoreError: null,
  unlockText: '',
  unlockPending: false,
  unlockFeedback: null,
  auditPending: false,
  auditFeedback: null,
} satisfies Partial<ManagerSlice>

export function auditMessage(verdict: AuditVerdictDto): Message {
  if (verdict.ok) return msg('manager.auditIntact', { count: verdict.entries })
  const reason = verdict.reason ?? ''
  // The entry number as stored, not locale-grouped: it is an identifier, read digit by digit.
  return verdict.firstBadId === undefined
    ? msg('manager.auditDamagedNoEntry', { reason })
    : msg('manager.auditDamaged', { id: String(verdict.firstBadId), reason })
}

export const createManagerSlice: SliceCreator<ManagerSlice> = ({ api }) => (set, get) => {
  /** What to show for a refused call, or null when the session is gone (the sign-in screen says why). */
  function problem(error: ClientError): Message | null {
    if (error.code === 'NOT_AUTHENTICATED') {
      get().sessionEnded({ text: error.message })
      return null
    }
    return error.code === 'UNREACHABLE' ? msg('app.unreachable') : { text: error.message }
  }

  const locale = () => get().appInfo?.locale ?? 'en-NP'

  async function loadBackups(): Promise<void> {
    const reply = await api.call('backup:list', {})
    if (reply.ok) {
      set({ backups: reply.data.items })
      return
    }
    const message = problem(reply.error)
    if (message) set({ backups: get().backups ?? [], backupFeedback: { tone: 'error', message } })
  }

  return {
    ...initialManager,

    managerToolsOpened: () => {
      const { user, dialog, outcome } = get()
      if (user?.role !== 'manager' || dialog !== null || outcome !== null) return
      set({ ...initialManager, dialog: 'manager' })
      void get().backupsRequested()
    },

    managerToolsClosed: () => {
      // A restore swaps the database under every till; its answer decides where the screen goes.
      if (get().restorePending) return
      set({ ...initialManager, dialog: null })
      get().focusReturned()
    },

    backupsRequested: loadBackups,

    backupNowChosen: async () => {
      const { backupPending, restorePending } = get()
      if (backupPending || restorePending) return
      set({ backupPending: true, backupFeedback: null })
      const reply = await api.call('backup:create', {})
      if (!reply.ok) {
        const message = problem(reply.error)
        if (message) set({ backupPending: false, backupFeedback: { tone: 'error', message } })
        return
      }
      const made = reply.data
      set({
        backupMade: made.file,
        backupFeedback: {
          tone: 'ok',
          message: msg('manager.backedUp', {
            date: dateTimeFormatter(locale())(made.createdAt),
            size: formatFileSize(made.sizeBytes, locale()),
          }),
        },
      })
      // Listed afresh rather than prepended: taking a backup also rotates out old ones.
      await loadBackups()
      set({ backupPending: false })
    },

    restoreChosen: (file) => {
      const candidate = get().backups?.find((backup) => backup.file === file)
      if (!candidate || get().backupPending) return
      set({ restoreCandidate: candidate, restoreError: null })
    },

    restoreCancelled: () => {
      if (get().restorePending) return
      set({ restoreCandidate: null, restoreError: null })
    },

    restoreConfirmed: async () => {
      const { restoreCandidate: candidate, restorePending } = get()
      if (!candidate || restorePending) return
      set({ restorePending: true, restoreError: null })
      const reply = await api.call('backup:restore', { file: candidate.file })
      if (reply.ok) {
        // The backend has signed out every session, this one too.
        get().sessionEnded(
          msg('signIn.restored', {
            date: dateTimeFormatter(locale())(candidate.createdAt),
            previous: reply.data.previousSavedAs,
          }),
        )
        return
      }
      const message = problem(reply.error)
      if (message) set({ restorePending: false, restoreError: message })
    },

    unlockUsernameTyped: (text) => set({ unlockText: text, unlockFeedback: null }),

    unlockSubmitted: async () => {
      const { unlockText, unlockPending } = get()
      if (unlockPending) return
      const username = unlockText.trim()
      if (username === '') {
        set({ unlockFeedback: { tone: 'error', message: msg('manager.usernameRequired') } })
        return
      }
      set({ unlockPending: true, unlockFeedback: null })
      const reply = await api.call('users:unlock', { username })
      if (reply.ok) {
        const { user } = reply.data
        set({
          unlockPending: false,
          unlockFeedback: { tone: 'ok', message: msg('manager.unlocked', { username: user.username, name: user.displayName }) },
        })
        return
      }
      const message = problem(reply.error)
      if (message) set({ unlockPending: false, unlockFeedback: { tone: 'error', message } })
    },

    auditCheckChosen: async () => {
      if (get().auditPending) return
      set({ auditPending: true, auditFeedback: null })
      const reply = await api.call('audit:verify', {})
      if (reply.ok) {
        set({ auditPending: false, auditFeedback: { tone: reply.data.ok ? 'ok' : 'error', message: auditMessage(reply.data) } })
        return
      }
      const message = problem(reply.error)
      if (message) set({ auditPending: false, auditFeedback: { tone: 'error', message } })
    },
  }
}
