import {
  AuditSearchResult,
  AuditStatus,
  BreakGlassGrant,
  BreakGlassList,
  BreakGlassRoom,
  RecordAccessList,
  type AuditSearchQuery,
  type BreakGlassRequest,
} from '@haven/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { searchParamsOf } from './operations.ts';
import { requestJson, type ApiFailure } from './client.ts';

const auditKey = ['admin', 'audit'] as const;
const breakGlassKey = ['admin', 'break-glass'] as const;
const grantPath = (grantId: string) => `/api/admin/break-glass/${encodeURIComponent(grantId)}`;

/** Who opened the signed-in client's record. */
export function useRecordAccess() {
  return useQuery<RecordAccessList, ApiFailure>({
    queryKey: ['account', 'record-access'],
    queryFn: () => requestJson('/api/account/record-access', RecordAccessList),
  });
}

export function useAuditStatus() {
  return useQuery<AuditStatus, ApiFailure>({
    queryKey: [...auditKey, 'status'],
    queryFn: () => requestJson('/api/admin/audit/status', AuditStatus),
  });
}

export function useVerifyAudit() {
  const queryClient = useQueryClient();
  return useMutation<AuditStatus, ApiFailure, void>({
    mutationFn: () => requestJson('/api/admin/audit/verify', AuditStatus, { method: 'POST' }),
    onSuccess: (status) => queryClient.setQueryData([...auditKey, 'status'], status),
  });
}

type AuditSearch = Partial<Record<Exclude<keyof AuditSearchQuery, 'before'>, string>>;

/** The trail, newest first, a page at a time. */
export function useAuditSearch(query: AuditSearch) {
  const search = searchParamsOf(query).toString();
  return useInfiniteQuery<AuditSearchResult, ApiFailure>({
    queryKey: [...auditKey, 'search', search],
    initialPageParam: null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      if (typeof pageParam === 'string') params.set('before', pageParam);
      return requestJson(`/api/admin/audit?${params.toString()}`, AuditSearchResult);
    },
    getNextPageParam: (page) => page.nextBefore,
  });
}

export function useBreakGlassList() {
  return useQuery<BreakGlassList, ApiFailure>({
    queryKey: breakGlassKey,
    queryFn: () => requestJson('/api/admin/break-glass', BreakGlassList),
  });
}

export function useOpenBreakGlass() {
  const queryClient = useQueryClient();
  return useMutation<BreakGlassGrant, ApiFailure, BreakGlassRequest>({
    mutationFn: (body) => requestJson('/api/admin/break-glass', BreakGlassGrant, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: breakGlassKey }),
  });
}

/** The room under an open grant; `before` pages back. Read again each time it is opened, never cached. */
export function useBreakGlassRoom(grantId: string) {
  return useInfiniteQuery<BreakGlassRoom, ApiFailure>({
    queryKey: [...breakGlassKey, grantId, 'room'],
    initialPageParam: null,
    gcTime: 0,
    retry: false,
    queryFn: ({ pageParam }) =>
      requestJson(`${grantPath(grantId)}/room${typeof pageParam === 'number' ? `?before=${pageParam}` : ''}`, BreakGlassRoom),
    getNextPageParam: (page) => (page.hasEarlier && page.messages[0] ? page.messages[0].seq : undefined),
  });
}

function useGrantChange<V>(request: (variables: V) => [path: string, body?: unknown]) {
  const queryClient = useQueryClient();
  return useMutation<BreakGlassGrant, ApiFailure, V>({
    mutationFn: (variables) => {
      const [path, body] = request(variables);
      return requestJson(path, BreakGlassGrant, { method: 'POST', body });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: breakGlassKey }),
  });
}

export const useEndBreakGlass = () => useGrantChange((grantId: string) => [`${grantPath(grantId)}/end`]);
export const useReviewBreakGlass = () =>
  useGrantChange(({ grantId, note }: { grantId: string; note: string }) => [`${grantPath(grantId)}/review`, { note }]);
