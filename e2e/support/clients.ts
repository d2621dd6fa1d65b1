import { consentVersions, type CareState, type IntakeAnswers } from '@haven/contract';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { aSignUp } from '../../apps/server/src/testing/factories.ts';
import { emailedToken } from '../../apps/server/src/testing/mailbox.ts';
import { sessionCookieFrom } from '../../apps/server/src/testing/test-app.ts';
import type { RunningHaven } from './haven.ts';

/** Every answer a finished intake has: an adult in Texas on the monthly messaging plan, unless told otherwise. */
export function intakeAnswers(overrides: Partial<IntakeAnswers> = {}): IntakeAnswers {
  return {
    state: 'TX',
    dateOfBirth: '1990-04-12',
    timeZone: 'America/Chicago',
    requiredLanguages: ['en'],
    preferredLanguages: [],
    focusAreas: ['anxiety'],
    preferences: { providerGender: null, approaches: [], careFormat: 'messaging', liveModality: null, preferredTimes: ['evening'] },
    phq9: { items: [1, 1, 2, 1, 0, 1, 1, 0, 0], difficulty: 1 },
    gad7: { items: [2, 2, 1, 1, 0, 1, 2] },
    inCrisis: false,
    coverage: { kind: 'direct', plan: 'messaging' },
    consent: { telehealthVersion: consentVersions.telehealth, privacyVersion: consentVersions.privacy },
    ...overrides,
  };
}

export type MatchedClient = { name: string; email: string; password: string; cookie: string; care: CareState };

/** A client who signed up and finished the intake through the API, and was matched at once. */
export async function matchedClient(
  haven: RunningHaven,
  preferredName: string,
  answers: Partial<IntakeAnswers> = {},
): Promise<MatchedClient> {
  const call = (method: 'POST' | 'PUT', url: string, payload: unknown, cookie?: string) =>
    haven.app.http.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });
  const person = aSignUp({ preferredName });
  const signUp = await call('POST', '/api/auth/sign-up', person);
  if (signUp.statusCode !== 202) throw new Error(`sign-up: ${signUp.statusCode} ${signUp.body}`);
  const cookie = await confirmEmailedLink(haven, person.email);
  const saved = await call('PUT', '/api/intake', { step: 'consent', answers: intakeAnswers(answers) }, cookie);
  if (saved.statusCode !== 200) throw new Error(`intake: ${saved.statusCode} ${saved.body}`);
  const submitted = await call('POST', '/api/intake/submit', { firstSession: null }, cookie);
  if (submitted.statusCode !== 201) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  return { name: preferredName, email: person.email, password: person.password, cookie, care: submitted.json<CareState>() };
}

/** Opens the confirmation link last emailed to an address, through the API: the session cookie it starts. */
export async function confirmEmailedLink(haven: RunningHaven, email: string): Promise<string> {
  const token = await emailedToken(haven.app.context.db, email, '/verify-email');
  const verified = await haven.app.http.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
  if (verified.statusCode !== 200) throw new Error(`verify-email: ${verified.statusCode} ${verified.body}`);
  return sessionCookieFrom(verified.headers['set-cookie']);
}

/**
 * A page in a fresh browser context carrying a session cookie (`haven_session=…`), in Chicago's
 * time zone, allowed to use the (fake) microphone and camera.
 */
export async function pageWithSession(
  browser: Browser,
  haven: RunningHaven,
  cookie: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'America/Chicago', viewport: { width: 1280, height: 900 }, ...options });
  await context.grantPermissions(['microphone', 'camera'], { origin: haven.url });
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: haven.url }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** A text message sent through the API, as if from another device. */
export async function sendThroughApi(
  haven: RunningHaven,
  cookie: string,
  roomId: string,
  text: string,
): Promise<{ id: string; seq: number }> {
  const response = await haven.app.http.inject({
    method: 'POST',
    url: `/api/rooms/${roomId}/messages`,
    headers: { cookie },
    payload: { clientMessageId: crypto.randomUUID(), text },
  });
  if (response.statusCode !== 201) throw new Error(`send: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string; seq: number }>();
}
