import { useEffect, useState } from 'react'
import type * as TokenQr from './token-qr'

/**
 * The QR encoder is loaded the first time a card is drawn, in a chunk of its own: it is a large
 * part of the bundle and only the token page needs it, so the till starts without it.
 */
let encoder: Promise<typeof TokenQr> | null = null
const drawn = new Map<string, string>()

function loadEncoder(): Promise<typeof TokenQr> {
  encoder ??= import('./token-qr').catch((error: unknown) => {
    // A later card tries again.
    encoder = null
    throw error
  })
  return encoder
}

/** The code's QR symbol as an image source, or null until the encoder has loaded. */
export function useTokenQr(code: string): string | null {
  const [, setDrawnCode] = useState<string | null>(null)
  const url = drawn.get(code) ?? null

  useEffect(() => {
    if (drawn.has(code)) return
    let shown = true
    loadEncoder().then(
      ({ svgDataUrl, tokenQrSvg }) => {
        drawn.set(code, svgDataUrl(tokenQrSvg(code)))
        if (shown) setDrawnCode(code)
      },
      (error: unknown) => console.error('The QR encoder could not be loaded', error),
    )
    return () => {
      shown = false
    }
  }, [code])

  return url
}
