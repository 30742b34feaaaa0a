import { defineSlice } from '../platform/store/slice'

/** Whether the back office holds the screen instead of the till, and which of its sections is chosen. */
export interface BackOfficeState {
  open: boolean
  /** The chosen section's id; null for the first one the user may see. */
  section: string | null
  /** F8 or the header button; refused for a user with no back-office section, or while the till is busy. */
  backOfficeOpened(): void
  /** Esc or "Back to till": the register again, focus in the scan field. */
  backOfficeClosed(): void
  sectionChosen(id: string): void
}

export interface BackOfficeDeps {
  /** Whether the signed-in user may see any section. */
  readonly mayUse: () => boolean
  readonly tillBusy: () => boolean
  readonly focusReturned: () => void
}

const initialBackOffice = { open: false, section: null } satisfies Partial<BackOfficeState>

export const backOfficeSlice = defineSlice('backOffice', ({ set, get, registerReset }, deps: BackOfficeDeps): BackOfficeState => {
  // Every sign-in starts on the till.
  registerReset(() => set(initialBackOffice))
  return {
    ...initialBackOffice,
    backOfficeOpened: () => {
      if (get().open || !deps.mayUse() || deps.tillBusy()) return
      set({ open: true })
    },
    backOfficeClosed: () => {
      if (!get().open) return
      set({ open: false })
      deps.focusReturned()
    },
    sectionChosen: (id) => set({ section: id }),
  }
})
