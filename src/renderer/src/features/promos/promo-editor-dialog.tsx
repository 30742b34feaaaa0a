import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Controller, useForm } from 'react-hook-form'
import type { CategoryDto } from '#shared/contract/catalog'
import type { ClientError } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import type { Message } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { DialogActions } from '../../ui/dialog-form'
import { InputField } from '../../ui/form-field'
import { encodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import { ModalDialog } from '../../ui/modal-dialog'
import { currencyOf, useSession } from '../session/public'
import {
  emptyPromoValues,
  PROMO_FIELDS,
  promoFormSchema,
  promoFormValues,
  type PromoFormField,
  type PromoFormOutput,
  type PromoFormValues,
} from './promo-form.schema'
import type { PromosTexts } from './promos.en'
import type { PickedProduct, PromoEditor } from './promos.slice'
import { usePromos } from './use-promos'

/** Core's names for what the form calls otherwise. */
const FIELD_OF_INPUT: Record<string, PromoFormField> = { minSpendCents: 'minSpend' }

/** The field a refusal belongs at (a code taken, a field core refused), or null for the form's own line. */
function fieldOf(error: ClientError): PromoFormField | null {
  if (error.code === 'CONFLICT' && error.params?.what === 'promoCode') return 'code'
  if (error.code === 'VALIDATION_FAILED' && error.params?.field) {
    const field = FIELD_OF_INPUT[error.params.field] ?? error.params.field
    return (PROMO_FIELDS as readonly string[]).includes(field) ? (field as PromoFormField) : null
  }
  return null
}

function CategoryChoices({
  categories,
  value,
  onChange,
}: {
  categories: readonly CategoryDto[]
  value: readonly number[]
  onChange: (ids: number[]) => void
}) {
  const { t } = useI18n<PromosTexts>()
  return (
    <fieldset className="choices promo-choices" data-testid="promo-categories">
      <legend>{t('promos.form.categories')}</legend>
      {categories.length === 0 ? (
        <p className="field-hint">{t('promos.form.noCategories')}</p>
      ) : (
        <ul className="choice-list">
          {categories.map((category) => (
            <li key={category.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={value.includes(category.id)}
                  onChange={(event) =>
                    onChange(
                      // Kept in the list's order, so the same choice always reads the same.
                      categories.map((c) => c.id).filter((id) => (id === category.id ? event.target.checked : value.includes(id))),
                    )
                  }
                />
                <span>{category.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}

/** A search for products, its matches as check boxes, and the chosen ones with a button each to take them off. */
function ProductChoices({ value, onChange }: { value: readonly number[]; onChange: (ids: number[]) => void }) {
  const { t } = useI18n<PromosTexts>()
  const [query, setQuery] = useState('')
  const matches = usePromos((s) => s.productMatches)
  const known = usePromos((s) => s.knownProducts)
  const productsSearched = usePromos((s) => s.productsSearched)
  const listRef = useRef<HTMLUListElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const chosen: PickedProduct[] = value.map((id) => known[id] ?? { id, name: `#${id}`, sku: '' })

  const toggle = (id: number, on: boolean) =>
    onChange(on ? [...value.filter((other) => other !== id), id] : value.filter((other) => other !== id))

  // Enter in the search adds the first match (rather than saving the form); ↓ goes to the matches,
  // ↑ and ↓ move through them, ↑ from the first back to the search.
  function onSearchKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      event.preventDefault()
      const first = matches?.[0]
      if (first && !value.includes(first.id)) toggle(first.id, true)
      return
    }
    if (event.key !== 'ArrowDown') return
    const first = listRef.current?.querySelector<HTMLInputElement>('input')
    if (!first) return
    event.preventDefault()
    first.focus()
  }
  function onListKey(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const boxes = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input')]
    const index = boxes.findIndex((box) => box === document.activeElement)
    if (index < 0) return
    event.preventDefault()
    const next = index + (event.key === 'ArrowDown' ? 1 : -1)
    if (next < 0) searchRef.current?.focus()
    else boxes[Math.min(next, boxes.length - 1)]?.focus()
  }

  return (
    <fieldset className="choices promo-choices promo-products" data-testid="promo-products">
      <legend>{t('promos.form.products')}</legend>
      <InputField
        id="promo-product-search"
        label={t('promos.form.productSearch')}
        hint={t('promos.form.productSearchHint')}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          void productsSearched(event.target.value)
        }}
        onKeyDown={onSearchKey}
        ref={searchRef}
      />
      {matches !== null &&
        (matches.length === 0 ? (
          <p className="field-hint" role="status">
            {t('promos.form.noProductMatch')}
          </p>
        ) : (
          <ul ref={listRef} className="choice-list promo-matches" aria-label={t('promos.form.productMatches')} onKeyDown={onListKey}>
            {matches.map((product) => (
              <li key={product.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={value.includes(product.id)}
                    onChange={(event) => toggle(product.id, event.target.checked)}
                  />
                  <span>
                    {product.name} <span className="promo-sku">{product.sku}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ))}
      {chosen.length > 0 && (
        <ul className="promo-chosen" aria-label={t('promos.form.chosenProducts')}>
          {chosen.map((product) => (
            <li key={product.id} className="promo-chip">
              <span>{product.name}</span>
              <button
                type="button"
                className="promo-chip-remove"
                aria-label={t('promos.form.removeProduct', { name: product.name })}
                onClick={() => toggle(product.id, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}

/** A new promo code, or one's terms. Switching it off is also the list's own button. */
export function PromoEditorDialog({ editor }: { editor: PromoEditor }) {
  const { t } = useI18n<PromosTexts>()
  const firstRef = useRef<HTMLInputElement | null>(null)
  const appInfo = useSession((s) => s.appInfo)
  const decimals = appInfo?.currencyDecimals ?? 2
  const currency = currencyOf({ appInfo })
  const pending = usePromos((s) => s.editorPending)
  const categories = usePromos((s) => s.categories)
  const editorCancelled = usePromos((s) => s.editorCancelled)
  const promoSubmitted = usePromos((s) => s.promoSubmitted)
  const promo = editor.kind === 'edit' ? editor.promo : null
  const [formError, setFormError] = useState<Message | null>(null)
  const schema = useMemo(() => promoFormSchema(decimals), [decimals])
  const [defaults] = useState<PromoFormValues>(() => (promo ? promoFormValues(promo, decimals) : emptyPromoValues()))
  const {
    register,
    handleSubmit,
    control,
    watch,
    setError,
    formState: { errors },
  } = useForm<PromoFormValues, unknown, PromoFormOutput>({ resolver: zodResolver(schema, FORM_ISSUES), defaultValues: defaults })
  const kind = watch('kind')

  async function submitted(values: PromoFormOutput): Promise<void> {
    setFormError(null)
    const error = await promoSubmitted(values)
    if (error === null) return
    const field = fieldOf(error)
    if (field) setError(field, { type: 'server', message: encodeMessage(errorMessage(error)) }, { shouldFocus: true })
    else setFormError(errorMessage(error))
  }

  return (
    <ModalDialog
      labelledBy="promo-editor-title"
      className="form-dialog promo-editor-dialog"
      onDismiss={editorCancelled}
      initialFocus={firstRef}
    >
      <form noValidate className="promo-form" onSubmit={(event) => void handleSubmit(submitted)(event)}>
        <div className="dialog-body promo-form-fields">
          <h2 id="promo-editor-title" className="dialog-title">
            {promo ? t('promos.editTitle', { code: promo.code }) : t('promos.createTitle')}
          </h2>
          <div className="field-pair">
            <InputField
              id="promo-code-field"
              label={t('promos.form.code')}
              hint={t('promos.form.codeHint')}
              error={errors.code}
              className="input promo-code-input"
              autoComplete="off"
              spellCheck={false}
              aria-required
              {...register('code')}
              focusRef={firstRef}
            />
            <InputField
              id="promo-name"
              label={t('promos.form.name')}
              hint={t('promos.form.nameHint')}
              error={errors.name}
              autoComplete="off"
              aria-required
              {...register('name')}
            />
          </div>
          <div className="field-pair">
            <fieldset className="choices promo-kind">
              <legend>{t('promos.form.kind')}</legend>
              <label className="check">
                <input type="radio" value="percent" {...register('kind')} />
                <span>{t('promos.form.percent')}</span>
              </label>
              <label className="check">
                <input type="radio" value="amount" {...register('kind')} />
                <span>{t('promos.form.amount')}</span>
              </label>
            </fieldset>
            <InputField
              id="promo-value"
              label={kind === 'percent' ? t('promos.form.valuePercent') : t('promos.form.valueAmount', { currency })}
              error={errors.value}
              className="input num-input"
              inputMode="decimal"
              autoComplete="off"
              aria-required
              {...register('value')}
            />
          </div>
          <div className="field-pair">
            <InputField
              id="promo-min-spend"
              label={t('promos.form.minSpend', { currency })}
              optional
              hint={t('promos.form.minSpendHint')}
              error={errors.minSpend}
              className="input num-input"
              inputMode="decimal"
              autoComplete="off"
              {...register('minSpend')}
            />
            <InputField
              id="promo-max-uses"
              label={t('promos.form.maxUses')}
              optional
              hint={
                promo ? `${t('promos.form.maxUsesHint')} ${t('promos.form.usesSoFar', { uses: promo.uses })}` : t('promos.form.maxUsesHint')
              }
              error={errors.maxUses}
              className="input num-input"
              inputMode="numeric"
              autoComplete="off"
              {...register('maxUses')}
            />
          </div>
          <div className="field-pair">
            <InputField
              id="promo-starts"
              label={t('promos.form.startsOn')}
              optional
              error={errors.startsOn}
              type="date"
              autoComplete="off"
              {...register('startsOn')}
            />
            <InputField
              id="promo-ends"
              label={t('promos.form.endsOn')}
              optional
              error={errors.endsOn}
              type="date"
              autoComplete="off"
              {...register('endsOn')}
            />
          </div>
          <p className="field-hint">{t('promos.form.scopeHint')}</p>
          <Controller
            control={control}
            name="categoryIds"
            render={({ field }) => <CategoryChoices categories={categories} value={field.value} onChange={field.onChange} />}
          />
          <Controller
            control={control}
            name="productIds"
            render={({ field }) => <ProductChoices value={field.value} onChange={field.onChange} />}
          />
          <label className="check promo-active">
            <input type="checkbox" {...register('active')} />
            <span>{t('promos.form.active')}</span>
          </label>
          <FormError message={formError} />
        </div>
        <DialogActions
          className="promo-form-actions"
          cancelLabel={t('promos.form.cancel')}
          onCancel={editorCancelled}
          cancelWaits
          submitLabel={promo ? t('promos.form.save') : t('promos.form.create')}
          pendingLabel={t('promos.form.saving')}
          pending={pending}
        />
      </form>
    </ModalDialog>
  )
}
