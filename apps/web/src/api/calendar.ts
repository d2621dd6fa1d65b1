import {
  LiveSession,
  ProviderCalendar,
  SessionSettings,
  type CancelRequest,
  type DecideRequest,
  type RescheduleRequest,
} from '@haven/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, type ApiFailure } from './client.ts';
import { sessionsQueryKey } from './sessions.ts';

const calendarKey = ['provider', 'calendar'] as const;
const settingsKey = ['provider', 'session-settings'] as const;

/** The provider's sessions, published hours and time off over [from, to) (at most 42 days). */
export function useProviderCalendar(range: { from: string; to: string }) {
  return useQuery<ProviderCalendar, ApiFailure>({
    queryKey: [...calendarKey, range.from, range.to],
    queryFn: () => requestJson(`/api/provider/calendar?${new URLSearchParams(range).toString()}`, ProviderCalendar),
    // The week on screen stays while the next one loads, so the page does not jump.
    placeholderData: keepPreviousData,
    // "Join" opens at a set time and clients book at any moment: read it again each minute.
    refetchInterval: 60_000,
  });
}

/** A change made from the calendar: the calendar and every session list are read again. */
function useCalendarAction<B>(action: 'decision' | 'cancel' | 'reschedule') {
  const queryClient = useQueryClient();
  return useMutation<LiveSession, ApiFailure, { sessionId: string } & B>({
    mutationFn: ({ sessionId, ...body }) =>
      requestJson(`/api/sessions/${encodeURIComponent(sessionId)}/${action}`, LiveSession, { method: 'POST', body }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: calendarKey });
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
  });
}

/** Confirms or declines a requested session. */
export const useDecideSession = () => useCalendarAction<DecideRequest>('decision');
/** Cancels a session; when the provider cancels, the client's session is returned. */
export const useProviderCancel = () => useCalendarAction<CancelRequest>('cancel');
/** Moves a session to another open time; the answer is the new session. */
export const useProviderReschedule = () => useCalendarAction<RescheduleRequest>('reschedule');

export function useSessionSettings() {
  return useQuery<SessionSettings, ApiFailure>({
    queryKey: settingsKey,
    queryFn: () => requestJson('/api/provider/session-settings', SessionSettings),
  });
}

export function useSaveSessionSettings() {
  const queryClient = useQueryClient();
  return useMutation<SessionSettings, ApiFailure, SessionSettings>({
    mutationFn: (body) => requestJson('/api/provider/session-settings', SessionSettings, { method: 'PUT', body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      void queryClient.invalidateQueries({ queryKey: calendarKey });
    },
  });
}
