import { describe, expect, it } from 'vitest'
import { missingPages, withPage } from './result-pages'

const loaded = (count: number) => Array.from({ length: count }, (_, index) => `p${index}`)

describe('missingPages', () => {
  it('asks for nothing when the wanted rows are loaded', () => {
    expect(missingPages({ from: 0, to: 11, pageSize: 25, total: 250, rows: loaded(25), requested: new Set([0]) })).toEqual([])
  })

  it('asks for the pages the wanted rows fall in, once each', () => {
    const need = { from: 20, to: 31, pageSize: 25, total: 250, rows: loaded(25), requested: new Set([0]) }
    expect(missingPages(need)).toEqual([1])
    expect(missingPages({ ...need, requested: new Set([0, 1]) })).toEqual([])
  })

  it('jumps straight to the pages at the end, skipping the ones between', () => {
    expect(missingPages({ from: 240, to: 260, pageSize: 25, total: 250, rows: loaded(25), requested: new Set([0]) })).toEqual([9])
    expect(missingPages({ from: 45, to: 80, pageSize: 25, total: 250, rows: loaded(25), requested: new Set([0]) })).toEqual([1, 2, 3])
  })

  it('never asks past the total, and treats a short last page as complete', () => {
    expect(missingPages({ from: 0, to: 40, pageSize: 25, total: 10, rows: loaded(10), requested: new Set() })).toEqual([])
    expect(missingPages({ from: 50, to: 60, pageSize: 25, total: 50, rows: loaded(25), requested: new Set([0]) })).toEqual([])
    expect(missingPages({ from: 0, to: 10, pageSize: 25, total: 0, rows: [], requested: new Set() })).toEqual([])
  })

  it('asks again for a page whose reply was dropped', () => {
    // A page requested for an older answer is forgotten with it: only holes count.
    expect(missingPages({ from: 25, to: 30, pageSize: 25, total: 60, rows: loaded(25), requested: new Set([0]) })).toEqual([1])
  })
})

describe('withPage', () => {
  it('puts a later page in place, leaving holes before it', () => {
    const rows = withPage(loaded(2), 4, ['x', 'y'])
    expect(rows).toEqual(['p0', 'p1', undefined, undefined, 'x', 'y'])
    expect(rows).toHaveLength(6)
  })

  it('fills a hole without touching the input', () => {
    const before = withPage(loaded(2), 4, ['x'])
    const after = withPage(before, 2, ['a', 'b'])
    expect(after).toEqual(['p0', 'p1', 'a', 'b', 'x'])
    expect(before).toEqual(['p0', 'p1', undefined, undefined, 'x'])
  })
})
