import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useRef } from 'react'
import { useForm } from 'react-hook-form'
import { messagesOf } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { describedBy, FormField } from '../../ui/form-field'
import { encodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import { KeyHint } from '../../ui/key-hint'
import { ModalDialog } from '../../ui/modal-dialog'
import type { UiTexts } from '../../ui/ui.en'
import { taxFieldsOf, taxFormSchema, taxFormValues, type TaxFormOutput, type TaxFormValues } from './tax-form.schema'
import type { TaxesTexts } from './taxes.en'
import type { TaxEditor } from './taxes.slice'
import { useTaxes } from './use-taxes'

type Texts = TaxesTexts & UiTexts

const msg = messagesOf<TaxesTexts>()

/** A new tax, or one's name, rate and kind. Switching it off is the list's own button. */
export function TaxEditorDialog({ editor }: { editor: TaxEditor }) {
  const { t } = useI18n<Texts>()
  const firstRef = useRef<HTMLInputElement | null>(null)
  const pending = useTaxes((s) => s.editorPending)
  const error = useTaxes((s) => s.editorError)
  const editorCancelled = useTaxes((s) => s.editorCancelled)
  const taxSubmitted = useTaxes((s) => s.taxSubmitted)
  const tax = editor.kind === 'edit' ? editor.tax : null
  const schema = useMemo(() => taxFormSchema(encodeMessage(msg('taxes.invalid.rate'))), [])
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TaxFormValues, unknown, TaxFormOutput>({ resolver: zodResolver(schema, FORM_ISSUES), defaultValues: taxFormValues(tax) })
  const name = register('name')

  return (
    <ModalDialog labelledBy="tax-editor-title" className="form-dialog tax-dialog" onDismiss={editorCancelled} initialFocus={firstRef}>
      <div className="dialog-body">
        <h2 id="tax-editor-title" className="dialog-title">
          {tax ? t('taxes.editTitle', { name: tax.name }) : t('taxes.createTitle')}
        </h2>
        <form noValidate className="tax-form" onSubmit={(event) => void handleSubmit((values) => taxSubmitted(taxFieldsOf(values)))(event)}>
          <FormField id="tax-name" label={t('taxes.form.name')} hint={t('taxes.form.nameHint')} error={errors.name}>
            <input
              id="tax-name"
              className="input"
              autoComplete="off"
              {...describedBy('tax-name', { hint: true, error: errors.name })}
              {...name}
              ref={(element) => {
                name.ref(element)
                firstRef.current = element
              }}
            />
          </FormField>
          <FormField id="tax-rate" label={t('taxes.form.rate')} hint={t('taxes.form.rateHint')} error={errors.rate}>
            <input
              id="tax-rate"
              className="input num-input tax-rate-input"
              inputMode="decimal"
              autoComplete="off"
              {...describedBy('tax-rate', { hint: true, error: errors.rate })}
              {...register('rate')}
            />
          </FormField>
          <fieldset className="tax-kind">
            <legend>{t('taxes.form.kind')}</legend>
            <label className="check">
              <input type="radio" value="included" {...register('kind')} />
              <span>{t('taxes.form.included')}</span>
            </label>
            <label className="check">
              <input type="radio" value="added" {...register('kind')} />
              <span>{t('taxes.form.added')}</span>
            </label>
          </fieldset>
          {tax && <p className="field-hint">{t('taxes.form.changeNote')}</p>}
          <FormError message={error} />
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-quiet"
              aria-keyshortcuts="Escape"
              aria-disabled={pending}
              onClick={editorCancelled}
            >
              {t('taxes.form.cancel')} <KeyHint>{t('key.escape')}</KeyHint>
            </button>
            <button type="submit" className="button button-primary" aria-disabled={pending}>
              {pending ? t('taxes.form.saving') : tax ? t('taxes.form.save') : t('taxes.form.create')}
            </button>
          </div>
        </form>
      </div>
    </ModalDialog>
  )
}
