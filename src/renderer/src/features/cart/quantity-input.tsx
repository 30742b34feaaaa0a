import { useRef, useState } from 'react'
import { useScan } from '../scan/public'
import { parseQuantity } from './parse-quantity'
import { useCart } from './use-cart'

interface QuantityInputProps {
  productId: number
  quantity: number
  label: string
}

/**
 * A line's quantity, typed: Enter or leaving the field sets it (0 removes the line), Esc puts it
 * back. Remounted (by key) whenever the cart's quantity changes, so the draft restarts from it.
 */
export function QuantityInput({ productId, quantity, label }: QuantityInputProps) {
  const [draft, setDraft] = useState(String(quantity))
  const settled = useRef(false)
  const quantityChanged = useCart((s) => s.quantityChanged)
  const quantityRejected = useCart((s) => s.quantityRejected)
  const focusReturned = useScan((s) => s.focusReturned)

  function commit(): void {
    if (settled.current) return
    settled.current = true
    const next = parseQuantity(draft)
    if (next === null) {
      setDraft(String(quantity))
      quantityRejected()
    } else if (next !== quantity) {
      void quantityChanged(productId, next)
    }
  }

  return (
    <input
      className="quantity-input"
      type="text"
      inputMode="numeric"
      aria-label={label}
      autoComplete="off"
      value={draft}
      onFocus={(event) => {
        settled.current = false
        event.currentTarget.select()
      }}
      onChange={(event) => {
        settled.current = false
        setDraft(event.target.value)
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          commit()
          focusReturned()
        } else if (event.key === 'Escape') {
          event.preventDefault()
          settled.current = true
          setDraft(String(quantity))
          focusReturned()
        }
      }}
    />
  )
}
