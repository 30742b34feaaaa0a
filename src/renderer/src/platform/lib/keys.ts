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
} as const

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
