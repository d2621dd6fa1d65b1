import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { aSignUp } from '../apps/server/src/testing/factories.ts';
import { expectAccessible, launchChromium } from './support/browser.ts';
import { confirmEmailedLink } from './support/clients.ts';
import { startHaven, type RunningHaven } from './support/haven.ts';

/** A real SMTP server on a free port: every message it accepts, as raw text. */
async function startMailbox() {
  const received: Array<{ to: string; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo[0]?.address ?? '', raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The reset link in a received message, undoing quoted-printable soft breaks and escapes. */
function resetLinkIn(raw: string): URL | null {
  const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_%-]+/.exec(text);
  return match ? new URL(match[0]) : null;
}

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let haven: RunningHaven;
let browser: Browser;
beforeAll(async () => {
  mailbox = await startMailbox();
  [haven, browser] = await Promise.all([startHaven({ SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await haven?.close();
  await mailbox?.close();
});

it('a client who forgot their password resets it from the email, and every other sign-in of theirs ends', async () => {
  const person = aSignUp();
  const signedUp = await haven.app.http.inject({ method: 'POST', url: '/api/auth/sign-up', payload: person });
  expect(signedUp.statusCode).toBe(202);
  const otherDevice = await confirmEmailedLink(haven, person.email);
  const me = () => haven.app.http.inject({ method: 'GET', url: '/api/me', headers: { cookie: otherDevice } });
  expect((await me()).statusCode).toBe(200);

  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${haven.url}/sign-in`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.waitForURL('**/forgot-password');
  await expectAccessible(page);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true);
  await expectAccessible(page);

  // The link arrives over SMTP; the server's public address is not this test's port, so keep its path.
  let link: URL | null = null;
  await expect
    .poll(
      () =>
        (link =
          mailbox.received
            .filter((m) => m.to === person.email)
            .map((m) => resetLinkIn(m.raw))
            .find(Boolean) ?? null),
      {
        timeout: 15_000,
      },
    )
    .not.toBeNull();
  await page.goto(`${haven.url}${link!.pathname}${link!.search}`);
  await expectAccessible(page);
  const newPassword = 'seven lanterns over a quiet bay';
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Your password is changed' }).isVisible()).toBe(true);
  await expectAccessible(page);

  expect((await me()).statusCode).toBe(401);

  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.waitForURL('**/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/home');
  await expect.poll(() => page.getByRole('heading', { name: `Welcome, ${person.preferredName}` }).isVisible()).toBe(true);

  await expect
    .poll(() => mailbox.received.some((m) => m.to === person.email && /password was changed/i.test(m.raw)), { timeout: 15_000 })
    .toBe(true);
});
