import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'

interface ModalDialogProps {
  labelledBy: string
  className: string
  /** Esc, or the browser closing the dialog itself. */
  onDismiss: () => void
  /** Focused once the dialog is open (showModal would otherwise pick the first focusable). */
  initialFocus: RefObject<HTMLElement | null>
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void
  children: ReactNode
}

/**
 * A native modal <dialog>: the page behind it is inert and Tab stays inside, with no focus-trap
 * code of our own. It is open for as long as it is mounted.
 */
export function ModalDialog({ labelledBy, className, onDismiss, initialFocus, onKeyDown, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    initialFocus.current?.focus()
  }, [initialFocus])

  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        // Closing is the store's decision: React unmounts the dialog when the state says so.
        event.preventDefault()
        onDismiss()
      }}
      onClose={onDismiss}
      onKeyDown={onKeyDown}
    >
      {children}
    </dialog>
  )
}
