import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ParkedCartDto } from '#shared/contract/parked'
import { useDateTime, useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { KeyHint } from '../../ui/key-hint'
import { EscapeButton, TitledDialog } from '../../ui/dialog-form'
import type { UiTexts } from '../../ui/ui.en'
import type { ParkedTexts } from './parked.en'
import { useParked } from './use-parked'
import './parked.css'

type Texts = ParkedTexts & UiTexts

const optionId = (id: number) => `parked-${id}`

/** A parked sale's name: its label, or when it was parked. */
function useTitleOf(): (item: ParkedCartDto) => string {
  const { t } = useI18n<Texts>()
  const dateTime = useDateTime()
  return (item) => item.label ?? t('parked.unlabelled', { time: dateTime(item.parkedAt) })
}

function ParkedOption({ item, selected }: { item: ParkedCartDto; selected: boolean }) {
  const { t } = useI18n<Texts>()
  const money = useMoney()
  const dateTime = useDateTime()
  const titleOf = useTitleOf()
  const parkedSelected = useParked((s) => s.parkedSelected)
  const recallChosen = useParked((s) => s.recallChosen)
  const ref = useRef<HTMLLIElement>(null)

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  return (
    // Chosen by the list's keys (the list holds focus); a click selects and a double click recalls.
    <li
      ref={ref}
      id={optionId(item.id)}
      role="option"
      aria-selected={selected}
      className="parked-option"
      onClick={() => parkedSelected(item.id)}
      onDoubleClick={() => void recallChosen()}
    >
      <span className="parked-option-title">{titleOf(item)}</span>
      <span className="parked-option-total">{money(item.totalCents)}</span>
      <span className="parked-option-details">
        {t('parked.details', { count: item.itemCount, name: item.parkedBy.name, time: dateTime(item.parkedAt) })}
      </span>
    </li>
  )
}

function DiscardConfirm({ item }: { item: ParkedCartDto }) {
  const { t } = useI18n<Texts>()
  const titleOf = useTitleOf()
  const confirmRef = useRef<HTMLButtonElement>(null)
  const pending = useParked((s) => s.listPending)
  const discardConfirmed = useParked((s) => s.discardConfirmed)
  const discardCancelled = useParked((s) => s.discardCancelled)

  useEffect(() => {
    confirmRef.current?.focus()
  }, [])

  return (
    <section className="parked-confirm" role="alertdialog" aria-labelledby="parked-confirm-title" aria-describedby="parked-confirm-text">
      <h3 id="parked-confirm-title" className="parked-confirm-title">
        {t('parked.confirmTitle', { label: titleOf(item) })}
      </h3>
      <p id="parked-confirm-text">{t('parked.confirmText', { count: item.itemCount })}</p>
      <div className="dialog-actions">
        <EscapeButton label={t('parked.keep')} onClick={discardCancelled} />
        <button
          ref={confirmRef}
          type="button"
          className="button button-danger"
          aria-keyshortcuts="Enter"
          aria-disabled={pending}
          onClick={() => void discardConfirmed()}
        >
          {t('parked.confirmDiscard')} <KeyHint>{t('key.enter')}</KeyHint>
        </button>
      </div>
    </section>
  )
}

/** The parked-sales key: this till's parked sales, newest first; Enter recalls one, Delete discards it. */
export function ParkedListDialog() {
  const { t } = useI18n<Texts>()
  const listRef = useRef<HTMLUListElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const { parked, selectedId, confirmingId, pending, error } = useParked(
    useShallow((s) => ({
      parked: s.parked,
      selectedId: s.selectedId,
      confirmingId: s.confirmingId,
      pending: s.listPending,
      error: s.listError,
    })),
  )
  const selectionMoved = useParked((s) => s.selectionMoved)
  const recallChosen = useParked((s) => s.recallChosen)
  const discardChosen = useParked((s) => s.discardChosen)
  const discardCancelled = useParked((s) => s.discardCancelled)
  const parkedListClosed = useParked((s) => s.parkedListClosed)
  const confirming = parked?.find((item) => item.id === confirmingId) ?? null
  const empty = parked !== null && parked.length === 0

  // Focus follows the list as it loads, after a discard is confirmed or kept, and when it empties.
  useEffect(() => {
    if (parked === null || confirmingId !== null) return
    if (parked.length > 0) listRef.current?.focus()
    else closeRef.current?.focus()
  }, [parked, confirmingId])

  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity, PageDown: 5, PageUp: -5 }
    const step = moves[event.key]
    if (step !== undefined) {
      event.preventDefault()
      selectionMoved(step)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      void recallChosen()
    } else if (event.key === 'Delete') {
      event.preventDefault()
      discardChosen()
    }
  }

  return (
    <TitledDialog
      titleId="parked-title"
      title={t('parked.title')}
      className="parked-dialog"
      // Esc steps back out of a discard before it closes the list.
      onDismiss={confirming ? discardCancelled : parkedListClosed}
      initialFocus={listRef}
    >
      {parked === null ? (
        <p className="parked-empty" role="status">
          {t('parked.loading')}
        </p>
      ) : empty ? (
        <p className="parked-empty">{t('parked.none')}</p>
      ) : (
        <>
          <p id="parked-hint" className="field-hint">
            {t('parked.hint')}
          </p>
          <ul
            ref={listRef}
            className="parked-list"
            role="listbox"
            tabIndex={0}
            aria-label={t('parked.listLabel')}
            aria-describedby="parked-hint"
            aria-activedescendant={selectedId !== null ? optionId(selectedId) : undefined}
            onKeyDown={onListKeyDown}
          >
            {parked.map((item) => (
              <ParkedOption key={item.id} item={item} selected={item.id === selectedId} />
            ))}
          </ul>
        </>
      )}
      <FormError message={error} />
      {confirming ? (
        <DiscardConfirm item={confirming} />
      ) : (
        <div className="dialog-actions">
          <EscapeButton ref={closeRef} label={t('parked.close')} onClick={parkedListClosed} />
          {!empty && parked !== null && (
            <>
              <button
                type="button"
                className="button button-quiet"
                aria-keyshortcuts="Delete"
                aria-disabled={pending}
                onClick={discardChosen}
              >
                {t('parked.discard')} <KeyHint>{t('parked.deleteKey')}</KeyHint>
              </button>
              <button
                type="button"
                className="button button-primary"
                aria-keyshortcuts="Enter"
                aria-disabled={pending}
                onClick={() => void recallChosen()}
              >
                {pending ? t('parked.recalling') : t('parked.recall')} <KeyHint>{t('key.enter')}</KeyHint>
              </button>
            </>
          )}
        </div>
      )}
    </TitledDialog>
  )
}
