import { NoteView, type AmendmentInput, type ProgressNoteDraft, type PsychotherapyNoteInput } from '@haven/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson, type ApiFailure } from './client.ts';

const noteKey = (sessionId: string) => ['provider', 'session-note', sessionId] as const;
const notePath = (sessionId: string, rest = '') => `/api/provider/sessions/${encodeURIComponent(sessionId)}/note${rest}`;

/** A live session's progress note, its amendments and the provider's own psychotherapy note. */
export function useNoteView(sessionId: string) {
  return useQuery<NoteView, ApiFailure>({
    queryKey: noteKey(sessionId),
    queryFn: () => requestJson(notePath(sessionId), NoteView),
  });
}

/** A write answered with the whole view, which replaces the cached one. */
function useNoteChange<V>(sessionId: string, method: 'PUT' | 'POST', path: string) {
  const queryClient = useQueryClient();
  return useMutation<NoteView, ApiFailure, V>({
    mutationFn: (body) => requestJson(path, NoteView, { method, body }),
    onSuccess: (view) => queryClient.setQueryData(noteKey(sessionId), view),
    // Signed meanwhile (409): show what the server has now.
    onError: (failure) => {
      if (failure.code === 'conflict') void queryClient.invalidateQueries({ queryKey: noteKey(sessionId) });
    },
  });
}

export const useSaveDraft = (sessionId: string) => useNoteChange<ProgressNoteDraft>(sessionId, 'PUT', notePath(sessionId));
export const useSignNote = (sessionId: string) => useNoteChange<ProgressNoteDraft>(sessionId, 'POST', notePath(sessionId, '/sign'));
export const useAddAmendment = (sessionId: string) => useNoteChange<AmendmentInput>(sessionId, 'POST', notePath(sessionId, '/amendments'));
export const useSavePsychotherapyNote = (sessionId: string) =>
  useNoteChange<PsychotherapyNoteInput>(sessionId, 'PUT', `/api/provider/sessions/${encodeURIComponent(sessionId)}/psychotherapy-note`);
