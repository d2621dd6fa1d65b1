import type { ApiFailure } from '../api/client.ts';

/** The first message for each of a form's fields, from a schema check's issues (`path[0]`). */
export function schemaErrors<F extends string>(
  issues: ReadonlyArray<{ readonly path: readonly PropertyKey[]; readonly message: string }>,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const byField: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0] as F;
    if (fields.includes(field) && !byField[field]) byField[field] = issue.message;
  }
  return byField;
}

/** The first message for each of a form's fields, from the API's refusal (`field` names them). */
export function apiErrors<F extends string>(failure: ApiFailure, fields: readonly F[]): Partial<Record<F, string>> {
  return schemaErrors(
    failure.issues.map((issue) => ({ path: [issue.field], message: issue.message })),
    fields,
  );
}
