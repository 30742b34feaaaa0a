import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { MAX_PRICE_CENTS, type ProductAdminDto } from '#shared/contract/catalog'
import type { ClientError } from '../../platform/api/client'
import { errorMessage } from '../../platform/errors'
import { messagesOf, money as moneyParam, type Message } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { FormError } from '../../ui/form-error'
import { describedBy, FormField } from '../../ui/form-field'
import { decodeMessage, encodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import type { FormTexts } from '../../ui/form.en'
import type { UiTexts } from '../../ui/ui.en'
import { currencyOf, useSession } from '../session/public'
import { TaxChoices, type TaxesTexts } from '../taxes/public'
import {
  createInputOf,
  emptyFormValues,
  FORM_FIELDS,
  formValuesOf,
  productFormSchema,
  startingTaxes,
  updateInputOf,
  type FormField as ProductField,
  type ProductFormOutput,
  type ProductFormValues,
} from './product-form.schema'
import { PRODUCTS_GRID_ID } from './product-table'
import type { ProductsTexts } from './products.en'
import type { ProductEditor } from './products.slice'
import { TagInput } from './tag-input'
import { useProducts } from './use-products'

type Texts = ProductsTexts & TaxesTexts & FormTexts & UiTexts

const msg = messagesOf<ProductsTexts>()

/** Core's names for what the form calls otherwise. */
const FIELD_OF_INPUT: Record<string, ProductField> = { priceCents: 'price' }

/** The field a refusal belongs at (a SKU or barcode taken, a field core refused), or null for the form's own line. */
function fieldOf(error: ClientError): ProductField | null {
  if (error.code === 'CONFLICT' && (error.params?.what === 'sku' || error.params?.what === 'barcode')) return error.params.what
  if (error.code === 'NOT_FOUND' && error.params?.what === 'category') return 'categoryId'
  if (error.code === 'VALIDATION_FAILED' && error.params?.field) {
    const field = FIELD_OF_INPUT[error.params.field] ?? error.params.field
    return (FORM_FIELDS as readonly string[]).includes(field) ? (field as ProductField) : null
  }
  return null
}

function ProductImages({ product, justCreated }: { product: ProductAdminDto; justCreated: boolean }) {
  const { t } = useI18n<Texts>()
  const pending = useProducts((s) => s.editorPending)
  const imagesAdded = useProducts((s) => s.imagesAdded)
  const imageRemoved = useProducts((s) => s.imageRemoved)
  const addRef = useRef<HTMLButtonElement>(null)
  const [created] = useState(() => justCreated)

  // Right after creating, adding pictures is the likely next step.
  useEffect(() => {
    if (created) addRef.current?.focus()
  }, [created])

  return (
    <section className="product-images" aria-labelledby="product-images-title">
      <div className="product-images-head">
        <h3 id="product-images-title" className="product-form-subtitle">
          {t('products.form.images')}
        </h3>
        <button
          ref={addRef}
          type="button"
          className="button button-quiet button-compact"
          aria-disabled={pending !== null}
          onClick={() => void imagesAdded()}
        >
          {pending === 'images' ? t('products.form.addingImages') : t('products.form.addImages')}
        </button>
      </div>
      <p className="field-hint">{t('products.form.imagesHint')}</p>
      {product.images.length === 0 ? (
        <p className="product-images-none">{t('products.form.noImages')}</p>
      ) : (
        <ul className="product-image-list">
          {product.images.map((image, index) => (
            <li key={image.id} className="product-image">
              <img
                src={`images/${image.file}`}
                alt={t('products.form.image', { number: index + 1, name: product.name })}
                width={72}
                height={72}
                decoding="async"
              />
              <button
                type="button"
                className="product-image-remove"
                aria-label={t('products.form.removeImage', { number: index + 1 })}
                aria-disabled={pending !== null}
                onClick={() => void imageRemoved(image.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

interface ProductFormProps {
  readonly editor: ProductEditor
  readonly decimals: number
  readonly currency: string
}

function ProductForm({ editor, decimals, currency }: ProductFormProps) {
  const { t, render } = useI18n<Texts>()
  const product = editor.mode === 'edit' ? editor.product : null
  const pending = useProducts((s) => s.editorPending)
  const feedback = useProducts((s) => s.editorFeedback)
  const categories = useProducts((s) => s.categories)
  const taxRates = useProducts((s) => s.taxRates)
  const defaultTaxRateIds = useProducts((s) => s.defaultTaxRateIds)
  const productSubmitted = useProducts((s) => s.productSubmitted)
  const editorClosed = useProducts((s) => s.editorClosed)
  const archiveToggled = useProducts((s) => s.archiveToggled)
  const categoryAdded = useProducts((s) => s.categoryAdded)
  const [formError, setFormError] = useState<Message | null>(null)
  const [newCategory, setNewCategory] = useState<string | null>(null)
  const [categoryError, setCategoryError] = useState<Message | null>(null)
  const newCategoryRef = useRef<HTMLInputElement>(null)
  const categoryRef = useRef<HTMLSelectElement | null>(null)

  const priceRefused = encodeMessage(
    decimals === 0
      ? msg('products.invalid.priceWhole', { max: moneyParam(MAX_PRICE_CENTS) })
      : msg('products.invalid.price', { decimals, max: moneyParam(MAX_PRICE_CENTS) }),
  )
  const schema = useMemo(() => productFormSchema(decimals, priceRefused), [decimals, priceRefused])
  // The form starts from the product as it was opened; later changes to it (images, archiving) leave typing alone.
  const starting = useMemo(() => startingTaxes(defaultTaxRateIds, taxRates), [defaultTaxRateIds, taxRates])
  const [defaults] = useState<ProductFormValues>(() => (product ? formValuesOf(product, decimals) : emptyFormValues(starting)))
  // The switched-off taxes the product had when opened: it may keep them, so they stay on show.
  const [keptTaxes] = useState<readonly number[]>(() => product?.taxRateIds ?? [])
  const {
    register,
    handleSubmit,
    control,
    setError,
    setFocus,
    setValue,
    reset,
    getValues,
    getFieldState,
    formState: { errors },
  } = useForm<ProductFormValues, unknown, ProductFormOutput>({ resolver: zodResolver(schema, FORM_ISSUES), defaultValues: defaults })

  // The rates and the store's default may arrive after a new product's form opened: untouched, it takes them.
  const newProduct = product === null
  useEffect(() => {
    if (newProduct && !getFieldState('taxRateIds').isDirty) setValue('taxRateIds', starting)
  }, [newProduct, starting, getFieldState, setValue])

  // Where the caret goes when the form opens (a product just created focuses its images instead).
  const [firstField] = useState((): ProductField | null => (editor.mode === 'new' ? 'sku' : editor.justCreated ? null : 'name'))
  useEffect(() => {
    if (firstField) setFocus(firstField)
  }, [setFocus, firstField])

  const addingCategory = newCategory !== null
  useEffect(() => {
    if (addingCategory) newCategoryRef.current?.focus()
  }, [addingCategory])

  function close(): void {
    editorClosed()
    document.getElementById(PRODUCTS_GRID_ID)?.focus()
  }

  async function submitted(values: ProductFormOutput): Promise<void> {
    setFormError(null)
    const error = await productSubmitted(product ? updateInputOf(product.id, values) : createInputOf(values))
    if (error === null) {
      // What was typed is now saved: keep it, and count it as the new starting point.
      if (product) reset(getValues())
      return
    }
    const field = fieldOf(error)
    if (field) setError(field, { type: 'server', message: encodeMessage(errorMessage(error)) }, { shouldFocus: true })
    else setFormError(errorMessage(error))
  }

  async function addCategory(): Promise<void> {
    const name = (newCategory ?? '').trim()
    if (name === '') {
      setCategoryError({ key: 'form.required' })
      return
    }
    const reply = await categoryAdded(name)
    if (!reply.ok) {
      setCategoryError(errorMessage(reply.error))
      return
    }
    setCategoryError(null)
    setNewCategory(null)
    setValue('categoryId', String(reply.data.id), { shouldDirty: true })
    categoryRef.current?.focus()
  }

  function onNewCategoryKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      event.preventDefault()
      void addCategory()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      setNewCategory(null)
      setCategoryError(null)
      categoryRef.current?.focus()
    }
  }

  function onPanelKey(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  const titleId = 'product-form-title'
  return (
    <aside className="product-panel" aria-labelledby={titleId} onKeyDown={onPanelKey}>
      <form className="product-form" noValidate onSubmit={(event) => void handleSubmit(submitted)(event)}>
        <div className="product-form-head">
          <h2 id={titleId} className="product-form-title">
            {product ? t('products.form.editTitle') : t('products.form.newTitle')}
          </h2>
          <button type="button" className="button button-quiet button-compact" aria-keyshortcuts="Escape" onClick={close}>
            {t('products.form.close')} <kbd className="key-hint">{t('key.escape')}</kbd>
          </button>
        </div>
        {product?.archived && (
          <p className="product-archived-note" role="note">
            {t('products.form.archivedNote')}
          </p>
        )}
        <div className="field-pair">
          <FormField id="product-sku" label={t('products.form.sku')} error={errors.sku}>
            <input
              id="product-sku"
              className="input"
              autoComplete="off"
              spellCheck={false}
              aria-required
              {...describedBy('product-sku', { error: errors.sku })}
              {...register('sku')}
            />
          </FormField>
          <FormField id="product-barcode" label={t('products.form.barcode')} optional error={errors.barcode}>
            <input
              id="product-barcode"
              className="input"
              autoComplete="off"
              spellCheck={false}
              {...describedBy('product-barcode', { error: errors.barcode })}
              {...register('barcode')}
            />
          </FormField>
        </div>
        <FormField id="product-name" label={t('products.form.name')} error={errors.name}>
          <input
            id="product-name"
            className="input"
            autoComplete="off"
            aria-required
            {...describedBy('product-name', { error: errors.name })}
            {...register('name')}
          />
        </FormField>
        <div className="field-pair">
          <FormField id="product-price" label={t('products.form.price', { currency })} error={errors.price}>
            <input
              id="product-price"
              className="input num-input"
              inputMode="decimal"
              autoComplete="off"
              aria-required
              {...describedBy('product-price', { error: errors.price })}
              {...register('price')}
            />
          </FormField>
          <FormField
            id="product-low-stock"
            label={t('products.form.lowStockAt')}
            hint={t('products.form.lowStockHint')}
            error={errors.lowStockAt}
          >
            <input
              id="product-low-stock"
              className="input num-input"
              inputMode="numeric"
              autoComplete="off"
              {...describedBy('product-low-stock', { hint: true, error: errors.lowStockAt })}
              {...register('lowStockAt')}
            />
          </FormField>
        </div>
        <FormField id="product-category" label={t('products.form.category')} optional error={errors.categoryId}>
          <div className="field-with-action">
            <Controller
              control={control}
              name="categoryId"
              render={({ field }) => (
                <select
                  id="product-category"
                  className="input"
                  {...describedBy('product-category', { error: errors.categoryId })}
                  name={field.name}
                  value={field.value}
                  onChange={(event) => field.onChange(event.target.value)}
                  onBlur={field.onBlur}
                  ref={(element) => {
                    categoryRef.current = element
                    field.ref(element)
                  }}
                >
                  <option value="">{t('products.form.noCategory')}</option>
                  {categories.map((category) => (
                    <option key={category.id} value={String(category.id)}>
                      {category.name}
                    </option>
                  ))}
                </select>
              )}
            />
            <button
              type="button"
              className="button button-quiet button-compact"
              aria-expanded={newCategory !== null}
              onClick={() => setNewCategory((current) => (current === null ? '' : current))}
            >
              {t('products.form.newCategory')}
            </button>
          </div>
        </FormField>
        {newCategory !== null && (
          <div className="field product-new-category">
            <label htmlFor="product-new-category">{t('products.form.newCategoryName')}</label>
            <div className="field-with-action">
              <input
                ref={newCategoryRef}
                id="product-new-category"
                className="input"
                autoComplete="off"
                value={newCategory}
                aria-invalid={categoryError ? true : undefined}
                onChange={(event) => setNewCategory(event.target.value)}
                onKeyDown={onNewCategoryKey}
              />
              <button type="button" className="button button-quiet button-compact" onClick={() => void addCategory()}>
                {t('products.form.addCategory')}
              </button>
            </div>
            <FormError message={categoryError} />
          </div>
        )}
        <FormField
          id="product-tags"
          label={t('products.form.tags')}
          optional
          hint={t('products.form.tagsHint')}
          error={errors.tags ? { message: encodeMessage(msg('products.invalid.tags')) } : undefined}
        >
          <Controller
            control={control}
            name="tags"
            render={({ field }) => (
              <TagInput
                id="product-tags"
                tags={field.value}
                onChange={field.onChange}
                describedBy={describedBy('product-tags', { hint: true, error: errors.tags ? {} : undefined })}
              />
            )}
          />
        </FormField>
        <Controller
          control={control}
          name="taxRateIds"
          render={({ field }) => (
            <TaxChoices
              id="product-taxes"
              legend={t('products.form.taxes')}
              hint={t('products.form.taxesHint')}
              error={errors.taxRateIds ? render(decodeMessage(errors.taxRateIds.message)) : undefined}
              rates={taxRates}
              value={field.value}
              onChange={(ids) => field.onChange(ids)}
              kept={keptTaxes}
            />
          )}
        />
        <div className="field-pair">
          {product ? (
            <p className="product-stock-note">{t('products.form.stockNote', { stock: product.stock })}</p>
          ) : (
            <FormField id="product-opening-stock" label={t('products.form.openingStock')} optional error={errors.openingStock}>
              <input
                id="product-opening-stock"
                className="input num-input"
                inputMode="numeric"
                autoComplete="off"
                {...describedBy('product-opening-stock', { error: errors.openingStock })}
                {...register('openingStock')}
              />
            </FormField>
          )}
        </div>
        {product ? (
          <ProductImages product={product} justCreated={editor.mode === 'edit' && editor.justCreated === true} />
        ) : (
          <p className="field-hint">{t('products.form.imagesAfterCreate')}</p>
        )}
        <FeedbackLine feedback={feedback} />
        <FormError message={formError} />
        <div className="product-form-actions">
          <button type="submit" className="button button-primary" aria-disabled={pending !== null}>
            {pending === 'save' ? t('products.form.saving') : product ? t('products.form.save') : t('products.form.create')}
          </button>
          {product && (
            <button type="button" className="button button-quiet" aria-disabled={pending !== null} onClick={() => void archiveToggled()}>
              {product.archived ? t('products.form.unarchive') : t('products.form.archive')}
            </button>
          )}
        </div>
      </form>
    </aside>
  )
}

/** The side panel: a new product's form, or the open product's. */
export function ProductPanel() {
  const editor = useProducts((s) => s.editor)
  const appInfo = useSession((s) => s.appInfo)
  if (!editor) return null
  // A different product (or a product just created) is a fresh form.
  const key = editor.mode === 'new' ? 'new' : `edit-${editor.product.id}`
  return <ProductForm key={key} editor={editor} decimals={appInfo?.currencyDecimals ?? 2} currency={currencyOf({ appInfo })} />
}
