import { FREE_CHANGE_HOURS, JOIN_OPENS_MINUTES } from '@haven/domain';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

// Add a language by importing its JSON here and listing it in `supportedLanguages`.
export const resources = {
  en: { translation: en },
} as const;

export type Language = keyof typeof resources;
export const supportedLanguages = Object.keys(resources) as Language[];
export const fallbackLanguage: Language = 'en';

function isSupported(tag: string): tag is Language {
  return (supportedLanguages as string[]).includes(tag);
}

/** The first of the browser's preferred languages that Haven speaks, matched by primary subtag. */
export function detectLanguage(preferred: readonly string[] = navigator.languages): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isSupported(primary)) return primary;
  }
  return fallbackLanguage;
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: fallbackLanguage,
  supportedLngs: supportedLanguages,
  initAsync: false,
  interpolation: {
    // React escapes what it renders.
    escapeValue: false,
    // The product's rules, written once in @haven/domain, so the wording cannot drift from them.
    defaultVariables: { freeChangeHours: FREE_CHANGE_HOURS, joinOpensMinutes: JOIN_OPENS_MINUTES },
  },
});

export { i18next };
