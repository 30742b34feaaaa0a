import type { Translation } from '../../platform/i18n/translate'
import type { approvalEn } from './approval.en'

/** The manager approval step in Nepali (see approval.en.ts for what each says and where). */
export const approvalNe: Translation<typeof approvalEn> = {
  'approval.title': 'म्यानेजरको स्वीकृति',
  'approval.intro': 'स्वीकृति दिन म्यानेजरले यहाँ आफ्नो प्रयोगकर्ता नाम र पासवर्ड वा PIN टाइप गर्नुहुन्छ।',
  'approval.username': 'म्यानेजरको प्रयोगकर्ता नाम',
  'approval.secret': 'पासवर्ड वा PIN',
  'approval.back': 'पछाडि',
  'approval.approve': 'स्वीकृत गर्नुहोस्',
  'approval.approving': 'स्वीकृत हुँदैछ…',
  'approval.missing': 'म्यानेजरको प्रयोगकर्ता नाम र पासवर्ड वा PIN टाइप गर्नुहोस्।',
  'approval.wrongSecret': 'त्यो प्रयोगकर्ता नाम र पासवर्ड वा PIN मिलेन। फेरि प्रयास गर्नुहोस्।',
  'approval.notAllowed': '“{username}” ले यो स्वीकृत गर्न सक्नुहुन्न। म्यानेजरलाई भन्नुहोस्।',
  'approval.approvedBy': '{name} ले स्वीकृत गरेको',
}
