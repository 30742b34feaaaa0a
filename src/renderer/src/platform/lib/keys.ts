/** The till's function keys, one place so the handlers and the on-screen hints agree. */
export const KEYS = {
  pay: 'F9',
  findInvoice: 'F4',
  /** F5 reloads and F7 toggles caret browsing in Chromium; F6 is free. */
  managerTools: 'F6',
  /** F10 opens the window's menu bar in Electron on Windows and Linux; F8 is free. */
  backOffice: 'F8',
  /** F1 has no action in Electron; Chromium's help page is a browser shortcut the till's key handler stops. */
  balanceCheck: 'F1',
  payByToken: 'F2',
  payByCash: 'F3',
  /**
   * F5 reloads and F7 turns on caret browsing only in Chromium itself (Electron binds neither), and
   * the till's key handler stops both there like F1.
   */
  park: 'F5',
  parkedSales: 'F7',
} as const

/**
 * A key held with Ctrl (and perhaps Shift). The letter is matched by its place on the keyboard
 * (`code`), so it works whatever layout types there (Nepali, or Shift's capital).
 */
export interface Chord {
  readonly code: `Key${string}`
  readonly shift: boolean
  /** The cap as drawn in the hints. */
  readonly label: string
  /** The same for `aria-keyshortcuts`. */
  readonly aria: string
}

/**
 * The till's Ctrl keys. Chromium itself binds Ctrl+D (bookmark), Ctrl+Shift+D (bookmark all tabs),
 * Ctrl+K (search) and Ctrl+H (history); Electron binds none of them, and the till's key handler
 * stops them in both. (Alt+H would open Electron's Help menu.)
 */
export const CHORDS = {
  lineDiscount: { code: 'KeyD', shift: false, label: 'Ctrl+D', aria: 'Control+D' },
  orderDiscount: { code: 'KeyD', shift: true, label: 'Ctrl+Shift+D', aria: 'Control+Shift+D' },
  promoCode: { code: 'KeyK', shift: false, label: 'Ctrl+K', aria: 'Control+K' },
  recentSales: { code: 'KeyH', shift: false, label: 'Ctrl+H', aria: 'Control+H' },
  /**
   * The shift's keys. Chromium binds Ctrl+O (open a file), Ctrl+E (search), Ctrl+I (nothing outside
   * text editing) and Ctrl+B (bookmarks bar), all of which a page may take; Electron binds none.
   */
  openShift: { code: 'KeyO', shift: false, label: 'Ctrl+O', aria: 'Control+O' },
  closeShift: { code: 'KeyE', shift: false, label: 'Ctrl+E', aria: 'Control+E' },
  cashMove: { code: 'KeyI', shift: false, label: 'Ctrl+I', aria: 'Control+I' },
  noSale: { code: 'KeyB', shift: false, label: 'Ctrl+B', aria: 'Control+B' },
  xReport: { code: 'KeyX', shift: true, label: 'Ctrl+Shift+X', aria: 'Control+Shift+X' },
} as const satisfies Record<string, Chord>

/** A key press as the key handlers read it (a KeyboardEvent is one); modifiers left out are not held. */
export interface KeyPress {
  readonly key: string
  readonly code?: string
  readonly ctrlKey?: boolean
  readonly shiftKey?: boolean
  readonly altKey?: boolean
  readonly metaKey?: boolean
}

/** Whether a key press is this chord: Ctrl, Shift as the chord says, no Alt or Meta. */
export function isChord(chord: Chord, event: KeyPress): boolean {
  return event.ctrlKey === true && !event.altKey && !event.metaKey && (event.shiftKey === true) === chord.shift && event.code === chord.code
}

/**
 * The pay dialog's keys beside F2 (token) and F3 (cash). The till and the browser hold every other
 * F-key and plain letters belong to the fields, so these are Alt with a letter no menu of Electron's
 * default bar uses (File, Edit, View, Window, Help).
 */
export const PAY_KEYS = {
  payByCard: { letter: 'c', label: 'Alt+C' },
  payByWallet: { letter: 'm', label: 'Alt+M' },
  addTender: { letter: 'a', label: 'Alt+A' },
  removeTender: { letter: 'r', label: 'Alt+R' },
} as const

/** The invoice finder's keys, once an invoice is shown. */
export const FINDER_KEYS = {
  returnItems: { letter: 'r', label: 'Alt+R' },
  voidSale: { letter: 'v', label: 'Alt+V' },
} as const

/** Alt with `letter`, by the key's place too (`KeyC`), so a layout whose Alt types another character still works. */
export function isAltLetter(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>, letter: string): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey) return false
  return event.key.toLowerCase() === letter || event.code === `Key${letter.toUpperCase()}`
}

/** A key that types a character (what a scanner sends), as opposed to a shortcut or navigation key. */
export function isTypingKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey
}

/** Whether an element takes typed text, so a keystroke there must be left alone. */
export function takesText(element: Element | null): boolean {
  if (!element) return false
  const tag = element.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return element.getAttribute('contenteditable') === 'true'
  const type = (element.getAttribute('type') ?? 'text').toLowerCase()
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(type)
}
