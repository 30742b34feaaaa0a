/** The taxes' pure rules: how names compare and how a list of ids is kept. Tested directly. */

/** A tax's key: two rates never differ only by case or surrounding spaces. */
export function taxNameKey(name: string): string {
  return name.trim().toLowerCase()
}

/** Each id once, in the order first given (a list typed twice is the same list). */
export function uniqueIds(ids: readonly number[]): number[] {
  return [...new Set(ids)]
}

/** Whether two lists of ids hold the same ids, whatever their order. */
export function sameIds(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((id) => right.has(id))
}
