import type { ReactNode } from 'react'

/** A key cap shown next to an action. Hidden from screen readers: the control's aria-keyshortcuts says it. */
export function KeyHint({ children }: { children: ReactNode }) {
  return (
    <kbd className="key-hint" aria-hidden="true">
      {children}
    </kbd>
  )
}
