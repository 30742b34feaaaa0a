import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rowWindow, scrollTopToShow } from './row-window'

const base = { count: 250, rowHeight: 60, viewportHeight: 300, scrollTop: 0, overscan: 3 }

describe('rowWindow', () => {
  it('renders the visible rows and the overscan below them at the top', () => {
    expect(rowWindow(base)).toEqual({ start: 0, end: 8, offsetTop: 0, totalHeight: 15_000 })
  })

  it('renders a partly visible row at each edge plus the overscan on both sides', () => {
    // 630 px down: row 10 is half hidden at the top, row 15 half shown at the bottom.
    expect(rowWindow({ ...base, scrollTop: 630 })).toEqual({ start: 7, end: 19, offsetTop: 420, totalHeight: 15_000 })
  })

  it('stops at the last row when scrolled to the end, or past it', () => {
    const end = base.count * base.rowHeight - base.viewportHeight
    expect(rowWindow({ ...base, scrollTop: end })).toEqual({ start: 242, end: 250, offsetTop: 242 * 60, totalHeight: 15_000 })
    expect(rowWindow({ ...base, scrollTop: end + 5_000 })).toEqual(rowWindow({ ...base, scrollTop: end }))
    expect(rowWindow({ ...base, scrollTop: -40 })).toEqual(rowWindow(base))
  })

  it('renders every row of a list shorter than the viewport, and nothing of an empty one', () => {
    expect(rowWindow({ ...base, count: 3 })).toEqual({ start: 0, end: 3, offsetTop: 0, totalHeight: 180 })
    expect(rowWindow({ ...base, count: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 })
  })

  it('renders at least one row before the viewport is measured', () => {
    expect(rowWindow({ ...base, viewportHeight: 0, overscan: 0 })).toEqual({ start: 0, end: 1, offsetTop: 0, totalHeight: 15_000 })
  })

  it('always covers the viewport and never renders more than it plus the overscan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: -1_000, max: 700_000 }),
        fc.integer({ min: 0, max: 10 }),
        (count, rowHeight, viewportHeight, scrollTop, overscan) => {
          const window = rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan })
          const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - viewportHeight))
          // Every row that shows any pixel in the viewport is rendered…
          const firstShown = Math.floor(top / rowHeight)
          const lastShown = Math.min(count, Math.ceil((top + viewportHeight) / rowHeight)) - 1
          expect(window.start).toBeLessThanOrEqual(firstShown)
          expect(window.end).toBeGreaterThan(lastShown)
          // …and at most the viewport's worth plus one partial row plus the overscan on each side.
          expect(window.end - window.start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan)
          expect(window.start).toBeGreaterThanOrEqual(0)
          expect(window.end).toBeLessThanOrEqual(count)
          expect(window.offsetTop).toBe(window.start * rowHeight)
        },
      ),
    )
  })
})

describe('scrollTopToShow', () => {
  it('leaves the scroll alone when the row is fully in view', () => {
    expect(scrollTopToShow(2, 60, 300, 0)).toBe(0)
    expect(scrollTopToShow(10, 60, 300, 400)).toBe(400)
  })

  it('scrolls down just enough to show a row below the viewport', () => {
    // Row 5 spans 300–360: its bottom must reach the viewport's bottom edge.
    expect(scrollTopToShow(5, 60, 300, 0)).toBe(60)
    expect(scrollTopToShow(249, 60, 300, 0)).toBe(249 * 60 + 60 - 300)
  })

  it('scrolls up to the row top for a row above the viewport or cut at the top', () => {
    expect(scrollTopToShow(0, 60, 300, 1_000)).toBe(0)
    expect(scrollTopToShow(16, 60, 300, 970)).toBe(960)
  })
})
