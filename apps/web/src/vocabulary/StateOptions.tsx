import { usStateCodes } from '@haven/contract';
import { useVocabulary } from './useVocabulary.ts';

/** The 50 states and DC as a select's options, by name, valued by their two-letter code. */
export function StateOptions() {
  const vocabulary = useVocabulary();
  return usStateCodes.map((code) => (
    <option key={code} value={code}>
      {vocabulary.state(code)}
    </option>
  ));
}
