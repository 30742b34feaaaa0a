import { drawingSVG, qrcode } from 'bwip-js/browser'

/** Four modules of white around the symbol, as the QR standard asks; bwip-js draws a module 2 units wide. */
const QUIET_ZONE = 8

/**
 * The token's code as a QR symbol, in SVG: vector, so it prints crisp at any size. Only the QR
 * encoder is imported (not bwip-js's lookup of every symbology), so the bundle carries just it.
 */
export function tokenQrSvg(code: string): string {
  return qrcode({ bcid: 'qrcode', text: code, scale: 1, padding: QUIET_ZONE, backgroundcolor: 'FFFFFF' }, drawingSVG())
}

/**
 * The SVG as an image source. The CSP allows `data:` images, and an <img> shows the symbol
 * without putting markup from a library into the page.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
