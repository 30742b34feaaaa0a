import type { Page } from 'playwright-core'

/**
 * The little of the page's DOM these helpers read. The tests' tsconfig has no DOM types, and
 * string predicates are not an option: the renderer's CSP forbids the eval they rely on.
 */
interface PageGlobals {
  document: {
    activeElement: { id: string; textContent: string | null } | null
    querySelector(selector: string): { value?: string } | null
  }
}

/** Waits until the element with this id has keyboard focus. */
export async function waitForFocusOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => (globalThis as unknown as PageGlobals).document.activeElement?.id === wanted, id)
}

export async function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)
}

/** The focused element's text, for controls without an id (buttons). */
export async function focusedText(page: Page): Promise<string> {
  const text = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent ?? '')
  return text.replace(/\s+/g, ' ').trim()
}

/** Waits until the input matched by `selector` holds `value`. */
export async function waitForInputValue(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForFunction(([css, wanted]) => (globalThis as unknown as PageGlobals).document.querySelector(css)?.value === wanted, [
    selector,
    value,
  ] as const)
}
