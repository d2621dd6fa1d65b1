import { consentVersions, type DirectPlan, type IntakeAnswers } from '@haven/contract';
import { describe, expect, it } from 'vitest';
import { emptyCoverageDraft, type CoverageDraft } from '../plan/coverageDraft.ts';
import {
  checkStep,
  dateOfBirthOf,
  draftFromAnswers,
  fieldOfIssue,
  isUnderAge,
  needsCrisisResources,
  problemFromIssues,
  resumeStep,
  stepsFor,
  stepsOfIssues,
  type IntakeDraft,
} from './intakeDraft.ts';

const today = '2026-11-15';
const fresh = () => draftFromAnswers({}, 'America/Chicago');
const filled = (change: Partial<IntakeDraft>): IntakeDraft => ({ ...fresh(), ...change });

describe('a fresh draft', () => {
  it('needs English by default, takes the device time zone, and has no answers yet', () => {
    const draft = fresh();
    expect(draft.requiredLanguages).toEqual(['en']);
    expect(draft.timeZone).toBe('America/Chicago');
    expect(draft.providerGender).toBe('none');
    expect(draft.phq9).toEqual(Array(9).fill(null));
    expect(draft.gad7).toEqual(Array(7).fill(null));
  });
});

describe('a saved intake resumes with its answers', () => {
  const answers: IntakeAnswers = {
    state: 'TX',
    dateOfBirth: '1990-03-07',
    timeZone: 'America/Denver',
    requiredLanguages: ['es'],
    preferences: { providerGender: null, approaches: [], careFormat: 'both', liveModality: 'video', preferredTimes: ['evening'] },
    phq9: { items: [0, 1, 2, 3, 0, 0, 0, 0, 1], difficulty: 2 },
    consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
  };

  it('fills every field back in', () => {
    const draft = draftFromAnswers(answers, 'America/New_York');
    expect(draft).toMatchObject({
      state: 'TX',
      birthYear: '1990',
      birthMonth: '3',
      birthDay: '7',
      timeZone: 'America/Denver',
      requiredLanguages: ['es'],
      providerGender: 'none',
      careFormat: 'both',
      liveModality: 'video',
      phq9: [0, 1, 2, 3, 0, 0, 0, 0, 1],
      phq9Difficulty: 2,
      telehealth: true,
      privacy: true,
    });
  });

  it('gives back the same answers when the steps are checked again', () => {
    const draft = draftFromAnswers(answers, 'America/New_York');
    const about = checkStep('about', draft, today);
    expect(about).toEqual({ ok: true, answers: { state: 'TX', dateOfBirth: '1990-03-07', timeZone: 'America/Denver' } });
    const phq9 = checkStep('phq9', draft, today);
    expect(phq9.ok && phq9.answers.phq9).toEqual(answers.phq9);
  });
});

describe('the steps shown', () => {
  const eap = { ...emptyCoverageDraft, kind: 'eap' as const, code: 'ACME-2026' };
  const direct = (plan: DirectPlan) => ({ ...emptyCoverageDraft, kind: 'direct' as const, plan });

  it('before a way to pay is chosen, offer a first session only to those who want to meet live', () => {
    expect(stepsFor(filled({ careFormat: 'messaging' }))).not.toContain('first_session');
    expect(stepsFor(fresh())).toHaveLength(8);
    expect(stepsFor(filled({ careFormat: 'live' }))).toContain('first_session');
    expect(stepsFor(filled({ careFormat: 'both' }))).toHaveLength(9);
  });

  it('put how to pay after the screeners and before consent', () => {
    expect(stepsFor(fresh()).slice(5, 8)).toEqual(['gad7', 'coverage', 'consent']);
  });

  it('with a monthly plan, offer a first session when the plan has live sessions', () => {
    expect(stepsFor(filled({ careFormat: 'both', coverage: direct('messaging') }))).not.toContain('first_session');
    expect(stepsFor(filled({ careFormat: 'both', coverage: direct('messaging_live') }))).toContain('first_session');
    expect(stepsFor(filled({ careFormat: 'messaging', coverage: direct('live') }))).toContain('first_session');
  });

  it('with an organisation code or health plan, offer a first session to those who want to meet live', () => {
    expect(stepsFor(filled({ careFormat: 'both', coverage: eap }))).toContain('first_session');
    expect(stepsFor(filled({ careFormat: 'messaging', coverage: eap }))).not.toContain('first_session');
  });

  it('resume at the saved step, or the last one this client has', () => {
    expect(resumeStep('gad7', filled({ careFormat: 'messaging' }))).toBe('gad7');
    expect(resumeStep('first_session', filled({ careFormat: 'messaging' }))).toBe('consent');
    expect(resumeStep('first_session', filled({ careFormat: 'live', coverage: direct('messaging') }))).toBe('consent');
  });
});

