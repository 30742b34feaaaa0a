import { describe, expect, it } from 'vitest'
import { figureChange } from './figure-change'

describe('a figure beside last week’s', () => {
  it('says the difference and the change in basis points, rounded half away from zero', () => {
    expect(figureChange(15_000, 10_000)).toEqual({ current: 15_000, previous: 10_000, delta: 5_000, changeBps: 5_000, direction: 'up' })
    expect(figureChange(7_500, 10_000)).toMatchObject({ delta: -2_500, changeBps: -2_500, direction: 'down' })
    // 1/3 = 3333.33… bps; 2/3 = 6666.66… bps.
    expect(figureChange(4, 3).changeBps).toBe(3_333)
    expect(figureChange(5, 3).changeBps).toBe(6_667)
    expect(figureChange(1, 3).changeBps).toBe(-6_667)
    // Exactly half a basis point goes away from zero, both ways.
    expect(figureChange(20_001, 20_000).changeBps).toBe(1)
    expect(figureChange(19_999, 20_000).changeBps).toBe(-1)
  })

  it('has no share to give when last week had nothing, and none when nothing changed', () => {
    expect(figureChange(500, 0)).toMatchObject({ delta: 500, changeBps: null, direction: 'up' })
    expect(figureChange(0, 0)).toMatchObject({ delta: 0, changeBps: null, direction: 'same' })
    expect(figureChange(42, 42)).toMatchObject({ delta: 0, changeBps: 0, direction: 'same' })
  })

  it('goes the way of the difference when last week’s figure was negative (more returned than sold)', () => {
    expect(figureChange(100, -100)).toMatchObject({ delta: 200, changeBps: 20_000, direction: 'up' })
    expect(figureChange(-300, -100)).toMatchObject({ delta: -200, changeBps: -20_000, direction: 'down' })
  })

  it('stays exact on large money figures', () => {
    const previous = 9_007_199_254_740
    expect(figureChange(previous * 2, previous).changeBps).toBe(10_000)
  })
})
