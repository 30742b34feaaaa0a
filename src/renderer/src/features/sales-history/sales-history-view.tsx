import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { paymentMethod } from '#shared/contract/invoices'
import { useI18n } from '../../platform/i18n/use-i18n'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { Receipt } from '../receipts/public'
import { useSession } from '../session/public'
import { isReprintKey, REPRINT_KEY, SaleDetail } from './sale-detail'
import { DAY_PRESETS, presetOf } from './sales-days'
import type { SalesHistoryTexts } from './sales-history.en'
import { SALES_GRID_ID, SalesTable } from './sales-table'
import { useSalesHistory } from './use-sales-history'
import './sales-history.css'

type Texts = SalesHistoryTexts & UiTexts

const PRODUCT_FIELD_ID = 'sales-product'
const productMatchId = (id: number) => `sales-product-${id}`

const focusGrid = () => document.getElementById(SALES_GRID_ID)?.focus()

function DayFilters() {
  const { t } = useI18n<Texts>()
  const days = useSalesHistory((s) => s.filters.days)
  const today = useSalesHistory((s) => s.today)
  const presetChosen = useSalesHistory((s) => s.presetChosen)
  const dayChanged = useSalesHistory((s) => s.dayChanged)
  const current = presetOf(days, today)
  return (
    <fieldset className="sales-days">
      <legend className="visually-hidden">{t('sales.days')}</legend>
      <div className="sales-presets" role="group" aria-label={t('sales.days')}>
        {DAY_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="button button-quiet button-compact sales-preset"
            aria-pressed={preset === current}
            onClick={() => presetChosen(preset)}
          >
            {t(`sales.preset.${preset}`)}
          </button>
        ))}
      </div>
      <label className="sales-day">
        <span>{t('sales.from')}</span>
        <input
          className="input"
          type="date"
          value={days.from}
          max={days.to || undefined}
          onChange={(event) => dayChanged('from', event.target.value)}
        />
      </label>
      <label className="sales-day">
        <span>{t('sales.to')}</span>
        <input
          className="input"
          type="date"
          value={days.to}
          min={days.from || undefined}
          onChange={(event) => dayChanged('to', event.target.value)}
        />
      </label>
    </fieldset>
  )
}

