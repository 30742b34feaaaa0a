import type { StaffDto } from '#shared/contract/users'
import type { Role } from '#shared/ipc/permissions'
import type { PosClient } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { formEditing, initialListEditing, listed, rowActing } from '../../platform/store/list-editing'
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

const initialList = { staff: null, includeInactive: false, ...initialListEditing } satisfies Partial<UsersState>

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
    const { items, listError } = listed(await api.call('users:list', { includeInactive: get().includeInactive }), get().staff)
    set({ staff: items, listError })
  }

  const find = (id: number) => get().staff?.find((member) => member.id === id)
  const form = formEditing<StaffEditor>({ get, set }, loadStaff)
  const rowAction = rowActing({ get, set }, loadStaff)

  /** After a change to `member` (null: none went through), the header follows if it was oneself. */
  async function headerFollows(member: { readonly id: number } | null): Promise<void> {
    if (member !== null && member.id === deps.selfId()) await deps.selfChanged()
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

    createChosen: () => form.opened({ kind: 'create' }),

    editChosen: (id) => {
      const staff = find(id)
      if (staff) form.opened({ kind: 'edit', staff })
    },

    passwordChosen: (id) => {
      const staff = find(id)
      if (staff) form.opened({ kind: 'password', staff })
    },

    editorCancelled: form.cancelled,

    staffCreated: async (input) => {
      if (get().editorPending) return
      await headerFollows(
        await form.saved(
          () => api.call('users:create', input),
          (member) => msg('staff.created', { name: member.displayName, username: member.username }),
        ),
      )
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
      await headerFollows(
        await form.saved(
          () => api.call('users:update', { id: staff.id, ...change }),
          (member) => msg('staff.updated', { name: member.displayName }),
        ),
      )
    },

    passwordSet: async (password) => {
      const editor = get().editor
      if (editor?.kind !== 'password' || get().editorPending) return
      await headerFollows(
        await form.saved(
          () => api.call('users:setPassword', { id: editor.staff.id, password }),
          (member) => msg('staff.passwordSet', { name: member.displayName }),
        ),
      )
    },

    activeToggled: async (id) => {
      const member = find(id)
      if (!member) return
      await headerFollows(
        await rowAction(
          id,
          () => api.call('users:update', { id, active: !member.active }),
          (saved) =>
            saved.active ? msg('staff.reactivated', { name: saved.displayName }) : msg('staff.deactivated', { name: saved.displayName }),
        ),
      )
    },

    unlockChosen: async (id) => {
      const member = find(id)
      if (!member) return
      const unlocked = await rowAction(
        id,
        () => api.call('users:unlock', { username: member.username }),
        () => msg('staff.unlocked', { name: member.displayName }),
      )
      await headerFollows(unlocked ? member : null)
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
