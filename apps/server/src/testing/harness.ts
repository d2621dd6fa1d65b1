import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../platform/db/database.ts';
import { signInAsNewAdmin, startTestApp, type TestApp } from './test-app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Headers = Record<string, string>;

/** Requests to the in-process server as one person: their session cookie goes with every request. */
export type Requests = {
  get: (url: string, headers?: Headers) => Promise<LightMyRequestResponse>;
  delete: (url: string, headers?: Headers) => Promise<LightMyRequestResponse>;
  /** `body` is sent as it is: an object as JSON, a string or a Buffer raw (say what it is in `headers`). */
  post: (url: string, body?: unknown, headers?: Headers) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown, headers?: Headers) => Promise<LightMyRequestResponse>;
  request: (method: Method, url: string, body?: unknown, headers?: Headers) => Promise<LightMyRequestResponse>;
};

/** A running test Haven, as a test file sees it. Everything but `as`/`signedOut` is there once `beforeAll` has run. */
export type Haven = {
  readonly app: TestApp;
  readonly db: Db;
  /** The session cookie of an admin signed in at the start (with `useTestApp({ admin: true })`). */
  readonly admin: string;
  /** Where the server listens (with `useTestApp({ listen: true })`), e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
  /** Requests carrying `cookie`; none when it is undefined. */
  as(cookie: string | undefined): Requests;
  /** Requests with no cookie. */
  readonly signedOut: Requests;
};

export type TestAppOptions = {
  /** Configuration on top of the test defaults (see startTestApp). */
  env?: Record<string, string>;
  /** Sign in an admin before the tests: `haven.admin`. */
  admin?: boolean;
  /** Listen on a free local port, for real sockets: `haven.baseUrl`. */
  listen?: boolean;
};

/**
 * A fresh Haven for the test file: started before its tests, closed after them. Call it once at
 * the top of the file; the handle it returns reads the app lazily, so it can be used from the start.
 */
export function useTestApp(options: TestAppOptions = {}): Haven {
  let app: TestApp | undefined;
  let admin: string | undefined;
  let baseUrl: string | undefined;
  beforeAll(async () => {
    app = await startTestApp(options.env);
    if (options.admin) admin = await signInAsNewAdmin(app);
    if (options.listen) baseUrl = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`No ${what} yet: use it inside a test or hook, after useTestApp's beforeAll.`);
    return value;
  };
  const handle: Haven = {
    get app() {
      return ready(app, 'test app');
    },
    get db() {
      return handle.app.context.db;
    },
    get admin() {
      return ready(admin, 'admin (pass { admin: true })');
    },
    get baseUrl() {
      return ready(baseUrl, 'base URL (pass { listen: true })');
    },
    as: (cookie) => requestsAs(() => handle.app, cookie),
    signedOut: requestsAs(() => ready(app, 'test app'), undefined),
  };
  return handle;
}

/** Requests to `app` carrying `cookie` (none when undefined). */
export function requestsAs(app: () => TestApp, cookie: string | undefined): Requests {
  const request = (method: Method, url: string, body?: unknown, headers: Headers = {}) =>
    app().http.inject({
      method,
      url,
      payload: body as InjectOptions['payload'],
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
  return {
    get: (url, headers) => request('GET', url, undefined, headers),
    delete: (url, headers) => request('DELETE', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body, headers),
    put: (url, body, headers) => request('PUT', url, body, headers),
    request,
  };
}
