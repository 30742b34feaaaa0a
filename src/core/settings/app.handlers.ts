import packageJson from '../../../package.json'
import type { FeatureHandlers } from '#core/common/handler'

export const appHandlers = {
  'app:info': async (_input, { settings }) => ({
    storeName: settings.storeName,
    currency: settings.currency,
    locale: settings.locale,
    demo: settings.demo,
    version: packageJson.version,
    tillCode: settings.tillCode,
    // TEMPORARY (issue 11 set-up): filled from the database by the set-up feature.
    setupRequired: false,
    currencyDecimals: 2,
    timeZone: 'Asia/Kathmandu',
  }),
} satisfies FeatureHandlers<'app:info'>
