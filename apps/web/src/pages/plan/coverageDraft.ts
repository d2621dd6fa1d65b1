import { CoverageChoice, type CareFormat, type CoverageKind, type DirectPlan, type FieldIssue } from '@haven/contract';
import type { Message } from '../../forms/problems.ts';

/** The "how you'll pay" answers as typed so far, in the intake or on the plan page. */
export type CoverageDraft = {
  kind: CoverageKind | null;
  plan: DirectPlan | null;
  code: string;
  healthPlanId: string;
  memberId: string;
};

export type CoverageField = 'coverageKind' | 'directPlan' | 'eapCode' | 'healthPlanId' | 'memberId';
export type CoverageProblems = Partial<Record<CoverageField, Message>>;

export const emptyCoverageDraft: CoverageDraft = { kind: null, plan: null, code: '', healthPlanId: '', memberId: '' };

/** The draft a saved choice gives back. */
export function coverageDraftFrom(choice: CoverageChoice | undefined): CoverageDraft {
  switch (choice?.kind) {
    case undefined:
      return emptyCoverageDraft;
    case 'direct':
      return { ...emptyCoverageDraft, kind: 'direct', plan: choice.plan };
    case 'eap':
      return { ...emptyCoverageDraft, kind: 'eap', code: choice.code };
    case 'health_plan':
      return { ...emptyCoverageDraft, kind: 'health_plan', healthPlanId: choice.healthPlanId, memberId: choice.memberId };
    default:
      return choice satisfies never;
  }
}

/** Whether the coverage chosen (or, before one is, the way the client wants to meet) includes live sessions. */
export function includesLiveSessions(careFormat: CareFormat | null, coverage: Pick<CoverageDraft, 'kind' | 'plan'>): boolean {
  if (coverage.kind === 'direct' && coverage.plan) return coverage.plan !== 'messaging';
  return careFormat === 'live' || careFormat === 'both';
}

/** One message per field, whatever rule it broke: it says what a good answer looks like. */
export const coverageFieldMessages: Record<CoverageField, Message['key']> = {
  coverageKind: 'intake.coverage.validation.kind',
  directPlan: 'intake.coverage.validation.plan',
  eapCode: 'intake.coverage.validation.code',
  healthPlanId: 'intake.coverage.validation.healthPlan',
  memberId: 'intake.coverage.validation.memberId',
};

const fieldOfChoiceKey: Record<string, CoverageField> = {
  kind: 'coverageKind',
  plan: 'directPlan',
  code: 'eapCode',
  healthPlanId: 'healthPlanId',
  memberId: 'memberId',
};

/** The field a path inside a coverage choice names: 'memberId' → memberId; anything else → the choice itself. */
export function coverageFieldOf(key: string | undefined): CoverageField {
  return (key && fieldOfChoiceKey[key]) || 'coverageKind';
}

/** The message for a field whose answer the contract refused. */
export const coverageFieldMessage = (field: CoverageField): Message => ({ key: coverageFieldMessages[field] });

export type CoverageCheck = { ok: true; choice: CoverageChoice } | { ok: false; problems: CoverageProblems };

/** Checks the answers of the chosen way to pay, and gives the contract's choice (code and member ID tidied). */
export function checkCoverage(draft: CoverageDraft): CoverageCheck {
  const problems: CoverageProblems = {};
  let candidate: unknown = null;
  switch (draft.kind) {
    case null:
      problems.coverageKind = coverageFieldMessage('coverageKind');
      break;
    case 'direct':
      if (!draft.plan) problems.directPlan = coverageFieldMessage('directPlan');
      candidate = { kind: 'direct', plan: draft.plan };
      break;
    case 'eap':
      candidate = { kind: 'eap', code: draft.code };
      break;
    case 'health_plan':
      if (!draft.healthPlanId) problems.healthPlanId = coverageFieldMessage('healthPlanId');
      candidate = { kind: 'health_plan', healthPlanId: draft.healthPlanId, memberId: draft.memberId };
      break;
    default:
      draft.kind satisfies never;
  }
  const parsed = CoverageChoice.safeParse(candidate);
  if (!parsed.success && draft.kind) {
    for (const issue of parsed.error.issues) {
      const field = coverageFieldOf(String(issue.path[0] ?? ''));
      problems[field] ??= coverageFieldMessage(field);
    }
  }
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, choice: parsed.data };
  return { ok: false, problems };
}

const invalidMessages: Record<CoverageField, Message['key']> = {
  coverageKind: 'intake.coverage.invalid.kind',
  directPlan: 'intake.coverage.invalid.kind',
  eapCode: 'intake.coverage.invalid.code',
  healthPlanId: 'intake.coverage.invalid.healthPlan',
  memberId: 'intake.coverage.invalid.memberId',
};

/**
 * Where a `coverage_invalid` refusal belongs, from its issues ('answers.coverage.code',
 * 'coverage.memberId'…): our sentence for the field, followed by the reason the code's organisation
 * or the health plan gave. Empty when no issue names a coverage field: the caller says it generally.
 */
export function problemsFromCoverageInvalid(issues: readonly FieldIssue[]): CoverageProblems {
  const problems: CoverageProblems = {};
  for (const issue of issues) {
    const path = issue.field.replace(/^answers\./, '').split('.');
    if (path[0] !== 'coverage') continue;
    const field = coverageFieldOf(path[1]);
    problems[field] ??= { key: invalidMessages[field], values: { reason: issue.message } };
  }
  return problems;
}