describe('how the client pays', () => {
  const coverage = (change: Partial<CoverageDraft>) => filled({ coverage: { ...emptyCoverageDraft, ...change } });

  it('needs a choice, and what that choice needs', () => {
    const none = checkStep('coverage', fresh(), today);
    expect(none.ok || Object.keys(none.problem.fields)).toEqual(['coverageKind']);
    const noPlan = checkStep('coverage', coverage({ kind: 'direct' }), today);
    expect(noPlan.ok || Object.keys(noPlan.problem.fields)).toEqual(['directPlan']);
    const noCode = checkStep('coverage', coverage({ kind: 'eap', code: '  ' }), today);
    expect(noCode.ok || noCode.problem.fields).toEqual({ eapCode: { key: 'intake.coverage.validation.code' } });
    const noMember = checkStep('coverage', coverage({ kind: 'health_plan', memberId: 'ab' }), today);
    expect(noMember.ok || Object.keys(noMember.problem.fields).sort()).toEqual(['healthPlanId', 'memberId']);
  });

  it('sends the code and member ID as printed on the card, whatever the case and spaces typed', () => {
    expect(checkStep('coverage', coverage({ kind: 'eap', code: ' acme-2026 ' }), today)).toEqual({
      ok: true,
      answers: { coverage: { kind: 'eap', code: 'ACME-2026' } },
    });
    const healthPlanId = '0b7a6c1e-2f4d-4e55-9a1b-3c2d1e0f9a8b';
    expect(checkStep('coverage', coverage({ kind: 'health_plan', healthPlanId, memberId: 'xq12345' }), today)).toEqual({
      ok: true,
      answers: { coverage: { kind: 'health_plan', healthPlanId, memberId: 'XQ12345' } },
    });
  });

  it('sends only the chosen way, even after another was typed into', () => {
    const switched = coverage({ kind: 'direct', plan: 'live', code: 'ACME-2026', memberId: 'XQ12345' });
    expect(checkStep('coverage', switched, today)).toEqual({ ok: true, answers: { coverage: { kind: 'direct', plan: 'live' } } });
  });

  it('resumes with the saved choice', () => {
    expect(draftFromAnswers({ coverage: { kind: 'eap', code: 'ACME-2026' } }, 'America/Chicago').coverage).toEqual({
      ...emptyCoverageDraft,
      kind: 'eap',
      code: 'ACME-2026',
    });
  });

  it("puts the API's issues about it on its fields and its step", () => {
    expect(fieldOfIssue('answers.coverage.memberId')).toBe('memberId');
    expect(fieldOfIssue('answers.coverage')).toBe('coverageKind');
    expect(stepsOfIssues(['answers.coverage'])).toEqual(['coverage']);
  });
});

describe('dates of birth', () => {
  it('are real calendar dates from 1900 on', () => {
    expect(dateOfBirthOf({ birthYear: '1990', birthMonth: '2', birthDay: '28' })).toBe('1990-02-28');
    expect(dateOfBirthOf({ birthYear: '1990', birthMonth: '2', birthDay: '30' })).toBeNull();
    expect(dateOfBirthOf({ birthYear: '90', birthMonth: '2', birthDay: '1' })).toBeNull();
    expect(dateOfBirthOf({ birthYear: '1850', birthMonth: '2', birthDay: '1' })).toBeNull();
    expect(dateOfBirthOf({ birthYear: '', birthMonth: '', birthDay: '' })).toBeNull();
  });

  it('say someone is under 18 until their eighteenth birthday', () => {
    expect(isUnderAge('2008-11-16', today)).toBe(true);
    expect(isUnderAge('2008-11-15', today)).toBe(false);
    expect(isUnderAge('1970-01-01', today)).toBe(false);
  });

  it('in the future are refused', () => {
    const check = checkStep('about', filled({ state: 'TX', birthYear: '2030', birthMonth: '1', birthDay: '1' }), today);
    expect(check.ok || check.problem.fields.dateOfBirth?.key).toBe('intake.validation.dateOfBirthFuture');
  });
});

