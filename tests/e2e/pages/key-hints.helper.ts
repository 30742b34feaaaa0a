import type { Page } from 'playwright-core'

/** Whether the till's last key hint is inside the window (the side column would otherwise have to scroll to it). */
export async function hintsInView(page: Page): Promise<boolean> {
  const last = await page.locator('.key-hints-row').last().boundingBox()
  const viewport = page.viewportSize()
  return last !== null && viewport !== null && last.y + last.height <= viewport.height
}
