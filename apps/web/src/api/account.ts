import {
  AccountClosed,
  AccountDetails,
  CheckYourEmail,
  EmailChangedResponse,
  type EmailChangeConfirmation,
  type EmailChangeRequest,
  SessionsEndedResponse,
  SignInSessionsResponse,
  type AccountDetailsUpdate,
  type CloseAccountRequest,
  type PasswordChangeRequest,
  type PasswordResetCompletion,
  type PasswordResetRequest,
  type SignInSession,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meQueryKey, requestEmpty, requestJson, type ApiFailure } from './client.ts';

const sessionsKey = ['account', 'sessions'] as const;

export function useRequestPasswordReset() {
  return useMutation<CheckYourEmail, ApiFailure, PasswordResetRequest>({
    mutationFn: (body) => requestJson('/api/auth/password-reset', CheckYourEmail, { method: 'POST', body }),
  });
}

export function useCompletePasswordReset() {
  return useMutation<void, ApiFailure, PasswordResetCompletion>({
    mutationFn: (body) => requestEmpty('/api/auth/password-reset/complete', { method: 'POST', body }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation<SessionsEndedResponse, ApiFailure, PasswordChangeRequest>({
    mutationFn: (body) => requestJson('/api/auth/password', SessionsEndedResponse, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSignInSessions() {
  return useQuery<SignInSession[], ApiFailure>({
    queryKey: sessionsKey,
    queryFn: async () => (await requestJson('/api/auth/sessions', SignInSessionsResponse)).sessions,
  });
}

export function useEndSignInSession() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiFailure, string>({
    mutationFn: (id) => requestEmpty(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSignOutOthers() {
  const queryClient = useQueryClient();
  return useMutation<SessionsEndedResponse, ApiFailure, void>({
    mutationFn: () => requestJson('/api/auth/sessions/sign-out-others', SessionsEndedResponse, { method: 'POST' }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

const detailsKey = ['account', 'details'] as const;

export function useAccountDetails() {
  return useQuery<AccountDetails, ApiFailure>({ queryKey: detailsKey, queryFn: () => requestJson('/api/account/details', AccountDetails) });
}

/** Changes the name or time zone; the name shows in the header, so the account is reloaded too. */
export function useUpdateAccountDetails() {
  const queryClient = useQueryClient();
  return useMutation<AccountDetails, ApiFailure, AccountDetailsUpdate>({
    mutationFn: (body) => requestJson('/api/account/details', AccountDetails, { method: 'PUT', body }),
    onSuccess: (details) => {
      queryClient.setQueryData(detailsKey, details);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** Asks to move the account to another address: the change waits for the link sent there. */
export function useRequestEmailChange() {
  return useMutation<CheckYourEmail, ApiFailure, EmailChangeRequest>({
    mutationFn: (body) => requestJson('/api/account/email', CheckYourEmail, { method: 'POST', body }),
  });
}

/** The link sent to the new address: makes the change; the account's other sign-ins end. */
export function useConfirmEmailChange() {
  const queryClient = useQueryClient();
  return useMutation<EmailChangedResponse, ApiFailure, EmailChangeConfirmation>({
    mutationFn: (body) => requestJson('/api/account/email/confirm', EmailChangedResponse, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
  });
}

/** Closing the account: on success the session is gone, so the app starts over signed out. */
export function useCloseAccount() {
  const queryClient = useQueryClient();
  return useMutation<AccountClosed, ApiFailure, CloseAccountRequest>({
    mutationFn: (body) => requestJson('/api/account/close', AccountClosed, { method: 'POST', body }),
    onSuccess: () => queryClient.clear(),
  });
}

/** The client's own record, downloaded: FHIR R4 for another provider or app, or a page to read. */
export const recordExportUrls = { fhir: '/api/account/export.fhir.json', html: '/api/account/export.html' } as const;
