import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { TaxRateDto } from '#shared/contract/taxes'
import { useI18n } from '../../platform/i18n/use-i18n'
import { AdminList, AdminRow, NewButton, Pill, RowActions, RowButton, useFocusAfterForm, useNewKey } from '../../ui/admin-list'
import { localeOf, useSession } from '../session/public'
import { formatPercent } from './percent'
import { TaxEditorDialog } from './tax-editor-dialog'
import type { TaxesTexts } from './taxes.en'
import './taxes.css'
import { useTaxes } from './use-taxes'

function TaxRow({ tax, locale }: { tax: TaxRateDto; locale: string }) {
  const { t } = useI18n<TaxesTexts>()
  const pending = useTaxes((s) => s.rowPending !== null)
  const editChosen = useTaxes((s) => s.editChosen)
  const activeToggled = useTaxes((s) => s.activeToggled)
  const name = tax.name
  return (
    <AdminRow off={!tax.active} data-tax={tax.name}>
      <th scope="row">{tax.name}</th>
      <td className="num">{formatPercent(tax.rateBps, locale)}</td>
      <td>{tax.included ? t('taxes.kind.included') : t('taxes.kind.added')}</td>
      <td>
        <Pill tone={tax.active ? 'ok' : 'muted'}>{tax.active ? t('taxes.status.active') : t('taxes.status.inactive')}</Pill>
      </td>
      <td className="num">{tax.productCount}</td>
      <RowActions className="tax-actions">
        <RowButton label={t('taxes.editLabel', { name })} onClick={() => editChosen(tax.id)}>
          {t('taxes.edit')}
        </RowButton>
        <RowButton
          label={tax.active ? t('taxes.switchOffLabel', { name }) : t('taxes.switchOnLabel', { name })}
          busy={pending}
          onClick={() => void activeToggled(tax.id)}
        >
          {tax.active ? t('taxes.switchOff') : t('taxes.switchOn')}
        </RowButton>
      </RowActions>
    </AdminRow>
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

  useFocusAfterForm(editor !== null, addRef)
  useNewKey(editor === null, createChosen)

  return (
    <div className="admin-section taxes">
      <p className="field-hint">{t('taxes.intro')}</p>
      <p className="taxes-rules" role="note">
        {t('taxes.rules')}
      </p>
      <div className="section-toolbar">
        <NewButton ref={addRef} label={t('taxes.new')} keyed onClick={createChosen} />
      </div>
      <AdminList
        items={rates}
        listError={listError}
        feedback={feedback}
        loadingText={t('taxes.loading')}
        emptyText={t('taxes.none')}
        caption={t('taxes.caption')}
        className="taxes-table"
        columns={[
          { label: t('taxes.col.name') },
          { label: t('taxes.col.rate'), num: true },
          { label: t('taxes.col.kind') },
          { label: t('taxes.col.status') },
          { label: t('taxes.col.products'), num: true },
          { label: t('taxes.col.actions'), hidden: true },
        ]}
        row={(tax) => <TaxRow tax={tax} locale={locale} />}
      />
      {editor && <TaxEditorDialog key={editor.kind === 'edit' ? `edit-${editor.tax.id}` : 'create'} editor={editor} />}
    </div>
  )
}
