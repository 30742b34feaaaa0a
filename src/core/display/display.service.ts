import { displayScreen, type CustomerDisplaySettings, type DisplayScreen, type DisplayState } from '#shared/contract/display'
import type { CustomerDisplayPort, RequestContext } from '#core/common/context'
import type { LogError } from '#core/common/log'

/** No display: the setting is noted nowhere, a state goes nowhere, and the computer has no screens to offer. */
const NO_DISPLAY: CustomerDisplayPort = {
  configure: () => undefined,
  show: () => undefined,
  screens: async () => [],
}

/**
 * The shell's display, guarded: a display that fails (a window gone, a screen unplugged) is logged
 * and never fails the till's call, and what it answers of screens is only what the contract allows.
 */
export function displayPortOf(port: CustomerDisplayPort | undefined, logError: LogError): CustomerDisplayPort {
  if (!port) return NO_DISPLAY
  const guarded =
    <A extends unknown[]>(what: string, work: (...args: A) => void) =>
    (...args: A) => {
      try {
        work(...args)
      } catch (error) {
        logError(`customer display: ${what} failed`, error)
      }
    }
  return {
    configure: guarded('configure', (settings: CustomerDisplaySettings) => port.configure(settings)),
    show: guarded('show', (state: DisplayState) => port.show(state)),
    async screens() {
      try {
        return cleanScreens(await port.screens())
      } catch (error) {
        logError('customer display: listing screens failed', error)
        return []
      }
    },
  }
}

/** The screens as the contract carries them: labels clipped, anything malformed left out. */
export function cleanScreens(screens: readonly unknown[]): DisplayScreen[] {
  const clean: DisplayScreen[] = []
  for (const screen of screens) {
    const label = (screen as { label?: unknown } | null)?.label
    const parsed = displayScreen.safeParse(typeof label === 'string' ? { ...(screen as object), label: label.slice(0, 200) } : screen)
    if (parsed.success) clean.push(parsed.data)
  }
  return clean
}

/** Hands what the customer should see now to the display (the input is validated already). */
export function publishDisplayState(ctx: RequestContext, state: DisplayState): Record<string, never> {
  ctx.display.show(state)
  return {}
}

export async function listScreens(ctx: RequestContext): Promise<{ screens: DisplayScreen[] }> {
  return { screens: await ctx.display.screens() }
}
