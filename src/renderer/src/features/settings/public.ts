/** What the app may use of the store's settings: the back-office section, its slice and texts. */
export { settingsSlice, type SettingsDeps, type SettingsState } from './settings.slice'
export { settingsEn } from './settings.en'
export { settingsNe } from './settings.ne'
export { SettingsSection } from './settings-section'
