import type { ParseKeys } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to the translated page name, followed by the brand. */
export function usePageTitle(key: ParseKeys) {
  const { t } = useTranslation();
  const page = t(key);
  useEffect(() => {
    document.title = t('titles.pattern', { page });
  }, [t, page]);
}
