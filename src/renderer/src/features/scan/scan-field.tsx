import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../../platform/i18n/use-i18n'
import { EMPTY_TRAIL, pendingKey, trailAfterChange, trailKeys, type KeyTrail, type PendingKey } from '../../platform/lib/key-positions'
import { ResultList, resultOptionId } from './result-list'
import type { scanEn } from './scan.en'
import { useScan, useScanStore } from './use-scan'

const SCAN_FIELD_ID = 'scan-field'
const RESULTS_ID = 'scan-results'

/**
 * The register's one input: a scanner types a code and Enter; a person types a name and picks with
 * the arrows. It keeps focus: every action elsewhere hands focus back here.
 */
export function ScanField({ dialogOpen }: { dialogOpen: boolean }) {
  const { t } = useI18n<typeof scanEn>()
  const inputRef = useRef<HTMLInputElement>(null)
  const scanStore = useScanStore()
  const { scanText, results, resultsFor, resultsTotal, resultsCapped, highlighted } = useScan(
    useShallow((s) => ({
      scanText: s.scanText,
      results: s.results,
      resultsFor: s.resultsFor,
      resultsTotal: s.resultsTotal,
      resultsCapped: s.resultsCapped,
      highlighted: s.highlighted,
    })),
  )
  const scanTextChanged = useScan((s) => s.scanTextChanged)
  const highlightMoved = useScan((s) => s.highlightMoved)
  const scanSubmitted = useScan((s) => s.scanSubmitted)
  const resultChosen = useScan((s) => s.resultChosen)
  const resultRowsShown = useScan((s) => s.resultRowsShown)
  const scanCleared = useScan((s) => s.scanCleared)
  // The keys that typed the text, for reading a scan made under a Nepali (or any other) layout.
  const trail = useRef<KeyTrail>(EMPTY_TRAIL)
  const lastKey = useRef<PendingKey | null>(null)

  // Focus synchronously when asked (zustand notifies in the same tick), not after a render:
  // a scanner's next keystroke may already be on its way.
  useEffect(() => {
    inputRef.current?.focus()
    return scanStore.subscribe((state, previous) => {
      if (state.focusTicket !== previous.focusTicket) inputRef.current?.focus()
    })
  }, [scanStore])

  // A closing modal dialog keeps the page inert until React removes it, so the synchronous focus
  // above cannot land then; focus once the dialog is gone from the DOM.
  useEffect(() => {
    if (!dialogOpen) inputRef.current?.focus()
  }, [dialogOpen])

  const typed = scanText.trim() !== ''
  const current = resultsFor === scanText
  const open = typed && resultsFor !== null
  const active = current ? results[highlighted] : undefined

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    lastKey.current = pendingKey(event)
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        highlightMoved(1)
        break
      case 'ArrowUp':
        event.preventDefault()
        highlightMoved(-1)
        break
      case 'Enter':
        event.preventDefault()
        void scanSubmitted(trailKeys(trail.current, scanStore.getState().scanText))
        break
      case 'Escape':
        event.preventDefault()
        scanCleared()
        break
    }
  }

  return (
    <div className="scan">
      <label className="scan-label" htmlFor={SCAN_FIELD_ID}>
        {t('scan.label')}
      </label>
      <input
        ref={inputRef}
        id={SCAN_FIELD_ID}
        className="scan-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? RESULTS_ID : undefined}
        aria-activedescendant={open && active ? resultOptionId(active.id) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('scan.placeholder')}
        value={scanText}
        onChange={(event) => {
          // The store's text, not this render's: the field may have been cleared since (a scan's Enter).
          trail.current = trailAfterChange(trail.current, scanStore.getState().scanText, event.target.value, lastKey.current)
          lastKey.current = null
          scanTextChanged(event.target.value)
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        // data-query says which text the list answers (the screen benchmark and tests wait on it).
        <div className={current ? 'scan-popup' : 'scan-popup scan-popup-stale'} data-query={resultsFor}>
          {resultsTotal === 0 ? (
            <p className="scan-empty" role="status">
              {current ? t('scan.noMatches', { query: scanText.trim() }) : t('scan.searching')}
            </p>
          ) : (
            <>
              <ResultList
                id={RESULTS_ID}
                results={results}
                total={resultsTotal}
                highlighted={current ? highlighted : -1}
                answer={resultsFor ?? ''}
                onChoose={resultChosen}
                onRowsShown={resultRowsShown}
              />
              {current && (
                <p className="scan-count" role="status">
                  {resultsCapped ? t('scan.matchCountCapped', { count: resultsTotal }) : t('scan.matchCount', { count: resultsTotal })}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  )
}
