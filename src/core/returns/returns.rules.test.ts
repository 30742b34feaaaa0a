import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { roundCash, type CashRounding } from '#shared/money/pricing'
import { lineRefund, planRefunds, shareOf, type RefundableTender } from './returns.rules'

describe('shareOf', () => {
  it('splits an amount by units so that any way of taking them back adds up to exactly the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }),
        (amount, parts) => {
          const whole = parts.reduce((sum, part) => sum + part, 0)
          let before = 0
          let total = 0
          for (const part of parts) {
            const share = shareOf(amount, before + part, whole) - shareOf(amount, before, whole)
            expect(share).toBeGreaterThanOrEqual(0)
            // Never more than one minor unit away from the exact proportion.
            expect(Math.abs(share * whole - amount * part)).toBeLessThanOrEqual(whole)
            total += share
            before += part
          }
          expect(total).toBe(amount)
        },
      ),
    )
  })

  it('is exact past 2^53 (an amount times a quantity)', () => {
    expect(shareOf(9_007_199_254_740_991, 999_999, 1_000_000)).toBe(9_007_190_247_541_736)
    expect(shareOf(1, 1, 2)).toBe(1)
    expect(shareOf(1, 1, 3)).toBe(0)
    expect(shareOf(500, 0, 3)).toBe(0)
  })

  it('gives a line’s tax back with its units', () => {
    expect(lineRefund({ quantity: 3, totalCents: 31_380, taxCents: 3_610 }, 0, 1)).toEqual({ refundCents: 10_460, taxCents: 1_203 })
    expect(lineRefund({ quantity: 3, totalCents: 31_380, taxCents: 3_610 }, 1, 2)).toEqual({ refundCents: 20_920, taxCents: 2_407 })
  })
})

const roundings: fc.Arbitrary<CashRounding> = fc.record({
  incrementCents: fc.constantFrom(1, 5, 25, 50, 100, 1_000),
  mode: fc.constantFrom('halfUp', 'up', 'down', 'halfEven'),
})

/** A sale as checkout pays it: some by token, some by card, the rest in cash (rounded), each within what is due. */
const sales = fc
  .record({
    totalCents: fc.integer({ min: 1, max: 5_000_000 }),
    tokenShare: fc.double({ min: 0, max: 1, noNaN: true }),
    cardShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rounding: roundings,
    /** The goods' value taken back return by return, as fractions of what is left. */
    returns: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
  })
  .map((sale) => {
    const token = Math.floor(sale.totalCents * sale.tokenShare)
    const card = Math.floor((sale.totalCents - token) * sale.cardShare)
    const cashExact = sale.totalCents - token - card
    const tenders: RefundableTender[] = []
    if (token > 0) tenders.push({ position: tenders.length, method: 'token', paidCents: token, refundedCents: 0 })
    // Cash before the card on the sale: refunds still go to the card first.
    if (cashExact > 0)
      tenders.push({ position: tenders.length, method: 'cash', paidCents: roundCash(cashExact, sale.rounding).dueCents, refundedCents: 0 })
    if (card > 0) tenders.push({ position: tenders.length, method: 'card', paidCents: card, refundedCents: 0 })
    return { ...sale, tenders }
  })

describe('planRefunds', () => {
  it('never gives a tender more than it paid, goes token → card → cash, and a sale returned in full gives back exactly what each tender paid', () => {
    fc.assert(
      fc.property(sales, ({ totalCents, tenders, rounding, returns }) => {
        const state = tenders.map((tender) => ({ ...tender }))
        const cash = { refundedCents: 0, roundingCents: 0 }
        let goodsLeft = totalCents
        const steps = [...returns.map((fraction) => Math.max(1, Math.floor(goodsLeft * fraction))), Number.POSITIVE_INFINITY]
        for (const step of steps) {
          if (goodsLeft === 0) break
          const goods = Math.min(goodsLeft, step)
          goodsLeft -= goods
          const plan = planRefunds(goods, state, cash, rounding)
          expect(plan.unplacedCents).toBe(0)
          const order = plan.refunds.map((refund) => ({ token: 0, card: 1, wallet: 1, cash: 2 })[refund.method])
          expect(order).toEqual([...order].sort())
          for (const refund of plan.refunds) {
            const tender = state.find((candidate) => candidate.position === refund.position)!
            expect(refund.amountCents).toBeGreaterThan(0)
            tender.refundedCents += refund.amountCents
            expect(tender.refundedCents).toBeLessThanOrEqual(tender.paidCents)
            if (refund.method === 'cash') cash.refundedCents += refund.amountCents
          }
          cash.roundingCents += plan.roundingCents
          // What went back is the goods' value and the cash part's rounding, which is less than one increment.
          expect(plan.refunds.reduce((sum, refund) => sum + refund.amountCents, 0)).toBe(goods + plan.roundingCents)
          expect(Math.abs(cash.roundingCents)).toBeLessThan(rounding.incrementCents)
        }
        expect(state.map((tender) => tender.refundedCents)).toEqual(state.map((tender) => tender.paidCents))
      }),
    )
  })

  it('caps cash at what the drawer took when the rounding has changed since the sale', () => {
    const tenders: RefundableTender[] = [{ position: 0, method: 'cash', paidCents: 10_000, refundedCents: 0 }]
    // Sold at 100.40 rounded down to 100.00; now the store rounds half up: 100.40 would still be 100.00, 100.60 would be 101.00.
    expect(planRefunds(10_060, tenders, { refundedCents: 0, roundingCents: 0 }, { incrementCents: 100, mode: 'halfUp' })).toEqual({
      refunds: [{ position: 0, method: 'cash', amountCents: 10_000 }],
      roundingCents: -60,
      unplacedCents: 0,
    })
  })

  it('says what no tender can take', () => {
    const tenders: RefundableTender[] = [{ position: 0, method: 'card', paidCents: 1_000, refundedCents: 600 }]
    expect(planRefunds(500, tenders, { refundedCents: 0, roundingCents: 0 }, { incrementCents: 1, mode: 'halfUp' })).toEqual({
      refunds: [{ position: 0, method: 'card', amountCents: 400 }],
      roundingCents: 0,
      unplacedCents: 100,
    })
  })
})
