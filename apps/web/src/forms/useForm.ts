import { useState, type FormEvent } from 'react';
import type { FormField } from './problems.ts';
import { useFormProblem } from './useFormProblem.ts';

/** A form of text fields: their values and the form's current problem. */
export function useForm<F extends FormField>(initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const { problem, summaryRef, errorFor, report, clear } = useFormProblem<F>();

  function change(field: F) {
    return (event: FormEvent<HTMLInputElement>) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [field]: value }));
    };
  }

  return { values, change, errorFor, problem, summaryRef, report, clear };
}
