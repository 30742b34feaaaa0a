import type { BrowserContext, Page, Request } from 'playwright-core'

/** One `securitypolicyviolation` event, as the page saw it. */
export interface CspViolation {
  directive: string
  blocked: string
  source: string
}

/** Name of the page global the init script fills; the tests read it back. */
const VIOLATIONS = '__tillwiseCspViolations'

/** The little of the page these helpers touch; the tests' tsconfig has no DOM types. */
interface WatchedGlobals {
  addEventListener(type: 'securitypolicyviolation', listener: (event: ViolationEvent) => void, capture: boolean): void
}

interface ViolationEvent {
  effectiveDirective: string
  blockedURI: string
  sourceFile: string
  lineNumber: number
}

/**
 * Runs in the page before its scripts. Serialised by Playwright, so it may use nothing from this
 * module's scope. Listens on the window in the capture phase, which sees violations fired at any
 * element and at the document (where the CSP spec fires them once the element is disconnected).
 */
function installViolationRecorder(name: string): void {
  const page = globalThis as unknown as WatchedGlobals
  const violations: CspViolation[] = []
  Object.defineProperty(page, name, { value: violations })
  page.addEventListener(
    'securitypolicyviolation',
    (event) => {
      violations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      })
    },
    true,
  )
}

/** A request the page made and what became of it. */
export interface RecordedRequest {
  readonly url: string
  /** 'pending', 'finished', or the failure (Chromium says 'csp' for a request its CSP blocked). */
  outcome: string
}

/** Chromium's failure text for a request the page's CSP stopped before it reached the network. */
export const BLOCKED_BY_CSP = /^(csp|net::ERR_BLOCKED_BY_CSP)$/

/** Everything a page did that a security test wants to see, recorded from before its first byte. */
export interface PageWatch {
  /** Every request the context's pages made, in order. */
  readonly requests: readonly RecordedRequest[]
  /** Console messages that mention the Content Security Policy, of any level. */
  readonly cspConsole: readonly string[]
  /** Resolves with the first request to a URL starting with `prefix` once it has finished or failed. */
  waitForOutcome(prefix: string): Promise<RecordedRequest>
  /** The violations the page recorded so far. */
  violations(page: Page): Promise<CspViolation[]>
  /**
   * Waits until the page has recorded `count` violations of `directive` whose blocked URI starts
   * with `blocked` ('inline', 'eval' or a URL).
   */
  waitForViolations(page: Page, wanted: { directive: string; blocked: string; count?: number }): Promise<void>
}

/** Wire into `openTill({ beforeLoad })`: call with the context before the page loads. */
export async function watchContext(context: BrowserContext): Promise<PageWatch> {
  const requests: RecordedRequest[] = []
  const byRequest = new Map<Request, RecordedRequest>()
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of [...listeners]) listener()
  }
  const settle = (request: Request, outcome: string) => {
    const recorded = byRequest.get(request)
    if (recorded) recorded.outcome = outcome
    changed()
  }
  context.on('request', (request) => {
    const recorded = { url: request.url(), outcome: 'pending' }
    byRequest.set(request, recorded)
    requests.push(recorded)
    changed()
  })
  context.on('requestfinished', (request) => settle(request, 'finished'))
  context.on('requestfailed', (request) => settle(request, request.failure()?.errorText ?? 'failed'))

  const cspConsole: string[] = []
  context.on('console', (message) => {
    if (/content security policy/i.test(message.text())) cspConsole.push(`${message.type()}: ${message.text()}`)
  })
  await context.addInitScript(installViolationRecorder, VIOLATIONS)

  return {
    requests,
    cspConsole,
    waitForOutcome(prefix) {
      return new Promise((resolveOutcome) => {
        const check = () => {
          const settled = requests.find((request) => request.url.startsWith(prefix) && request.outcome !== 'pending')
          if (!settled) return
          listeners.delete(check)
          resolveOutcome(settled)
        }
        listeners.add(check)
        check()
      })
    },
    async violations(page) {
      const recorded = await page.evaluate(
        (name) => (globalThis as unknown as Record<string, CspViolation[] | undefined>)[name],
        VIOLATIONS,
      )
      if (!recorded) throw new Error('the CSP violation recorder is not installed in this page')
      return recorded
    },
    async waitForViolations(page, { directive, blocked, count = 1 }) {
      await page.waitForFunction(
        ([name, wantedDirective, wantedUri, wantedCount]) =>
          ((globalThis as unknown as Record<string, CspViolation[] | undefined>)[name] ?? []).filter(
            (violation) => violation.directive === wantedDirective && violation.blocked.startsWith(wantedUri),
          ).length >= wantedCount,
        [VIOLATIONS, directive, blocked, count] as const,
      )
    },
  }
}
