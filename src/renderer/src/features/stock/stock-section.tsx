import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useShallow } from 'zustand/react/shallow'
import type { ProductAdminDto } from '#shared/contract/catalog'
import { STOCK_REASONS, type StockMovementDto } from '#shared/contract/stock'
import type { ClientError } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import type { Message } from '../../platform/i18n/translate'
import { useDateTime, useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { FormError } from '../../ui/form-error'
import { describedBy, FormField } from '../../ui/form-field'
import { encodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import type { FormTexts } from '../../ui/form.en'
import { ProductThumb } from '../../ui/product-thumb'
import type { UiTexts } from '../../ui/ui.en'
import { adjustFormSchema, modeOf, quantityLabel, type AdjustFormOutput, type AdjustFormValues } from './stock-adjust.schema'
import type { StockTexts } from './stock.en'
import { useStock } from './use-stock'
import './stock.css'

type Texts = StockTexts & FormTexts & UiTexts

const FINDER_ID = 'stock-finder'
const matchId = (productId: number) => `stock-match-${productId}`

function useSigned(): (value: number) => string {
  const { locale } = useI18n<Texts>()
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' })
    return (value: number) => format.format(value)
  }, [locale])
}

/** Find a product as on the till: type, arrows through the matches, Enter takes one. */
function ProductFinder({ focusOnOpen }: { focusOnOpen: boolean }) {
  const { t } = useI18n<Texts>()
  const { query, matches, matchesFor } = useStock(useShallow((s) => ({ query: s.query, matches: s.matches, matchesFor: s.matchesFor })))
  const queryTyped = useStock((s) => s.queryTyped)
  const productChosen = useStock((s) => s.productChosen)
  const [highlighted, setHighlighted] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const open = matchesFor !== null && matchesFor === query
  const active = open ? matches[Math.min(highlighted, matches.length - 1)] : undefined

  useEffect(() => {
    if (focusOnOpen) inputRef.current?.focus()
  }, [focusOnOpen])

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
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
    <div className="field stock-finder">
      <label htmlFor={FINDER_ID}>{t('stock.find')}</label>
      <input
        ref={inputRef}
        id={FINDER_ID}
        className="input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls="stock-matches"
        aria-activedescendant={active ? matchId(active.id) : undefined}
        placeholder={t('stock.findPlaceholder')}
        value={query}
        onChange={(event) => {
          setHighlighted(0)
          queryTyped(event.target.value)
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id="stock-matches" className="stock-matches" role="listbox" aria-label={t('stock.matches')}>
          {matches.length === 0 ? (
            <li className="stock-match-none" role="option" aria-selected={false} aria-disabled>
              {t('stock.noMatches', { query })}
            </li>
          ) : (
            matches.map((product) => (
              <li
                key={product.id}
                id={matchId(product.id)}
                role="option"
                aria-selected={product.id === active?.id}
                className="stock-match"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => productChosen(product)}
              >
                <ProductThumb file={product.images[0]?.file ?? product.imageFile} size={36} />
                <span>{t('stock.matchLine', { name: product.name, sku: product.sku, stock: product.stock })}</span>
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  )
}

function ChosenProduct({ product, onChange }: { product: ProductAdminDto; onChange: () => void }) {
  const { t } = useI18n<Texts>()
  return (
    <div className="stock-chosen" data-testid="stock-chosen">
      <ProductThumb file={product.images[0]?.file ?? product.imageFile} size={56} />
      <div className="stock-chosen-text">
        <p className="stock-chosen-name">
          {product.name} <span className="stock-chosen-sku">{product.sku}</span>
          {product.archived && <span className="badge badge-archived">{t('stock.archived')}</span>}
        </p>
        <p className="stock-chosen-facts">
          <strong data-testid="stock-current">{t('stock.inStock', { stock: product.stock })}</strong>
          {' · '}
          {product.lowStockAt === null ? t('stock.lowAtStore') : t('stock.lowAt', { lowStockAt: product.lowStockAt })}
        </p>
      </div>
      <button type="button" className="button button-quiet button-compact" onClick={onChange}>
        {t('stock.change')}
      </button>
    </div>
  )
}

/** Refusals that belong under the quantity (a reason that cannot move stock that way, too little stock). */
function quantityError(error: ClientError): boolean {
  return (
    error.code === 'INSUFFICIENT_STOCK' ||
    (error.code === 'VALIDATION_FAILED' && (error.params?.field === 'delta' || error.params?.field === 'counted'))
  )
}

function AdjustForm({ product }: { product: ProductAdminDto }) {
  const { t } = useI18n<Texts>()
  const pending = useStock((s) => s.pending)
  const adjustSubmitted = useStock((s) => s.adjustSubmitted)
  const [formError, setFormError] = useState<Message | null>(null)
  const {
    register,
    handleSubmit,
    control,
    setError,
    setFocus,
    reset,
    formState: { errors },
  } = useForm<AdjustFormValues, unknown, AdjustFormOutput>({
    resolver: zodResolver(adjustFormSchema, FORM_ISSUES),
    defaultValues: { reason: 'received', mode: 'delta', quantity: '', note: '' },
  })
  const reason = useWatch({ control, name: 'reason' })
  const mode = useWatch({ control, name: 'mode' })

  useEffect(() => {
    setFocus('quantity')
  }, [setFocus, product.id])

  async function submitted(input: AdjustFormOutput): Promise<void> {
    setFormError(null)
    const error = await adjustSubmitted(input)
    if (error === null) {
      reset({ reason, mode, quantity: '', note: '' })
      setFocus('quantity')
      return
    }
    if (quantityError(error)) setError('quantity', { type: 'server', message: encodeMessage(errorMessage(error)) }, { shouldFocus: true })
    else if (error.code === 'VALIDATION_FAILED' && error.params?.field === 'note')
      setError('note', { type: 'server', message: encodeMessage(errorMessage(error)) }, { shouldFocus: true })
    else setFormError(errorMessage(error))
  }

  return (
    <form className="stock-form" noValidate onSubmit={(event) => void handleSubmit(submitted)(event)}>
      <div className="stock-form-grid">
        <FormField id="stock-reason" label={t('stock.reason')}>
          <select id="stock-reason" className="input" {...register('reason')}>
            {STOCK_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`stock.reason.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
        {reason === 'correction' && (
          <FormField id="stock-mode" label={t('stock.mode')}>
            <select id="stock-mode" className="input" {...register('mode')}>
              <option value="delta">{t('stock.mode.delta')}</option>
              <option value="counted">{t('stock.mode.counted')}</option>
            </select>
          </FormField>
        )}
        <FormField id="stock-quantity" label={t(quantityLabel(reason, mode))} error={errors.quantity}>
          <input
            id="stock-quantity"
            className="input num-input"
            inputMode={modeOf(reason, mode) === 'delta' && reason === 'correction' ? 'text' : 'numeric'}
            autoComplete="off"
            aria-required
            {...describedBy('stock-quantity', { error: errors.quantity })}
            {...register('quantity')}
          />
        </FormField>
        <FormField id="stock-note" className="stock-note-field" label={t('stock.note')} optional error={errors.note}>
          <input
            id="stock-note"
            className="input"
            autoComplete="off"
            {...describedBy('stock-note', { error: errors.note })}
            {...register('note')}
          />
        </FormField>
      </div>
      <FormError message={formError} />
      <div className="stock-form-actions">
        <button type="submit" className="button button-primary" aria-disabled={pending}>
          {pending ? t('stock.recording') : t('stock.record')}
        </button>
      </div>
    </form>
  )
}

function MovementRow({ movement }: { movement: StockMovementDto }) {
  const { t } = useI18n<Texts>()
  const dateTime = useDateTime()
  const signed = useSigned()
  return (
    <tr>
      <td className="stock-when">
        <time dateTime={movement.at}>{dateTime(movement.at)}</time>
      </td>
      <td>{t(`stock.reason.${movement.reason}`)}</td>
      <td className={movement.deltaQty < 0 ? 'num stock-out' : 'num stock-in'}>{signed(movement.deltaQty)}</td>
      <td className="num">{movement.stockAfter.toLocaleString()}</td>
      <td>{movement.by ?? ''}</td>
      <td className="stock-note-cell">
        {movement.invoiceNumber !== null ? t('stock.invoice', { number: String(movement.invoiceNumber) }) : (movement.note ?? '')}
      </td>
    </tr>
  )
}

function History({ product }: { product: ProductAdminDto }) {
  const { t } = useI18n<Texts>()
  const { movements, total } = useStock(useShallow((s) => ({ movements: s.movements, total: s.movementsTotal })))
  return (
    <section className="stock-card stock-history" aria-labelledby="stock-history-title">
      <h2 id="stock-history-title" className="stock-card-title">
        {t('stock.historyOf', { name: product.name })}
      </h2>
      {movements === null ? (
        <p className="stock-empty" role="status">
          {t('stock.historyLoading')}
        </p>
      ) : movements.length === 0 ? (
        <p className="stock-empty">{t('stock.historyNone')}</p>
      ) : (
        <>
          <div className="stock-table-scroll">
            <table className="data-table stock-table">
              <caption className="visually-hidden">{t('stock.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stock.col.when')}</th>
                  <th scope="col">{t('stock.col.reason')}</th>
                  <th scope="col" className="num">
                    {t('stock.col.change')}
                  </th>
                  <th scope="col" className="num">
                    {t('stock.col.after')}
                  </th>
                  <th scope="col">{t('stock.col.by')}</th>
                  <th scope="col">{t('stock.col.note')}</th>
                </tr>
              </thead>
              <tbody>
                {movements.map((movement) => (
                  <MovementRow key={movement.id} movement={movement} />
                ))}
              </tbody>
            </table>
          </div>
          {movements.length < total && <p className="field-hint">{t('stock.historyShown', { shown: movements.length, count: total })}</p>}
        </>
      )}
    </section>
  )
}

function LowStock() {
  const { t } = useI18n<Texts>()
  const { low, total } = useStock(useShallow((s) => ({ low: s.low, total: s.lowTotal })))
  const productChosen = useStock((s) => s.productChosen)
  return (
    <section className="stock-card stock-low" aria-labelledby="stock-low-title">
      <h2 id="stock-low-title" className="stock-card-title">
        {t('stock.low')}
      </h2>
      {low === null ? (
        <p className="stock-empty" role="status">
          {t('stock.lowLoading')}
        </p>
      ) : low.length === 0 ? (
        <p className="stock-empty">{t('stock.lowNone')}</p>
      ) : (
        <>
          <div className="stock-table-scroll">
            <table className="data-table stock-table">
              <caption className="visually-hidden">{t('stock.low')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stock.col.product')}</th>
                  <th scope="col" className="num">
                    {t('stock.col.stock')}
                  </th>
                  <th scope="col" className="num">
                    {t('stock.col.lowAt')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('stock.adjustThis')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {low.map((product) => (
                  <tr key={product.id}>
                    <th scope="row">
                      <span className="stock-low-name">{product.name}</span> <span className="stock-sku">{product.sku}</span>
                    </th>
                    <td className="num">{product.stock.toLocaleString()}</td>
                    <td className="num">{product.lowStockAt === null ? t('stock.lowAtDefault') : product.lowStockAt.toLocaleString()}</td>
                    <td className="stock-action">
                      <button
                        type="button"
                        className="button button-quiet button-compact"
                        aria-label={t('stock.adjustLabel', { name: product.name })}
                        onClick={() => productChosen(product)}
                      >
                        {t('stock.adjustThis')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {low.length < total && <p className="field-hint">{t('stock.lowShown', { shown: low.length, count: total })}</p>}
        </>
      )}
    </section>
  )
}

/** The back office's stock: adjust a product's count with a reason, its movements, and what is running low. */
export function StockSection() {
  const { t } = useI18n<Texts>()
  const product = useStock((s) => s.product)
  const feedback = useStock((s) => s.feedback)
  const sectionOpened = useStock((s) => s.sectionOpened)
  const productCleared = useStock((s) => s.productCleared)
  // Coming back from a product to the finder puts the caret in it; the section's first view leaves focus where it is.
  const [finderFocus, setFinderFocus] = useState(false)

  useEffect(() => {
    sectionOpened()
  }, [sectionOpened])

  return (
    <div className="stock-section">
      <section className="stock-card stock-adjust" aria-labelledby="stock-adjust-title">
        <h2 id="stock-adjust-title" className="stock-card-title">
          {t('stock.adjustTitle')}
        </h2>
        {product ? (
          <>
            <ChosenProduct
              product={product}
              onChange={() => {
                setFinderFocus(true)
                productCleared()
              }}
            />
            <AdjustForm key={product.id} product={product} />
          </>
        ) : (
          <>
            <ProductFinder focusOnOpen={finderFocus} />
            <p className="field-hint">{t('stock.chooseFirst')}</p>
          </>
        )}
        <FeedbackLine feedback={feedback} />
      </section>
      {product && <History product={product} />}
      <LowStock />
    </div>
  )
}
