import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form'
import { PRINTER_CODEPAGES, PRINTER_KINDS } from '#shared/contract/printing'
import { RECEIPT_COLUMNS } from '#shared/contract/receipts'
import { useI18n } from '../../platform/i18n/use-i18n'
import { FeedbackLine } from '../../ui/feedback-line'
import { InputField, SelectField } from '../../ui/form-field'
import type { SettingsFormInput, SettingsFormOutput } from './settings-form.schema'
import type { SettingsTexts } from './settings.en'
import { useSettings } from './use-settings'

interface PrinterGroupProps {
  register: UseFormRegister<SettingsFormInput>
  control: Control<SettingsFormInput, unknown, SettingsFormOutput>
  errors: FieldErrors<SettingsFormInput>['printer']
}

/** The settings' Printer group: the kind of printer and what that kind needs, the paper, and when it prints. */
export function PrinterGroup({ register, control, errors }: PrinterGroupProps) {
  const { t } = useI18n<SettingsTexts>()
  const kind = useWatch({ control, name: 'printer.kind' })
  const testPending = useSettings((s) => s.testPrintPending)
  const testFeedback = useSettings((s) => s.testPrintFeedback)
  const testPrintRequested = useSettings((s) => s.testPrintRequested)

  return (
    <fieldset className="settings-group" aria-describedby="settings-printer-hint">
      <legend>{t('settings.printer')}</legend>
      <p id="settings-printer-hint" className="field-hint">
        {t('settings.printerHint')}
      </p>
      <SelectField id="settings-printer-kind" label={t('settings.printerKind')} error={errors?.kind} {...register('printer.kind')}>
        {PRINTER_KINDS.map((option) => (
          <option key={option} value={option}>
            {t(`settings.printerKind.${option}`)}
          </option>
        ))}
      </SelectField>
      {kind === 'network' && (
        <div className="field-pair">
          <InputField
            id="settings-printer-host"
            label={t('settings.printerHost')}
            hint={t('settings.printerHostHint')}
            error={errors?.host}
            autoComplete="off"
            {...register('printer.host')}
          />
          <InputField
            id="settings-printer-port"
            label={t('settings.printerPort')}
            error={errors?.port}
            className="input input-number"
            type="number"
            inputMode="numeric"
            min={1}
            max={65535}
            {...register('printer.port', { valueAsNumber: true })}
          />
        </div>
      )}
      {kind === 'serial' && (
        <InputField
          id="settings-printer-device"
          label={t('settings.printerDevice')}
          hint={t('settings.printerDeviceHint')}
          error={errors?.device}
          autoComplete="off"
          {...register('printer.device')}
        />
      )}
      {kind === 'system' && (
        <InputField
          id="settings-printer-system-name"
          label={t('settings.printerSystemName')}
          hint={t('settings.printerSystemNameHint')}
          error={errors?.systemName}
          autoComplete="off"
          {...register('printer.systemName')}
        />
      )}
      {kind === 'file' && <p className="field-hint">{t('settings.printerFileHint')}</p>}
      <div className="field-pair">
        <SelectField
          id="settings-printer-columns"
          label={t('settings.printerColumns')}
          error={errors?.columns}
          {...register('printer.columns', { setValueAs: Number })}
        >
          {RECEIPT_COLUMNS.map((columns) => (
            <option key={columns} value={columns}>
              {t(`settings.printerColumns.${columns}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="settings-printer-codepage"
          label={t('settings.printerCodepage')}
          hint={t('settings.printerCodepageHint')}
          error={errors?.codepage}
          {...register('printer.codepage')}
        >
          {PRINTER_CODEPAGES.map((codepage) => (
            <option key={codepage} value={codepage}>
              {codepage}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField id="settings-printer-code" label={t('settings.printerCode')} error={errors?.code} {...register('printer.code')}>
        <option value="code128">{t('settings.printerCode.code128')}</option>
        <option value="qr">{t('settings.printerCode.qr')}</option>
      </SelectField>
      <div className="field">
        <label className="check">
          <input id="settings-print-after-sale" type="checkbox" {...register('printer.printAfterSale')} />
          <span>{t('settings.printAfterSale')}</span>
        </label>
      </div>
      <div className="field">
        <label className="check">
          <input
            id="settings-printer-drawer"
            type="checkbox"
            aria-describedby="settings-printer-drawer-hint"
            {...register('printer.openDrawer')}
          />
          <span>{t('settings.printerOpenDrawer')}</span>
        </label>
        <p id="settings-printer-drawer-hint" className="field-hint">
          {t('settings.printerOpenDrawerHint')}
        </p>
      </div>
      <div className="settings-test-print">
        <button
          type="button"
          className="button"
          aria-disabled={testPending}
          aria-describedby="settings-test-print-hint"
          onClick={() => void testPrintRequested()}
        >
          {testPending ? t('settings.testPrinting') : t('settings.testPrint')}
        </button>
        <p id="settings-test-print-hint" className="field-hint">
          {t('settings.testPrintHint')}
        </p>
      </div>
      <FeedbackLine feedback={testFeedback} />
    </fieldset>
  )
}
