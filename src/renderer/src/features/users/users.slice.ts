import type { StaffDto } from '#shared/contract/users'
import type { Role } from '#shared/ipc/permissions'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { defineSlice } from '../../platform/store/slice'
import type { Feedback } from '../../ui/feedback-line'
import type { UsersTexts } from './users.en'

const msg = messagesOf<UsersTexts>()

/** The staff form open over the list: a new member, one's name and role, or one's password. */
export type StaffEditor =
  | { readonly kind: 'create' }
  | { readonly kind: 'edit'; readonly staff: StaffDto }
  | { readonly kind: 'password'; readonly staff: StaffDto }

export interface NewStaff {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly password: string
}

export interface UsersState {
  /** Null until the list has loaded. */
  staff: readonly StaffDto[] | null
  includeInactive: boolean
  listError: Message | null
  editor: StaffEditor | null
  editorPending: boolean
  editorError: Message | null
  /** The last change made from the list (added, deactivated, unlocked…), or its refusal. */
  feedback: Feedback | null
  /** The row whose quick action (deactivate, reactivate, unlock) is under way. */
  rowPending: number | null
  accountPasswordPending: boolean
  accountPasswordFeedback: Feedback | null
  accountPinPending: boolean
  accountPinFeedback: Feedback | null
  staffRequested(): Promise<void>
  inactiveToggled(show: boolean): Promise<void>
  createChosen(): void
  editChosen(id: number): void
  passwordChosen(id: number): void
  editorCancelled(): void
  staffCreated(input: NewStaff): Promise<void>
  staffEdited(change: { readonly displayName: string; readonly role: Role }): Promise<void>
  passwordSet(password: string): Promise<void>
  /** Deactivate an active member, reactivate an inactive one. */
  activeToggled(id: number): Promise<void>
  unlockChosen(id: number): Promise<void>
  /** "My account" in the header, for everyone. */
  accountOpened(): void
  accountClosed(): void
  ownPasswordChanged(input: { readonly currentPassword: string; readonly newPassword: string }): Promise<boolean>
  /** `pin: null` removes it. */
  ownPinSet(input: { readonly currentPassword: string; readonly pin: string | null }): Promise<boolean>
}

export interface UsersDeps {
  readonly api: PosClient
  /** The signed-in user's id, to notice a change made to oneself. */
  readonly selfId: () => number | null
  /** The signed-in user's name or role changed: the header follows. */
  readonly selfChanged: () => Promise<void>
  readonly tillBusy: () => boolean
  readonly dialogOpened: () => void
  readonly dialogClosed: () => void
  readonly focusReturned: () => void
}

const initialList = {
  staff: null,
  includeInactive: false,
  listError: null,
  editor: null,
  editorPending: false,
  editorError: null,
  feedback: null,
  rowPending: null,
} satisfies Partial<UsersState>

const initialAccount = {
  accountPasswordPending: false,
  accountPasswordFeedback: null,
  accountPinPending: false,
  accountPinFeedback: null,
} satisfies Partial<UsersState>

const refused = (message: Message): Feedback => ({ tone: 'error', message })

