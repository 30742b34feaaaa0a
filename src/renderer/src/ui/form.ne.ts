import type { Translation } from '../platform/i18n/translate'
import type { formEn } from './form.en'

/** What a form says under a refused field, in Nepali (see form.en.ts). */
export const formNe: Translation<typeof formEn> = {
  'form.required': 'यो भर्नुहोस्।',
  'form.tooShort': {
    plural: 'min',
    one: 'कम्तीमा {min} अक्षर प्रयोग गर्नुहोस्।',
    other: 'कम्तीमा {min} अक्षर प्रयोग गर्नुहोस्।',
  },
  'form.tooLong': {
    plural: 'max',
    one: 'बढीमा {max} अक्षर प्रयोग गर्नुहोस्।',
    other: 'बढीमा {max} अक्षर प्रयोग गर्नुहोस्।',
  },
  'form.tooSmall': '{min} वा बढी लेख्नुहोस्।',
  'form.tooBig': '{max} वा कम लेख्नुहोस्।',
  'form.wholeNumber': 'पूर्ण संख्या लेख्नुहोस्।',
  'form.choose': 'विकल्पमध्ये एउटा छान्नुहोस्।',
  'form.invalid': 'यो मान्य छैन।',
  'form.optional': '(ऐच्छिक)',
}
