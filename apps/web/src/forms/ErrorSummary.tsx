import type { MouseEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../ui/index.ts';
import type { FormProblem } from './problems.ts';

const controls = 'input, select, textarea, button';

type ErrorSummaryProps<F extends string> = {
  problem: FormProblem<F>;
  /** Field order on the page, and the id of each field's input. */
  fieldIds: Record<F, string>;
  ref: Ref<HTMLDivElement>;
};

export function ErrorSummary<F extends string>({ problem, fieldIds, ref }: ErrorSummaryProps<F>) {
  const { t } = useTranslation();
  const fields = (Object.keys(fieldIds) as F[]).filter((field) => problem.fields[field]);

  function focusField(event: MouseEvent<HTMLAnchorElement>, field: F) {
    const target = document.getElementById(fieldIds[field]);
    // A group of checkboxes is named by its fieldset; its first control is what can take focus.
    const input = target?.matches(controls) ? target : target?.querySelector<HTMLElement>(controls);
    if (!input) return;
    event.preventDefault();
    input.focus();
  }

  return (
    <Alert tone="error" title={t('form.errorSummaryTitle')} ref={ref} focusable>
      {problem.general && <p>{t(problem.general.key, problem.general.values)}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => {
            const message = problem.fields[field];
            return (
              message && (
                <li key={field}>
                  <a href={`#${fieldIds[field]}`} onClick={(event) => focusField(event, field)}>
                    {t(message.key, message.values)}
                  </a>
                </li>
              )
            );
          })}
        </ul>
      )}
    </Alert>
  );
}
