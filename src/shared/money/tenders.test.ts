import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NO_CASH_ROUNDING, type CashRounding } from './pricing'
import { firstRefusal, settle, type SettleTender } from './tenders'

const RUPEE: CashRounding = { incrementCents: 100, mode: 'halfUp' }
const FIVE_RAPPEN: CashRounding = { incrementCents: 5, mode: 'halfUp' }

const token = (balanceCents: number, amountCents?: number): SettleTender => ({ method: 'token', balanceCents, amountCents })
const cash = (tenderedCents: number): SettleTender => ({ method: 'cash', tenderedCents })
const card = (amountCents: number): SettleTender => ({ method: 'card', amountCents })
const wallet = (amountCents: number): SettleTender => ({ method: 'wallet', amountCents })

describe('settle: one tender', () => {
  it('cash pays the total, gives change and rounds only the cash', () => {
    expect(settle(10_440, [cash(20_000)], RUPEE)).toMatchObject({
      tenders: [{ method: 'cash', amountCents: 10_400, tenderedCents: 20_000, changeCents: 9_600 }],
      roundingCents: -40,
      changeCents: 9_600,
      dueCents: 0,
      paidCents: 10_400,
      settled: true,
    })
    expect(settle(10_450, [cash(10_500)], RUPEE)).toMatchObject({ roundingCents: 50, changeCents: 0, settled: true })
  })

  it('cash short says what is still due, rounded', () => {
    expect(settle(10_460, [cash(10_000)], RUPEE)).toMatchObject({ dueCents: 500, cashDueCents: 500, changeCents: 0, settled: false })
    expect(settle(10_460, [cash(10_000)], NO_CASH_ROUNDING)).toMatchObject({ dueCents: 460, settled: false })
  })

  it('a cash part that rounds to nothing is settled by handing over nothing', () => {
    expect(settle(40, [cash(0)], RUPEE)).toMatchObject({ roundingCents: -40, changeCents: 0, paidCents: 0, settled: true })
  })

  it('a token without an amount pays what it can; the rest is still due, exact and in cash', () => {
    const settlement = settle(10_460, [token(500)], RUPEE)
    expect(settlement).toMatchObject({ dueCents: 9_960, cashDueCents: 10_000, roundingCents: 0, changeCents: 0, settled: false })
    expect(settlement.tenders).toEqual([{ method: 'token', amountCents: 500, dueBeforeCents: 10_460 }])
  })

  it('a token with enough balance pays the whole sale, never rounded', () => {
    expect(settle(10_460, [token(1_000_000)], RUPEE)).toMatchObject({ paidCents: 10_460, roundingCents: 0, settled: true })
  })

  it('a card or wallet pays exactly what it says', () => {
    expect(settle(10_460, [card(10_460)], RUPEE)).toMatchObject({ paidCents: 10_460, roundingCents: 0, settled: true })
    expect(settle(10_460, [wallet(10_000)], RUPEE)).toMatchObject({ dueCents: 460, settled: false })
  })
})

describe('settle: split tenders', () => {
  it('token first, then card, then cash, whatever order they are given in', () => {
    const settlement = settle(10_460, [cash(5_000), card(2_000), token(3_000)], RUPEE)
    expect(settlement.tenders).toEqual([
      { method: 'cash', amountCents: 5_000, dueBeforeCents: 5_500, tenderedCents: 5_000, changeCents: 0 },
      { method: 'card', amountCents: 2_000, dueBeforeCents: 7_460 },
      { method: 'token', amountCents: 3_000, dueBeforeCents: 10_460 },
    ])
    expect(settlement).toMatchObject({ dueCents: 500, cashDueCents: 500, roundingCents: 40, settled: false })
  })

  it('part by token, the rest in cash with rounding and change', () => {
    const settlement = settle(10_460, [token(500), cash(20_000)], RUPEE)
    expect(settlement.tenders).toEqual([
      { method: 'token', amountCents: 500, dueBeforeCents: 10_460 },
      { method: 'cash', amountCents: 10_000, dueBeforeCents: 10_000, tenderedCents: 20_000, changeCents: 10_000 },
    ])
    expect(settlement).toMatchObject({ roundingCents: 40, changeCents: 10_000, paidCents: 10_500, tenderedCents: 20_500, settled: true })
  })

  it('a card for part and cash for the rest: only the cash part is rounded', () => {
    expect(settle(10_460, [card(5_000), cash(5_500)], RUPEE)).toMatchObject({ roundingCents: 40, changeCents: 0, settled: true })
    expect(settle(10_460, [card(5_000), cash(5_500)], FIVE_RAPPEN)).toMatchObject({ roundingCents: 0, changeCents: 40, settled: true })
  })

  it('two tokens: the first pays its balance, the second the rest', () => {
    const settlement = settle(10_000, [token(3_000), token(50_000)], RUPEE)
    expect(settlement.tenders.map((tender) => tender.amountCents)).toEqual([3_000, 7_000])
    expect(settlement.settled).toBe(true)
  })
})