export const usersSlice = defineSlice('users', ({ set, get, registerReset }, deps: UsersDeps): UsersState => {
  const { api } = deps

  async function loadStaff(): Promise<void> {
    const reply = await api.call('users:list', { includeInactive: get().includeInactive })
    if (reply.ok) set({ staff: reply.data.items, listError: null })
    else set({ staff: get().staff ?? [], listError: errorMessage(reply.error) })
  }

  const find = (id: number) => get().staff?.find((member) => member.id === id)

  /** A change to a member went through: the list again, and the header if it was oneself. */
  async function changed(member: StaffDto, message: Message): Promise<void> {
    set({ feedback: { tone: 'ok', message } })
    await loadStaff()
    if (member.id === deps.selfId()) await deps.selfChanged()
  }

  registerReset(() => set({ ...initialList, ...initialAccount }))

  return {
    ...initialList,
    ...initialAccount,

    staffRequested: loadStaff,

    inactiveToggled: async (show) => {
      set({ includeInactive: show })
      await loadStaff()
    },

    createChosen: () => set({ editor: { kind: 'create' }, editorError: null, feedback: null }),

    editChosen: (id) => {
      const staff = find(id)
      if (staff) set({ editor: { kind: 'edit', staff }, editorError: null, feedback: null })
    },

    passwordChosen: (id) => {
      const staff = find(id)
      if (staff) set({ editor: { kind: 'password', staff }, editorError: null, feedback: null })
    },

    editorCancelled: () => {
      if (get().editorPending) return
      set({ editor: null, editorError: null })
    },

    staffCreated: async (input) => {
      if (get().editorPending) return
      set({ editorPending: true, editorError: null })
      const reply = await api.call('users:create', input)
      if (!reply.ok) {
        set({ editorPending: false, editorError: errorMessage(reply.error) })
        return
      }
      set({ editorPending: false, editor: null })
      await changed(reply.data, msg('staff.created', { name: reply.data.displayName, username: reply.data.username }))
    },

    staffEdited: async ({ displayName, role }) => {
      const editor = get().editor
      if (editor?.kind !== 'edit' || get().editorPending) return
      const { staff } = editor
      const change = {
        ...(displayName !== staff.displayName ? { displayName } : {}),
        ...(role !== staff.role ? { role } : {}),
      }
      if (Object.keys(change).length === 0) {
        set({ editor: null })
        return
      }
      set({ editorPending: true, editorError: null })
      const reply = await api.call('users:update', { id: staff.id, ...change })
      if (!reply.ok) {
        set({ editorPending: false, editorError: errorMessage(reply.error) })
        return
      }
      set({ editorPending: false, editor: null })
      await changed(reply.data, msg('staff.updated', { name: reply.data.displayName }))
    },

    passwordSet: async (password) => {
      const editor = get().editor
      if (editor?.kind !== 'password' || get().editorPending) return
      set({ editorPending: true, editorError: null })
      const reply = await api.call('users:setPassword', { id: editor.staff.id, password })
      if (!reply.ok) {
        set({ editorPending: false, editorError: errorMessage(reply.error) })
        return
      }
      set({ editorPending: false, editor: null })
      await changed(reply.data, msg('staff.passwordSet', { name: reply.data.displayName }))
    },

    activeToggled: async (id) => {
      const member = find(id)
      if (!member || get().rowPending !== null) return
      set({ rowPending: id, feedback: null })
      const reply = await api.call('users:update', { id, active: !member.active })
      set({ rowPending: null })
      if (!reply.ok) {
        set({ feedback: refused(errorMessage(reply.error)) })
        return
      }
      await changed(
        reply.data,
        reply.data.active
          ? msg('staff.reactivated', { name: reply.data.displayName })
          : msg('staff.deactivated', { name: reply.data.displayName }),
      )
    },

    unlockChosen: async (id) => {
      const member = find(id)
      if (!member || get().rowPending !== null) return
      set({ rowPending: id, feedback: null })
      const reply = await api.call('users:unlock', { username: member.username })
      set({ rowPending: null })
      if (!reply.ok) {
        set({ feedback: refused(errorMessage(reply.error)) })
        return
      }
      await changed(member, msg('staff.unlocked', { name: member.displayName }))
    },

    accountOpened: () => {
      if (deps.tillBusy()) return
      set(initialAccount)
      deps.dialogOpened()
    },

    accountClosed: () => {
      if (get().accountPasswordPending || get().accountPinPending) return
      set(initialAccount)
      deps.dialogClosed()
      deps.focusReturned()
    },

    ownPasswordChanged: async (input) => {
      if (get().accountPasswordPending) return false
      set({ accountPasswordPending: true, accountPasswordFeedback: null })
      const reply = await api.call('auth:changePassword', input)
      set({
        accountPasswordPending: false,
        accountPasswordFeedback: reply.ok ? { tone: 'ok', message: msg('account.passwordChanged') } : refused(errorMessage(reply.error)),
      })
      return reply.ok
    },

    ownPinSet: async (input) => {
      if (get().accountPinPending) return false
      set({ accountPinPending: true, accountPinFeedback: null })
      const reply = await api.call('auth:setPin', input)
      set({
        accountPinPending: false,
        accountPinFeedback: reply.ok
          ? { tone: 'ok', message: input.pin === null ? msg('account.pinRemoved') : msg('account.pinSet') }
          : refused(errorMessage(reply.error)),
      })
      return reply.ok
    },
  }
})