/** Find a product as on the till: type, arrows through the matches, Enter takes one; a chosen one shows with a way back to all. */
function ProductFilter() {
  const { t } = useI18n<Texts>()
  const { product, query, matches, matchesFor } = useSalesHistory(
    useShallow((s) => ({ product: s.filters.product, query: s.productQuery, matches: s.productMatches, matchesFor: s.productMatchesFor })),
  )
  const productQueryTyped = useSalesHistory((s) => s.productQueryTyped)
  const productChosen = useSalesHistory((s) => s.productChosen)
  const productCleared = useSalesHistory((s) => s.productCleared)
  const [highlighted, setHighlighted] = useState(0)
  const fieldRef = useRef<HTMLInputElement>(null)
  const open = matchesFor !== null && matchesFor === query.trim()
  const active = open ? matches[Math.min(highlighted, matches.length - 1)] : undefined

  if (product) {
    return (
      <div className="field sales-field sales-product-chosen">
        <span className="sales-field-label">{t('sales.product')}</span>
        <p className="sales-chip" data-testid="sales-product-chosen">
          <span>{t('sales.productChosen', { name: product.name })}</span>
          <button
            type="button"
            className="button button-quiet button-compact"
            onClick={() => {
              productCleared()
              // The field comes back in place of the chip; focus follows it there.
              requestAnimationFrame(() => document.getElementById(PRODUCT_FIELD_ID)?.focus())
            }}
          >
            {t('sales.productClear')}
          </button>
        </p>
      </div>
    )
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape' && query) {
      // Esc clears the search first; the next Esc is the screen's.
      event.preventDefault()
      event.stopPropagation()
      productQueryTyped('')
      return
    }
    if (!open || matches.length === 0) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setHighlighted((current) => (Math.min(current, matches.length - 1) + step + matches.length) % matches.length)
    } else if (event.key === 'Enter' && active) {
      event.preventDefault()
      productChosen(active)
    }
  }

  return (
    <div className="field sales-field sales-product">
      <label htmlFor={PRODUCT_FIELD_ID}>{t('sales.product')}</label>
      <input
        ref={fieldRef}
        id={PRODUCT_FIELD_ID}
        className="input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls="sales-product-matches"
        aria-activedescendant={active ? productMatchId(active.id) : undefined}
        placeholder={t('sales.productPlaceholder')}
        value={query}
        onChange={(event) => {
          setHighlighted(0)
          productQueryTyped(event.target.value)
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id="sales-product-matches" className="sales-matches" role="listbox" aria-label={t('sales.productMatches')}>
          {matches.length === 0 ? (
            <li className="sales-match-none" role="option" aria-selected={false} aria-disabled>
              {t('sales.productNone', { query: query.trim() })}
            </li>
          ) : (
            matches.map((match) => (
              <li
                key={match.id}
                id={productMatchId(match.id)}
                role="option"
                aria-selected={match.id === active?.id}
                className="sales-match"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => productChosen(match)}
              >
                {t('sales.productMatch', { name: match.name, sku: match.sku })}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  )
}

function Filters() {
  const { t } = useI18n<Texts>()
  const { cashierId, method, number, cashiers } = useSalesHistory(
    useShallow((s) => ({ cashierId: s.filters.cashierId, method: s.filters.method, number: s.filters.number, cashiers: s.cashiers })),
  )
  const cashierChosen = useSalesHistory((s) => s.cashierChosen)
  const methodChosen = useSalesHistory((s) => s.methodChosen)
  const numberTyped = useSalesHistory((s) => s.numberTyped)

  return (
    <div className="sales-filters" role="search" aria-label={t('sales.filters')}>
      <DayFilters />
      {cashiers.length > 0 && (
        <div className="field sales-field">
          <label htmlFor="sales-cashier">{t('sales.cashier')}</label>
          <select
            id="sales-cashier"
            className="input"
            value={cashierId === null ? '' : String(cashierId)}
            onChange={(event) => cashierChosen(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">{t('sales.anyCashier')}</option>
            {cashiers.map((cashier) => (
              <option key={cashier.id} value={String(cashier.id)}>
                {cashier.active ? cashier.displayName : t('sales.inactiveCashier', { name: cashier.displayName })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field sales-field">
        <label htmlFor="sales-tender">{t('sales.tender')}</label>
        <select
          id="sales-tender"
          className="input"
          value={method ?? ''}
          onChange={(event) => methodChosen(paymentMethod.options.find((value) => value === event.target.value) ?? null)}
        >
          <option value="">{t('sales.anyTender')}</option>
          {paymentMethod.options.map((value) => (
            <option key={value} value={value}>
              {t(`sales.method.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field sales-field sales-number">
        <label htmlFor="sales-number">{t('sales.number')}</label>
        <input
          id="sales-number"
          className="input"
          type="search"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('sales.numberPlaceholder')}
          value={number}
          onChange={(event) => numberTyped(event.target.value)}
          onKeyDown={(event) => {
            // Down (or Enter) from the number goes into the answer.
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault()
              focusGrid()
            }
          }}
        />
      </div>
      <ProductFilter />
    </div>
  )
}

function Footer() {
  const { t, render } = useI18n<Texts>()
  const { total, loadError } = useSalesHistory(useShallow((s) => ({ total: s.total, loadError: s.loadError })))
  return (
    <div className="sales-footer">
      {loadError ? (
        <p className="feedback feedback-error" role="alert">
          {render(loadError)}
        </p>
      ) : (
        total !== 0 && (
          <p className="sales-count" role="status" data-testid="sales-count">
            {total === null ? t('sales.loading') : t('sales.count', { count: total })}
          </p>
        )
      )}
      <p className="sales-keys">
        <KeyHint>{t('key.arrows')}</KeyHint> {t('sales.keys.move')} <KeyHint>{t('key.enter')}</KeyHint> {t('sales.keys.show')}{' '}
        <KeyHint>{REPRINT_KEY.label}</KeyHint> {t('sales.keys.reprint')}
      </p>
    </div>
  )
}

/** The receipt of the sale shown, as the till shows it after a sale. */
function ReprintDialog() {
  const { t } = useI18n<Texts>()
  const closeRef = useRef<HTMLButtonElement>(null)
  const detail = useSalesHistory((s) => s.detail)
  const reprintClosed = useSalesHistory((s) => s.reprintClosed)
  const storeName = useSession((s) => s.appInfo?.storeName ?? '')
  if (detail?.status !== 'shown') return null
  return (
    <ModalDialog
      labelledBy="sales-reprint-title"
      className="sales-reprint-dialog"
      onDismiss={reprintClosed}
      initialFocus={closeRef}
      onKeyDown={(event) => {
        // Esc closes the receipt only: React would pass its dialog's cancel on to the till's
        // recent sales around it, so the key is taken here before it becomes one.
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        reprintClosed()
      }}
    >
      <div className="dialog-body">
        <h2 id="sales-reprint-title" className="dialog-title">
          {t('sales.reprintTitle', { number: String(detail.invoice.number) })}
        </h2>
        <div className="sales-reprint-receipt">
          <Receipt invoice={detail.invoice} storeName={storeName} />
        </div>
        <div className="dialog-actions">
          <button ref={closeRef} type="button" className="button button-quiet" aria-keyshortcuts="Escape" onClick={reprintClosed}>
            {t('sales.close')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}

/**
 * The invoice history: filters above, the answer's table with the chosen sale beside it. The same
 * in the back office and on the till; what a user sees of it is core's to decide (a cashier, their own).
 */
export function SalesHistoryView() {
  const reprintOpen = useSalesHistory((s) => s.reprintOpen)
  const reprintOpened = useSalesHistory((s) => s.reprintOpened)
  const reprinted = useRef(false)

  // Once the receipt is closed (and its dialog gone from the page), the answer has the focus again.
  useEffect(() => {
    if (reprinted.current && !reprintOpen) focusGrid()
    reprinted.current = reprintOpen
  }, [reprintOpen])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (isReprintKey(event)) {
      event.preventDefault()
      reprintOpened()
    }
  }

  return (
    <div className="sales-history" onKeyDown={onKeyDown}>
      <Filters />
      <div className="sales-main">
        <div className="sales-table-area">
          <SalesTable />
          <Footer />
        </div>
        <SaleDetail />
      </div>
      {reprintOpen && <ReprintDialog />}
    </div>
  )
}
