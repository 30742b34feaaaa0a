import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useRef } from 'react'
import { useForm } from 'react-hook-form'
import { messagesOf } from '../../platform/i18n/translate'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FormError } from '../../ui/form-error'
import { DialogActions, TitledDialog } from '../../ui/dialog-form'
import { InputField } from '../../ui/form-field'
import { encodeMessage, FORM_ISSUES } from '../../ui/form-issues'
import { taxFieldsOf, taxFormSchema, taxFormValues, type TaxFormOutput, type TaxFormValues } from './tax-form.schema'
import type { TaxesTexts } from './taxes.en'
import type { TaxEditor } from './taxes.slice'
import { useTaxes } from './use-taxes'

const msg = messagesOf<TaxesTexts>()

/** A new tax, or one's name, rate and kind. Switching it off is the list's own button. */
export function TaxEditorDialog({ editor }: { editor: TaxEditor }) {
  const { t } = useI18n<TaxesTexts>()
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

  return (
    <TitledDialog
      titleId="tax-editor-title"
      title={tax ? t('taxes.editTitle', { name: tax.name }) : t('taxes.createTitle')}
      className="form-dialog tax-dialog"
      onDismiss={editorCancelled}
      initialFocus={firstRef}
    >
      <form
        noValidate
        className="dialog-form tax-form"
        onSubmit={(event) => void handleSubmit((values) => taxSubmitted(taxFieldsOf(values)))(event)}
      >
        <InputField
          id="tax-name"
          label={t('taxes.form.name')}
          hint={t('taxes.form.nameHint')}
          error={errors.name}
          autoComplete="off"
          {...register('name')}
          focusRef={firstRef}
        />
        <InputField
          id="tax-rate"
          label={t('taxes.form.rate')}
          hint={t('taxes.form.rateHint')}
          error={errors.rate}
          className="input num-input tax-rate-input"
          inputMode="decimal"
          autoComplete="off"
          {...register('rate')}
        />
        <fieldset className="choices tax-kind">
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
        <DialogActions
          cancelLabel={t('taxes.form.cancel')}
          onCancel={editorCancelled}
          cancelWaits
          submitLabel={tax ? t('taxes.form.save') : t('taxes.form.create')}
          pendingLabel={t('taxes.form.saving')}
          pending={pending}
        />
      </form>
    </TitledDialog>
  )
}
