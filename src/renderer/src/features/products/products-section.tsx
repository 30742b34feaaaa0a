import { useEffect, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { KeyHint } from '../../ui/key-hint'
import type { UiTexts } from '../../ui/ui.en'
import { ImportDialog } from './import-dialog'
import { ProductPanel } from './product-form'
import { PRODUCTS_GRID_ID, ProductTable } from './product-table'
import type { ProductsTexts } from './products.en'
import type { ProductStatus } from './products.slice'
import { useProductImport, useProducts } from './use-products'
import './products.css'

type Texts = ProductsTexts & UiTexts

/** Alt+N opens a new product from anywhere in the section (plain letters belong to the fields). */
export const NEW_PRODUCT_KEY = { key: 'n', label: 'Alt+N', aria: 'Alt+N' } as const

const STATUSES: readonly ProductStatus[] = ['active', 'archived', 'all']

function Filters() {
  const { t } = useI18n<Texts>()
  const filters = useProducts((s) => s.filters)
  const { categories, tags } = useProducts(useShallow((s) => ({ categories: s.categories, tags: s.tags })))
  const queryTyped = useProducts((s) => s.queryTyped)
  const filtersChanged = useProducts((s) => s.filtersChanged)

  return (
    <>
      <div className="products-search" role="search">
        <label htmlFor="products-search" className="visually-hidden">
          {t('products.search')}
        </label>
        <input
          id="products-search"
          className="input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('products.searchPlaceholder')}
          value={filters.query}
          onChange={(event) => queryTyped(event.target.value)}
          onKeyDown={(event) => {
            // Down from the search box goes into the results.
            if (event.key === 'ArrowDown') {
              event.preventDefault()
              document.getElementById(PRODUCTS_GRID_ID)?.focus()
            }
          }}
        />
      </div>
      <div className="products-filters" role="group" aria-label={t('products.filters')}>
        <label htmlFor="products-category" className="visually-hidden">
          {t('products.filter.category')}
        </label>
        <select
          id="products-category"
          className="input"
          value={filters.categoryId === null ? '' : String(filters.categoryId)}
          onChange={(event) => filtersChanged({ categoryId: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">{t('products.filter.anyCategory')}</option>
          {categories.map((category) => (
            <option key={category.id} value={String(category.id)}>
              {category.name}
            </option>
          ))}
        </select>
        <label htmlFor="products-tag" className="visually-hidden">
          {t('products.filter.tag')}
        </label>
        <select
          id="products-tag"
          className="input"
          value={filters.tag ?? ''}
          onChange={(event) => filtersChanged({ tag: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('products.filter.anyTag')}</option>
          {tags.map(({ tag, productCount }) => (
            <option key={tag} value={tag}>
              {t('products.filter.tagOption', { tag, count: productCount })}
            </option>
          ))}
        </select>
        <label htmlFor="products-status" className="visually-hidden">
          {t('products.filter.status')}
        </label>
        <select
          id="products-status"
          className="input"
          value={filters.status}
          onChange={(event) => {
            const status = STATUSES.find((value) => value === event.target.value)
            if (status) filtersChanged({ status })
          }}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`products.status.${status}`)}
            </option>
          ))}
        </select>
        <label className="products-low-filter">
          <input type="checkbox" checked={filters.lowStock} onChange={(event) => filtersChanged({ lowStock: event.target.checked })} />
          {t('products.filter.lowStock')}
        </label>
      </div>
    </>
  )
}

function Actions() {
  const { t } = useI18n<Texts>()
  const exporting = useProducts((s) => s.exporting)
  const newChosen = useProducts((s) => s.newChosen)
  const exportRequested = useProducts((s) => s.exportRequested)
  const importOpened = useProductImport((s) => s.importOpened)

  return (
    <div className="products-actions">
      <button type="button" className="button button-quiet" onClick={importOpened}>
        {t('products.import')}
      </button>
      <button type="button" className="button button-quiet" aria-disabled={exporting} onClick={() => void exportRequested()}>
        {exporting ? t('products.exporting') : t('products.export')}
      </button>
      <button type="button" className="button button-primary" aria-keyshortcuts={NEW_PRODUCT_KEY.aria} onClick={newChosen}>
        {t('products.new')} <KeyHint>{NEW_PRODUCT_KEY.label}</KeyHint>
      </button>
    </div>
  )
}

function TableFooter() {
  const { t, render } = useI18n<Texts>()
  const { total, loadError } = useProducts(useShallow((s) => ({ total: s.total, loadError: s.loadError })))
  return (
    <div className="products-footer">
      {loadError ? (
        <p className="feedback feedback-error" role="alert">
          {render(loadError)}
        </p>
      ) : (
        // An empty answer is said in the table itself.
        total !== 0 && (
          <p className="products-count" role="status" data-testid="products-count">
            {total === null ? t('products.loading') : t('products.count', { count: total })}
          </p>
        )
      )}
      <p className="products-keys">
        <KeyHint>{t('key.arrows')}</KeyHint> {t('products.keys.move')} <KeyHint>{t('key.enter')}</KeyHint> {t('products.keys.open')}{' '}
        <KeyHint>{NEW_PRODUCT_KEY.label}</KeyHint> {t('products.keys.new')}
      </p>
    </div>
  )
}

/** The back office's products: the whole catalog in a table, a product's form beside it, CSV in and out. */
export function ProductsSection() {
  const sectionOpened = useProducts((s) => s.sectionOpened)
  const newChosen = useProducts((s) => s.newChosen)
  const editorOpen = useProducts((s) => s.editor !== null)
  const feedback = useProducts((s) => s.feedback)
  const importOpen = useProductImport((s) => s.open)

  useEffect(() => {
    sectionOpened()
  }, [sectionOpened])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === NEW_PRODUCT_KEY.key) {
      event.preventDefault()
      newChosen()
    }
  }

  return (
    <div className="products-section" onKeyDown={onKeyDown}>
      <div className="products-toolbar">
        <Filters />
        <Actions />
      </div>
      <FeedbackLine className="products-feedback" feedback={feedback} />
      <div className={editorOpen ? 'products-main products-main-editing' : 'products-main'}>
        <div className="products-table-area">
          <ProductTable />
          <TableFooter />
        </div>
        <ProductPanel />
      </div>
      {importOpen && <ImportDialog />}
    </div>
  )
}
