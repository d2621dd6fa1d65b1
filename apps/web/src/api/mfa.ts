import {
  MeResponse,
  MfaEnrolment,
  MfaStatus,
  RecoveryCodes,
  type Me,
  type MfaCodeRequest,
  type MfaConfirmRequest,
  type MfaDisableRequest,
} from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiFailure } from './client.ts';
import { replaceSession, requestEmpty, requestJson } from './client.ts';

export const mfaQueryKey = ['account', 'mfa'] as const;

/** Whether the signed-in account has two-step sign-in on, and whether it must. */
export function useMfaStatus(enabled = true) {
  return useQuery<MfaStatus, ApiFailure>({ queryKey: mfaQueryKey, queryFn: () => requestJson('/api/account/mfa', MfaStatus), enabled });
}

export function useStartMfaEnrolment() {
  return useMutation<MfaEnrolment, ApiFailure, void>({
    mutationFn: () => requestJson('/api/account/mfa/enrolment', MfaEnrolment, { method: 'POST' }),
  });
}

function useMfaChange<Body, Result>(mutationFn: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation<Result, ApiFailure, Body>({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mfaQueryKey }),
  });
}

export const useConfirmMfaEnrolment = () =>
  useMfaChange(
    async (body: MfaConfirmRequest) =>
      (await requestJson('/api/account/mfa/enrolment/confirm', RecoveryCodes, { method: 'POST', body })).recoveryCodes,
  );

export const useRegenerateRecoveryCodes = () =>
  useMfaChange(
    async (body: MfaCodeRequest) =>
      (await requestJson('/api/account/mfa/recovery-codes', RecoveryCodes, { method: 'POST', body })).recoveryCodes,
  );

export const useDisableMfa = () =>
  useMfaChange((body: MfaDisableRequest) => requestEmpty('/api/account/mfa/disable', { method: 'POST', body }));

/** The second step of signing in: a code from the app or a recovery code. */
export function useSignInCode() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiFailure, MfaCodeRequest>({
    mutationFn: async (body) => (await requestJson('/api/auth/mfa', MeResponse, { method: 'POST', body })).user,
    onSuccess: (user) => replaceSession(queryClient, user),
  });
}
