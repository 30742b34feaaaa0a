import { Fragment, useEffect, useRef, type ComponentProps, type ReactNode, type RefObject } from 'react'
import type { Message } from '../platform/i18n/translate'
import { isAltLetter } from '../platform/lib/keys'
import { FeedbackLine, type Feedback } from './feedback-line'
import { KeyHint } from './key-hint'
import './admin-list.css'

/** The back office's key for a section's "new" button. */
export const NEW_KEY = { letter: 'n', label: 'Alt+N', aria: 'Alt+N' } as const

export interface AdminColumn {
  readonly label: string
  /** Figures, right-aligned. */
  readonly num?: boolean
  /** Named for screen readers only (the column of row buttons). */
  readonly hidden?: boolean
}

interface AdminListProps<T> {
  /** Null until the list has loaded. */
  readonly items: readonly T[] | null
  readonly listError: Message | null
  /** The last change made from the list, or its refusal; a list that failed to load says that instead. */
  readonly feedback: Feedback | null
  readonly loadingText: string
  readonly emptyText: string
  readonly caption: string
  /** The table's own class, beside the shared ones. */
  readonly className: string
  readonly columns: readonly AdminColumn[]
  readonly row: (item: T) => ReactNode
}

/**
 * A back-office list (taxes, promo codes, staff): the section's feedback line, then the list in a
 * card, or a line while it loads or when it is empty. Each row is the section's own.
 */
export function AdminList<T extends { readonly id: number }>(props: AdminListProps<T>) {
  const { items, listError, feedback, loadingText, emptyText, caption, className, columns, row } = props
  return (
    <>
      <FeedbackLine feedback={listError ? { tone: 'error', message: listError } : feedback} />
      {items === null || items.length === 0 ? (
        <p role="status">{items === null ? loadingText : emptyText}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className={`data-table admin-table ${className}`}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={column.num ? 'num' : undefined}>
                    {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <Fragment key={item.id}>{row(item)}</Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

/** A row of a back-office list; one switched off or deactivated is greyed. */
export function AdminRow({ off, ...row }: { readonly off: boolean } & ComponentProps<'tr'>) {
  return <tr className={off ? 'admin-row-off' : undefined} {...row} />
}

/** The row's buttons, at its end. Many buttons may wrap onto a second line instead of pushing the table wider. */
export function RowActions({ className, wrap = false, children }: { className: string; wrap?: boolean; children: ReactNode }) {
  return (
    <td className={`admin-actions ${className}`}>
      <div className={wrap ? 'admin-action-row admin-action-row-wrap' : 'admin-action-row'}>{children}</div>
    </td>
  )
}

interface RowButtonProps {
  /** The accessible name, with the row's name in it (`Edit VAT`): the visible text alone repeats on every row. */
  readonly label: string
  /** Another row action is under way: the button keeps focus but does nothing. */
  readonly busy?: boolean
  readonly onClick: () => void
  readonly children: ReactNode
}

export function RowButton({ label, busy, onClick, children }: RowButtonProps) {
  return (
    <button type="button" className="button button-quiet button-compact" aria-label={label} aria-disabled={busy} onClick={onClick}>
      {children}
    </button>
  )
}

/** A state as a small rounded label: on, off, locked. */
export function Pill({ tone, children }: { tone: 'ok' | 'muted' | 'danger'; children: ReactNode }) {
  return <span className={`pill pill-${tone}`}>{children}</span>
}

interface NewButtonProps {
  readonly ref: RefObject<HTMLButtonElement | null>
  readonly label: string
  /** Shows Alt+N on the button; the section listens with `useNewKey`. */
  readonly keyed?: boolean
  readonly onClick: () => void
}

/** The section's button for a new item, where focus comes back to after its form. */
export function NewButton({ ref, label, keyed = false, onClick }: NewButtonProps) {
  return (
    <button
      ref={ref}
      type="button"
      className="button button-primary"
      aria-keyshortcuts={keyed ? NEW_KEY.aria : undefined}
      onClick={onClick}
    >
      {label}
      {keyed && (
        <>
          {' '}
          <KeyHint>{NEW_KEY.label}</KeyHint>
        </>
      )}
    </button>
  )
}

/** Alt+N anywhere in the back office while the section shows and no form is open (the navigation keeps focus after choosing it). */
export function useNewKey(enabled: boolean, onNew: () => void): void {
  useEffect(() => {
    if (!enabled) return
    function onKeyDown(event: KeyboardEvent): void {
      if (!isAltLetter(event, NEW_KEY.letter)) return
      event.preventDefault()
      onNew()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled, onNew])
}

/** Back from the form over the list, focus returns to `target` (the section's new button), where the list is worked from. */
export function useFocusAfterForm(formOpen: boolean, target: RefObject<HTMLElement | null>): void {
  const wasOpen = useRef(false)
  useEffect(() => {
    if (formOpen) wasOpen.current = true
    else if (wasOpen.current) {
      wasOpen.current = false
      target.current?.focus()
    }
  }, [formOpen, target])
}
