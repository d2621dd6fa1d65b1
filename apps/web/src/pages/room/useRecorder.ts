import { MAX_UPLOAD_BYTES } from '@haven/contract';
import { useCallback, useEffect, useRef, useState } from 'react';

export type RecordingKind = 'voice' | 'video';

export type RecorderState =
  | { phase: 'idle' }
  | { phase: 'starting'; kind: RecordingKind }
  | { phase: 'recording'; kind: RecordingKind; startedAt: number; stream: MediaStream }
  | { phase: 'preview'; kind: RecordingKind; blob: Blob; url: string; durationMs: number }
  | { phase: 'failed'; kind: RecordingKind; reason: 'denied' | 'unsupported' | 'tooLarge' };

/** Recordings stop by themselves: a voice message within its 25 MB, a video well within its 200 MB. */
export const RECORDING_LIMIT_MINUTES: Record<RecordingKind, number> = { voice: 15, video: 5 };

const CANDIDATE_TYPES: Record<RecordingKind, string[]> = {
  voice: ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'],
  video: ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'],
};

function recorderType(kind: RecordingKind): string | undefined {
  return CANDIDATE_TYPES[kind].find((type) => MediaRecorder.isTypeSupported(type));
}

const canRecord = () => typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

/**
 * Records a voice or video message in the browser: ask for the microphone (and camera), record,
 * stop into a preview the person can play back, then take it to send or discard it.
 */
export function useRecorder() {
  const [state, setState] = useState<RecorderState>({ phase: 'idle' });
  // One mutable record (not a ref per field) so the unmount clean-up sees the live recorder.
  const session = useRef<{ media: MediaRecorder | null; limit: ReturnType<typeof setTimeout> | null; attempt: number }>({
    media: null,
    limit: null,
    attempt: 0,
  });

  const stop = useCallback(() => {
    const current = session.current;
    if (current.limit !== null) clearTimeout(current.limit);
    current.limit = null;
    if (current.media?.state === 'recording') current.media.stop();
  }, []);

  const start = useCallback(
    async (kind: RecordingKind) => {
      if (!canRecord()) return setState({ phase: 'failed', kind, reason: 'unsupported' });
      const current = session.current;
      const attempt = ++current.attempt;
      setState({ phase: 'starting', kind });
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia(
          kind === 'video' ? { audio: true, video: { width: 640, height: 480 } } : { audio: true },
        );
      } catch {
        if (attempt === current.attempt) setState({ phase: 'failed', kind, reason: 'denied' });
        return;
      }
      if (attempt !== current.attempt) {
        for (const track of stream.getTracks()) track.stop(); // cancelled while the browser asked
        return;
      }
      const mimeType = recorderType(kind);
      const media = new MediaRecorder(stream, {
        mimeType,
        audioBitsPerSecond: 64_000,
        videoBitsPerSecond: kind === 'video' ? 1_000_000 : undefined,
      });
      const chunks: Blob[] = [];
      const startedAt = Date.now();
      media.ondataavailable = (event) => {
        if (event.data.size > 0) chunks.push(event.data);
      };
      media.onstop = () => {
        for (const track of stream.getTracks()) track.stop();
        if (current.media !== media) return; // cancelled: nothing is kept
        current.media = null;
        const blob = new Blob(chunks, { type: media.mimeType || mimeType || (kind === 'voice' ? 'audio/webm' : 'video/webm') });
        if (blob.size > MAX_UPLOAD_BYTES[kind]) return setState({ phase: 'failed', kind, reason: 'tooLarge' });
        setState({ phase: 'preview', kind, blob, url: URL.createObjectURL(blob), durationMs: Date.now() - startedAt });
      };
      current.media = media;
      media.start(1_000);
      current.limit = setTimeout(stop, RECORDING_LIMIT_MINUTES[kind] * 60_000);
      setState({ phase: 'recording', kind, startedAt, stream });
    },
    [stop],
  );

  /** Stops without keeping anything. */
  const cancel = useCallback(() => {
    const current = session.current;
    const media = current.media;
    current.media = null;
    current.attempt += 1;
    if (current.limit !== null) clearTimeout(current.limit);
    current.limit = null;
    if (media && media.state !== 'inactive') media.stop();
    setState({ phase: 'idle' });
  }, []);

  /** Back to idle; the preview's object URL is let go by the effect below. */
  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  useEffect(() => {
    if (state.phase !== 'preview') return;
    return () => URL.revokeObjectURL(state.url);
  }, [state]);

  // Leaving the page mid-recording turns the microphone and camera off.
  useEffect(() => {
    const current = session.current;
    return () => {
      const media = current.media;
      current.media = null;
      current.attempt += 1;
      if (media && media.state !== 'inactive') media.stop();
      if (current.limit !== null) clearTimeout(current.limit);
    };
  }, []);

  return { state, start, stop, cancel, reset };
}
