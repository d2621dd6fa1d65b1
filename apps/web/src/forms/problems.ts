import type { ParseKeys } from 'i18next';
import type { ApiFailure } from '../api/client.ts';

/** A message to show, as an i18n key plus its values; never the English text from zod or the API. */
export type Message = { key: ParseKeys; values?: Record<string, unknown> };

export type FormField = 'preferredName' | 'email' | 'password';

export type FormProblem<F extends string> = {
  fields: Partial<Record<F, Message>>;
  /** Said once in the error summary when the problem is not about one field. */
  general?: Message;
};

type Issue = {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  minimum?: unknown;
  maximum?: unknown;
};
export type SafeParser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
};

type FieldMessages = { missing: ParseKeys; fallback: ParseKeys } & Partial<Record<string, ParseKeys>>;

// Keyed by field, then by zod issue code.
const issueMessages: Record<FormField, FieldMessages> = {
  email: {
    missing: 'validation.email.missing',
    invalid_format: 'validation.email.invalid',
    too_big: 'validation.email.tooLong',
    fallback: 'validation.email.invalid',
  },
  password: {
    missing: 'validation.password.missing',
    too_small: 'validation.password.tooShort',
    too_big: 'validation.password.tooLong',
    fallback: 'validation.password.invalid',
  },
  preferredName: {
    missing: 'validation.preferredName.missing',
    too_small: 'validation.preferredName.missing',
    too_big: 'validation.preferredName.tooLong',
    fallback: 'validation.preferredName.invalid',
  },
};

export function isField<F extends string>(name: unknown, fields: readonly F[]): name is F {
  return (fields as readonly unknown[]).includes(name);
}

export type Validation<T, F extends string> = { ok: true; data: T } | { ok: false; problem: FormProblem<F> };

/** Checks form values against a contract schema and turns each issue into an i18n message. */
export function validate<T, F extends FormField>(schema: SafeParser<T>, values: Record<F, string>, fields: readonly F[]): Validation<T, F> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };

  const problem: FormProblem<F> = { fields: {} };
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (!isField(field, fields) || problem.fields[field]) continue;
    const messages = issueMessages[field];
    const key = values[field].trim() === '' ? messages.missing : (messages[issue.code] ?? messages.fallback);
    problem.fields[field] = { key, values: { min: issue.minimum, max: issue.maximum } };
  }
  if (Object.keys(problem.fields).length === 0) problem.general = { key: 'errors.validation_failed' };
  return { ok: false, problem };
}

// Errors that are about one field, whatever issues the server lists.
const fieldOfCode: Partial<Record<ApiFailure['code'], FormField>> = {
  email_taken: 'email',
  weak_password: 'password',
};

/** Places a server failure on the fields it concerns, or as a general message. */
export function problemFromFailure<F extends FormField>(failure: ApiFailure, fields: readonly F[]): FormProblem<F> {
  const problem: FormProblem<F> = { fields: {} };
  const codeMessage: Message = { key: `errors.${failure.code}` };

  const concerned = fieldOfCode[failure.code];

  if (isField(concerned, fields)) {
    problem.fields[concerned] = codeMessage;
  } else if (failure.code === 'validation_failed') {
    for (const issue of failure.issues) {
      const field = issue.field.split('.')[0];
      if (isField(field, fields)) problem.fields[field] = { key: issueMessages[field].fallback };
    }
  }
  if (Object.keys(problem.fields).length === 0) problem.general = codeMessage;
  return problem;
}
