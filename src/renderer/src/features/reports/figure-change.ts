/**
 * A figure beside the one it is compared with (today and the same weekday last week): the
 * difference, and the change as a share of the earlier figure. Pure, so tested under Node.
 */

export type ChangeDirection = 'up' | 'down' | 'same'

export interface FigureChange {
  readonly current: number
  readonly previous: number
  /** `current − previous`. */
  readonly delta: number
  /** The change in basis points of `|previous|`, half away from zero; null when there was nothing to compare with. */
  readonly changeBps: number | null
  readonly direction: ChangeDirection
}

export function figureChange(current: number, previous: number): FigureChange {
  const delta = current - previous
  const direction: ChangeDirection = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same'
  if (previous === 0) return { current, previous, delta, changeBps: null, direction }
  // Integers only: a share of a money figure must not pick up binary fractions.
  const scaled = Math.abs(delta) * 10_000
  const whole = Math.floor(scaled / Math.abs(previous))
  const rest = scaled - whole * Math.abs(previous)
  const magnitude = rest * 2 >= Math.abs(previous) ? whole + 1 : whole
  // Measured against the size of last week's figure, so the change has the direction of the difference.
  return { current, previous, delta, changeBps: magnitude === 0 ? 0 : Math.sign(delta) * magnitude, direction }
}
