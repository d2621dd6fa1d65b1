import {
  BookedLiveSessions,
  BookingOptions,
  JoinResult,
  LiveSession,
  LiveSessionList,
  type BookLiveSessionRequest,
  type CancelRequest,
  type JoinRequest,
  type LiveModality,
  type RescheduleRequest,
} from '@haven/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { careQueryKey } from './care.ts';
import { requestJson, type ApiFailure } from './client.ts';
import { coverageQueryKey } from './coverage.ts';

/** Everything about live sessions sits under this key: invalidate it after any change to a session. */
export const sessionsQueryKey = ['sessions'] as const;
export const sessionListQueryKey = [...sessionsQueryKey, 'list'] as const;
export const sessionQueryKey = (sessionId: string) => [...sessionsQueryKey, 'one', sessionId] as const;
/** Open times, for booking (no session id) or for moving one session. */
export const bookingOptionsQueryKey = [...sessionsQueryKey, 'options'] as const;

const retryWhenUnreachable = (failures: number, error: ApiFailure) => error.code === 'unavailable' && failures < 2;
const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The .ics file for one session, for the client's or provider's own calendar. */
export const calendarFileUrl = (sessionId: string) => `${sessionPath(sessionId)}/calendar.ics`;

export type OptionsRange = { from: string; to: string };

const FORTNIGHT = 14 * 86_400_000;

/** The two weeks from when the form opened: fixed, so the open times are not read again on every render. */
export function useNextTwoWeeks(): OptionsRange {
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + FORTNIGHT).toISOString() };
  });
  return range;
}

function optionsQuery({ from, to }: OptionsRange, length?: number): string {
  const query = new URLSearchParams({ from, to });
  if (length !== undefined) query.set('length', String(length));
  return query.toString();
}

/**
 * Open times with the client's current provider, with the lengths and ways of meeting they offer.
 * `length` left out means the provider's usual length. The previous answer stays on screen while
 * another length loads, so the form around it keeps its place and focus.
 */
export function useBookingOptions(range: OptionsRange, length?: number) {
  return useQuery<BookingOptions, ApiFailure>({
    queryKey: [...bookingOptionsQueryKey, 'new', range.from, range.to, length ?? null],
    queryFn: () => requestJson(`/api/sessions/options?${optionsQuery(range, length)}`, BookingOptions),
    placeholderData: keepPreviousData,
    retry: retryWhenUnreachable,
  });
}

/** Open times for moving one session: the same provider and length. */
export function useRescheduleOptions(sessionId: string, range: OptionsRange) {
  return useQuery<BookingOptions, ApiFailure>({
    queryKey: [...bookingOptionsQueryKey, sessionId, range.from, range.to],
    queryFn: () => requestJson(`${sessionPath(sessionId)}/options?${optionsQuery(range)}`, BookingOptions),
    retry: retryWhenUnreachable,
  });
}

/** The signed-in person's live sessions: upcoming (soonest first) and past. */
export function useSessions() {
  return useQuery<LiveSessionList, ApiFailure>({
    queryKey: sessionListQueryKey,
    queryFn: () => requestJson('/api/sessions', LiveSessionList),
    // "Join" opens at a set time: the list is read again each minute while it is on screen.
    refetchInterval: 60_000,
    retry: retryWhenUnreachable,
  });
}

export function useSession(sessionId: string) {
  return useQuery<LiveSession, ApiFailure>({
    queryKey: sessionQueryKey(sessionId),
    queryFn: () => requestJson(sessionPath(sessionId), LiveSession),
    retry: retryWhenUnreachable,
  });
}

/**
 * A session changed: the one session is replaced at once; the lists, open times, balance and care
 * page are read again, since a booking, cancellation or refusal can change each of them.
 */
function refreshAfterChange(queryClient: QueryClient, changed?: LiveSession) {
  if (changed) queryClient.setQueryData(sessionQueryKey(changed.id), changed);
  void queryClient.invalidateQueries({ queryKey: sessionListQueryKey });
  void queryClient.invalidateQueries({ queryKey: bookingOptionsQueryKey });
  void queryClient.invalidateQueries({ queryKey: coverageQueryKey });
  void queryClient.invalidateQueries({ queryKey: careQueryKey });
}

/** Books one session, or a weekly / every-other-week series, at the cost the client saw. */
export function useBookSession() {
  const queryClient = useQueryClient();
  return useMutation<BookedLiveSessions, ApiFailure, BookLiveSessionRequest>({
    mutationFn: (body) => requestJson('/api/sessions', BookedLiveSessions, { method: 'POST', body }),
    onSettled: () => refreshAfterChange(queryClient),
  });
}

function useSessionAction<B>(action: string) {
  const queryClient = useQueryClient();
  return useMutation<LiveSession, ApiFailure, { sessionId: string } & B>({
    mutationFn: ({ sessionId, ...body }) => requestJson(`${sessionPath(sessionId)}/${action}`, LiveSession, { method: 'POST', body }),
    onSettled: (session) => refreshAfterChange(queryClient, session),
  });
}

/** Moves a session to another open time; the answer is the new session. */
export const useRescheduleSession = () => useSessionAction<RescheduleRequest>('reschedule');

/** Cancels a session: returned with 24 hours' notice or more, used after that. */
export const useCancelSession = () => useSessionAction<CancelRequest>('cancel');

/** Switches a session in progress to another way of meeting (video → audio → chat). */
export const useChangeModality = () => useSessionAction<{ modality: LiveModality }>('modality');

/** Ends a session in progress. */
export const useEndSession = () => useSessionAction<Record<never, never>>('end');

/** Joins a session whose window is open; the client confirms where they are. */
export function useJoinSession() {
  const queryClient = useQueryClient();
  return useMutation<JoinResult, ApiFailure, { sessionId: string } & JoinRequest>({
    mutationFn: ({ sessionId, ...body }) => requestJson(`${sessionPath(sessionId)}/join`, JoinResult, { method: 'POST', body }),
    onSuccess: (result) => {
      queryClient.setQueryData(sessionQueryKey(result.session.id), result.session);
      void queryClient.invalidateQueries({ queryKey: sessionListQueryKey });
    },
  });
}
