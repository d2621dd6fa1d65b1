import type { JoinResult, LiveSession } from '@haven/contract';

/** What the lobby hands the call: the server's answer, and the camera and microphone chosen. */
export type Joined = { join: JoinResult; stream: MediaStream | null; devices: { cameraId: string | null; microphoneId: string | null } };

export function counterpartName(session: LiveSession, role: 'client' | 'provider'): string {
  return role === 'client' ? session.providerName : session.clientName;
}
