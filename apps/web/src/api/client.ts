import {
  ApiError,
  CheckYourEmail,
  MeResponse,
  SignInResponse,
  type ErrorCode,
  type FieldIssue,
  type EmailVerificationRequest,
  type Me,
  type SignInRequest,
  type SignUpRequest,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';

/** A request that did not succeed, carrying the API's error body (or a code we inferred). */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  readonly requestId: string | undefined;

  constructor(status: number, error: Pick<ApiError['error'], 'code'> & Partial<ApiError['error']>) {
    super(error.message ?? error.code);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = error.code;
    this.issues = error.issues ?? [];
    this.requestId = error.requestId;
  }
}

type Schema<T> = { parse(data: unknown): T };
export type ApiRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its own content type: an uploaded image, say. */
  file?: Blob;
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 502 && status <= 504) return 'unavailable';
  return 'internal';
}

async function failureFrom(response: Response): Promise<ApiFailure> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ApiError.safeParse(body);
  if (parsed.success) return new ApiFailure(response.status, parsed.data.error);
  return new ApiFailure(response.status, { code: codeForStatus(response.status) });
}

function payloadOf({ body, file }: ApiRequest): { contentType?: string; payload?: BodyInit } {
  if (file) return { contentType: file.type, payload: file };
  if (body !== undefined) return { contentType: 'application/json', payload: JSON.stringify(body) };
  return {};
}

async function send(path: string, request: ApiRequest): Promise<Response> {
  const { contentType, payload } = payloadOf(request);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (contentType) headers['content-type'] = contentType;
  let response: Response;
  try {
    response = await fetch(path, { method: request.method, headers, credentials: 'same-origin', body: payload });
  } catch {
    throw new ApiFailure(0, { code: 'unavailable' });
  }
  if (!response.ok) throw await failureFrom(response);
  return response;
}

/** Sends a request and checks the JSON answer against its contract schema. */
export async function requestJson<T>(path: string, schema: Schema<T>, init: ApiRequest = { method: 'GET' }): Promise<T> {
  const response = await send(path, init);
  try {
    return schema.parse(await response.json());
  } catch {
    throw new ApiFailure(response.status, { code: 'internal' });
  }
}

/** Sends a request whose success has no body (204). */
export async function requestEmpty(path: string, init: ApiRequest): Promise<void> {
  await send(path, init);
}

export const meQueryKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const { user } = await requestJson('/api/me', MeResponse);
    return user;
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'unauthenticated') return null;
    throw error;
  }
}

/** The signed-in account, or null when nobody is signed in. */
export function useMe() {
  return useQuery<Me | null, ApiFailure>({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 60_000,
    retry: (failures, error) => error.code === 'unavailable' && failures < 2,
  });
}

/** Forgets everything cached for the previous account, then records who is signed in now. */
export function replaceSession(queryClient: QueryClient, user: Me | null) {
  // setQueryData (rather than clear) keeps mounted useMe() observers in step with the change.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, user);
}

/** Starts no session: whatever the address, the answer is to check the inbox. */
export function useSignUp() {
  return useMutation<CheckYourEmail, ApiFailure, SignUpRequest>({
    mutationFn: (body) => requestJson('/api/auth/sign-up', CheckYourEmail, { method: 'POST', body }),
  });
}

/** The emailed confirmation link: confirms the address and signs the person in. */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiFailure, EmailVerificationRequest>({
    mutationFn: async (body) => (await requestJson('/api/auth/verify-email', MeResponse, { method: 'POST', body })).user,
    onSuccess: (user) => replaceSession(queryClient, user),
  });
}

/** Signed in, or (with two-step sign-in on) a code still to come: `null`. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Me | null, ApiFailure, SignInRequest>({
    mutationFn: async (body) => {
      const answer = await requestJson('/api/auth/sign-in', SignInResponse, { method: 'POST', body });
      return 'user' in answer ? answer.user : null;
    },
    onSuccess: (user) => {
      if (user) replaceSession(queryClient, user);
    },
  });
}

/**
 * Ends the session, then reloads the app at `/`: a full page load leaves nothing of the
 * previous account in memory, which matters on a shared or family device.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiFailure, void>({
    mutationFn: async () => {
      try {
        await requestEmpty('/api/auth/sign-out', { method: 'POST' });
      } catch (error) {
        // An already-expired session is as signed out as it gets.
        if (!(error instanceof ApiFailure && error.code === 'unauthenticated')) throw error;
      }
    },
    onSuccess: () => {
      queryClient.clear();
      window.location.assign('/');
    },
  });
}
