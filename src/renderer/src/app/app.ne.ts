import type { Translation } from '../platform/i18n/translate'
import type { appEn } from './app.en'

/** What the app draws around the features, in Nepali (see app.en.ts for what each says and where). */
export const appNe: Translation<typeof appEn> = {
  'app.windowTitle': '{store} · Tillwise POS',
  'app.starting': 'टिल सुरु हुँदैछ…',
  'app.startFailed': 'टिल सुरु हुन सकेन: {reason}',
  'app.requestFailed': 'केही गडबड भयो: {message}',

  'header.role.cashier': 'क्यासियर',
  'header.role.manager': 'म्यानेजर',
  'header.role.owner': 'सञ्चालक',
  'header.accountHint': '{role} · मेरो खाता',
  'header.findInvoice': 'बिल खोज्नुहोस्',
  'header.managerTools': 'म्यानेजर उपकरण',
  'header.signOut': 'साइन आउट',

  'keys.title': 'कुञ्जी',
  'keys.enter': 'सामान थप्नुहोस्',
  'keys.arrows': 'मिल्ने छान्नुहोस्',
  'keys.pay': 'भुक्तानी',
  'keys.find': 'बिल खोज्नुहोस्',
  'keys.managerTools': 'म्यानेजर उपकरण',
  'keys.escape': 'फिल्ड खाली गर्नुहोस्',
  'keys.backOffice': 'ब्याक अफिस',

  'header.backOffice': 'ब्याक अफिस',
  'header.myAccount': 'मेरो खाता',

  'backOffice.title': 'ब्याक अफिस',
  'backOffice.nav': 'ब्याक अफिसका खण्डहरू',
  'backOffice.back': 'टिलमा फर्कनुहोस्',
  'backOffice.section.products': 'सामान',
  'backOffice.section.taxes': 'कर',
  'backOffice.section.stock': 'स्टक',
  'backOffice.section.tokens': 'टोकन',
  'backOffice.section.promos': 'प्रोमो कोड',
  'backOffice.section.staff': 'कर्मचारी',
  'backOffice.section.settings': 'सेटिङ',
}
