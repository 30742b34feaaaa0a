import './product-thumb.css'

interface ProductThumbProps {
  /** The image's file under `images/` (a product's `imageFile`), or none. */
  readonly file: string | null | undefined
  /** Width and height in px: the box is this size before, during and after loading, so nothing moves. */
  readonly size: number
}

/**
 * A product's thumbnail, or a neutral placeholder of the same size. Lazy and decoded off the main
 * thread so a list of results never waits for its pictures; decorative (alt ""), since the name is
 * always beside it.
 */
export function ProductThumb({ file, size }: ProductThumbProps) {
  if (!file) return <span className="product-thumb product-thumb-none" aria-hidden="true" style={{ width: size, height: size }} />
  return (
    <img
      className="product-thumb"
      src={`images/${file}`}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      draggable={false}
    />
  )
}
