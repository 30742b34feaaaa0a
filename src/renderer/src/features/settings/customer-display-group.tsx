import { useEffect } from 'react'
import { Controller, useWatch, type Control, type UseFormRegister } from 'react-hook-form'
import type { DisplayScreen } from '#shared/contract/display'
import { useI18n } from '../../platform/i18n/use-i18n'
import { SelectField } from '../../ui/form-field'
import type { SettingsFormInput, SettingsFormOutput } from './settings-form.schema'
import type { SettingsTexts } from './settings.en'
import { useSettings } from './use-settings'

interface CustomerDisplayGroupProps {
  register: UseFormRegister<SettingsFormInput>
  control: Control<SettingsFormInput, unknown, SettingsFormOutput>
}

/** The select's value for a screen id, and back: '' is the automatic choice (null). */
const screenValue = (id: number | null | undefined) => (id === null || id === undefined ? '' : String(id))
const screenIdOf = (value: string) => (value === '' ? null : Number(value))

/** The settings' Customer display group: on or off, and the screen it opens on. */
export function CustomerDisplayGroup({ register, control }: CustomerDisplayGroupProps) {
  const { t } = useI18n<SettingsTexts>()
  const enabled = useWatch({ control, name: 'customerDisplay.enabled' })
  const screens = useSettings((s) => s.screens)
  const screensRequested = useSettings((s) => s.screensRequested)

  useEffect(() => {
    void screensRequested()
  }, [screensRequested])

  const label = (screen: DisplayScreen) =>
    t(screen.primary ? 'settings.customerDisplayScreenPrimary' : 'settings.customerDisplayScreenOption', {
      label: screen.label,
      // Pixels, written as the system does (1920 × 1080), never grouped like an amount.
      width: String(screen.width),
      height: String(screen.height),
    })

  return (
    <fieldset className="settings-group" aria-describedby="settings-customer-display-hint">
      <legend>{t('settings.customerDisplay')}</legend>
      <p id="settings-customer-display-hint" className="field-hint">
        {t('settings.customerDisplayHint')}
      </p>
      <div className="field">
        <label className="check">
          <input id="settings-customer-display" type="checkbox" {...register('customerDisplay.enabled')} />
          <span>{t('settings.customerDisplayEnabled')}</span>
        </label>
      </div>
      <Controller
        control={control}
        name="customerDisplay.screenId"
        render={({ field }) => {
          const chosen = field.value ?? null
          const known = screens ?? []
          return (
            <SelectField
              id="settings-customer-display-screen"
              label={t('settings.customerDisplayScreen')}
              {...(screens !== null && !known.some((screen) => !screen.primary) ? { hint: t('settings.customerDisplayNoScreens') } : {})}
              disabled={enabled !== true}
              name={field.name}
              ref={field.ref}
              value={screenValue(chosen)}
              onBlur={field.onBlur}
              onChange={(event) => field.onChange(screenIdOf(event.target.value))}
            >
              <option value="">{t('settings.customerDisplayScreenAuto')}</option>
              {known.map((screen) => (
                <option key={screen.id} value={String(screen.id)}>
                  {label(screen)}
                </option>
              ))}
              {chosen !== null && !known.some((screen) => screen.id === chosen) && (
                <option value={String(chosen)}>{t('settings.customerDisplayScreenGone', { id: String(chosen) })}</option>
              )}
            </SelectField>
          )
        }}
      />
    </fieldset>
  )
}