describe('settle: refusals', () => {
  it('a non-cash tender over what is due when it applies', () => {
    const settlement = settle(10_000, [token(5_000), card(6_000)], RUPEE)
    expect(settlement.tenders[1]).toEqual({ method: 'card', amountCents: 0, dueBeforeCents: 5_000, refusal: 'overDue' })
    expect(settlement.settled).toBe(false)
    expect(firstRefusal(settlement)).toMatchObject({ index: 1, refusal: 'overDue' })
  })

  it('a token asked for more than its balance, or with no balance at all', () => {
    expect(settle(10_000, [token(500, 600), cash(20_000)], RUPEE).tenders[0]).toMatchObject({ refusal: 'overBalance', amountCents: 0 })
    expect(settle(10_000, [token(0), cash(20_000)], RUPEE).tenders[0]).toMatchObject({ refusal: 'noBalance' })
    expect(settle(10_000, [token(500, 600), cash(20_000)], RUPEE).settled).toBe(false)
  })

  it('a tender with nothing left to pay', () => {
    const settlement = settle(10_000, [token(50_000), card(100), cash(500)], RUPEE)
    expect(settlement.tenders.map((tender) => tender.refusal)).toEqual([undefined, 'nothingDue', 'nothingDue'])
    expect(settlement.changeCents).toBe(0)
    expect(firstRefusal(settlement)).toMatchObject({ index: 1 })
  })

  it('a second cash tender', () => {
    expect(settle(10_000, [cash(5_000), cash(5_000)], RUPEE).tenders[1]).toMatchObject({ refusal: 'secondCash', amountCents: 0 })
  })

  it('a sale of nothing takes its first tender for nothing, and needs no other', () => {
    expect(settle(0, [token(0)], RUPEE)).toMatchObject({ settled: true, paidCents: 0 })
    expect(settle(0, [cash(1_000)], RUPEE)).toMatchObject({ settled: true, changeCents: 1_000, roundingCents: 0 })
    const twice = settle(0, [token(500), cash(1_000)], RUPEE)
    expect(twice.tenders.map((tender) => tender.refusal)).toEqual([undefined, 'nothingDue'])
    expect(twice).toMatchObject({ settled: false, changeCents: 0 })
  })

  it('refuses figures that are not money', () => {
    expect(() => settle(-1, [], RUPEE)).toThrow(RangeError)
    expect(() => settle(100, [cash(0.5)], RUPEE)).toThrow(RangeError)
    expect(() => settle(100, [card(Number.MAX_SAFE_INTEGER + 1)], RUPEE)).toThrow(RangeError)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const rounding = fc.record({
  incrementCents: fc.constantFrom(1, 5, 10, 25, 50, 100, 500, 1_000),
  mode: fc.constantFrom('halfUp' as const, 'up' as const, 'down' as const, 'halfEven' as const),
})
const amount = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 10_000_000 }))
const tender: fc.Arbitrary<SettleTender> = fc.oneof(
  fc.record({ method: fc.constant('token' as const), balanceCents: amount, amountCents: fc.option(amount, { nil: undefined }) }),
  fc.record({ method: fc.constantFrom('card' as const, 'wallet' as const), amountCents: amount }),
  fc.record({ method: fc.constant('cash' as const), tenderedCents: amount }),
)
const sale = fc.record({ totalCents: amount, tenders: fc.array(tender, { minLength: 1, maxLength: 5 }), rounding })

/** The tendered side of one settled tender: cash as handed over, the rest as paid. */
const tenderedOf = (t: { method: string; amountCents: number; tenderedCents?: number }) =>
  t.method === 'cash' ? (t.tenderedCents ?? 0) : t.amountCents

describe('settle: properties', () => {
  it('a settled sale: Σ tendered − change = total + rounding = Σ paid', () => {
    fc.assert(
      fc.property(sale, ({ totalCents, tenders, rounding }) => {
        const settlement = settle(totalCents, tenders, rounding)
        if (!settlement.settled) return
        const tendered = settlement.tenders.reduce((sum, t) => sum + tenderedOf(t), 0)
        expect(tendered).toBe(settlement.tenderedCents)
        expect(tendered - settlement.changeCents).toBe(totalCents + settlement.roundingCents)
        expect(settlement.paidCents).toBe(totalCents + settlement.roundingCents)
      }),
      { numRuns: 2_000 },
    )
  })

  it('change is never negative and comes only from cash', () => {
    fc.assert(
      fc.property(sale, ({ totalCents, tenders, rounding }) => {
        const settlement = settle(totalCents, tenders, rounding)
        expect(settlement.changeCents).toBeGreaterThanOrEqual(0)
        const cashChange = settlement.tenders.reduce((sum, t) => sum + (t.method === 'cash' ? (t.changeCents ?? 0) : 0), 0)
        expect(cashChange).toBe(settlement.changeCents)
        if (!tenders.some((t) => t.method === 'cash')) expect(settlement.changeCents).toBe(0)
        for (const t of settlement.tenders) if (t.method !== 'cash') expect(t.changeCents).toBeUndefined()
      }),
      { numRuns: 2_000 },
    )
  })

  it('no non-cash tender pays more than was due when it applied, nor a token more than its balance', () => {
    fc.assert(
      fc.property(sale, ({ totalCents, tenders, rounding }) => {
        const settlement = settle(totalCents, tenders, rounding)
        settlement.tenders.forEach((t, index) => {
          if (t.method === 'cash') return
          expect(t.amountCents).toBeLessThanOrEqual(t.dueBeforeCents)
          const given = tenders[index]!
          if (given.method === 'token') expect(t.amountCents).toBeLessThanOrEqual(given.balanceCents)
        })
        const nonCash = settlement.tenders.filter((t) => t.method !== 'cash').reduce((sum, t) => sum + t.amountCents, 0)
        expect(nonCash).toBeLessThanOrEqual(totalCents)
      }),
      { numRuns: 2_000 },
    )
  })

  it('rounding comes only with cash and stays under one increment', () => {
    fc.assert(
      fc.property(sale, ({ totalCents, tenders, rounding }) => {
        const settlement = settle(totalCents, tenders, rounding)
        if (!tenders.some((t) => t.method === 'cash')) expect(settlement.roundingCents).toBe(0)
        expect(Math.abs(settlement.roundingCents)).toBeLessThan(rounding.incrementCents)
        if (rounding.incrementCents === 1) expect(settlement.roundingCents).toBe(0)
      }),
      { numRuns: 2_000 },
    )
  })

  it('an unsettled sale says what is due, and a tender of that much more in cash settles it', () => {
    fc.assert(
      fc.property(sale, ({ totalCents, tenders, rounding }) => {
        const settlement = settle(totalCents, tenders, rounding)
        if (settlement.settled || settlement.tenders.some((t) => t.refusal)) return
        expect(settlement.dueCents).toBeGreaterThan(0)
        const handed = tenders.find((t) => t.method === 'cash')
        const withCash = handed
          ? tenders.map((t) => (t === handed ? cash(handed.tenderedCents + settlement.cashDueCents) : t))
          : [...tenders, cash(settlement.cashDueCents)]
        const after = settle(totalCents, withCash, rounding)
        expect(after.settled).toBe(true)
        expect(after.changeCents).toBe(0)
      }),
      { numRuns: 2_000 },
    )
  })

  it('a token without an amount never overdraws and leaves only what its balance could not cover', () => {
    fc.assert(
      fc.property(amount, amount, rounding, (totalCents, balanceCents, rounding) => {
        const settlement = settle(totalCents, [token(balanceCents)], rounding)
        const paid = settlement.tenders[0]!
        if (balanceCents === 0 && totalCents > 0) {
          expect(paid.refusal).toBe('noBalance')
          return
        }
        expect(paid.amountCents).toBe(Math.min(balanceCents, totalCents))
        expect(settlement.dueCents).toBe(totalCents - paid.amountCents)
      }),
      { numRuns: 1_000 },
    )
  })
})
