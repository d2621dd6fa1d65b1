import { describe, expect, it } from 'vitest';
import { coverageDraftFrom, emptyCoverageDraft, includesLiveSessions, problemsFromCoverageInvalid } from './coverageDraft.ts';
import { dayBefore } from './useCoverageWords.ts';

describe('live sessions', () => {
  it('come with a monthly plan that has them, whatever the client said', () => {
    expect(includesLiveSessions('messaging', { kind: 'direct', plan: 'live' })).toBe(true);
    expect(includesLiveSessions('both', { kind: 'direct', plan: 'messaging' })).toBe(false);
  });

  it('with an organisation code or health plan, or before a choice, follow how the client wants to meet', () => {
    expect(includesLiveSessions('both', { kind: 'eap', plan: null })).toBe(true);
    expect(includesLiveSessions('messaging', { kind: 'health_plan', plan: null })).toBe(false);
    expect(includesLiveSessions('live', { kind: null, plan: null })).toBe(true);
  });
});

describe('a refused coverage', () => {
  it('is said at the field the issue names, with the reason given', () => {
    expect(problemsFromCoverageInvalid([{ field: 'answers.coverage.code', message: 'This code has expired.' }])).toEqual({
      eapCode: { key: 'intake.coverage.invalid.code', values: { reason: 'This code has expired.' } },
    });
    expect(problemsFromCoverageInvalid([{ field: 'coverage.memberId', message: 'Not active.' }])).toEqual({
      memberId: { key: 'intake.coverage.invalid.memberId', values: { reason: 'Not active.' } },
    });
  });

  it('names nothing when no issue is about a field, so the page says it generally', () => {
    expect(problemsFromCoverageInvalid([{ field: '', message: 'No.' }])).toEqual({});
  });
});

describe('a saved choice', () => {
  it('comes back as the draft it was typed from', () => {
    expect(coverageDraftFrom(undefined)).toEqual(emptyCoverageDraft);
    expect(coverageDraftFrom({ kind: 'direct', plan: 'messaging_live' })).toEqual({
      ...emptyCoverageDraft,
      kind: 'direct',
      plan: 'messaging_live',
    });
  });
});

describe('a period', () => {
  it('ends the day before the next one starts, across months and years', () => {
    expect(dayBefore('2026-12-24')).toBe('2026-12-23');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });
});
