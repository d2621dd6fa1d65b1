import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, FormProblem } from './problems.ts';

/**
 * A form's values and its current problem. Each reported problem moves focus to the error summary,
 * so the failure is announced and the list of fixes is the next thing read.
 */
export function useForm<F extends FormField>(initial: Record<F, string>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<FormProblem<F> | null>(null);
  const [reports, setReports] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (reports > 0) summaryRef.current?.focus();
  }, [reports]);

  function change(field: F) {
    return (event: FormEvent<HTMLInputElement>) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [field]: value }));
    };
  }

  function errorFor(field: F): string | undefined {
    const message = problem?.fields[field];
    return message && t(message.key, message.values);
  }

  function report(next: FormProblem<F>) {
    setProblem(next);
    setReports((count) => count + 1);
  }

  function clear() {
    setProblem(null);
  }

  return { values, change, errorFor, problem, summaryRef, report, clear };
}
