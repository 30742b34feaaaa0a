import type { AuditVerdictDto } from '#shared/contract/audit'
import type { BackupDto } from '#shared/contract/backup'
import type { Permission } from '#shared/ipc/permissions'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { dateTimeFormatter, formatFileSize } from '../../platform/i18n/format'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { ManagerTexts } from './manager.en'

const msg = messagesOf<ManagerTexts>()

/** Who may open the manager tools (the backend checks each of their calls again). */
export const MANAGER_TOOLS_PERMISSION: Permission = 'backup.manage'

/** A section's last result: what happened, and whether it went well. */
export interface Feedback {
  readonly tone: 'ok' | 'error'
  readonly message: Message
}

export interface ManagerState {
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
  exportPending: boolean
  exportFeedback: Feedback | null
  /** "Restore from a file" chosen, waiting for the manager to confirm before main's file dialog opens. */
  importConfirming: boolean
  importPending: boolean
  importError: Message | null
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
  /** "Copy to a folder…": main asks where. */
  exportChosen(): Promise<void>
  importChosen(): void
  importCancelled(): void
  /** "Choose file and restore": main asks which file, core checks it, then restores. */
  importConfirmed(): Promise<void>
}

export interface ManagerDeps {
  readonly api: PosClient
  /** Whether the signed-in user holds `permission`. */
  readonly mayUse: (permission: Permission) => boolean
  /** A dialog or a payment result holds the screen. */
  readonly tillBusy: () => boolean
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly focusReturned: () => void
  /** A restore has signed every till out; `reason` says so on the sign-in screen. */
  readonly sessionEnded: (reason: Message) => void
  /** The store's locale, for dates and sizes. */
  readonly locale: () => string
}

const initialManager = {
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
  exportPending: false,
  exportFeedback: null,
  importConfirming: false,
  importPending: false,
  importError: null,
} satisfies Partial<ManagerState>

export function auditMessage(verdict: AuditVerdictDto): Message {
  if (verdict.ok) return msg('manager.auditIntact', { count: verdict.entries })
  const detail = verdict.detail ?? ''
  const reason =
    verdict.problem === 'anchor'
      ? msg('manager.audit.anchor', { detail })
      : verdict.problem === 'numberGap'
        ? msg('manager.audit.numberGap', { detail })
        : verdict.problem === 'missingSale'
          ? msg('manager.audit.missingSale', { detail })
          : msg(verdict.problem ? `manager.audit.${verdict.problem}` : 'manager.audit.unknown')
  // The entry number as stored, not locale-grouped: it is an identifier, read digit by digit.
  return verdict.firstBadId === undefined
    ? msg('manager.auditDamagedNoEntry', { reason })
    : msg('manager.auditDamaged', { id: String(verdict.firstBadId), reason })
}

export const managerSlice = defineSlice('manager', ({ set, get, registerReset }, deps: ManagerDeps): ManagerState => {
  const { api, locale } = deps

  async function loadBackups(): Promise<void> {
    const reply = await api.call('backup:list', {})
    if (reply.ok) {
      set({ backups: reply.data.items })
      return
    }
    set({ backups: get().backups ?? [], backupFeedback: { tone: 'error', message: errorMessage(reply.error) } })
  }

  registerReset(() => set(initialManager))

  return {
    ...initialManager,

    managerToolsOpened: () => {
      if (!deps.mayUse(MANAGER_TOOLS_PERMISSION) || deps.tillBusy()) return
      set(initialManager)
      deps.dialogOpened()
      void get().backupsRequested()
    },

    managerToolsClosed: () => {
      // A restore swaps the database under every till; its answer decides where the screen goes.
      if (get().restorePending || get().importPending) return
      set(initialManager)
      deps.dialogClosed()
      deps.focusReturned()
    },

    backupsRequested: loadBackups,

    backupNowChosen: async () => {
      const { backupPending, restorePending } = get()
      if (backupPending || restorePending) return
      set({ backupPending: true, backupFeedback: null })
      const reply = await api.call('backup:create', {})
      if (!reply.ok) {
        set({ backupPending: false, backupFeedback: { tone: 'error', message: errorMessage(reply.error) } })
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
        deps.sessionEnded(
          msg('manager.restored', {
            date: dateTimeFormatter(locale())(candidate.createdAt),
            previous: reply.data.previousSavedAs,
          }),
        )
        return
      }
      set({ restorePending: false, restoreError: errorMessage(reply.error) })
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
      set({ unlockPending: false, unlockFeedback: { tone: 'error', message: errorMessage(reply.error) } })
    },

    exportChosen: async () => {
      if (get().exportPending) return
      set({ exportPending: true, exportFeedback: null })
      const reply = await api.call('backup:export', {})
      if (!reply.ok) {
        set({ exportPending: false, exportFeedback: { tone: 'error', message: errorMessage(reply.error) } })
        return
      }
      const copy = reply.data
      set({
        exportPending: false,
        exportFeedback: copy.cancelled
          ? { tone: 'ok', message: msg('manager.exportCancelled') }
          : {
              tone: 'ok',
              message: msg('manager.exported', {
                file: copy.file,
                size: formatFileSize(copy.sizeBytes, locale()),
                folder: copy.folderName,
              }),
            },
      })
    },

    importChosen: () => {
      if (get().backupPending || get().restorePending) return
      set({ importConfirming: true, importError: null, exportFeedback: null })
    },

    importCancelled: () => {
      if (get().importPending) return
      set({ importConfirming: false, importError: null })
    },

    importConfirmed: async () => {
      if (get().importPending) return
      set({ importPending: true, importError: null })
      const reply = await api.call('backup:importFile', {})
      if (!reply.ok) {
        set({ importPending: false, importError: errorMessage(reply.error) })
        return
      }
      const outcome = reply.data
      if (outcome.cancelled) {
        set({ importPending: false, importConfirming: false, exportFeedback: { tone: 'ok', message: msg('manager.importCancelled') } })
        return
      }
      // The backend has signed out every session, this one too.
      deps.sessionEnded(msg('manager.restoredFromFile', { file: outcome.fileName, previous: outcome.previousSavedAs }))
    },

    auditCheckChosen: async () => {
      if (get().auditPending) return
      set({ auditPending: true, auditFeedback: null })
      const reply = await api.call('audit:verify', {})
      if (reply.ok) {
        set({ auditPending: false, auditFeedback: { tone: reply.data.ok ? 'ok' : 'error', message: auditMessage(reply.data) } })
        return
      }
      set({ auditPending: false, auditFeedback: { tone: 'error', message: errorMessage(reply.error) } })
    },
  }
})
