/** Timing helpers for the benchmarks: hrtime samples in milliseconds and their percentiles. */

export interface Percentiles {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank]!
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  }
}

export interface MeasureOptions {
  warmup: number
  iterations: number
  /** Untimed work before each timed call (filling a cart before a checkout). */
  before?: (iteration: number) => unknown
}

/**
 * Runs `work` `warmup` times untimed, then `iterations` times timed, one call at a time. The
 * iteration number runs on across warm-up and timed calls, so inputs never repeat between them.
 */
export async function measure(work: (iteration: number) => unknown, options: MeasureOptions): Promise<number[]> {
  const samples: number[] = []
  for (let iteration = 0; iteration < options.warmup + options.iterations; iteration += 1) {
    if (options.before) await options.before(iteration)
    const started = process.hrtime.bigint()
    await work(iteration)
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6
    if (iteration >= options.warmup) samples.push(elapsed)
  }
  return samples
}

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–'
  if (value < 1) return value.toFixed(3)
  if (value < 10) return value.toFixed(2)
  return value.toFixed(1)
}

/**
 * Prints a text table: every column as wide as its widest cell, numbers right-aligned, and the
 * columns named in `leftAligned` (labels, targets, verdicts) left-aligned.
 */
export function printTextTable(header: string[], lines: string[][], leftAligned: (column: number) => boolean): void {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)))
  const format = (cells: string[]) =>
    cells.map((cell, column) => (leftAligned(column) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')
  console.log(format(header))
  console.log(widths.map((width) => '─'.repeat(width)).join('  '))
  for (const line of lines) console.log(format(line))
}

/** The value of a command-line option that must be a positive number, or a clear error naming it. */
export function positiveNumber(flag: string, text: string | undefined): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`)
  return value
}
