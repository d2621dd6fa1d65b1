import { languageCodes } from '@haven/contract';

/** The languages most spoken in US homes, offered before the rest. */
export const commonLanguageCodes = [
  'en',
  'es',
  'zh',
  'vi',
  'tl',
  'ar',
  'fr',
  'ko',
  'ru',
  'ht',
  'pt',
  'de',
  'hi',
  'pl',
  'ja',
  'it',
  'fa',
  'ur',
] as const;

export function isLanguageCode(code: string): boolean {
  return (languageCodes as readonly string[]).includes(code);
}

/** Every other ISO 639-1 code, sorted by its name in `locale`. */
export function otherLanguageCodes(nameOf: (code: string) => string, locale: string): string[] {
  const common: readonly string[] = commonLanguageCodes;
  const collator = new Intl.Collator(locale);
  return languageCodes.filter((code) => !common.includes(code)).sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
}
