import type { Translation } from '../../platform/i18n/translate'
import type { parkedEn } from './parked.en'

/** Parking a sale and recalling it, in Nepali (see parked.en.ts). */
export const parkedNe: Translation<typeof parkedEn> = {
  'keys.park': 'बिल होल्ड',
  'keys.parked': 'होल्डमा बिल',

  'park.title': 'यो बिल होल्ड गर्नुहोस्',
  'park.summary': { one: '{count} सामान · {total}', other: '{count} सामान · {total}' },
  'park.label': 'लेबल (ऐच्छिक)',
  'park.labelHint': 'भेट्न सजिलो हुने कुरा: ग्राहक, उहाँको पहिरन, टेबल। बढीमा {max} अक्षर।',
  'park.submit': 'होल्ड गर्नुहोस्',
  'park.parking': 'होल्ड हुँदैछ…',
  'park.cancel': 'रद्द गर्नुहोस्',
  'park.nothingToPark': 'कार्ट खाली छ: होल्ड गर्न केही छैन।',
  'park.parked': '“{label}” होल्ड गरियो। {key} ले फिर्ता ल्याउँछ।',
  'park.parkedUnlabelled': 'बिल होल्ड गरियो। {key} ले फिर्ता ल्याउँछ।',

  'parked.title': 'होल्डमा बिलहरू',
  'parked.listLabel': 'होल्डमा बिलहरू, नयाँ पहिले',
  'parked.loading': 'होल्डमा बिलहरू लोड हुँदैछन्…',
  'parked.none': 'यो टिलमा कुनै बिल होल्डमा छैन।',
  'parked.unlabelled': '{time} मा होल्ड गरिएको बिल',
  'parked.details': {
    one: '{count} सामान · {name} ले {time} मा होल्ड गरेको',
    other: '{count} सामान · {name} ले {time} मा होल्ड गरेको',
  },
  'parked.hint': 'माथि र तलको कुञ्जीले बिल छान्नुहोस्; Enter ले कार्टमा फर्काउँछ, Delete ले हटाउँछ।',
  'parked.recall': 'फिर्ता ल्याउनुहोस्',
  'parked.recalling': 'फिर्ता ल्याउँदैछ…',
  'parked.discard': 'हटाउनुहोस्',
  'parked.deleteKey': 'Delete',
  'parked.close': 'बन्द गर्नुहोस्',
  'parked.confirmTitle': '“{label}” हटाउने?',
  'parked.confirmText': { one: 'यसको {count} सामान फर्केर आउँदैन।', other: 'यसका {count} सामान फर्केर आउँदैनन्।' },
  'parked.confirmDiscard': 'हटाउनुहोस्',
  'parked.keep': 'राख्नुहोस्',
  'parked.discarded': '“{label}” हटाइयो।',
  'parked.discardedUnlabelled': 'होल्डमा रहेको बिल हटाइयो।',
  'parked.recalled': '“{label}” फिर्ता ल्याइयो।',
  'parked.recalledUnlabelled': 'होल्डमा रहेको बिल फिर्ता ल्याइयो।',
  'parked.recalledNothing': 'होल्डमा रहेका कुनै पनि सामान अब बिक्रीमा छैनन्, त्यसैले कार्ट खाली रहन्छ।',

  'recallNote.title': '“{label}” होल्ड गरेदेखि',
  'recallNote.titleUnlabelled': 'यो बिल होल्ड गरेदेखि',
  'recallNote.priceChanges': 'यी मूल्य बदलिए; कार्टले आजको मूल्य लिन्छ:',
  'recallNote.priceChange': '{name}: {was} → {now}',
  'recallNote.unavailable': 'अब बिक्रीमा छैन, कार्टमा राखिएन:',
  'recallNote.promoDropped': 'यसको प्रोमो कोड हटाइयो:',
  'recallNote.dismiss': 'ठीक छ',
}
