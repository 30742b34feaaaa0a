import type { Page } from 'playwright-core'

/** The little of the page's DOM this helper reads (the tests' tsconfig has no DOM types). */
interface FontGlobals {
  document: {
    fonts: Iterable<{ family: string; status: string }> & { ready: Promise<unknown> }
    body: object
  }
  getComputedStyle(element: object): { fontFamily: string }
}

/**
 * The page's type and the bundled Devanagari faces it has loaded, once every font it asked for
 * has arrived (`document.fonts.ready`): the screens draw Nepali in their own font, not the machine's.
 */
export async function devanagariFont(page: Page): Promise<{ family: string; loadedFaces: number }> {
  return page.evaluate(async () => {
    const { document, getComputedStyle } = globalThis as unknown as FontGlobals
    await document.fonts.ready
    const faces = [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === 'Tillwise Devanagari')
    return { family: getComputedStyle(document.body).fontFamily, loadedFaces: faces.filter((face) => face.status === 'loaded').length }
  })
}
