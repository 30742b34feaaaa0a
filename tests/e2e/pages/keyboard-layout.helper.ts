import type { CDPSession, Page } from 'playwright-core'
import { strokesUnderNepali } from '#shared/testing/nepali-keyboard.fixture'

/** Windows' virtual-key codes of the US keys a scanner presses (Chromium wants one with every key). */
function virtualKeyCode(code: string): number {
  const letterOrDigit = /^(?:Key|Digit)(.)$/.exec(code)
  if (letterOrDigit) return letterOrDigit[1]!.charCodeAt(0)
  const named: Record<string, number> = {
    Space: 32,
    Semicolon: 186,
    Equal: 187,
    Comma: 188,
    Minus: 189,
    Period: 190,
    Slash: 191,
    Backquote: 192,
    BracketLeft: 219,
    Backslash: 220,
    BracketRight: 221,
    Quote: 222,
  }
  const found = named[code]
  if (found === undefined) throw new Error(`no virtual-key code for ${code}`)
  return found
}

const SHIFT = 8

/**
 * A barcode scanner under a Nepali keyboard layout: for each character of `code` it presses the US
 * key (with Shift for capitals and symbols), and the page receives what the layout types for that
 * key, the key itself in `KeyboardEvent.code`, as Chromium delivers a real keyboard's keystrokes.
 * Playwright's own keyboard cannot do this: it types characters off its US layout, or inserts text
 * with no key at all.
 */
export class NepaliLayoutScanner {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<NepaliLayoutScanner> {
    return new NepaliLayoutScanner(await page.context().newCDPSession(page))
  }

  /** Types `code` (printable ASCII) key by key, as the layout turns it; no Enter. */
  async type(code: string): Promise<void> {
    for (const stroke of strokesUnderNepali(code)) {
      if (stroke.shift) await this.key('keyDown', { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers: SHIFT })
      const modifiers = stroke.shift ? SHIFT : 0
      const windowsVirtualKeyCode = virtualKeyCode(stroke.code)
      await this.key('keyDown', {
        key: stroke.key,
        code: stroke.code,
        text: stroke.key,
        unmodifiedText: stroke.key,
        windowsVirtualKeyCode,
        modifiers,
      })
      await this.key('keyUp', { key: stroke.key, code: stroke.code, windowsVirtualKeyCode, modifiers })
      if (stroke.shift) await this.key('keyUp', { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, modifiers: 0 })
    }
  }

  /** Types `code` and Enter, as a scanner ends every code. */
  async scan(code: string): Promise<void> {
    await this.type(code)
    await this.key('keyDown', { key: 'Enter', code: 'Enter', text: '\r', unmodifiedText: '\r', windowsVirtualKeyCode: 13, modifiers: 0 })
    await this.key('keyUp', { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, modifiers: 0 })
  }

  async detach(): Promise<void> {
    await this.cdp.detach()
  }

  private async key(type: 'keyDown' | 'keyUp', event: Record<string, unknown>): Promise<void> {
    await this.cdp.send('Input.dispatchKeyEvent', { type, ...event })
  }
}
