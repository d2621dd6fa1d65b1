import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, CheckboxGroup, SelectField, type Choice } from '../ui/index.ts';
import { commonLanguageCodes, otherLanguageCodes } from './languages.ts';
import { useVocabulary } from './useVocabulary.ts';
import './LanguageChoices.css';

type LanguageChoicesProps = {
  id: string;
  legend: string;
  hint?: string;
  selected: string[];
  onChange: (languages: string[]) => void;
  error?: string;
};

/** The common languages as checkboxes; any other ISO 639-1 language can be added from a list. */
export function LanguageChoices({ id, legend, hint, selected, onChange, error }: LanguageChoicesProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const [another, setAnother] = useState('');
  // A new object for every addition, so that adding the same language again still moves focus.
  const [added, setAdded] = useState<{ code: string } | null>(null);
  const others = otherLanguageCodes(vocabulary.language, vocabulary.locale);

  const common: readonly string[] = commonLanguageCodes;
  const shown = [...common, ...selected.filter((code) => !common.includes(code))];
  const choices = shown.map((code): Choice<string> => ({ value: code, label: vocabulary.language(code) }));
  const addable = others.filter((code) => !selected.includes(code));

  function add() {
    if (!another) return;
    onChange([...selected, another]);
    setAnother('');
    setAdded({ code: another });
  }

  // The added language's checkbox exists only after the next render; focus moves to it there.
  useEffect(() => {
    if (added) document.getElementById(`${id}-${added.code}`)?.focus();
  }, [id, added]);

  return (
    <div className="stack">
      <CheckboxGroup id={id} legend={legend} hint={hint} choices={choices} selected={selected} onChange={onChange} error={error} columns />
      <div className="language-adder">
        <SelectField
          id={`${id}-another`}
          label={t('providerProfile.clients.anotherLanguage')}
          value={another}
          onChange={(event) => setAnother(event.currentTarget.value)}
        >
          <option value="">{t('form.choose')}</option>
          {addable.map((code) => (
            <option key={code} value={code}>
              {`${vocabulary.language(code)} (${code})`}
            </option>
          ))}
        </SelectField>
        <Button variant="secondary" onClick={add}>
          {t('providerProfile.clients.addLanguage')}
        </Button>
      </div>
    </div>
  );
}
