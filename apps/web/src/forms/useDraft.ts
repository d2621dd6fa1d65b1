import { useState } from 'react';
import { useFormProblem } from './useFormProblem.ts';

/** A form's fields as typed (strings, read into numbers or dates when checked), and its current problem. */
export function useDraft<F extends string>(empty: Record<F, string>) {
  const [draft, setDraft] = useState(empty);
  const problem = useFormProblem<F>();

  const change = (field: F) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => ({ ...current, [field]: value }));
  };

  return { draft, change, reset: () => setDraft(empty), ...problem };
}
