import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useI18n } from '../platform/i18n/use-i18n'
import { takesText } from '../platform/lib/keys'
import { KeyHint } from '../ui/key-hint'
import type { UiTexts } from '../ui/ui.en'
import { sectionsFor, type BackOfficeSection } from './back-office-sections'
import type { AppTexts } from './catalogs'
import type { PosStore } from './store'
import { usePos, usePosStore } from './store-provider'

/**
 * Esc anywhere in the back office goes back to the till, unless something nearer uses it: an open
 * dialog (which closes), a field being typed in, or a section that handled it (preventDefault).
 */
function useBackOfficeKeys(store: PosStore): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('dialog[open]') || takesText(document.activeElement)) return
      event.preventDefault()
      store.getState().backOffice.backOfficeClosed()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [store])
}

function SectionNav({ sections, current }: { sections: readonly BackOfficeSection[]; current: BackOfficeSection }) {
  const { t } = useI18n<AppTexts>()
  const sectionChosen = usePos((s) => s.backOffice.sectionChosen)
  const firstRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    firstRef.current?.focus()
  }, [])

  // Up and down move between the sections, as in a list; Tab goes on into the section.
  function onKeyDown(event: ReactKeyboardEvent<HTMLUListElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
    const index = buttons.findIndex((button) => button === document.activeElement)
    if (index < 0) return
    event.preventDefault()
    buttons[(index + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus()
  }

  return (
    <nav className="back-office-nav" aria-label={t('backOffice.nav')}>
      <ul onKeyDown={onKeyDown}>
        {sections.map((section, index) => (
          <li key={section.id}>
            <button
              ref={index === 0 ? firstRef : undefined}
              type="button"
              className="back-office-nav-item"
              aria-current={section.id === current.id ? 'page' : undefined}
              data-section={section.id}
              onClick={() => sectionChosen(section.id)}
            >
              {t(section.labelKey)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The back office: a full screen with its sections, for users holding a back-office permission. */
export function BackOfficeScreen() {
  const { t } = useI18n<AppTexts & UiTexts>()
  const store = usePosStore()
  useBackOfficeKeys(store)
  const { permissions, chosen, storeName, userName, role } = usePos(
    useShallow((s) => ({
      permissions: s.session.user?.permissions ?? [],
      chosen: s.backOffice.section,
      storeName: s.session.appInfo?.storeName ?? '',
      userName: s.session.user?.displayName ?? '',
      role: s.session.user?.role,
    })),
  )
  const backOfficeClosed = usePos((s) => s.backOffice.backOfficeClosed)
  const accountOpened = usePos((s) => s.users.accountOpened)
  const sections = sectionsFor(permissions)
  const current = sections.find((section) => section.id === chosen) ?? sections[0]
  // Nothing of the back office is drawn for a user without a section of it.
  if (!current) return null
  const { Component } = current

  return (
    <div className="back-office">
      <header className="till-header back-office-header">
        <p className="till-store">{storeName}</p>
        <p className="back-office-title">{t('backOffice.title')}</p>
        <div className="till-user back-office-user">
          <button type="button" className="button button-header button-account" onClick={accountOpened}>
            <span className="till-cashier">{userName}</span>
            <span className="button-account-hint">{role && t('header.accountHint', { role: t(`header.role.${role}`) })}</span>
          </button>
          <button type="button" className="button button-header" aria-keyshortcuts="Escape" onClick={backOfficeClosed}>
            {t('backOffice.back')} <KeyHint>{t('key.escape')}</KeyHint>
          </button>
        </div>
      </header>
      <div className="back-office-body">
        <SectionNav sections={sections} current={current} />
        <main className="back-office-main" aria-labelledby="back-office-section-title" data-section={current.id}>
          <h1 id="back-office-section-title" className="back-office-section-title">
            {t(current.labelKey)}
          </h1>
          <Component key={current.id} />
        </main>
      </div>
    </div>
  )
}
