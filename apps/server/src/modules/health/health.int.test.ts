import { expect, it } from 'vitest';
import { migrate } from '../../platform/db/migrator.ts';
import { useTestApp } from '../../testing/harness.ts';

const haven = useTestApp();

it('answers ok when the database answers', async () => {
  const response = await haven.signedOut.get('/api/health');
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ status: 'ok', db: 'ok' });
  expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

it('sends a strict content security policy and no-sniff on every response', async () => {
  const response = await haven.signedOut.get('/api/health');
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
});

it('echoes a well-formed request id and replaces a malformed one', async () => {
  const kept = await haven.signedOut.get('/api/health', { 'x-request-id': 'trace-12345678' });
  expect(kept.headers['x-request-id']).toBe('trace-12345678');
  const replaced = await haven.signedOut.get('/api/health', { 'x-request-id': 'bad id\n' });
  expect(replaced.headers['x-request-id']).not.toBe('bad id\n');
});

it('publishes an OpenAPI document generated from the route schemas', async () => {
  const response = await haven.signedOut.get('/api/openapi.json');
  expect(response.statusCode).toBe(200);
  const doc = response.json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/auth/sign-up',
      '/api/auth/verify-email',
      '/api/auth/sign-in',
      '/api/auth/sign-out',
      '/api/account/email',
      '/api/account/email/confirm',
      '/api/me',
      '/api/health',
    ]),
  );
  const signUpBody = doc.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
  expect(signUpBody.required).toEqual(expect.arrayContaining(['email', 'password', 'preferredName']));
  expect(Object.keys(doc.paths['/api/auth/sign-up'].post.responses)).toContain('202');
});

it('answers an unknown API path with a JSON 404', async () => {
  const response = await haven.signedOut.get('/api/nothing-here');
  expect(response.statusCode).toBe(404);
  expect(response.json().error.code).toBe('not_found');
});

it('applies migrations once: a second run has nothing to do', async () => {
  expect(await migrate(haven.app.database)).toEqual([]);
});

it('says the database is unreachable once it is gone', async () => {
  await haven.app.database.close();
  const response = await haven.signedOut.get('/api/health');
  expect(response.statusCode).toBe(503);
  expect(response.json()).toEqual({ status: 'degraded', db: 'unreachable' });
});
