/**
 * A token's code as people see it. The whole code is a secret of sorts (it pays), so screens and
 * file names that need only to tell tokens apart use its last four characters, as receipts do.
 */
export function lastFour(code: string): string {
  return code.replace(/-/g, '').slice(-4)
}
