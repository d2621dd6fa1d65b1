import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProblem } from './problems.ts';

/**
 * A form's current problem. Each reported problem moves focus to the error summary, so the failure
 * is announced and the list of fixes is the next thing read.
 */
export function useFormProblem<F extends string>() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<FormProblem<F> | null>(null);
  const [reports, setReports] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (reports > 0) summaryRef.current?.focus();
  }, [reports]);

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

  return { problem, summaryRef, errorFor, report, clear };
}