describe('checking a step', () => {
  it('names every unanswered question', () => {
    const about = checkStep('about', fresh(), today);
    expect(about.ok || Object.keys(about.problem.fields)).toEqual(['state', 'dateOfBirth']);
    const phq9 = checkStep('phq9', filled({ phq9: [0, 0, 0, null, 0, 0, 0, 0, null] }), today);
    expect(phq9.ok || phq9.problem.fields).toEqual({
      'phq9-4': { key: 'intake.validation.item', values: { number: 4 } },
      'phq9-9': { key: 'intake.validation.item', values: { number: 9 } },
    });
  });

  it('asks for one to six focus areas', () => {
    expect(checkStep('focus', fresh(), today).ok).toBe(false);
    expect(checkStep('focus', filled({ focusAreas: ['anxiety'] }), today).ok).toBe(true);
    const seven = filled({ focusAreas: ['anxiety', 'depression', 'stress', 'trauma', 'grief', 'sleep', 'work'] });
    expect(checkStep('focus', seven, today).ok).toBe(false);
  });

  it('asks how to meet live only when meeting live', () => {
    expect(checkStep('preferences', filled({ careFormat: 'messaging', liveModality: 'video' }), today)).toEqual({
      ok: true,
      answers: { preferences: { providerGender: null, approaches: [], careFormat: 'messaging', liveModality: null, preferredTimes: [] } },
    });
    const live = checkStep('preferences', filled({ careFormat: 'live' }), today);
    expect(live.ok || Object.keys(live.problem.fields)).toEqual(['liveModality']);
  });

  it('sends the current consent versions only when both boxes are ticked', () => {
    expect(checkStep('consent', filled({ telehealth: true }), today).ok).toBe(false);
    expect(checkStep('consent', filled({ telehealth: true, privacy: true }), today)).toEqual({
      ok: true,
      answers: { consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy } },
    });
  });

  it('asks how difficult things have been once any problem is checked off', () => {
    const some = checkStep('phq9', filled({ phq9: [0, 0, 1, 0, 0, 0, 0, 0, 0] }), today);
    expect(some.ok || Object.keys(some.problem.fields)).toEqual(['phq9Difficulty']);
    expect(checkStep('phq9', filled({ phq9: [0, 0, 1, 0, 0, 0, 0, 0, 0], phq9Difficulty: 1 }), today).ok).toBe(true);
  });

  it('leaves out the difficulty question when no problem was checked off', () => {
    const none = checkStep('phq9', filled({ phq9: Array(9).fill(0), phq9Difficulty: 2 }), today);
    expect(none.ok && none.answers.phq9?.difficulty).toBeNull();
  });
});

describe('crisis resources', () => {
  it('are needed when PHQ-9 item 9 is above 0, or the client says they are in crisis', () => {
    expect(needsCrisisResources(fresh())).toBe(false);
    expect(needsCrisisResources(filled({ phq9: [3, 3, 3, 3, 3, 3, 3, 3, 0] }))).toBe(false);
    expect(needsCrisisResources(filled({ phq9: [0, 0, 0, 0, 0, 0, 0, 0, 1] }))).toBe(true);
    expect(needsCrisisResources(filled({ inCrisis: true }))).toBe(true);
  });
});

describe("the API's issues", () => {
  it('land on the form field they name', () => {
    expect(fieldOfIssue('answers.dateOfBirth')).toBe('dateOfBirth');
    expect(fieldOfIssue('answers.preferences.liveModality')).toBe('liveModality');
    expect(fieldOfIssue('phq9.items.8')).toBe('phq9-9');
    expect(fieldOfIssue('gad7.items')).toBe('gad7-1');
    expect(fieldOfIssue('consent.privacyVersion')).toBe('privacy');
    expect(fieldOfIssue('somethingElse')).toBeNull();
    expect(problemFromIssues(['somethingElse']).general?.key).toBe('errors.validation_failed');
  });

  it('about missing answers name the steps to go back to, in order', () => {
    expect(stepsOfIssues(['consent', 'answers.state', 'gad7.items', 'dateOfBirth'])).toEqual(['about', 'gad7', 'consent']);
  });
});
