import { describe, expect, it } from 'vitest'
import { svgDataUrl, tokenQrSvg } from './token-qr'

describe('the card’s QR symbol', () => {
  const code = '11111111-1111-4111-8111-111111111111'

  it('is an SVG of filled paths on white, with the quiet zone around it', () => {
    const svg = tokenQrSvg(code)
    expect(svg).toMatch(/^<svg viewBox="0 0 (\d+) \1" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/)
    expect(svg).toContain('fill="#FFFFFF"')
    expect(svg).toMatch(/<path d="M8 /)
    // Nothing a CSP without inline styles or scripts would refuse.
    expect(svg).not.toMatch(/<style|<script|style=/)
  })

  it('differs for another code, and is the same for the same one', () => {
    expect(tokenQrSvg(code)).toBe(tokenQrSvg(code))
    expect(tokenQrSvg(code.replace(/1$/, '2'))).not.toBe(tokenQrSvg(code))
  })

  it('becomes an image source the CSP allows (data:)', () => {
    expect(svgDataUrl('<svg a="1"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E')
  })
})
