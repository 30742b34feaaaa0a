import type { Translation } from '../../platform/i18n/translate'
import type { sessionEn } from './session.en'

/** Signing in and resetting the owner's password, in Nepali (see session.en.ts). */
export const sessionNe: Translation<typeof sessionEn> = {
  'signIn.title': 'साइन इन',
  'signIn.username': 'प्रयोगकर्ता नाम',
  'signIn.password': 'पासवर्ड',
  'signIn.submit': 'साइन इन गर्नुहोस्',
  'signIn.pending': 'साइन इन हुँदैछ…',
  'signIn.demoHint': 'डेमो पसल। {cashier} (पासवर्ड {cashier}) वा {manager} (पासवर्ड {manager}) को रूपमा साइन इन गर्नुहोस्।',
  'signIn.missing': 'आफ्नो प्रयोगकर्ता नाम र पासवर्ड लेख्नुहोस्।',
  'signIn.forgot': 'सञ्चालकको पासवर्ड बिर्सनुभयो?',
  'signIn.language': 'भाषा',

  'recover.title': 'सञ्चालकको पासवर्ड रिसेट गर्नुहोस्',
  'recover.intro': 'सेटअपमा लेखेर राखिएको रिकभरी कोडले सञ्चालकले नयाँ पासवर्ड राख्नुहुन्छ। खातामा लागेको लक पनि हट्छ।',
  'recover.username': 'सञ्चालकको प्रयोगकर्ता नाम',
  'recover.code': 'रिकभरी कोड',
  'recover.newPassword': 'नयाँ पासवर्ड',
  'recover.newPasswordConfirm': 'नयाँ पासवर्ड फेरि',
  'recover.submit': 'नयाँ पासवर्ड राख्नुहोस्',
  'recover.pending': 'पासवर्ड राखिँदैछ…',
  'recover.back': 'साइन इनमा फर्कनुहोस्',
  'recover.wrongCode': 'त्यो प्रयोगकर्ता नाम र रिकभरी कोड मिल्दैनन्। दुवै जाँचेर फेरि प्रयास गर्नुहोस्।',
  'recover.done': 'सञ्चालकको पासवर्ड बदलियो। नयाँ पासवर्डले साइन इन गर्नुहोस्।',
}
