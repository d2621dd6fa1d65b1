// The camera and microphone for a live session. Joining never needs a camera: without one (or
// without permission) the call goes on with the microphone alone, or with nothing to send at all.
import type { LiveModality } from '@haven/contract';

export type DeviceChoice = { cameraId: string | null; microphoneId: string | null };
export type LocalMedia = { stream: MediaStream | null; problem: 'no_camera' | 'no_microphone' | 'blocked' | null };

function constraint(deviceId: string | null): MediaTrackConstraints | boolean {
  return deviceId ? { deviceId: { exact: deviceId } } : true;
}

/** Asks for what the modality needs, then settles for less rather than failing. */
export async function openLocalMedia(modality: LiveModality, choice: DeviceChoice): Promise<LocalMedia> {
  if (modality === 'chat' || !navigator.mediaDevices?.getUserMedia) return { stream: null, problem: null };
  const audio = constraint(choice.microphoneId);
  if (modality === 'video') {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio, video: constraint(choice.cameraId) }), problem: null };
    } catch {
      // no camera, or the camera refused: try the microphone alone
    }
  }
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio }), problem: modality === 'video' ? 'no_camera' : null };
  } catch (error) {
    const blocked = error instanceof DOMException && error.name === 'NotAllowedError';
    return { stream: null, problem: blocked ? 'blocked' : 'no_microphone' };
  }
}

export async function listDevices(): Promise<{ cameras: MediaDeviceInfo[]; microphones: MediaDeviceInfo[] }> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return { cameras: devices.filter((d) => d.kind === 'videoinput'), microphones: devices.filter((d) => d.kind === 'audioinput') };
}

export function stopMedia(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
