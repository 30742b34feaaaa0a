import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ProductDto } from '#shared/contract/catalog'
import { useI18n, useMoney } from '../../platform/i18n/use-i18n'
import { rowWindow, scrollTopToShow } from '../../platform/lib/row-window'
import { ProductThumb } from '../../ui/product-thumb'
import type { SparseRows } from './result-pages'
import type { scanEn } from './scan.en'

/** Every row is exactly this tall (px): the windowing math depends on it, so it is set here, not in CSS. */
export const RESULT_ROW_HEIGHT = 68
/** The thumbnail's fixed box (px): it fits the row, so an image arriving late moves nothing. */
const RESULT_THUMB_SIZE = 48
/** Rows kept in the DOM beyond each edge of the viewport, so a short scroll shows no blank. */
const OVERSCAN = 4
/** A first guess at the viewport (the popup's max-height) until it is measured. */
const INITIAL_VIEWPORT = 560

export const resultOptionId = (productId: number) => `scan-result-${productId}`

interface ResultListProps {
  id: string
  results: SparseRows<ProductDto>
  /** Rows in the whole list, loaded or not. */
  total: number
  /** The highlighted row, or -1 when none is (results for an older text). */
  highlighted: number
  /** Changes when a new answer replaces the list: it starts again at the top. */
  answer: string
  onChoose(index: number): unknown
  onRowsShown(from: number, to: number): void
}

/**
 * The matches under the scan field: a fixed-row-height virtual list that renders only the rows
 * in view plus a few, however many matches there are, and asks for pages as they come into view.
 * Memoised (its callbacks are store actions, so stable): a scanner's keystrokes re-render the scan
 * field, not the list.
 */
export const ResultList = memo(function ResultList({ id, results, total, highlighted, answer, onChoose, onRowsShown }: ResultListProps) {
  const { t } = useI18n<typeof scanEn>()
  const money = useMoney()
  const scrollerRef = useRef<HTMLDivElement>(null)
  // The scroll position belongs to one answer: a new answer renders from the top at once, so its
  // first render never asks for pages around where the old answer was scrolled to.
  const [scroll, setScroll] = useState({ answer, top: 0 })
  const scrollTop = scroll.answer === answer ? scroll.top : 0
  const [viewportHeight, setViewportHeight] = useState(INITIAL_VIEWPORT)

  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    setViewportHeight(scroller.clientHeight)
    const observer = new ResizeObserver(() => setViewportHeight(scroller.clientHeight))
    observer.observe(scroller)
    return () => observer.disconnect()
  }, [])

  // A new answer starts at its top (before paint, so the old scroll position never flashes).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (scroller) scroller.scrollTop = 0
  }, [answer])

  // Keep the highlighted row in view as the arrows move it.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller || highlighted < 0) return
    const next = scrollTopToShow(highlighted, RESULT_ROW_HEIGHT, scroller.clientHeight, scroller.scrollTop)
    if (next === scroller.scrollTop) return
    scroller.scrollTop = next
    setScroll({ answer, top: scroller.scrollTop })
  }, [highlighted, answer])

  const { start, end, totalHeight } = rowWindow({
    count: total,
    rowHeight: RESULT_ROW_HEIGHT,
    viewportHeight,
    scrollTop,
    overscan: OVERSCAN,
  })

  // Also after every page that lands: a reply for the same text again starts from its first page,
  // while the list may still be scrolled further down.
  useEffect(() => {
    onRowsShown(start, end)
  }, [onRowsShown, start, end, answer, results])

  const rows = []
  for (let index = start; index < end; index += 1) {
    const product = results[index]
    const selected = index === highlighted
    const position = { top: index * RESULT_ROW_HEIGHT, height: RESULT_ROW_HEIGHT }
    rows.push(
      product ? (
        <li
          key={product.id}
          id={resultOptionId(product.id)}
          role="option"
          aria-selected={selected}
          aria-setsize={total}
          aria-posinset={index + 1}
          className="scan-result"
          style={position}
          // Keep focus in the field when a result is clicked.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void onChoose(index)}
        >
          <span className="scan-result-thumb">
            <ProductThumb file={product.imageFile} size={RESULT_THUMB_SIZE} />
          </span>
          <span className="scan-result-name">{product.name}</span>
          <span className="scan-result-codes">
            {product.barcode ? t('scan.codes', { sku: product.sku, barcode: product.barcode }) : product.sku}
          </span>
          <span className="scan-result-stock">{t('scan.stock', { stock: product.stock })}</span>
          <span className="scan-result-price">{money(product.priceCents)}</span>
        </li>
      ) : (
        <li
          key={`loading-${index}`}
          role="option"
          aria-selected={selected}
          aria-disabled
          aria-setsize={total}
          aria-posinset={index + 1}
          className="scan-result scan-result-loading"
          style={position}
          onMouseDown={(event) => event.preventDefault()}
        >
          <span className="scan-result-name">{t('scan.loadingRow')}</span>
        </li>
      ),
    )
  }

  return (
    <div ref={scrollerRef} className="scan-scroller" onScroll={(event) => setScroll({ answer, top: event.currentTarget.scrollTop })}>
      <ul id={id} className="scan-results" role="listbox" aria-label={t('scan.results')} style={{ height: totalHeight }}>
        {rows}
      </ul>
    </div>
  )
})
