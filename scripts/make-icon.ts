/**
 * Draws the app icon (resources/icon.png, 512 px, and icon-256.png): a till receipt on a teal
 * rounded square. Plain code, no image tools, so anyone can change the mark and run it again:
 * `npx tsx scripts/make-icon.ts`.
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'

type Rgba = readonly [number, number, number, number]
const TEAL: Rgba = [15, 118, 110, 255]
const PAPER: Rgba = [255, 255, 255, 255]
const INK: Rgba = [17, 94, 89, 255]
const CLEAR: Rgba = [0, 0, 0, 0]

/** Inside a rectangle with rounded corners, in a 0..1 square. */
function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false
  const cx = Math.min(Math.max(x, left + radius), right - radius)
  const cy = Math.min(Math.max(y, top + radius), bottom - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

/** The receipt: a strip of paper whose bottom edge is torn in a zigzag. */
function inReceipt(x: number, y: number): boolean {
  const left = 0.3
  const right = 0.7
  const top = 0.2
  const bottom = 0.78
  if (x < left || x > right || y < top) return false
  const teeth = 6
  const tooth = (right - left) / teeth
  const phase = ((x - left) % tooth) / tooth
  const edge = bottom - 0.035 * (1 - Math.abs(phase * 2 - 1))
  return y <= edge && inRoundedRect(x, Math.min(y, 0.5), left, top, right, 0.8, 0.03)
}

/** Printed lines on the receipt, the last one shorter: the total. */
function onPrintedLine(x: number, y: number): boolean {
  const lines = [
    { y: 0.32, from: 0.37, to: 0.63 },
    { y: 0.42, from: 0.37, to: 0.63 },
    { y: 0.52, from: 0.37, to: 0.55 },
    { y: 0.64, from: 0.49, to: 0.63 },
  ]
  return lines.some((line) => inRoundedRect(x, y, line.from, line.y - 0.018, line.to, line.y + 0.018, 0.018))
}

function colourAt(x: number, y: number): Rgba {
  if (!inRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) return CLEAR
  if (!inReceipt(x, y)) return TEAL
  return onPrintedLine(x, y) ? INK : PAPER
}

/** 4×4 samples per pixel, averaged, so the edges are smooth. */
function draw(size: number): Buffer {
  const samples = 4
  const rows: Buffer[] = []
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4)
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
          const alpha = colour[3] / 255
          for (let c = 0; c < 3; c += 1) sum[c]! += colour[c]! * alpha
          sum[3]! += colour[3]
        }
      }
      const n = samples * samples
      const alpha = sum[3]! / n
      for (let c = 0; c < 3; c += 1) row[1 + px * 4 + c] = alpha === 0 ? 0 : Math.round(sum[c]! / n / (alpha / 255))
      row[1 + px * 4 + 3] = Math.round(alpha)
    }
    rows.push(row)
  }
  return png(size, Buffer.concat(rows))
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An 8-bit RGBA PNG from rows that each start with filter byte 0. */
function png(size: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const RESOURCES = resolve(import.meta.dirname, '../resources')
writeFileSync(join(RESOURCES, 'icon.png'), draw(512))
writeFileSync(join(RESOURCES, 'icon-256.png'), draw(256))
console.log(`wrote ${join(RESOURCES, 'icon.png')} and icon-256.png`)
