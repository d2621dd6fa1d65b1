import type { ParseKeys } from 'i18next';
import type { ApiFailure } from '../api/client.ts';
import { isField, type FormProblem, type SafeParser, type Validation } from './problems.ts';

/** One message per field, whatever rule it broke: the message says what a good answer looks like. */
export type FieldMessages<F extends string> = Record<F, ParseKeys>;

function fieldsOf<F extends string>(messages: FieldMessages<F>): F[] {
  return Object.keys(messages) as F[];
}

/** Checks a form's values against a contract schema; each field with an issue gets its message. */
export function checkWith<T, F extends string>(schema: SafeParser<T>, value: unknown, messages: FieldMessages<F>): Validation<T, F> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const problem: FormProblem<F> = { fields: {} };
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (isField(field, fieldsOf(messages))) problem.fields[field] = { key: messages[field] };
  }
  if (Object.keys(problem.fields).length === 0) problem.general = { key: 'errors.validation_failed' };
  return { ok: false, problem };
}

/** Places a server failure on the fields its issues name (`businessHours.2.end` → businessHours). */
export function problemFromApi<F extends string>(failure: ApiFailure, messages: FieldMessages<F>): FormProblem<F> {
  const problem: FormProblem<F> = { fields: {} };
  if (failure.code === 'validation_failed') {
    for (const issue of failure.issues) {
      const field = issue.field.split('.')[0];
      if (isField(field, fieldsOf(messages))) problem.fields[field] = { key: messages[field] };
    }
  }
  if (Object.keys(problem.fields).length === 0) problem.general = { key: `errors.${failure.code}` };
  return problem;
}
