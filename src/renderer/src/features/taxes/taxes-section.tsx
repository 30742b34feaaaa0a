import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { TaxRateDto } from '#shared/contract/taxes'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { KeyHint } from '../../ui/key-hint'
import { localeOf, useSession } from '../session/public'
import { formatPercent } from './percent'
import { TaxEditorDialog } from './tax-editor-dialog'
import type { TaxesTexts } from './taxes.en'
import './taxes.css'
import { useTaxes } from './use-taxes'

const NEW_TAX_KEY = { key: 'n', label: 'Alt+N', aria: 'Alt+N' } as const

function TaxRow({ tax, locale }: { tax: TaxRateDto; locale: string }) {
  const { t } = useI18n<TaxesTexts>()
  const pending = useTaxes((s) => s.rowPending !== null)
  const editChosen = useTaxes((s) => s.editChosen)
  const activeToggled = useTaxes((s) => s.activeToggled)
  const name = tax.name
  const rowButton = 'button button-quiet button-compact'
  return (
    <tr className={tax.active ? 'tax-row' : 'tax-row tax-row-off'} data-tax={tax.name}>
      <th scope="row">{tax.name}</th>
      <td className="num">{formatPercent(tax.rateBps, locale)}</td>
      <td>{tax.included ? t('taxes.kind.included') : t('taxes.kind.added')}</td>
      <td>
        <span className={tax.active ? 'tax-status tax-status-on' : 'tax-status tax-status-off'}>
          {tax.active ? t('taxes.status.active') : t('taxes.status.inactive')}
        </span>
      </td>
      <td className="num">{tax.productCount}</td>
      <td className="tax-actions">
        <div className="tax-action-row">
          <button type="button" className={rowButton} aria-label={t('taxes.editLabel', { name })} onClick={() => editChosen(tax.id)}>
            {t('taxes.edit')}
          </button>
          <button
            type="button"
            className={rowButton}
            aria-label={tax.active ? t('taxes.switchOffLabel', { name }) : t('taxes.switchOnLabel', { name })}
            aria-disabled={pending}
            onClick={() => void activeToggled(tax.id)}
          >
            {tax.active ? t('taxes.switchOff') : t('taxes.switchOn')}
          </button>
        </div>
      </td>
    </tr>
  )
}

/** The back office's Taxes section: every rate the store charges, made, edited and switched off here. */
export function TaxesSection() {
  const { t } = useI18n<TaxesTexts>()
  const addRef = useRef<HTMLButtonElement>(null)
  const { rates, listError, feedback, editor } = useTaxes(
    useShallow((s) => ({ rates: s.rates, listError: s.listError, feedback: s.feedback, editor: s.editor })),
  )
  const taxesRequested = useTaxes((s) => s.taxesRequested)
  const createChosen = useTaxes((s) => s.createChosen)
  const locale = useSession(localeOf)

  useEffect(() => {
    void taxesRequested()
  }, [taxesRequested])

  // Back from the form, focus returns to where the list is worked from.
  const wasEditing = useRef(false)
  useEffect(() => {
    if (editor) wasEditing.current = true
    else if (wasEditing.current) {
      wasEditing.current = false
      addRef.current?.focus()
    }
  }, [editor])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === NEW_TAX_KEY.key && !editor) {
      event.preventDefault()
      createChosen()
    }
  }

  return (
    <div className="taxes" onKeyDown={onKeyDown}>
      <p className="field-hint">{t('taxes.intro')}</p>
      <p className="taxes-rules" role="note">
        {t('taxes.rules')}
      </p>
      <div className="section-toolbar">
        <button ref={addRef} type="button" className="button button-primary" aria-keyshortcuts={NEW_TAX_KEY.aria} onClick={createChosen}>
          {t('taxes.new')} <KeyHint>{NEW_TAX_KEY.label}</KeyHint>
        </button>
      </div>
      <FeedbackLine feedback={listError ? { tone: 'error', message: listError } : feedback} />
      {rates === null ? (
        <p role="status">{t('taxes.loading')}</p>
      ) : rates.length === 0 ? (
        <p>{t('taxes.none')}</p>
      ) : (
        <div className="table-scroll taxes-table-scroll">
          <table className="data-table taxes-table">
            <caption className="visually-hidden">{t('taxes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('taxes.col.name')}</th>
                <th scope="col" className="num">
                  {t('taxes.col.rate')}
                </th>
                <th scope="col">{t('taxes.col.kind')}</th>
                <th scope="col">{t('taxes.col.status')}</th>
                <th scope="col" className="num">
                  {t('taxes.col.products')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('taxes.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.map((tax) => (
                <TaxRow key={tax.id} tax={tax} locale={locale} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editor && <TaxEditorDialog key={editor.kind === 'edit' ? `edit-${editor.tax.id}` : 'create'} editor={editor} />}
    </div>
  )
}
