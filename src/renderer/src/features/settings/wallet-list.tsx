import { useState, type KeyboardEvent } from 'react'
import { useI18n } from '../../platform/i18n/use-i18n'
import { messagesOf, type Message } from '../../platform/i18n/translate'
import { FormError } from '../../ui/form-error'
import { withWallet } from './settings-form.schema'
import type { SettingsTexts } from './settings.en'

const msg = messagesOf<SettingsTexts>()

interface WalletListProps {
  readonly id: string
  readonly wallets: readonly string[]
  readonly onChange: (wallets: string[]) => void
  /** The field's error from the form's schema, said already. */
  readonly error?: string | undefined
}

/** The store's wallets: each with its Remove button, and a box to type one more (Enter or the button adds it). */
export function WalletList({ id, wallets, onChange, error }: WalletListProps) {
  const { t } = useI18n<SettingsTexts>()
  const [draft, setDraft] = useState('')
  const [refusal, setRefusal] = useState<Message | null>(null)

  function add(): void {
    const result = withWallet(wallets, draft)
    if (result === null) return
    if ('refused' in result) {
      setRefusal(result.refused === 'taken' ? msg('settings.walletTaken', { name: draft.trim() }) : msg('settings.walletsFull'))
      return
    }
    setRefusal(null)
    setDraft('')
    onChange(result.wallets)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      // Enter adds the wallet; it does not save the whole form.
      event.preventDefault()
      add()
    }
  }

  return (
    <fieldset className="wallet-list" aria-describedby={`${id}-hint`} data-testid={id}>
      <legend>{t('settings.wallets')}</legend>
      {wallets.length === 0 ? (
        <p className="field-hint">{t('settings.walletsNone')}</p>
      ) : (
        <ul className="wallet-chips">
          {wallets.map((name) => (
            <li key={name} className="wallet-chip">
              <span>{name}</span>
              <button
                type="button"
                className="wallet-chip-remove"
                aria-label={t('settings.walletRemove', { name })}
                onClick={() => {
                  setRefusal(null)
                  onChange(wallets.filter((other) => other !== name))
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="wallet-add">
        <label htmlFor={`${id}-new`} className="visually-hidden">
          {t('settings.walletName')}
        </label>
        <input
          id={`${id}-new`}
          className="input"
          autoComplete="off"
          maxLength={30}
          placeholder={t('settings.walletName')}
          value={draft}
          aria-invalid={refusal ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button-quiet button-compact" onClick={add}>
          {t('settings.walletAdd')}
        </button>
      </div>
      <FormError message={refusal} />
      <p id={`${id}-hint`} className="field-hint">
        {t('settings.walletsHint')}
      </p>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  )
}
