import { providerStatuses } from '@haven/contract';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, SelectField, TextField } from '../../../ui/index.ts';
import { commonLanguageCodes, otherLanguageCodes } from '../../../vocabulary/languages.ts';
import { StateOptions } from '../../../vocabulary/StateOptions.tsx';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';
import { searchFromForm, type ProviderFilters } from './providerQuery.ts';

type ProviderSearchProps = { query: ProviderFilters; onSearch: (params: URLSearchParams) => void };

/** A GET form: its fields live in the URL, so a search can be bookmarked, shared and gone back to. */
export function ProviderSearch({ query, onSearch }: ProviderSearchProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const others = otherLanguageCodes(vocabulary.language, vocabulary.locale);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(searchFromForm(event.currentTarget));
  }

  return (
    <form
      // Remounting when the URL changes (back, forward, a link) puts its values back in the fields.
      key={JSON.stringify(query)}
      className="form form__section"
      role="search"
      aria-label={t('adminProviders.search.label')}
      method="get"
      onSubmit={handleSubmit}
    >
      <TextField id="search-q" name="q" type="search" label={t('adminProviders.search.q')} defaultValue={query.q ?? ''} />
      <div className="form__row">
        <SelectField id="search-state" name="state" label={t('adminProviders.search.state')} defaultValue={query.state ?? ''}>
          <option value="">{t('adminProviders.search.anyState')}</option>
          <StateOptions />
        </SelectField>
        <SelectField id="search-language" name="language" label={t('adminProviders.search.language')} defaultValue={query.language ?? ''}>
          <option value="">{t('adminProviders.search.anyLanguage')}</option>
          {[...commonLanguageCodes, ...others].map((code) => (
            <option key={code} value={code}>
              {vocabulary.language(code)}
            </option>
          ))}
        </SelectField>
        <SelectField id="search-status" name="status" label={t('adminProviders.search.status')} defaultValue={query.status ?? ''}>
          <option value="">{t('adminProviders.search.anyStatus')}</option>
          {providerStatuses.map((status) => (
            <option key={status} value={status}>
              {vocabulary.providerStatus(status)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="search-verification"
          name="verification"
          label={t('adminProviders.search.verification')}
          defaultValue={query.verification ?? ''}
        >
          <option value="">{t('adminProviders.search.anyVerification')}</option>
          <option value="pending">{t('adminProviders.search.pending')}</option>
          <option value="due">{t('adminProviders.search.due')}</option>
        </SelectField>
      </div>
      <div className="form__actions">
        <Button type="submit">{t('adminProviders.search.submit')}</Button>
        <Link to="/admin/providers">{t('adminProviders.search.clear')}</Link>
      </div>
    </form>
  );
}
