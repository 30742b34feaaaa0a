/**
 * Lines of a receipt the printer's code page has no glyphs for (Nepali) drawn as pictures: a canvas
 * (Skia, through @napi-rs/canvas, which shapes Devanagari conjuncts and vowel signs properly) and
 * the font the screens bundle (Noto Sans Devanagari), so paper reads like the screen on every
 * printer, whatever fonts the printer or the machine has.
 *
 * A laid-out line arrives padded for a monospaced printer font. A proportional font cannot keep
 * those columns, so the drawing keeps the line's shape instead: a label and its value (two runs
 * apart) go to the left and right edges, an indented line keeps its indent, a centred one is centred.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import type { TextImage } from './receipt-escpos'

export interface LineStyle {
  readonly bold?: boolean
  readonly tall?: boolean
}

/** How a laid-out line is placed: `left` at an indent, `split` to both edges, `right`, `centre`. */
export type LinePlacement =
  | { readonly kind: 'left'; readonly indent: number; readonly text: string }
  | { readonly kind: 'split'; readonly indent: number; readonly left: string; readonly right: string }
  | { readonly kind: 'right'; readonly text: string }
  | { readonly kind: 'centre'; readonly text: string }

/** Indents of a detail line (two columns) and less are kept; more is a centred line's padding. */
const MAX_INDENT = 2

/**
 * Reads a line padded to `columns` back into its shape (pure, so the rules are tested without
 * drawing): a value alone on its line ends at the last column, a centred line does not.
 */
export function placementOf(line: string, columns: number): LinePlacement {
  const indent = line.length - line.trimStart().length
  const body = line.trim()
  const gap = /\s{2,}/.exec(body)
  if (gap) return { kind: 'split', indent, left: body.slice(0, gap.index), right: body.slice(gap.index + gap[0].length) }
  if (indent > MAX_INDENT && indent + [...body].length === columns) return { kind: 'right', text: body }
  if (indent > MAX_INDENT) return { kind: 'centre', text: body }
  return { kind: 'left', indent, text: body }
}

const FAMILY = 'Tillwise Receipt'
const FALLBACK = 'Tillwise Receipt Latin'
let fontsLoaded = false

/**
 * The bundled faces, read once. Read as bytes (not by path), so they load from inside the packaged
 * app's archive as well, which native code cannot open by name.
 */
function loadFonts(): void {
  if (fontsLoaded) return
  const files = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-devanagari')), 'files')
  for (const weight of [400, 700]) {
    GlobalFonts.register(readFileSync(join(files, `noto-sans-devanagari-devanagari-${weight}-normal.woff2`)), FAMILY)
    GlobalFonts.register(readFileSync(join(files, `noto-sans-devanagari-latin-${weight}-normal.woff2`)), FALLBACK)
  }
  fontsLoaded = true
}

/** Dots per printed line: the printer's own font is 24 dots high; Devanagari needs room for its signs above and below. */
const LINE_DOTS = 32
const FONT_DOTS = 22
const SMALLEST_FONT_DOTS = 14

/**
 * A drawer for lines laid out in `columns` on paper `widthDots` wide, as receipt-escpos calls it.
 * Black on white, one line per picture; a line too long for the paper is drawn smaller, never cut.
 */
export function devanagariLineDrawer(columns: number): (text: string, widthDots: number, style?: LineStyle) => TextImage {
  loadFonts()
  return (text, widthDots, style = {}) => {
    const scale = style.tall ? 1.5 : 1
    const height = Math.round(LINE_DOTS * scale)
    const canvas = createCanvas(widthDots, height)
    const context = canvas.getContext('2d')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, widthDots, height)
    context.fillStyle = '#000000'
    context.textBaseline = 'alphabetic'
    const columnDots = widthDots / columns
    const placement = placementOf(text, columns)
    const pieces = placement.kind === 'split' ? `${placement.left}  ${placement.right}` : placement.text
    const indentDots = placement.kind === 'left' || placement.kind === 'split' ? placement.indent * columnDots : 0
    // The largest size (up to the usual one) at which the line fits the paper.
    let size = Math.round(FONT_DOTS * scale)
    const fontAt = (dots: number) => `${style.bold ? 'bold ' : ''}${dots}px "${FAMILY}", "${FALLBACK}"`
    context.font = fontAt(size)
    while (size > SMALLEST_FONT_DOTS && context.measureText(pieces).width > widthDots - indentDots) {
      size -= 1
      context.font = fontAt(size)
    }
    const baseline = Math.round(height * 0.72)
    if (placement.kind === 'split') {
      context.textAlign = 'left'
      context.fillText(placement.left, indentDots, baseline)
      context.textAlign = 'right'
      context.fillText(placement.right, widthDots, baseline)
    } else if (placement.kind === 'right') {
      context.textAlign = 'right'
      context.fillText(placement.text, widthDots, baseline)
    } else if (placement.kind === 'centre') {
      context.textAlign = 'center'
      context.fillText(placement.text, widthDots / 2, baseline)
    } else {
      context.textAlign = 'left'
      context.fillText(placement.text, indentDots, baseline)
    }
    const pixels = context.getImageData(0, 0, widthDots, height)
    return { data: pixels.data, width: widthDots, height }
  }
}
