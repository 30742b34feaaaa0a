/**
 * The screen benchmark's stopwatch, run inside the page: timestamps taken where the cashier's
 * keystroke lands and where the DOM shows its effect, so Playwright's round trips are not counted.
 *
 * `arm(spec)` listens for the next keydown of `spec.key` (start: the event's own timestamp, when the
 * browser took the key) and watches the DOM with a MutationObserver until `spec`'s state is there
 * (dom), then waits for the next animation frame, the one that paints it (frame). The result is
 * collected with `collect()`.
 */
import type { BrowserContext, Page } from 'playwright-core'

export type ProbeState =
  /** A cart line with this product name, in a cart of `lines` lines. */
  | { readonly kind: 'line'; readonly name: string; readonly lines: number }
  /** The result list answering exactly `query` (results, or the no-match message). */
  | { readonly kind: 'results'; readonly query: string }
  /** The receipt of a completed payment. */
  | { readonly kind: 'receipt' }

export interface ProbeSpec {
  /** The key whose keydown starts the clock (`Enter`, or the character typed). */
  readonly key: string
  readonly state: ProbeState
}

export interface ProbeTiming {
  /** Keydown → the DOM in the wanted state (ms). */
  readonly domMs: number
  /** Keydown → the start of the frame that paints it (ms): what the cashier sees. */
  readonly frameMs: number
}

/** Name of the page global the init script defines. */
const PROBE = '__tillwiseScreenProbe'

interface ProbeGlobals {
  addEventListener(type: 'keydown', listener: (event: { key: string; timeStamp: number }) => void, capture: boolean): void
  removeEventListener(type: 'keydown', listener: (event: { key: string; timeStamp: number }) => void, capture: boolean): void
  requestAnimationFrame(callback: () => void): void
  performance: { now(): number }
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void }
  document: {
    body: unknown
    querySelector(selector: string): ProbeElement | null
    querySelectorAll(selector: string): ArrayLike<ProbeElement>
  }
}

interface ProbeElement {
  textContent: string | null
  getAttribute(name: string): string | null
  classList: { contains(name: string): boolean }
  querySelector(selector: string): ProbeElement | null
}

interface Probe {
  arm(spec: ProbeSpec): void
  collect(): Promise<ProbeTiming>
}

/**
 * Runs in the page before its scripts (an init script: the page's CSP does not apply to it).
 * Serialised by Playwright, so it may use nothing from this module's scope. Written with object
 * methods and inline callbacks only: tsx (esbuild keepNames) wraps named function values in a
 * `__name` helper that does not exist in the page.
 */
function installProbe(name: string): void {
  const page = globalThis as unknown as ProbeGlobals
  const tools = {
    pending: null as Promise<ProbeTiming> | null,
    reached(state: ProbeState): boolean {
      if (state.kind === 'line') {
        const rows = page.document.querySelectorAll('.cart-table tbody tr')
        if (rows.length !== state.lines) return false
        for (let index = 0; index < rows.length; index += 1) {
          if (rows[index]!.querySelector('.cart-line-title')?.textContent === state.name) return true
        }
        return false
      }
      if (state.kind === 'results') {
        const popup = page.document.querySelector('.scan-popup')
        if (!popup || popup.getAttribute('data-query') !== state.query || popup.classList.contains('scan-popup-stale')) return false
        return popup.querySelector('#scan-results > li .scan-result-price') !== null || popup.querySelector('.scan-empty') !== null
      }
      return page.document.querySelector('section.receipt') !== null
    },
  }

  const probe: Probe = {
    arm(spec) {
      tools.pending = new Promise((resolve) => {
        const run = {
          start: null as number | null,
          onKey(event: { key: string; timeStamp: number }): void {
            if (run.start !== null || event.key !== spec.key) return
            run.start = event.timeStamp
            page.removeEventListener('keydown', run.onKey, true)
          },
          check(): void {
            if (run.start === null || !tools.reached(spec.state)) return
            const began = run.start
            const dom = page.performance.now()
            observer.disconnect()
            page.requestAnimationFrame(() => resolve({ domMs: dom - began, frameMs: page.performance.now() - began }))
          },
        }
        const observer = new page.MutationObserver(() => run.check())
        page.addEventListener('keydown', run.onKey, true)
        observer.observe(page.document.body, { subtree: true, childList: true, attributes: true, characterData: true })
      })
    },
    collect() {
      if (!tools.pending) throw new Error('the probe was not armed')
      const result = tools.pending
      tools.pending = null
      return result
    },
  }
  Object.defineProperty(globalThis, name, { value: probe })
}

/** Installs the probe in every page of the context (call before the page loads). */
export async function addProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(installProbe, PROBE)
}

/** Arms the probe, does `act` (the keystrokes), and returns the timing measured in the page. */
export async function timeInPage(page: Page, spec: ProbeSpec, act: () => Promise<void>): Promise<ProbeTiming> {
  await page.evaluate(([name, wanted]) => (globalThis as unknown as Record<string, Probe>)[name]!.arm(wanted), [PROBE, spec] as const)
  await act()
  return page.evaluate((name) => (globalThis as unknown as Record<string, Probe>)[name]!.collect(), PROBE)
}
